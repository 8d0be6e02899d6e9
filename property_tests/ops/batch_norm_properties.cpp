#include "gradecheck/ops/batch_norm.hpp"

#include "support/generators.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;
using gradecheck::numeric::matrix;

namespace {
// A batch of m in 2..6 examples with d in 1..3 features, a random cotangent dy
// (never all ones: that would hide the variance term), gamma, beta and eps.
struct batch {
  std::size_t m, d;
  matrix<real50> x, dy;
  reals gamma, beta;
  real50 eps;
};

batch any_batch() {
  batch b;
  b.m = *rc::gen::inRange<std::size_t>(2, 7).as("m");
  b.d = *rc::gen::inRange<std::size_t>(1, 4).as("d");
  b.x = matrix<real50>(b.m, b.d);
  b.x.data = *decimals(b.m * b.d, -3, 3).as("x");
  b.dy = matrix<real50>(b.m, b.d);
  b.dy.data = *decimals(b.m * b.d, -2, 2).as("dy");
  b.gamma = *decimals(b.d, 0.2, 3).as("gamma");
  b.beta = *decimals(b.d, -1, 1).as("beta");
  b.eps = *rc::gen::element(real50(0), real50("0.001")).as("eps");
  const auto t = ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps);
  for (const auto& v : t.var) RC_PRE(v > real50("0.05"));  // a spread-out batch: sqrt(var) well away from its pole
  return b;
}

real50 loss(const batch& b, const matrix<real50>& x, const reals& gamma, const reals& beta) {
  return dot(b.dy.data, ops::batch_norm_forward(x, gamma, beta, b.eps).y.data);
}
}  // namespace

RC_GTEST_PROP(batch_norm, dx_equals_finite_differences, ()) {
  const batch b = any_batch();
  const auto g = ops::batch_norm_backward(b.x, b.gamma, ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps), b.dy);
  assert_gradient([&](const reals& v) {
    matrix<real50> x(b.m, b.d);
    x.data = v;
    return loss(b, x, b.gamma, b.beta);
  }, b.x.data, g.dx.data);
}

RC_GTEST_PROP(batch_norm, dgamma_and_dbeta_equal_finite_differences, ()) {
  const batch b = any_batch();
  const auto g = ops::batch_norm_backward(b.x, b.gamma, ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps), b.dy);
  assert_gradient([&](const reals& v) { return loss(b, b.x, v, b.beta); }, b.gamma, g.dgamma);
  assert_gradient([&](const reals& v) { return loss(b, b.x, b.gamma, v); }, b.beta, g.dbeta);
}

// dL/dxhat, dL/dvar and dL/dmu as partials of L(gamma (x - mu)/sqrt(var + eps) + beta):
// xhat free; var free with x, mu held; mu free with var = mean((x - mu)^2) following it.
RC_GTEST_PROP(batch_norm, dxhat_dvar_and_dmu_equal_finite_differences_of_their_definitions, ()) {
  using std::sqrt;
  const batch b = any_batch();
  const auto t = ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps);
  const auto g = ops::batch_norm_backward(b.x, b.gamma, t, b.dy);
  const auto L = [&](const reals& mu, const reals& var) {
    real50 total = 0;
    for (std::size_t i = 0; i < b.m; ++i)
      for (std::size_t j = 0; j < b.d; ++j)
        total += b.dy(i, j) * (b.gamma[j] * (b.x(i, j) - mu[j]) / sqrt(var[j] + b.eps) + b.beta[j]);
    return total;
  };
  assert_gradient([&](const reals& xhat) {
    real50 total = 0;
    for (std::size_t k = 0; k < xhat.size(); ++k) total += b.dy.data[k] * (b.gamma[k % b.d] * xhat[k] + b.beta[k % b.d]);
    return total;
  }, t.xhat.data, g.dxhat.data);
  assert_gradient([&](const reals& var) { return L(t.mu, var); }, t.var, g.dvar);
  assert_gradient([&](const reals& mu) {
    reals var(b.d);
    for (std::size_t j = 0; j < b.d; ++j)
      for (std::size_t i = 0; i < b.m; ++i) var[j] += (b.x(i, j) - mu[j]) * (b.x(i, j) - mu[j]) / real50(b.m);
    return L(mu, var);
  }, t.mu, g.dmu);
}

// Shifting every example of a feature by the same amount leaves y unchanged,
// so dx sums to zero over the batch; with eps = 0, scaling x leaves y unchanged
// too, so dx is orthogonal to xhat.
RC_GTEST_PROP(batch_norm, dx_sums_to_zero_over_the_batch_and_is_orthogonal_to_xhat, ()) {
  using std::abs;
  batch b = any_batch();
  b.eps = 0;
  const auto t = ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps);
  const auto g = ops::batch_norm_backward(b.x, b.gamma, t, b.dy);
  for (std::size_t j = 0; j < b.d; ++j) {
    real50 sum = 0, along_xhat = 0, scale = 0;
    for (std::size_t i = 0; i < b.m; ++i) {
      sum += g.dx(i, j);
      along_xhat += g.dx(i, j) * t.xhat(i, j);
      scale += abs(g.dx(i, j));
    }
    RC_ASSERT(abs(sum) <= identity_tolerance() * (1 + scale));
    RC_ASSERT(abs(along_xhat) <= identity_tolerance() * (1 + scale));
  }
}
