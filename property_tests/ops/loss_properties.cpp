#include "gradecheck/ops/loss.hpp"

#include "support/generators.hpp"
#include "support/precisions.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;
namespace diff = gradecheck::diff;

namespace {
std::size_t any_size() { return *rc::gen::inRange<std::size_t>(1, 7).as("n"); }

// Probabilities lie in [0.05, 0.95]; Ridders' first step must stay inside (0, 1).
template <class Real>
diff::ridders_options<Real> probability_steps() {
  auto opt = diff::ridders_options<Real>::defaults();
  opt.initial_step = Real("0.01");
  return opt;
}

// A probability distribution with every entry at least 0.01 / n (for soft targets).
template <class Real>
std::vector<Real> any_distribution(std::size_t n) {
  auto y = *decimals<Real>(n, 0.01, 1).as("unnormalised target");
  Real total = 0;
  for (const auto& v : y) total += v;
  for (auto& v : y) v /= total;
  return y;
}
}  // namespace

GRADECHECK_PROPERTY_SUITE(loss);

RC_GTEST_TYPED_PROP(loss, squared_error_gradient_equals_finite_differences_with_and_without_the_half) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V p = *decimals<Real>(n, -3, 3), y = *decimals<Real>(n, -3, 3);
  const auto half = *rc::gen::element(ops::half_factor::with_half, ops::half_factor::without_half);
  assert_gradient([&](const V& v) { return ops::squared_error(v, y, half); }, p, ops::squared_error_gradient(p, y, half));
}

RC_GTEST_TYPED_PROP(loss, mse_gradient_equals_finite_differences) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V p = *decimals<Real>(n, -3, 3), y = *decimals<Real>(n, -3, 3);
  assert_gradient([&](const V& v) { return ops::mse(v, y); }, p, ops::mse_gradient(p, y));
}

RC_GTEST_TYPED_PROP(loss, bce_gradient_equals_finite_differences) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V p = *decimals<Real>(n, 0.05, 0.95).as("p"), y = *decimals<Real>(n, 0, 1).as("y");
  assert_gradient([&](const V& v) { return ops::bce(v, y); }, p, ops::bce_gradient(p, y), probability_steps<Real>());
}

RC_GTEST_TYPED_PROP(loss, bce_with_logits_gradient_equals_finite_differences) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V z = *decimals<Real>(n, -10, 10), y = *decimals<Real>(n, 0, 1);
  assert_gradient([&](const V& v) { return ops::bce_with_logits(v, y); }, z, ops::bce_with_logits_gradient(z, y));
}

RC_GTEST_TYPED_PROP(loss, cross_entropy_gradient_equals_finite_differences) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V p = *decimals<Real>(n, 0.05, 0.95), y = any_distribution<Real>(n);
  assert_gradient([&](const V& v) { return ops::cross_entropy(v, y); }, p, ops::cross_entropy_gradient(p, y),
                  probability_steps<Real>());
}

RC_GTEST_TYPED_PROP(loss, cross_entropy_with_logits_gradient_equals_finite_differences) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V z = *decimals<Real>(n, -8, 8), y = *decimals<Real>(n, 0, 1).as("any non-negative target");
  assert_gradient([&](const V& v) { return ops::cross_entropy_with_logits(v, y); }, z,
                  ops::cross_entropy_with_logits_gradient(z, y));
}

// d/dz bce(sigma(z), y) = bce'(a) sigma'(z) = (a - y) / (a (1 - a)) * a (1 - a) = a - y
RC_GTEST_TYPED_PROP(loss, bce_on_a_sigmoid_has_gradient_a_minus_y) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V z = *decimals<Real>(n, -6, 6), y = *decimals<Real>(n, 0, 1);
  V a_minus_y(n), chained(n);
  const V a = [&] {
    V out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = ops::sigmoid(z[i]);
    return out;
  }();
  const V dp = ops::bce_gradient(a, y);
  for (std::size_t i = 0; i < n; ++i) {
    a_minus_y[i] = a[i] - y[i];
    chained[i] = dp[i] * ops::sigmoid_derivative(z[i]);
  }
  assert_close(chained, a_minus_y, identity_tolerance<Real>() * 1024);
  assert_gradient([&](const V& v) {
    V s(n);
    for (std::size_t i = 0; i < n; ++i) s[i] = ops::sigmoid(v[i]);
    return ops::bce(s, y);
  }, z, a_minus_y);
}

// d/dz CE(softmax(z), y) = J^T (-y / s) = s - y when y sums to 1
RC_GTEST_TYPED_PROP(loss, softmax_then_cross_entropy_has_gradient_s_minus_y) {
  using V = std::vector<Real>;
  const auto n = any_size();
  const V z = *decimals<Real>(n, -5, 5), y = any_distribution<Real>(n);
  const V s = ops::softmax(z);
  V s_minus_y(n);
  for (std::size_t i = 0; i < n; ++i) s_minus_y[i] = s[i] - y[i];
  assert_close(ops::softmax_vjp(s, ops::cross_entropy_gradient(s, y)), s_minus_y, identity_tolerance<Real>());
  assert_close(ops::cross_entropy_with_logits_gradient(z, y), s_minus_y, identity_tolerance<Real>());
  assert_gradient([&](const V& v) { return ops::cross_entropy(ops::softmax(v), y); }, z, s_minus_y);
}
