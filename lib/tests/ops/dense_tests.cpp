#include "gradecheck/ops/dense.hpp"

#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::matrix;
using gradecheck::numeric::real50;
namespace ops = gradecheck::ops;
using V = std::vector<real50>;

// W = [[1, 2], [3, 4]], x = [5, 6], b = [7, 8]: W x + b = [24, 47] by hand.
TEST(dense, computes_w_x_plus_b) {
  const matrix<real50> W{{1, 2}, {3, 4}};
  EXPECT_EQ(ops::dense(W, V{5, 6}, V{7, 8}), (V{24, 47}));
}

TEST(dense, a_single_bias_is_shared_by_every_unit) {
  const matrix<real50> W{{1, 2}, {3, 4}};
  EXPECT_EQ(ops::dense(W, V{5, 6}, V{real50("0.5")}), (V{real50("17.5"), real50("39.5")}));
}

TEST(dense, vjp_is_the_outer_product_and_the_transpose) {
  // dz = [1, -2]: dW = dz x^T = [[5, 6], [-10, -12]], db = dz, dx = W^T dz = [1 - 6, 2 - 8]
  const matrix<real50> W{{1, 2}, {3, 4}};
  const auto g = ops::dense_vjp(W, V{5, 6}, 2, V{1, -2});
  EXPECT_EQ(g.dW, (matrix<real50>{{5, 6}, {-10, -12}}));
  EXPECT_EQ(g.db, (V{1, -2}));
  EXPECT_EQ(g.dx, (V{-5, -6}));
  EXPECT_EQ(ops::dense_vjp(W, V{5, 6}, 1, V{1, -2}).db, (V{-1}));  // shared: the sum
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
