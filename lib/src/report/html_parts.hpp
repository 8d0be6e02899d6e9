#pragma once
// What the student's page (html.cpp, which defines them) and the class summary's page share:
// the verdict colours, escaping, and the derivation graph's layout.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/verdict.hpp"

#include <functional>
#include <string>
#include <vector>

namespace gradecheck::report::html {

/// Returns the fill colour of a verdict, the same in every graph, bar and table.
const char* colour_of(grade::verdict v);

/// Returns `s` with &, <, > and " escaped for HTML text and attributes.
std::string escaped(const std::string& s);

/// How one asked quantity is drawn in the graph.
struct node_look {
  std::string fill;  ///< "#rrggbb"
  std::string text;  ///< the line under the quantity's name
};

/// Returns the case's derivation as a Graphviz graph: one column per part, left to right; a
/// node per quantity of `asked` (in this order) drawn as `look` says and labelled with the
/// givens it uses; an arrow from each asked quantity to those computed from it.
std::string derivation_dot(const cases::case_file& c, const std::vector<std::string>& asked,
                           const std::function<node_look(const std::string&)>& look);

}  // namespace gradecheck::report::html
