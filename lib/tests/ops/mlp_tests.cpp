#include "gradecheck/ops/mlp.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/ops/loss.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::matrix;
using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
using gradecheck::testing::decimal;
namespace ops = gradecheck::ops;

namespace {
// The network of seed 000 Problem 1, which is also Matt Mazur's "A Step by
// Step Backpropagation Example" (2015): w1..w8 = 0.15 .. 0.55, one shared bias
// per layer b1 = 0.35, b2 = 0.60, input [0.05, 0.10], target [0.01, 0.99].
template <class Real>
std::vector<ops::layer<Real>> mazur_network() {
  const auto d = decimal<Real>;
  const ops::activation<Real> sigmoid{ops::activation_kind::sigmoid};
  return {{matrix<Real>{{d("0.15"), d("0.20")}, {d("0.25"), d("0.30")}}, std::vector<Real>{d("0.35")}, sigmoid},
          {matrix<Real>{{d("0.40"), d("0.45")}, {d("0.50"), d("0.55")}}, std::vector<Real>{d("0.60")}, sigmoid}};
}
template <class Real>
std::vector<Real> input() {
  return {decimal<Real>("0.05"), decimal<Real>("0.10")};
}
template <class Real>
std::vector<Real> target() {
  return {decimal<Real>("0.01"), decimal<Real>("0.99")};
}
}  // namespace

template <class Real>
class mlp : public ::testing::Test {};
TYPED_TEST_SUITE(mlp, gradecheck::testing::precisions, gradecheck::testing::precision_names);

// Mazur's published values carry n = 8 or 9 significant digits: rounding to n
// digits leaves a relative error up to 5 * 10^-n, that is n - 0.7 digits. So
// at every precision these compare the published digits only; the network's
// gradients to real100's last digits are the catalog's mlp_backward check.
TYPED_TEST(mlp, forward_pass_reproduces_the_published_worked_example) {
  using Real = TypeParam;
  const auto t = ops::mlp_forward(mazur_network<Real>(), input<Real>());
  EXPECT_TRUE(agrees(t.a[1][0], "0.593269992", 8.3));
  EXPECT_TRUE(agrees(t.a[1][1], "0.596884378", 8.3));
  EXPECT_TRUE(agrees(t.output()[0], "0.75136507", 7.3));
  EXPECT_TRUE(agrees(t.output()[1], "0.772928465", 8.3));
  EXPECT_TRUE(agrees(ops::squared_error(t.output(), target<Real>(), ops::half_factor::with_half), "0.298371109", 8.3));
}

TYPED_TEST(mlp, backward_pass_reproduces_the_published_weight_updates) {
  using Real = TypeParam;
  const auto net = mazur_network<Real>();
  const auto t = ops::mlp_forward(net, input<Real>());
  const auto g = ops::mlp_backward(net, t, ops::squared_error_gradient(t.output(), target<Real>(), ops::half_factor::with_half));
  EXPECT_TRUE(agrees(g.dW[1](0, 0), "0.082167041", 7.3));
  const Real eta = decimal<Real>("0.5");
  // w_new = w - eta dL/dw (Mazur, learning rate 0.5)
  EXPECT_TRUE(agrees(net[1].W(0, 0) - eta * g.dW[1](0, 0), "0.35891648", 7.3));
  EXPECT_TRUE(agrees(net[1].W(0, 1) - eta * g.dW[1](0, 1), "0.408666186", 8.3));
  EXPECT_TRUE(agrees(net[1].W(1, 0) - eta * g.dW[1](1, 0), "0.511301270", 8.3));
  EXPECT_TRUE(agrees(net[1].W(1, 1) - eta * g.dW[1](1, 1), "0.561370121", 8.3));
  EXPECT_TRUE(agrees(net[0].W(0, 0) - eta * g.dW[0](0, 0), "0.149780716", 8.3));
  EXPECT_TRUE(agrees(net[0].W(0, 1) - eta * g.dW[0](0, 1), "0.19956143", 7.3));
  EXPECT_TRUE(agrees(net[0].W(1, 0) - eta * g.dW[0](1, 0), "0.24975114", 7.3));
  EXPECT_TRUE(agrees(net[0].W(1, 1) - eta * g.dW[0](1, 1), "0.29950229", 7.3));
}

TYPED_TEST(mlp, shared_bias_gradient_sums_over_the_units_of_its_layer) {
  using Real = TypeParam;
  // dL/db2 = delta_o1 + delta_o2, dL/dh1 = delta_o1 w5 + delta_o2 w7 (not w6: that is the seed's slip)
  const auto net = mazur_network<Real>();
  const auto t = ops::mlp_forward(net, input<Real>());
  const auto g = ops::mlp_backward(net, t, ops::squared_error_gradient(t.output(), target<Real>(), ops::half_factor::with_half));
  ASSERT_EQ(g.db[1].size(), 1u);
  EXPECT_EQ(g.db[1][0], g.dz[1][0] + g.dz[1][1]);
  EXPECT_EQ(g.da[1][0], g.dz[1][0] * net[1].W(0, 0) + g.dz[1][1] * net[1].W(1, 0));
}

TEST(mlp, backward_refuses_a_mismatched_upstream_gradient) {
  const auto net = mazur_network<real50>();
  const auto t = ops::mlp_forward(net, input<real50>());
  EXPECT_THROW(ops::mlp_backward(net, t, std::vector<real50>{real50(1)}), std::invalid_argument);
}
