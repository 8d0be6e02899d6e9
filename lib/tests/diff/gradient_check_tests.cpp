#include "gradecheck/diff/gradient_check.hpp"

#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
namespace diff = gradecheck::diff;
using V = std::vector<real50>;

namespace {
// f(x) = x0^2 x1 + sin(x2): gradient [2 x0 x1, x0^2, cos x2]
real50 f(const V& x) {
  using std::sin;
  return x[0] * x[0] * x[1] + sin(x[2]);
}
V gradient_of_f(const V& x) {
  using std::cos;
  return {2 * x[0] * x[1], x[0] * x[0], cos(x[2])};
}
const V point{real50("1.5"), real50("-0.5"), real50("0.3")};
}  // namespace

TEST(gradient_check, passes_a_correct_gradient) {
  const auto r = diff::check_gradient(f, point, gradient_of_f(point));
  EXPECT_TRUE(r.passed()) << diff::to_table(r);
  EXPECT_GT(r.worst_digits(), 40);
  EXPECT_EQ(r.tolerance, diff::default_gradient_tolerance<real50>());
}

TEST(gradient_check, fails_a_gradient_wrong_in_the_thirtieth_digit_and_lists_it_first) {
  V wrong = gradient_of_f(point);
  wrong[1] *= 1 + real50("1e-30");
  const auto r = diff::check_gradient(f, point, wrong, diff::default_gradient_tolerance<real50>() * real50("1e-6"));
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.entries.front().col, 1u);
  EXPECT_FALSE(r.entries.front().pass);
  EXPECT_TRUE(r.entries.back().pass);
}

// By default an entry passes on Ridders' error estimate (near 1e-46 here), not on a fixed eps^(1/2):
// a gradient off by a relative 1e-40 fails, and every entry of the right one passes.
TEST(gradient_check, by_default_fails_a_gradient_wrong_in_the_fortieth_digit) {
  for (std::size_t k = 0; k < point.size(); ++k) {
    V wrong = gradient_of_f(point);
    wrong[k] *= 1 + real50("1e-40");
    const auto r = diff::check_gradient(f, point, wrong);
    EXPECT_FALSE(r.passed()) << "entry " << k << "\n" << diff::to_table(r, 50);
    EXPECT_EQ(r.entries.front().col, k);
  }
  // a fixed tolerance, when given, is accepted besides the estimate
  V wrong = gradient_of_f(point);
  wrong[0] *= 1 + real50("1e-40");
  EXPECT_TRUE(diff::check_gradient(f, point, wrong, real50("1e-30")).passed());
}

TEST(gradient_check, fails_a_wrong_formula_at_the_default_tolerance) {
  V wrong = gradient_of_f(point);
  wrong[0] = point[0] * point[1];  // forgot the factor 2
  const auto r = diff::check_gradient(f, point, wrong);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.entries.front().col, 0u);
  EXPECT_NE(diff::to_table(r).find("FAIL"), std::string::npos);
}

TEST(gradient_check, an_entry_that_is_zero_passes_on_the_scale_of_the_gradient) {
  // d/dx1 of x0^2 is exactly 0; the numeric value is rounding noise
  const auto g = [](const V& x) { return x[0] * x[0]; };
  const auto r = diff::check_gradient(g, V{real50("0.7"), real50("0.2")}, V{real50("1.4"), real50(0)});
  EXPECT_TRUE(r.passed()) << diff::to_table(r);
}

TEST(gradient_check, jacobian_shape_mismatch_is_an_error) {
  const auto id = [](const V& x) { return x; };
  EXPECT_THROW(diff::check_jacobian(id, V{1, 2}, gradecheck::numeric::matrix<real50>(3, 2)), std::invalid_argument);
}

TEST(gradient_check, table_lists_every_entry_worst_first) {
  const auto r = diff::check_gradient(f, point, gradient_of_f(point));
  const auto table = diff::to_table(r, 8);
  EXPECT_NE(table.find("PASS: 3 entries"), std::string::npos) << table;
  EXPECT_NE(table.find("[2]"), std::string::npos);
  for (std::size_t k = 1; k < r.entries.size(); ++k) EXPECT_GE(r.entries[k - 1].rel_error, r.entries[k].rel_error);
}
