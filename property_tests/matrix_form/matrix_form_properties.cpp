// The double-precision Armadillo matrix forms against the 50-digit index
// forms: two independent writings of each derivative must agree to a
// tolerance derived from double's epsilon.

#include "gradecheck/matrix_form/activation.hpp"
#include "gradecheck/matrix_form/batch_norm.hpp"
#include "gradecheck/matrix_form/loss.hpp"
#include "gradecheck/matrix_form/mlp.hpp"
#include "gradecheck/matrix_form/optimizer.hpp"
#include "gradecheck/matrix_form/softmax.hpp"
#include "gradecheck/ops/batch_norm.hpp"
#include "gradecheck/ops/loss.hpp"
#include "gradecheck/ops/mlp.hpp"
#include "gradecheck/ops/optimizer.hpp"
#include "gradecheck/ops/softmax.hpp"
#include "support/generators.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace mf = gradecheck::matrix_form;
namespace ops = gradecheck::ops;
using gradecheck::numeric::matrix;

namespace {
// Double agrees with the 50-digit value to 2^8 eps of the entry or of 1, whichever is larger.
constexpr double double_tolerance = 256 * std::numeric_limits<double>::epsilon();

arma::vec to_arma(const reals& v) {
  arma::vec out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out(i) = static_cast<double>(v[i]);
  return out;
}

arma::mat to_arma(const matrix<real50>& m) {
  arma::mat out(m.rows, m.cols);
  for (std::size_t i = 0; i < m.rows; ++i)
    for (std::size_t j = 0; j < m.cols; ++j) out(i, j) = static_cast<double>(m(i, j));
  return out;
}

void assert_agrees(const arma::mat& dbl, const arma::mat& ref) {
  RC_ASSERT(dbl.n_rows == ref.n_rows);
  RC_ASSERT(dbl.n_cols == ref.n_cols);
  for (arma::uword k = 0; k < ref.n_elem; ++k) {
    const double scale = std::max(1.0, std::abs(ref(k)));
    if (std::abs(dbl(k) - ref(k)) > double_tolerance * scale)
      RC_FAIL("entry " + std::to_string(k) + ": double " + std::to_string(dbl(k)) + " vs 50-digit " + std::to_string(ref(k)));
  }
}

std::size_t any_size() { return *rc::gen::inRange<std::size_t>(1, 7); }
}  // namespace

RC_GTEST_PROP(matrix_form, softmax_jacobian_diag_s_minus_s_s_transpose_agrees_with_the_index_form, ()) {
  const reals z = *decimals(any_size(), -5, 5);
  const arma::vec s = mf::softmax(to_arma(z));
  assert_agrees(s, to_arma(ops::softmax(z)));
  assert_agrees(mf::softmax_jacobian(s), to_arma(ops::softmax_jacobian(ops::softmax(z))));
  assert_agrees(mf::log_softmax_jacobian(s), to_arma(ops::log_softmax_jacobian(ops::softmax(z))));
}

RC_GTEST_PROP(matrix_form, activation_derivatives_agree_with_the_index_form, ()) {
  const ops::activation_kind kind = *rc::gen::element(ops::activation_kind::identity, ops::activation_kind::sigmoid,
                                                      ops::activation_kind::tanh, ops::activation_kind::relu,
                                                      ops::activation_kind::leaky_relu, ops::activation_kind::elu,
                                                      ops::activation_kind::softplus);
  const real50 alpha = *decimal_in(0.01, 2);
  const reals z = *rc::gen::container<reals>(any_size(), decimal_away_from(-6, 6, 0, 0.01));
  const ops::activation<real50> f{kind, alpha};
  reals value(z.size()), slope(z.size());
  for (std::size_t i = 0; i < z.size(); ++i) {
    value[i] = ops::apply(f, z[i]);
    slope[i] = ops::derivative(f, z[i]);
  }
  const ops::activation<double> fd{kind, static_cast<double>(alpha)};
  assert_agrees(mf::apply(fd, to_arma(z)), to_arma(value));
  assert_agrees(mf::derivative(fd, to_arma(z)), to_arma(slope));
}

RC_GTEST_PROP(matrix_form, loss_gradients_agree_with_the_index_form, ()) {
  const auto n = any_size();
  const reals p = *decimals(n, 0.05, 0.95), y = *decimals(n, 0, 1), z = *decimals(n, -6, 6);
  const arma::vec pa = to_arma(p), ya = to_arma(y), za = to_arma(z);
  assert_agrees(mf::squared_error_gradient(pa, ya, ops::half_factor::with_half),
                to_arma(ops::squared_error_gradient(p, y, ops::half_factor::with_half)));
  assert_agrees(mf::mse_gradient(pa, ya), to_arma(ops::mse_gradient(p, y)));
  assert_agrees(mf::bce_gradient(pa, ya), to_arma(ops::bce_gradient(p, y)));
  assert_agrees(mf::bce_with_logits_gradient(za, ya), to_arma(ops::bce_with_logits_gradient(z, y)));
  assert_agrees(mf::cross_entropy_gradient(pa, ya), to_arma(ops::cross_entropy_gradient(p, y)));
  assert_agrees(mf::cross_entropy_with_logits_gradient(za, ya), to_arma(ops::cross_entropy_with_logits_gradient(z, y)));
}

RC_GTEST_PROP(matrix_form, mlp_backward_agrees_with_the_index_form, ()) {
  const auto depth = *rc::gen::inRange<std::size_t>(1, 4);
  const auto widths = *rc::gen::container<std::vector<std::size_t>>(depth + 1, rc::gen::inRange<std::size_t>(1, 5));
  std::vector<ops::layer<real50>> net;
  std::vector<mf::layer> net_d;
  for (std::size_t l = 0; l < depth; ++l) {
    const ops::activation<real50> f{*rc::gen::element(ops::activation_kind::sigmoid, ops::activation_kind::tanh,
                                                      ops::activation_kind::softplus), 0};
    matrix<real50> W(widths[l + 1], widths[l]);
    W.data = *decimals(W.data.size(), -1.5, 1.5);
    const reals b = *decimals(*rc::gen::arbitrary<bool>() ? 1 : widths[l + 1], -1, 1);
    net.push_back({W, b, f});
    net_d.push_back({to_arma(W), to_arma(b), {f.kind, 0.0}});
  }
  const reals x = *decimals(widths.front(), -2, 2), y = *decimals(widths.back(), -1, 1);
  const auto t = ops::mlp_forward(net, x);
  const auto g = ops::mlp_backward(net, t, ops::squared_error_gradient(t.output(), y, ops::half_factor::with_half));
  const auto td = mf::mlp_forward(net_d, to_arma(x));
  const auto gd = mf::mlp_backward(net_d, td, mf::squared_error_gradient(td.a.back(), to_arma(y), ops::half_factor::with_half));
  for (std::size_t l = 0; l < depth; ++l) {
    assert_agrees(gd.dW[l], to_arma(g.dW[l]));
    assert_agrees(gd.db[l], to_arma(g.db[l]));
  }
  assert_agrees(gd.da[0], to_arma(g.da[0]));
}

RC_GTEST_PROP(matrix_form, compact_batch_norm_dx_agrees_with_the_six_step_index_form, ()) {
  const auto m = *rc::gen::inRange<std::size_t>(2, 7), d = *rc::gen::inRange<std::size_t>(1, 4);
  matrix<real50> x(m, d), dy(m, d);
  x.data = *decimals(m * d, -3, 3);
  dy.data = *decimals(m * d, -2, 2);
  const reals gamma = *decimals(d, 0.2, 3), beta = *decimals(d, -1, 1);
  const real50 eps("0.001");
  const auto t = ops::batch_norm_forward(x, gamma, beta, eps);
  for (const auto& v : t.var) RC_PRE(v > real50("0.05"));
  const auto g = ops::batch_norm_backward(x, gamma, t, dy);
  const arma::rowvec gamma_d = to_arma(gamma).t(), beta_d = to_arma(beta).t();
  const auto td = mf::batch_norm_forward(to_arma(x), gamma_d, beta_d, 0.001);
  const auto gd = mf::batch_norm_backward(gamma_d, td, to_arma(dy));
  assert_agrees(td.y, to_arma(t.y));
  assert_agrees(gd.dx, to_arma(g.dx));
  assert_agrees(gd.dgamma, to_arma(g.dgamma).t());
  assert_agrees(gd.dbeta, to_arma(g.dbeta).t());
}

RC_GTEST_PROP(matrix_form, optimizer_steps_agree_with_the_index_form, ()) {
  const auto kind = *rc::gen::element(ops::optimizer_kind::sgd, ops::optimizer_kind::momentum_ema, ops::optimizer_kind::momentum,
                                      ops::optimizer_kind::nesterov, ops::optimizer_kind::rmsprop, ops::optimizer_kind::adam);
  const ops::optimizer<real50> o{kind, *decimal_in(0.001, 0.5), *decimal_in(0.5, 0.99), *decimal_in(0.9, 0.9999), real50("1e-8"),
                                 *rc::gen::element(real50(0), real50("0.01"))};
  const ops::optimizer<double> od{kind, static_cast<double>(o.learning_rate), static_cast<double>(o.beta1),
                                  static_cast<double>(o.beta2), 1e-8, static_cast<double>(o.weight_decay)};
  const auto n = *rc::gen::inRange<std::size_t>(1, 5);
  auto st = ops::optimizer_state<real50>::at(*decimals(n, -2, 2));
  mf::optimizer_state sd{to_arma(st.w), arma::vec(n, arma::fill::zeros), arma::vec(n, arma::fill::zeros), 0};
  for (int k = 0; k < 5; ++k) {
    const reals g = *decimals(n, -2, 2);
    ops::step(o, st, g);
    mf::step(od, sd, to_arma(g));
  }
  assert_agrees(sd.w, to_arma(st.w));
}
