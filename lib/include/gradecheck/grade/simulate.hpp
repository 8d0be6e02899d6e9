#pragma once
/// A simulated student: works through a case step by step, writes every
/// asked quantity to a number of significant digits, and carries on from what
/// they wrote. Used to test the grader (rounding must never be charged, a
/// wrong step's consequences must be carried forward) and by `grader solve`.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/value.hpp"
#include "gradecheck/numeric/real.hpp"

#include <map>
#include <string>

namespace gradecheck::grade {

/// Returns each asked quantity's answer as written: every number to `digits`
/// significant digits (scientific form whenever the fixed form would hide the
/// precision, as 24000 would). Quantities in `set` take the given value instead
/// of their definition (a student's own mistake), and later steps use it.
/// A formula answer is its reference formula. Throws cases::case_error when a
/// step cannot be evaluated from those values.
std::map<std::string, std::string> simulate_student(const cases::case_file& c, int digits,
                                                    const std::map<std::string, expr::value<numeric::real50>>& set = {});

/// Returns the answers as a text answer file in the case's ask order, after a `#` comment line.
std::string answer_file(const cases::case_file& c, const std::map<std::string, std::string>& answers, const std::string& comment);

/// Returns v written to `digits` significant digits as the expression language reads it.
std::string written_value(const expr::value<numeric::real50>& v, int digits);

}  // namespace gradecheck::grade
