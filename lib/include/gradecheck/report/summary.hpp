#pragma once
/// The class summary for the instructor, as JSON (the data) or as one
/// self-contained HTML page: per quantity a bar of its verdicts and the most
/// common mistakes in words, per part a histogram of the scores, and the
/// derivation graph coloured by how many went wrong at each step. Neither
/// shows a reference value; the mistakes are said as the view says them.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/class_summary.hpp"
#include "gradecheck/report/disclosure.hpp"

#include <string>

namespace gradecheck::report {

/// Returns the summary as JSON: case, submissions, per quantity its verdict counts (every
/// verdict, by its machine name) and mistakes (diagnosis, count, examples), per part and in
/// total the scores that occur with their counts.
std::string to_summary_json(const grade::class_summary& s);

/// Returns the case's derivation as a Graphviz graph laid out as `to_dot` lays it out, each
/// asked quantity filled from white to red by the fraction of submissions whose answer
/// was not accepted, and labelled "name\nk of N wrong".
std::string to_summary_dot(const cases::case_file& c, const grade::class_summary& s);

/// Returns the whole HTML page (no scripts, styles or fonts fetched; the graph is left out,
/// with a sentence, when Graphviz's `dot` is not installed).
std::string to_summary_html(const cases::case_file& c, const grade::class_summary& s, const view& how);

}  // namespace gradecheck::report
