#include "gradecheck/ops/dense.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::matrix;
using gradecheck::numeric::real50;
using gradecheck::testing::decimal;
namespace ops = gradecheck::ops;
using V = std::vector<real50>;

// Integers and halves: every product and sum below is exact at any precision.
template <class Real>
class dense : public ::testing::Test {};
TYPED_TEST_SUITE(dense, gradecheck::testing::precisions, gradecheck::testing::precision_names);

// W = [[1, 2], [3, 4]], x = [5, 6], b = [7, 8]: W x + b = [24, 47] by hand.
TYPED_TEST(dense, computes_w_x_plus_b) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  const matrix<Real> W{{1, 2}, {3, 4}};
  EXPECT_EQ(ops::dense(W, R{5, 6}, R{7, 8}), (R{24, 47}));
}

TYPED_TEST(dense, a_single_bias_is_shared_by_every_unit) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  const matrix<Real> W{{1, 2}, {3, 4}};
  EXPECT_EQ(ops::dense(W, R{5, 6}, R{decimal<Real>("0.5")}), (R{decimal<Real>("17.5"), decimal<Real>("39.5")}));
}

TYPED_TEST(dense, vjp_is_the_outer_product_and_the_transpose) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  // dz = [1, -2]: dW = dz x^T = [[5, 6], [-10, -12]], db = dz, dx = W^T dz = [1 - 6, 2 - 8]
  const matrix<Real> W{{1, 2}, {3, 4}};
  const auto g = ops::dense_vjp(W, R{5, 6}, 2, R{1, -2});
  EXPECT_EQ(g.dW, (matrix<Real>{{5, 6}, {-10, -12}}));
  EXPECT_EQ(g.db, (R{1, -2}));
  EXPECT_EQ(g.dx, (R{-5, -6}));
  EXPECT_EQ(ops::dense_vjp(W, R{5, 6}, 1, R{1, -2}).db, (R{-1}));  // shared: the sum
}

TEST(dense, shape_errors_name_the_sizes) {
  const matrix<real50> W{{1, 2}, {3, 4}};
  try {
    ops::dense(W, V{1, 2, 3}, V{0});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "dense: W has 2 columns but x has 3 entries");
  }
  EXPECT_THROW(ops::dense(W, V{1, 2}, V{0, 0, 0}), std::invalid_argument);
}
