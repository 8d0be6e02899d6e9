#pragma once
/// Exact decimal literals: "0.15" is the decimal 0.15, converted once to the
/// nearest Real, never through a double. The written precision is kept, since
/// the precision a student wrote is part of grading.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gradecheck::numeric {

/// A decimal number as written: value = (-1)^negative * digits * 10^exponent.
/// Leading zeros are dropped from `digits`; trailing zeros are kept because
/// they were written ("0.50" has 2 significant digits).
struct decimal {
  bool negative = false;
  std::string digits = "0";
  int exponent = 0;

  /// Returns the number of significant digits written (at least 1).
  [[nodiscard]] int significant_digits() const { return static_cast<int>(digits.size()); }
  /// Returns the number of decimal places written: 4 for "0.5933", -2 for "12e2".
  [[nodiscard]] int decimal_places() const { return -exponent; }
  /// Returns the canonical text "[-]<digits>e<exponent>".
  [[nodiscard]] std::string canonical() const;
};

/// A malformed decimal literal. `column` is 1-based, in characters.
struct decimal_parse_error : std::runtime_error {
  decimal_parse_error(std::size_t column, const std::string& expected, std::string_view text);
  std::size_t column;
};

/// Compares two decimals by value, exactly: -1 when a < b, 0 when equal
/// (0.5 and 0.50 are equal), 1 when a > b.
int compare(const decimal& a, const decimal& b);

/// Returns the decimal written in `text`: [sign] digits [. digits] [e [sign] digits].
/// The sign may be '+', '-' or the Unicode minus U+2212. Throws decimal_parse_error.
decimal parse_decimal(std::string_view text);

/// Returns the Real nearest to `d` (correctly rounded).
template <class Real>
Real to_real(const decimal& d);

/// Returns the Real nearest to the decimal written in `text`.
template <class Real>
Real parse_real(std::string_view text) {
  return to_real<Real>(parse_decimal(text));
}

}  // namespace gradecheck::numeric
