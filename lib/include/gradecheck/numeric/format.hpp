#pragma once
/// Printing reals to N significant digits, correctly rounded from the binary
/// value (round half to even on the exact binary expansion).

#include "gradecheck/numeric/real.hpp"

#include <string>

namespace gradecheck::numeric {

/// Returns `x` to `n` significant digits: fixed notation when the decimal
/// exponent lies in [-5, 20], scientific ("1.25e-7") otherwise; trailing zeros
/// are kept since they are significant. Zero is "0", NaN "nan", infinities "inf".
std::string to_significant(const real50& x, int n);
/// Returns `x` to `n` significant digits (same layout as the real50 overload).
std::string to_significant(double x, int n);
std::string to_significant(const real100& x, int n);
std::string to_significant(const real200& x, int n);

/// Returns `x` to `n` significant digits, always in scientific form ("2.4e4"),
/// so that the written precision is plain even for whole numbers.
std::string to_scientific(const real50& x, int n);

/// Returns a double with `decimals` digits after the point ("46.5"), for counts of digits.
std::string to_fixed(double x, int decimals);

/// Returns a double in its shortest general form ("28", "0.5", "1e-09"), for scores.
std::string to_general(double x);

}  // namespace gradecheck::numeric
