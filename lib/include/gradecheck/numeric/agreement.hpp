#pragma once
/// How many digits two numbers share: the yardstick of every check here.

#include "gradecheck/numeric/real.hpp"

#include <algorithm>
#include <limits>

namespace gradecheck::numeric {

/// Returns |value - reference| / |reference|, or |value - reference| when the
/// reference is zero.
template <class Real>
Real relative_error(const Real& value, const Real& reference) {
  using std::abs;
  const Real diff = abs(value - reference);
  return reference == 0 ? diff : diff / abs(reference);
}

/// Returns the number of significant decimal digits to which `value` agrees
/// with `reference`: -log10 of the relative error, in [0, digits10 of Real].
template <class Real>
double digits_of_agreement(const Real& value, const Real& reference) {
  using std::log10;
  const double most = std::numeric_limits<Real>::digits10;
  const Real err = relative_error(value, reference);
  if (err == 0) return most;
  if (!(err == err)) return 0;  // NaN agrees with nothing
  const double digits = static_cast<double>(-log10(err));
  return std::clamp(digits, 0.0, most);
}

}  // namespace gradecheck::numeric
