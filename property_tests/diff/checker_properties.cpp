// Tests of the checker itself: a deliberately wrong derivative must be caught.

#include "gradecheck/ops/batch_norm.hpp"
#include "gradecheck/ops/dense.hpp"
#include "gradecheck/ops/softmax.hpp"
#include "support/generators.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace diff = gradecheck::diff;
namespace ops = gradecheck::ops;
using gradecheck::numeric::matrix;

namespace {
bool passes(const diff::gradient_check_report<real50>& r) { return r.passed(); }

// dx with one of its three terms dropped: the mean term dmu/m, or the variance term.
matrix<real50> dx_without(const ops::batch_norm_gradients<real50>& g, const ops::batch_norm_trace<real50>& t,
                          const matrix<real50>& x, bool drop_mean_term) {
  using std::sqrt;
  matrix<real50> dx(x.rows, x.cols);
  const real50 m(x.rows);
  for (std::size_t i = 0; i < x.rows; ++i)
    for (std::size_t j = 0; j < x.cols; ++j) {
      const real50 direct = g.dxhat(i, j) / sqrt(t.var[j] + t.eps);
      const real50 through_var = g.dvar[j] * 2 * (x(i, j) - t.mu[j]) / m;
      const real50 through_mean = g.dmu[j] / m;
      dx(i, j) = direct + (drop_mean_term ? through_var : through_mean);
    }
  return dx;
}
}  // namespace

RC_GTEST_PROP(checker, catches_a_softmax_jacobian_without_the_kronecker_delta, ()) {
  const auto K = *rc::gen::inRange<std::size_t>(1, 7);
  const reals z = *decimals(K, -5, 5);
  const reals s = ops::softmax(z);
  matrix<real50> wrong(K, K);
  for (std::size_t i = 0; i < K; ++i)
    for (std::size_t j = 0; j < K; ++j) wrong(i, j) = -s[i] * s[j];  // forgot delta_ij
  RC_ASSERT(!passes(diff::check_jacobian([](const reals& v) { return ops::softmax(v); }, z, wrong)));
}

RC_GTEST_PROP(checker, catches_a_batch_norm_dx_without_the_mean_term, ()) {
  using std::abs;
  const auto m = *rc::gen::inRange<std::size_t>(2, 6);
  matrix<real50> x(m, 1), dy(m, 1);
  x.data = *decimals(m, -3, 3);
  dy.data = *decimals(m, -2, 2);
  real50 sum_dy = 0;
  for (const auto& v : dy.data) sum_dy += v;
  RC_PRE(abs(sum_dy) > real50("0.01"));  // the mean term is gamma sum(dy) / (m sigma)
  const reals gamma{real50("1.5")}, beta{real50("0.5")};
  const auto t = ops::batch_norm_forward(x, gamma, beta);
  RC_PRE(t.var[0] > real50("0.05"));
  const auto g = ops::batch_norm_backward(x, gamma, t, dy);
  const auto L = [&](const reals& v) {
    matrix<real50> xv(m, 1);
    xv.data = v;
    return dot(dy.data, ops::batch_norm_forward(xv, gamma, beta).y.data);
  };
  RC_ASSERT(!passes(diff::check_gradient(L, x.data, dx_without(g, t, x, true).data)));
}

// Why the cotangent must be random: with dy = 1 the variance term of dx is
// sum(x - mu) = 0 times something, so a dx that forgets it passes; a random
// dy exposes it.
RC_GTEST_PROP(checker, an_all_ones_cotangent_hides_a_missing_variance_term_and_a_random_one_exposes_it, ()) {
  const auto m = *rc::gen::inRange<std::size_t>(3, 6);
  matrix<real50> x(m, 1);
  x.data = *decimals(m, -3, 3);
  const reals gamma{real50("1.5")}, beta{real50("0.5")};
  const auto t = ops::batch_norm_forward(x, gamma, beta);
  RC_PRE(t.var[0] > real50("0.05"));
  const auto check_with = [&](const reals& cotangent) {
    matrix<real50> dy(m, 1);
    dy.data = cotangent;
    const auto g = ops::batch_norm_backward(x, gamma, t, dy);
    return passes(diff::check_gradient([&](const reals& v) {
      matrix<real50> xv(m, 1);
      xv.data = v;
      return dot(cotangent, ops::batch_norm_forward(xv, gamma, beta).y.data);
    }, x.data, dx_without(g, t, x, false).data));
  };
  RC_ASSERT(check_with(reals(m, real50(1))));
  // a random cotangent with a component along xhat (else the variance term vanishes again)
  const reals random = *decimals(m, -2, 2).as("random cotangent");
  using std::abs;
  RC_PRE(abs(dot(random, t.xhat.data)) > real50("0.01"));
  RC_ASSERT(!check_with(random));
}

RC_GTEST_PROP(checker, catches_a_transposed_weight_gradient, ()) {
  const auto rows = *rc::gen::inRange<std::size_t>(2, 4);
  const reals w = *decimals(rows * rows, -2, 2), x = *decimals(rows, -2, 2).as("x"), c = *decimals(rows, -2, 2).as("c");
  matrix<real50> W(rows, rows);
  W.data = w;
  const auto g = ops::dense_vjp(W, x, rows, c);
  matrix<real50> transposed(rows, rows);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < rows; ++j) transposed(i, j) = g.dW(j, i);
  RC_PRE(transposed.data != g.dW.data);  // dz x^T is symmetric only when c and x are parallel
  const auto L = [&](const reals& v) {
    matrix<real50> Wv(rows, rows);
    Wv.data = v;
    return dot(c, ops::dense(Wv, x, reals(rows)));
  };
  RC_ASSERT(passes(diff::check_gradient(L, w, g.dW.data)));
  RC_ASSERT(!passes(diff::check_gradient(L, w, transposed.data)));
}

RC_GTEST_PROP(checker, catches_a_sigmoid_derivative_written_as_the_sigmoid, ()) {
  const real50 x = *decimal_in(-6, 6);
  const auto f = [](const reals& v) { return reals{ops::softmax(reals{v[0], real50(0)})[0]}; };  // sigma(x) = softmax([x, 0])_0
  const real50 s = f(reals{x})[0];
  RC_ASSERT(passes(diff::check_jacobian(f, reals{x}, as_row(reals{s * (1 - s)}))));
  RC_ASSERT(!passes(diff::check_jacobian(f, reals{x}, as_row(reals{s}))));
}
