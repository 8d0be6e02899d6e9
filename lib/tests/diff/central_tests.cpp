#include "gradecheck/diff/central.hpp"

#include "gradecheck/numeric/agreement.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
namespace diff = gradecheck::diff;

TEST(central, step_is_the_cube_root_of_epsilon_scaled_by_x) {
  using std::cbrt;
  EXPECT_EQ(diff::central_step(real50("0.5")), cbrt(std::numeric_limits<real50>::epsilon()));
  EXPECT_EQ(diff::central_step(real50(4)), 4 * cbrt(std::numeric_limits<real50>::epsilon()));
}

TEST(central, keeps_about_two_thirds_of_the_digits) {
  // The balance of truncation (h^2) and rounding (eps/h) errors at h = eps^(1/3)
  // leaves about eps^(2/3): roughly 33 of real50's 50 digits, not 40+.
  using std::exp;
  const auto f = [](const real50& x) { return std::vector<real50>{exp(x)}; };
  const real50 x(1);
  const auto d = diff::central_difference(f, x, diff::central_step(x));
  // mpmath: e to 60 digits
  const real50 e("2.71828182845904523536028747135266249775724709369995957496697");
  const double digits = gradecheck::numeric::digits_of_agreement(d.value[0], e);
  EXPECT_GT(digits, 28);
  EXPECT_LT(digits, 38);
  using std::abs;
  EXPECT_LE(abs(d.value[0] - e), 10 * d.error[0]);
}
