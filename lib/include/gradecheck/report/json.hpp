#pragma once
/// Machine-readable reports: gradecheck's own JSON, Gradescope's results.json
/// and PrairieLearn's external-grader results.json. Verdict names are used
/// verbatim in every one of them.

#include "gradecheck/grade/grade.hpp"

#include <string>

namespace gradecheck::report {

/// Returns everything: per quantity name, verdict, score, max_score, student (as written),
/// reference, feedback and the comparison made.
std::string to_json(const grade::report& r);

/// Returns a Gradescope autograder results.json: one test per asked quantity.
std::string to_gradescope(const grade::report& r);

/// Returns a PrairieLearn external-grader results.json: score in [0, 1], gradable, tests.
std::string to_prairielearn(const grade::report& r);

}  // namespace gradecheck::report
