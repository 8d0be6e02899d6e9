// Ridders' extrapolation on functions whose derivative is known in closed form.

#include "gradecheck/diff/central.hpp"
#include "gradecheck/diff/ridders.hpp"
#include "gradecheck/numeric/agreement.hpp"
#include "support/generators.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace diff = gradecheck::diff;
using gradecheck::numeric::digits_of_agreement;

// f(x) = a exp(b x) + c sin(x): f'(x) = a b exp(b x) + c cos(x)
RC_GTEST_PROP(ridders, reaches_forty_digits_on_smooth_functions, ()) {
  using std::cos;
  using std::exp;
  using std::sin;
  const real50 a = *decimal_in(-3, 3), b = *decimal_in(-2, 2), c = *decimal_in(-3, 3), x = *decimal_in(-3, 3);
  const real50 exact = a * b * exp(b * x) + c * cos(x);
  RC_PRE(abs(exact) > real50("0.01"));  // relative digits of a near-zero derivative mean little
  const auto d = diff::ridders([&](const real50& t) { return a * exp(b * t) + c * sin(t); }, x);
  RC_ASSERT(digits_of_agreement(d.value, exact) >= 40);
}

RC_GTEST_PROP(ridders, beats_plain_central_differences, ()) {
  using std::exp;
  using std::log;
  const real50 x = *decimal_in(0.5, 4);
  const auto f = [](const real50& t) { return std::vector<real50>{log(t) * exp(t)}; };
  const real50 exact = exp(x) * (1 / x + log(x));
  const auto plain = diff::central_difference(f, x, diff::central_step(x));
  const auto extrapolated = diff::ridders_vector(f, x);
  RC_ASSERT(digits_of_agreement(extrapolated.value[0], exact) > digits_of_agreement(plain.value[0], exact) + 5);
}
