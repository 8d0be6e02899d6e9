#pragma once
/// The real number types of gradecheck: `real50` for the reference, `double`
/// for the matrix forms, `real100` and `real200` for printing keys right to the last digit. Tolerances are derived from `std::numeric_limits<Real>`.

#include <boost/multiprecision/mpfr.hpp>

#include <cmath>
#include <limits>

namespace gradecheck::numeric {

/// 50 significant decimal digits on MPFR (about 168 bits of mantissa).
/// Expression templates are off so that `auto` in generic code holds a value
/// rather than an expression that refers to temporaries.
using real50 = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<50>,
                                             boost::multiprecision::et_off>;

/// Wider types for computing what is printed in 50 digits: a key is computed with guard digits in
/// real100 and its rounding to 50 digits certified by recomputing it in real200.
using real100 = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<100>,
                                              boost::multiprecision::et_off>;
using real200 = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<200>,
                                              boost::multiprecision::et_off>;

/// Returns the machine epsilon of Real.
template <class Real>
Real epsilon() {
  return std::numeric_limits<Real>::epsilon();
}

/// Returns epsilon^p: the natural scale of a tolerance that keeps a fraction p
/// of the digits of Real (p = 1/2 keeps half of them).
template <class Real>
Real epsilon_power(const Real& p) {
  using std::pow;
  return pow(epsilon<Real>(), p);
}

}  // namespace gradecheck::numeric
