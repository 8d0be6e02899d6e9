#pragma once
/// The asked values as printed: each entry correctly rounded to a number of
/// significant digits where that can be certified (numeric/certified.hpp),
/// and to fewer, which it says, where it cannot. Keys and reports print these.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/numeric/certified.hpp"

#include <map>
#include <string>
#include <vector>

namespace gradecheck::cases {

/// One asked value as printed, with its shape.
struct printed {
  std::size_t rows = 1, cols = 1;
  std::vector<numeric::certified> entries;  ///< row-major

  /// Returns the fewest digits any entry is printed to.
  [[nodiscard]] int least_digits() const;
  /// Returns the value as the expression language writes it: "0.5", "[1, 2]", "[[1, 2], [3, 4]]".
  [[nodiscard]] std::string text() const;
};

/// Returns every asked quantity of c that is a number (not a formula), printed to `digits`
/// significant digits: the case is computed in real100 and again in real200 to certify each rounding.
std::map<std::string, printed> printed_values(const case_file& c, int digits);

}  // namespace gradecheck::cases
