#pragma once
/// Machine-readable reports: gradecheck's own JSON, Gradescope's results.json
/// and PrairieLearn's external-grader results.json. Verdict names are used
/// verbatim in every one of them; what they show of the key follows the view.

#include "gradecheck/grade/finding.hpp"
#include "gradecheck/report/disclosure.hpp"

#include <string>

namespace gradecheck::report {

/// Returns everything: per quantity name, verdict, score, max_score, student (as written),
/// reference (empty when the view hides the key), feedback, the structured diagnosis,
/// per-entry verdicts, where the answer was written and the comparison made.
std::string to_json(const grade::report& r, const view& how);

/// Returns a Gradescope autograder results.json: one visible test per asked quantity;
/// with `after_due_date`, each also has a test carrying the key, visible after the due date.
std::string to_gradescope(const grade::report& r, const view& how, reveal policy);

/// Returns a PrairieLearn external-grader results.json: score in [0, 1], gradable, tests.
std::string to_prairielearn(const grade::report& r, const view& how);

}  // namespace gradecheck::report
