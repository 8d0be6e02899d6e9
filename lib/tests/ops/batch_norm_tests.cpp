#include "gradecheck/ops/batch_norm.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::matrix;
using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
using gradecheck::testing::decimal;
using gradecheck::testing::digits;
namespace ops = gradecheck::ops;

namespace {
// One feature, batch x = [1, 2, 3, 4], gamma (scale) = 2, beta (shift) = 1, eps = 0:
// mu = 2.5, var = 1.25, xhat = (x - 2.5) / (sqrt(5) / 2) = [-3, -1, 1, 3] / sqrt(5).
template <class Real>
struct example {
  matrix<Real> x{{1}, {2}, {3}, {4}};
  std::vector<Real> scale{2}, shift{1};
  matrix<Real> dy{{decimal<Real>("0.5")}, {-1}, {0}, {2}};
};

// k sqrt(5) at Real's precision
template <class Real>
Real root5(const char* k) {
  using std::sqrt;
  return decimal<Real>(k) * sqrt(Real(5));
}
}  // namespace

template <class Real>
class batch_norm : public ::testing::Test {};
TYPED_TEST_SUITE(batch_norm, gradecheck::testing::precisions, gradecheck::testing::precision_names);

TYPED_TEST(batch_norm, forward_matches_the_hand_computation) {
  using Real = TypeParam;
  const example<Real> e;
  const auto t = ops::batch_norm_forward(e.x, e.scale, e.shift);
  EXPECT_EQ(t.mu[0], decimal<Real>("2.5"));
  EXPECT_EQ(t.var[0], decimal<Real>("1.25"));
  // -3 / sqrt(5) and 2 * 3 / sqrt(5) + 1
  EXPECT_TRUE(agrees(t.xhat(0, 0), root5<Real>("-0.6"), digits<Real>() - 1));
  EXPECT_TRUE(agrees(t.y(3, 0), Real(root5<Real>("1.2") + 1), digits<Real>() - 1));
}

// Expected gradients of L = sum_i dy_i y_i by hand, in the variables each
// partial is defined over, as multiples of sqrt(5) (mpmath.diff of L at 120
// digits agrees to 120): with sigma = sqrt(5) / 2 and dxhat = gamma dy = [1, -2, 0, 4],
//   dgamma = sum dy xhat = 5.5 / sqrt(5) = 1.1 sqrt(5)
//   dvar = -1/2 sum dxhat (x - mu) sigma^-3 = -2.75 (8 / (5 sqrt(5))) = -0.88 sqrt(5)
//   dmu = -sum dxhat / sigma = -6 / sqrt(5) = -1.2 sqrt(5)      (sum (x - mu) = 0)
//   dx = dxhat / sigma + dvar (x - mu) / 2 + dmu / 4 = [0.76, -0.88, -0.52, 0.64] sqrt(5)
TYPED_TEST(batch_norm, every_gradient_matches_the_hand_derivation) {
  using Real = TypeParam;
  const example<Real> e;
  const auto t = ops::batch_norm_forward(e.x, e.scale, e.shift);
  const auto g = ops::batch_norm_backward(e.x, e.scale, t, e.dy);
  EXPECT_EQ(g.dbeta[0], decimal<Real>("1.5"));
  EXPECT_TRUE(agrees(g.dgamma[0], root5<Real>("1.1"), digits<Real>() - 1));
  EXPECT_EQ(g.dxhat(3, 0), Real(4));
  EXPECT_TRUE(agrees(g.dvar[0], root5<Real>("-0.88"), digits<Real>() - 1));
  EXPECT_TRUE(agrees(g.dmu[0], root5<Real>("-1.2"), digits<Real>() - 1));
  EXPECT_TRUE(agrees(g.dx(0, 0), root5<Real>("0.76"), digits<Real>() - 2));
  EXPECT_TRUE(agrees(g.dx(1, 0), root5<Real>("-0.88"), digits<Real>() - 2));
  EXPECT_TRUE(agrees(g.dx(2, 0), root5<Real>("-0.52"), digits<Real>() - 2));
  EXPECT_TRUE(agrees(g.dx(3, 0), root5<Real>("0.64"), digits<Real>() - 2));
}

TYPED_TEST(batch_norm, epsilon_enters_under_the_square_root) {
  using Real = TypeParam;
  // var + eps = 1.25 + 2.75 = 4: xhat_0 = -1.5 / 2 exactly
  const example<Real> e;
  const auto t = ops::batch_norm_forward(e.x, e.scale, e.shift, decimal<Real>("2.75"));
  EXPECT_EQ(t.xhat(0, 0), decimal<Real>("-0.75"));
}

TEST(batch_norm, refuses_mismatched_shapes) {
  const example<real50> e;
  EXPECT_THROW(ops::batch_norm_forward(e.x, std::vector<real50>{1, 2}, e.shift), std::invalid_argument);
  const auto t = ops::batch_norm_forward(e.x, e.scale, e.shift);
  EXPECT_THROW(ops::batch_norm_backward(e.x, e.scale, t, matrix<real50>(3, 1)), std::invalid_argument);
}
