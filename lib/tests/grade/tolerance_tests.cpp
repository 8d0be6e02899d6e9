#include "gradecheck/grade/tolerance.hpp"

#include "gradecheck/expr/parser.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;
using numeric::real50;

namespace {
grade::written read(const char* text) { return grade::as_written(expr::parse_expression(text)); }
// MPFR is binary: 0.005 is not exact, so half-widths agree to a few ulps of 50 digits
bool near(const real50& a, const char* b) {
  using boost::multiprecision::abs;
  using boost::multiprecision::pow;
  return abs(a - real50(b)) <= pow(std::numeric_limits<real50>::epsilon(), real50("0.75")) * abs(real50(b));
}
cases::tolerance decdig(int d) {
  cases::tolerance t;
  t.type = cases::tolerance::kind::decdig;
  t.digits = d;
  return t;
}
}  // namespace

TEST(tolerance, a_number_stands_for_half_a_unit_of_its_last_digit) {
  EXPECT_TRUE(near(read("0.05").half_unit(0), "0.005"));
  EXPECT_TRUE(near(read("-0.5933").half_unit(0), "0.00005"));
  EXPECT_EQ(read("3").half_unit(0), 0);  // an integer is exact
}

TEST(tolerance, an_expression_is_widened_by_each_of_its_numbers) {
  // 2.984 x 10^-1: [2.9835, 2.9845] x 0.1, half-width 0.00005
  const auto w = read("2.984 * 10^-1");
  EXPECT_EQ(w.value.data[0], real50("0.2984"));
  EXPECT_TRUE(near(w.half_unit(0), "0.00005"));
  // 0.119 * 2: 0.238, known to 2 x 0.0005
  EXPECT_TRUE(near(read("0.119 * 2").half_unit(0), "0.001"));
}

TEST(tolerance, the_precision_asked_is_the_tolerance) {
  // decdig 4 accepts 0.51e-4: 0.5933 (half unit 0.5e-4) shows that precision, 0.593 (0.5e-3) does not
  EXPECT_TRUE(near(grade::half_width(decdig(4), real50("0.5933")), "0.000051"));
  EXPECT_LE(read("0.5933").half_unit(0), grade::half_width(decdig(4), real50("0.5933")));
  EXPECT_GT(read("0.593").half_unit(0), grade::half_width(decdig(4), real50("0.5933")));
  EXPECT_TRUE(grade::within(decdig(4), real50("0.5933"), real50("0.593269992")));
  EXPECT_FALSE(grade::within(decdig(4), real50("0.5934"), real50("0.593269992")));  // 1.3e-4 off
}

TEST(tolerance, a_value_that_is_not_finite_is_refused) { EXPECT_THROW(read("1/0"), expr::evaluation_error); }
