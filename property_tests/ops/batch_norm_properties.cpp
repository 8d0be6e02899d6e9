#include "gradecheck/ops/batch_norm.hpp"

#include "support/generators.hpp"
#include "support/precisions.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;
using gradecheck::numeric::matrix;

namespace {
// A batch of m in 2..6 examples with d in 1..3 features, a random cotangent dy
// (never all ones: that would hide the variance term), gamma, beta and eps.
template <class Real>
struct batch {
  std::size_t m, d;
  matrix<Real> x, dy;
  std::vector<Real> gamma, beta;
  Real eps;
};

template <class Real>
batch<Real> any_batch() {
  batch<Real> b;
  b.m = *rc::gen::inRange<std::size_t>(2, 7).as("m");
  b.d = *rc::gen::inRange<std::size_t>(1, 4).as("d");
  b.x = matrix<Real>(b.m, b.d);
  b.x.data = *decimals<Real>(b.m * b.d, -3, 3).as("x");
  b.dy = matrix<Real>(b.m, b.d);
  b.dy.data = *decimals<Real>(b.m * b.d, -2, 2).as("dy");
  b.gamma = *decimals<Real>(b.d, 0.2, 3).as("gamma");
  b.beta = *decimals<Real>(b.d, -1, 1).as("beta");
  b.eps = *rc::gen::element(Real(0), Real("0.001")).as("eps");
  const auto t = ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps);
  for (const auto& v : t.var) RC_PRE(v > Real("0.05"));  // a spread-out batch: sqrt(var) well away from its pole
  return b;
}

template <class Real>
Real loss(const batch<Real>& b, const matrix<Real>& x, const std::vector<Real>& gamma, const std::vector<Real>& beta) {
  return dot(b.dy.data, ops::batch_norm_forward(x, gamma, beta, b.eps).y.data);
}
}  // namespace

GRADECHECK_PROPERTY_SUITE(batch_norm);

RC_GTEST_TYPED_PROP(batch_norm, dx_equals_finite_differences) {
  using V = std::vector<Real>;
  const auto b = any_batch<Real>();
  const auto g = ops::batch_norm_backward(b.x, b.gamma, ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps), b.dy);
  assert_gradient([&](const V& v) {
    matrix<Real> x(b.m, b.d);
    x.data = v;
    return loss(b, x, b.gamma, b.beta);
  }, b.x.data, g.dx.data);
}

RC_GTEST_TYPED_PROP(batch_norm, dgamma_and_dbeta_equal_finite_differences) {
  using V = std::vector<Real>;
  const auto b = any_batch<Real>();
  const auto g = ops::batch_norm_backward(b.x, b.gamma, ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps), b.dy);
  assert_gradient([&](const V& v) { return loss(b, b.x, v, b.beta); }, b.gamma, g.dgamma);
  assert_gradient([&](const V& v) { return loss(b, b.x, b.gamma, v); }, b.beta, g.dbeta);
}

// dL/dxhat, dL/dvar and dL/dmu as partials of L(gamma (x - mu)/sqrt(var + eps) + beta):
// xhat free; var free with x, mu held; mu free with var = mean((x - mu)^2) following it.
RC_GTEST_TYPED_PROP(batch_norm, dxhat_dvar_and_dmu_equal_finite_differences_of_their_definitions) {
  using std::sqrt;
  using V = std::vector<Real>;
  const auto b = any_batch<Real>();
  const auto t = ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps);
  const auto g = ops::batch_norm_backward(b.x, b.gamma, t, b.dy);
  const auto L = [&](const V& mu, const V& var) {
    Real total = 0;
    for (std::size_t i = 0; i < b.m; ++i)
      for (std::size_t j = 0; j < b.d; ++j)
        total += b.dy(i, j) * (b.gamma[j] * (b.x(i, j) - mu[j]) / sqrt(var[j] + b.eps) + b.beta[j]);
    return total;
  };
  assert_gradient([&](const V& xhat) {
    Real total = 0;
    for (std::size_t k = 0; k < xhat.size(); ++k) total += b.dy.data[k] * (b.gamma[k % b.d] * xhat[k] + b.beta[k % b.d]);
    return total;
  }, t.xhat.data, g.dxhat.data);
  assert_gradient([&](const V& var) { return L(t.mu, var); }, t.var, g.dvar);
  assert_gradient([&](const V& mu) {
    V var(b.d);
    for (std::size_t j = 0; j < b.d; ++j)
      for (std::size_t i = 0; i < b.m; ++i) var[j] += (b.x(i, j) - mu[j]) * (b.x(i, j) - mu[j]) / Real(b.m);
    return L(mu, var);
  }, t.mu, g.dmu);
}

// Shifting every example of a feature by the same amount leaves y unchanged,
// so dx sums to zero over the batch; with eps = 0, scaling x leaves y unchanged
// too, so dx is orthogonal to xhat.
RC_GTEST_TYPED_PROP(batch_norm, dx_sums_to_zero_over_the_batch_and_is_orthogonal_to_xhat) {
  using std::abs;
  auto b = any_batch<Real>();
  b.eps = 0;
  const auto t = ops::batch_norm_forward(b.x, b.gamma, b.beta, b.eps);
  const auto g = ops::batch_norm_backward(b.x, b.gamma, t, b.dy);
  for (std::size_t j = 0; j < b.d; ++j) {
    Real sum = 0, along_xhat = 0, scale = 0;
    for (std::size_t i = 0; i < b.m; ++i) {
      sum += g.dx(i, j);
      along_xhat += g.dx(i, j) * t.xhat(i, j);
      scale += abs(g.dx(i, j));
    }
    RC_ASSERT(abs(sum) <= identity_tolerance<Real>() * (1 + scale));
    RC_ASSERT(abs(along_xhat) <= identity_tolerance<Real>() * (1 + scale));
  }
}
