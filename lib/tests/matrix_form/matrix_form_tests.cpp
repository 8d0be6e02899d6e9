#include "gradecheck/matrix_form/activation.hpp"
#include "gradecheck/matrix_form/batch_norm.hpp"
#include "gradecheck/matrix_form/loss.hpp"
#include "gradecheck/matrix_form/mlp.hpp"
#include "gradecheck/matrix_form/optimizer.hpp"
#include "gradecheck/matrix_form/softmax.hpp"

#include <gtest/gtest.h>

namespace mf = gradecheck::matrix_form;
namespace ops = gradecheck::ops;

constexpr double tol = 1e-14;

TEST(matrix_form, softmax_jacobian_is_diag_s_minus_s_s_transpose) {
  // s = softmax([0, ln 2, ln 3]) = [1/6, 1/3, 1/2]; J_00 = 5/36, J_01 = -1/18, J_21 = -1/6
  const arma::vec s = mf::softmax(arma::vec{0, std::log(2.0), std::log(3.0)});
  EXPECT_NEAR(s(2), 0.5, tol);
  const arma::mat J = mf::softmax_jacobian(s);
  EXPECT_NEAR(J(0, 0), 5.0 / 36, tol);
  EXPECT_NEAR(J(0, 1), -1.0 / 18, tol);
  EXPECT_NEAR(J(2, 1), -1.0 / 6, tol);
  EXPECT_NEAR(mf::log_softmax(arma::vec{0, std::log(2.0), std::log(3.0)})(2), std::log(0.5), tol);
}

TEST(matrix_form, compact_batch_norm_dx_matches_mpmath_differentiation) {
  // x = [1, 2, 3, 4], gamma = 2, beta = 1, eps = 0, dy = [0.5, -1, 0, 2] (see ops/batch_norm_tests.cpp)
  const arma::mat x = arma::mat{1.0, 2.0, 3.0, 4.0}.t();
  const auto t = mf::batch_norm_forward(x, arma::rowvec{2}, arma::rowvec{1}, 0);
  const auto g = mf::batch_norm_backward(arma::rowvec{2}, t, arma::mat{0.5, -1.0, 0.0, 2.0}.t());
  EXPECT_NEAR(g.dbeta(0), 1.5, tol);
  EXPECT_NEAR(g.dgamma(0), 2.45967477524976866605, tol);
  EXPECT_NEAR(g.dx(0, 0), 1.69941166289984016927, tol);
  EXPECT_NEAR(g.dx(1, 0), -1.96773982019981493284, tol);
  EXPECT_NEAR(g.dx(2, 0), -1.16275534829989064213, tol);
  EXPECT_NEAR(g.dx(3, 0), 1.43108350559986540570, tol);
}

TEST(matrix_form, mlp_reproduces_the_published_worked_example) {
  // Matt Mazur, "A Step by Step Backpropagation Example" (2015): out_o1 = 0.75136507, w5+ = 0.35891648
  const ops::activation<double> sigmoid{ops::activation_kind::sigmoid};
  const std::vector<mf::layer> net{{arma::mat{{0.15, 0.20}, {0.25, 0.30}}, arma::vec{0.35}, sigmoid},
                                   {arma::mat{{0.40, 0.45}, {0.50, 0.55}}, arma::vec{0.60}, sigmoid}};
  const arma::vec target{0.01, 0.99};
  const auto t = mf::mlp_forward(net, arma::vec{0.05, 0.10});
  EXPECT_NEAR(t.a[2](0), 0.75136507, 5e-9);
  const auto g = mf::mlp_backward(net, t, mf::squared_error_gradient(t.a[2], target, ops::half_factor::with_half));
  EXPECT_NEAR(0.40 - 0.5 * g.dW[1](0, 0), 0.35891648, 5e-9);
  EXPECT_NEAR(0.15 - 0.5 * g.dW[0](0, 0), 0.149780716, 5e-10);
}

TEST(matrix_form, activation_derivatives_by_hand) {
  const arma::vec z{-2.0, 0.0, 3.0};
  EXPECT_NEAR(mf::derivative({ops::activation_kind::sigmoid}, z)(1), 0.25, tol);
  EXPECT_NEAR(mf::derivative({ops::activation_kind::tanh}, z)(1), 1.0, tol);
  EXPECT_EQ(mf::derivative({ops::activation_kind::relu}, z)(1), 0.0);
  EXPECT_NEAR(mf::derivative({ops::activation_kind::leaky_relu, 0.1}, z)(0), 0.1, tol);
  EXPECT_NEAR(mf::apply({ops::activation_kind::elu, 1.5}, z)(0), 1.5 * (std::exp(-2.0) - 1), tol);
  EXPECT_NEAR(mf::apply({ops::activation_kind::softplus}, z)(1), std::log(2.0), tol);
}

TEST(matrix_form, adam_first_step_moves_each_coordinate_by_the_learning_rate) {
  // With eps = 0, vh = g and sh = g^2 after one step: the step is lr sign(g).
  const ops::optimizer<double> o{ops::optimizer_kind::adam, 0.01, 0.9, 0.999};
  mf::optimizer_state st{arma::vec{1.0, 1.0}, arma::vec(2, arma::fill::zeros), arma::vec(2, arma::fill::zeros), 0};
  mf::step(o, st, arma::vec{3.0, -0.2});
  EXPECT_NEAR(st.w(0), 0.99, tol);
  EXPECT_NEAR(st.w(1), 1.01, tol);
}

TEST(matrix_form, loss_gradients_by_hand) {
  EXPECT_NEAR(mf::bce_gradient(arma::vec{0.2}, arma::vec{0.0})(0), 1.25, tol);
  EXPECT_NEAR(mf::mse_gradient(arma::vec{1.5, 0}, arma::vec{1, 1})(1), -1.0, tol);
  EXPECT_NEAR(mf::cross_entropy_gradient(arma::vec{0.25}, arma::vec{1})(0), -4.0, tol);
  EXPECT_NEAR(mf::bce_with_logits_gradient(arma::vec{0.0}, arma::vec{1})(0), -0.5, tol);
}
