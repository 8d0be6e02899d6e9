#pragma once
/// The report for a student as one self-contained HTML file: the case's
/// computation graph as an SVG (drawn by Graphviz `dot` when it is installed,
/// left out otherwise), every quantity coloured by its verdict, and a table
/// of every answer with its feedback.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/report/disclosure.hpp"

#include <string>

namespace gradecheck::report {

/// Returns the case's derivation as a Graphviz graph: an arrow from every name
/// a step uses to the step; asked quantities filled with the colour of their verdict.
std::string to_dot(const cases::case_file& c, const grade::report& r, const view& how);

/// Returns the SVG `dot` draws for `graph`, or an empty string when `dot` is not installed or fails.
std::string draw_svg(const std::string& graph);

/// Returns the whole HTML page.
std::string to_html(const cases::case_file& c, const grade::report& r, const view& how);

}  // namespace gradecheck::report
