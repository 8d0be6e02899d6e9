#include "gradecheck/ops/loss.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
namespace ops = gradecheck::ops;
using V = std::vector<real50>;

TEST(loss, squared_error_with_and_without_the_half) {
  // p - y = [0.5, -1]: sum of squares 1.25
  const V p{real50("1.5"), real50(0)}, y{real50(1), real50(1)};
  EXPECT_EQ(ops::squared_error(p, y, ops::half_factor::with_half), real50("0.625"));
  EXPECT_EQ(ops::squared_error(p, y, ops::half_factor::without_half), real50("1.25"));
  EXPECT_EQ(ops::mse(p, y), real50("0.625"));
  EXPECT_EQ(ops::squared_error_gradient(p, y, ops::half_factor::with_half), (V{real50("0.5"), real50(-1)}));
  EXPECT_EQ(ops::squared_error_gradient(p, y, ops::half_factor::without_half), (V{real50(1), real50(-2)}));
  EXPECT_EQ(ops::mse_gradient(p, y), (V{real50("0.5"), real50(-1)}));
}

TEST(loss, bce_matches_mpmath_and_its_gradient_the_hand_fractions) {
  const V p{real50("0.2"), real50("0.7")}, y{real50(0), real50(1)};
  // mpmath: -(log(0.8) + log(0.7))
  EXPECT_TRUE(agrees(ops::bce(p, y), "0.579818495252942134678933801551018981338617844594919001245226", 49));
  // (p - y) / (p (1 - p)): 0.2 / 0.16 = 1.25 and -0.3 / 0.21 = -10/7
  const auto g = ops::bce_gradient(p, y);
  EXPECT_TRUE(agrees(g[0], "1.25", 49));
  EXPECT_TRUE(agrees(g[1], "-1.4285714285714285714285714285714285714285714285714286", 49));
}

TEST(loss, bce_with_logits_equals_bce_of_the_sigmoid) {
  const V z{real50("-1.5"), real50(2)}, y{real50(0), real50(1)};
  // mpmath: log(1 + exp(-1.5)) + log(1 + exp(-2))
  EXPECT_TRUE(agrees(ops::bce_with_logits(z, y), "0.328341289025724905943209615415395536688731691758897367279676", 49));
  const V p{ops::sigmoid(z[0]), ops::sigmoid(z[1])};
  EXPECT_TRUE(agrees(ops::bce_with_logits(z, y), gradecheck::numeric::to_significant(ops::bce(p, y), 55).c_str(), 48));
}

TEST(loss, cross_entropy_of_a_one_hot_target_is_minus_log_of_its_probability) {
  using std::log;
  // softmax([0, ln 2, ln 3]) = [1/6, 1/3, 1/2]; target class 2: -log(1/2) = log 2
  const V z{real50(0), log(real50(2)), log(real50(3))}, y{real50(0), real50(0), real50(1)};
  const char* log2 = "0.69314718055994530941723212145817656807550013436025525412068";
  EXPECT_TRUE(agrees(ops::cross_entropy_with_logits(z, y), log2, 49));
  EXPECT_TRUE(agrees(ops::cross_entropy(ops::softmax(z), y), log2, 49));
  // s - y = [1/6, 1/3, -1/2]
  const auto g = ops::cross_entropy_with_logits_gradient(z, y);
  EXPECT_TRUE(agrees(g[2], "-0.5", 49));
  EXPECT_TRUE(agrees(g[0], "0.16666666666666666666666666666666666666666666666666667", 49));
  EXPECT_EQ(ops::cross_entropy_gradient(V{real50("0.25")}, V{real50(1)})[0], real50(-4));
}

TEST(loss, refuses_mismatched_sizes) {
  EXPECT_THROW(ops::mse(V{real50(1)}, V{real50(1), real50(2)}), std::invalid_argument);
  EXPECT_THROW(ops::bce(V{}, V{}), std::invalid_argument);
}
