#pragma once
/// The report for a student as one self-contained HTML file: the case's
/// computation graph as an SVG (drawn by Graphviz `dot` when it is installed,
/// left out otherwise), every quantity coloured by its verdict, and a table
/// of every answer with its feedback.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/finding.hpp"
#include "gradecheck/report/disclosure.hpp"

#include <string>

namespace gradecheck::report {

/// Returns the case's derivation as a Graphviz graph, drawn the way a student works it:
/// one column per part, left to right; a node per asked quantity, filled with the
/// colour of its verdict and labelled with the givens it uses; an arrow from each
/// asked quantity to those computed from it (through intermediates not asked for).
std::string to_dot(const cases::case_file& c, const grade::report& r, const view& how);

/// Returns the SVG `dot` draws for `graph`, or an empty string when `dot` is not installed or fails.
std::string draw_svg(const std::string& graph);

/// Returns the whole HTML page.
std::string to_html(const cases::case_file& c, const grade::report& r, const view& how);

}  // namespace gradecheck::report
