#include "gradecheck/numeric/interval.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::interval;
using gradecheck::numeric::real50;
namespace ops = gradecheck::ops;

namespace {
// The enclosure may be a few ulps wider than the exact range, never narrower.
bool encloses_tightly(const interval& got, const real50& lo, const real50& hi) {
  const real50 slack("1e-45");
  return got.lo <= lo && got.hi >= hi && got.lo >= lo - slack && got.hi <= hi + slack;
}
}  // namespace

TEST(interval, arithmetic_takes_the_extreme_corners) {
  const interval a(real50(-1), real50(2)), b(real50(3), real50(4));
  EXPECT_TRUE(encloses_tightly(a + b, real50(2), real50(6)));
  EXPECT_TRUE(encloses_tightly(a - b, real50(-5), real50(-1)));
  EXPECT_TRUE(encloses_tightly(a * b, real50(-4), real50(8)));
  EXPECT_TRUE(encloses_tightly(a / b, real50(-1) / 3, real50(2) / 3));
  EXPECT_THROW(b / a, std::domain_error);  // a contains 0
}

TEST(interval, activations_are_enclosed_across_their_kinks) {
  const interval around_zero(real50("-0.5"), real50("0.5"));
  EXPECT_TRUE(encloses_tightly(ops::relu(around_zero), real50(0), real50("0.5")));
  EXPECT_TRUE(encloses_tightly(ops::leaky_relu(around_zero, interval(real50("0.1"))), real50("-0.05"), real50("0.5")));
  const interval s = ops::sigmoid(around_zero);
  EXPECT_TRUE(s.contains(real50("0.5")));
  EXPECT_LT(s.lo, real50("0.378"));  // sigmoid(-0.5) = 0.37754
  EXPECT_GT(s.hi, real50("0.622"));  // sigmoid(0.5) = 0.62246
}

TEST(interval, an_even_power_of_an_interval_around_zero_reaches_zero) {
  EXPECT_TRUE(encloses_tightly(pow(interval(real50(-2), real50(1)), interval(2)), real50(0), real50(4)));
  EXPECT_TRUE(encloses_tightly(pow(interval(real50(-2), real50(-1)), interval(3)), real50(-8), real50(-1)));
  EXPECT_THROW(pow(interval(real50(-2), real50(1)), interval(real50("0.5"))), std::domain_error);
  // an exponent such as -3/2 arrives as a few-ulp interval: x^y is bounded by its corners for x > 0
  const interval e = interval(-3) / interval(2);
  EXPECT_TRUE(pow(interval(real50(4)), e).contains(real50("0.125")));
}

TEST(interval, functions_refuse_what_they_cannot_enclose) {
  EXPECT_THROW(log(interval(real50(0), real50(1))), std::domain_error);
  EXPECT_THROW(sqrt(interval(real50(-1), real50(1))), std::domain_error);
  EXPECT_TRUE(encloses_tightly(abs(interval(real50(-3), real50(2))), real50(0), real50(3)));
  EXPECT_TRUE(encloses_tightly(gradecheck::numeric::lesser(interval(real50(1), real50(5)), interval(real50(2), real50(3))), real50(1), real50(3)));
}

TEST(interval, a_decimal_becomes_a_point) {
  const interval x = gradecheck::numeric::to_real<interval>(gradecheck::numeric::parse_decimal("0.15"));
  EXPECT_EQ(x.lo, x.hi);
  EXPECT_EQ(x.lo, real50("0.15"));
}
