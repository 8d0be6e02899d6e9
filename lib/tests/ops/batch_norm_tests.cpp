#include "gradecheck/ops/batch_norm.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::matrix;
using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
namespace ops = gradecheck::ops;
using V = std::vector<real50>;

namespace {
// One feature, batch x = [1, 2, 3, 4], gamma (scale) = 2, beta (shift) = 1, eps = 0:
// mu = 2.5, var = 1.25, xhat = (x - 2.5) / (sqrt(5) / 2) = [-3, -1, 1, 3] / sqrt(5).
const matrix<real50> x{{1}, {2}, {3}, {4}};
const V scale{2}, shift{1};
const matrix<real50> dy{{real50("0.5")}, {-1}, {0}, {2}};
}  // namespace

TEST(batch_norm, forward_matches_the_hand_computation) {
  const auto t = ops::batch_norm_forward(x, scale, shift);
  EXPECT_EQ(t.mu[0], real50("2.5"));
  EXPECT_EQ(t.var[0], real50("1.25"));
  // -3 / sqrt(5)
  EXPECT_TRUE(agrees(t.xhat(0, 0), "-1.34164078649987381784550420123876574126437101576691543456253822", 49));
  EXPECT_TRUE(agrees(t.y(3, 0), "3.68328157299974763569100840247753148252874203153383086912508", 49));
}

// Expected gradients: mpmath.diff (numerical differentiation at 60 digits) of
// L = sum_i dy_i y_i, in the variables each partial is defined over.
TEST(batch_norm, every_gradient_matches_mpmath_differentiation) {
  const auto t = ops::batch_norm_forward(x, scale, shift);
  const auto g = ops::batch_norm_backward(x, scale, t, dy);
  EXPECT_EQ(g.dbeta[0], real50("1.5"));
  EXPECT_TRUE(agrees(g.dgamma[0], "2.45967477524976866605009103560440385898468019557267829669799", 49));
  EXPECT_EQ(g.dxhat(3, 0), real50(4));
  EXPECT_TRUE(agrees(g.dvar[0], "-1.96773982019981493284007282848352308718774415645814263735839", 49));
  EXPECT_TRUE(agrees(g.dmu[0], "-2.68328157299974763569100840247753148252874203153383086912508", 49));
  EXPECT_TRUE(agrees(g.dx(0, 0), "1.69941166289984016927097198823576993893486995330475955044588", 48));
  EXPECT_TRUE(agrees(g.dx(1, 0), "-1.96773982019981493284007282848352308718774415645814263735839", 48));
  EXPECT_TRUE(agrees(g.dx(2, 0), "-1.16275534829989064213277030774026364242912154699799337662087", 48));
  EXPECT_TRUE(agrees(g.dx(3, 0), "1.43108350559986540570187114798801679068199575015137646353337", 48));
}

TEST(batch_norm, epsilon_enters_under_the_square_root) {
  // var + eps = 1.25 + 2.75 = 4: xhat_0 = -1.5 / 2 exactly
  const auto t = ops::batch_norm_forward(x, scale, shift, real50("2.75"));
  EXPECT_EQ(t.xhat(0, 0), real50("-0.75"));
}

TEST(batch_norm, refuses_mismatched_shapes) {
  EXPECT_THROW(ops::batch_norm_forward(x, V{1, 2}, shift), std::invalid_argument);
  const auto t = ops::batch_norm_forward(x, scale, shift);
  EXPECT_THROW(ops::batch_norm_backward(x, scale, t, matrix<real50>(3, 1)), std::invalid_argument);
}
