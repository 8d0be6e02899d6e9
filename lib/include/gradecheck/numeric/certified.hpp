#pragma once
/// Printing a computed value with every digit right: the value is computed
/// twice, with guard digits (real100) and at twice that (real200); a digit is
/// printed only when both round to it, so that the error of the computation
/// (which shrinks with the precision) cannot reach a printed digit unseen.

#include "gradecheck/numeric/real.hpp"

#include <string>

namespace gradecheck::numeric {

/// A value written to `digits` significant digits, correctly rounded.
struct certified {
  std::string text;
  int digits = 0;  ///< fewer than asked when more could not be certified
};

/// Returns the value to `digits` significant digits where `wide` and `check` (the same
/// computation in two precisions) round alike, else to the most digits where they do (at
/// least 1). Both below 1e-80 in magnitude are 0: the computation's own noise, not a value.
certified certify(const real100& wide, const real200& check, int digits);

}  // namespace gradecheck::numeric
