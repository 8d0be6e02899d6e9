#include "gradecheck/diff/ridders.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
namespace diff = gradecheck::diff;

// Reference values: mpmath at 60 digits.
constexpr const char* e = "2.71828182845904523536028747135266249775724709369995957496697";
constexpr const char* cos_07 = "0.764842187284488426255859990191864909268210550373703356072932";

TEST(ridders, reaches_forty_digits_on_exp) {
  using std::exp;
  const auto d = diff::ridders([](const real50& x) { return exp(x); }, real50(1));
  EXPECT_TRUE(agrees(d.value, e, 40));
}

TEST(ridders, reaches_forty_digits_on_sin) {
  using std::sin;
  const auto d = diff::ridders([](const real50& x) { return sin(x); }, real50("0.7"));
  EXPECT_TRUE(agrees(d.value, cos_07, 40));
}

TEST(ridders, error_estimate_bounds_the_actual_error) {
  using std::abs;
  using std::log;
  // d/dx log x = 1/x = 0.4 at 2.5
  const auto d = diff::ridders([](const real50& x) { return log(x); }, real50("2.5"));
  const real50 actual = abs(d.value - real50("0.4"));
  EXPECT_LE(actual, 10 * d.error) << "estimate " << d.error << " actual " << actual;
  EXPECT_LT(d.error, real50("1e-38"));
}

TEST(ridders, differentiates_every_component_of_a_vector_function) {
  using std::exp;
  using std::sin;
  const auto d = diff::ridders_vector([](const real50& x) { return std::vector<real50>{sin(x), exp(x - real50("0.7") + 1)}; },
                                      real50("0.7"));
  ASSERT_EQ(d.value.size(), 2u);
  EXPECT_TRUE(agrees(d.value[0], cos_07, 40));
  EXPECT_TRUE(agrees(d.value[1], e, 40));
}

TEST(ridders, is_exact_on_a_quadratic_in_double_too) {
  // central differences are exact on quadratics up to rounding: d/dx 3x^2 + x = 6x + 1
  const auto d = diff::ridders([](const double& x) { return 3 * x * x + x; }, 2.0);
  EXPECT_NEAR(d.value, 13.0, 1e-12);
}

TEST(ridders, default_options_grow_with_the_precision) {
  EXPECT_GT(diff::ridders_options<real50>::defaults().max_rows, diff::ridders_options<double>::defaults().max_rows);
}
