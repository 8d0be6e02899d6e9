#pragma once
/// Answer keys and blank answer files.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/cases/verify.hpp"
#include "gradecheck/expr/value.hpp"
#include "gradecheck/numeric/real.hpp"

#include <string>
#include <vector>

namespace gradecheck::cases {

enum class key_format { text, markdown, latex, json };

/// Returns the value as the expression language writes it: "0.5", "[1, 2]", "[[1, 2], [3, 4]]".
std::string format_value(const expr::value<numeric::real50>& v, int digits);

/// Returns the answer key: every asked quantity to `digits` significant
/// digits, its expression and, for derivatives, the digits of their check.
/// The text form is itself a valid answer file; the JSON form is the key as data, for tools
/// outside the repository: every value as a string of `digits` significant digits.
std::string write_key(const case_file& c, const std::vector<derivative_check>& checks, key_format format, int digits);

/// Returns the blank answer file a student fills in.
std::string write_template(const case_file& c);

}  // namespace gradecheck::cases
