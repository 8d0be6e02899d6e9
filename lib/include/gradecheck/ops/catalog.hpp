#pragma once
/// Every reference op as a checkable map R^n -> R^m with its analytic
/// Jacobian, at a sample point: the list that `grader gradcheck` and the
/// finite-difference benchmark walk through. Vector-Jacobian products are
/// checked through the scalar <c, f(x)> with a fixed random cotangent c, so
/// that an error in one entry cannot hide behind an all-ones upstream gradient.
///
/// Sample points are decimals drawn from a generator seeded with `seed`, kept
/// a margin away from kinks and from the edges of each domain.

#include "gradecheck/numeric/matrix.hpp"
#include "gradecheck/ops/activation.hpp"
#include "gradecheck/ops/batch_norm.hpp"
#include "gradecheck/ops/dense.hpp"
#include "gradecheck/ops/loss.hpp"
#include "gradecheck/ops/mlp.hpp"
#include "gradecheck/ops/optimizer.hpp"
#include "gradecheck/ops/softmax.hpp"

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace gradecheck::ops {

/// An op as a function of a flat vector, its analytic Jacobian and a point.
template <class Real>
struct checkable_op {
  std::string name;
  std::vector<Real> point;
  std::function<std::vector<Real>(const std::vector<Real>&)> value;
  std::function<numeric::matrix<Real>(const std::vector<Real>&)> jacobian;
};

namespace detail {

/// Draws decimals k / 10^4 uniformly from [lo, hi], |value| >= margin.
class decimal_sampler {
 public:
  explicit decimal_sampler(std::uint64_t seed) : rng_(seed) {}
  template <class Real>
  Real draw(double lo, double hi, double margin = 0) {
    std::uniform_int_distribution<long> d(static_cast<long>(lo * 10000), static_cast<long>(hi * 10000));
    for (;;) {
      const long k = d(rng_);
      if (std::abs(static_cast<double>(k)) >= margin * 10000) return Real(k) / 10000;
    }
  }
  template <class Real>
  std::vector<Real> draw_vector(std::size_t n, double lo, double hi, double margin = 0) {
    std::vector<Real> v(n);
    for (auto& x : v) x = draw<Real>(lo, hi, margin);
    return v;
  }

 private:
  std::mt19937_64 rng_;
};

template <class Real>
numeric::matrix<Real> row(const std::vector<Real>& g) {
  numeric::matrix<Real> J(1, g.size());
  J.data = g;
  return J;
}

template <class Real>
Real dot(const std::vector<Real>& a, const std::vector<Real>& b) {
  Real s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

template <class Real>
numeric::matrix<Real> diagonal(const std::vector<Real>& d) {
  numeric::matrix<Real> J(d.size(), d.size());
  for (std::size_t i = 0; i < d.size(); ++i) J(i, i) = d[i];
  return J;
}

template <class Real>
checkable_op<Real> activation_op(const std::string& name, activation<Real> f, Real x) {
  return {name, {x}, [f](const std::vector<Real>& v) { return std::vector<Real>{apply(f, v[0])}; },
          [f](const std::vector<Real>& v) { return row(std::vector<Real>{derivative(f, v[0])}); }};
}

template <class Real, class Loss, class Gradient>
checkable_op<Real> loss_op(const std::string& name, std::vector<Real> p, std::vector<Real> y, Loss loss, Gradient grad) {
  return {name, std::move(p), [y, loss](const std::vector<Real>& v) { return std::vector<Real>{loss(v, y)}; },
          [y, grad](const std::vector<Real>& v) { return row(grad(v, y)); }};
}


/// Batch norm of a 4 x 2 batch x with cotangent c: the loss is L = <c, y>, and
/// each gradient of the backward pass is checked as the derivative of L in
/// the variables it is defined over (see batch_norm.hpp).
template <class Real>
std::vector<checkable_op<Real>> batch_norm_ops(std::vector<Real> x_flat, std::vector<Real> c_flat, std::vector<Real> gamma,
                                               std::vector<Real> beta) {
  using V = std::vector<Real>;
  using M = numeric::matrix<Real>;
  const std::size_t m = 4, d = 2;
  const Real eps = Real(1) / 1000;
  M x(m, d), c(m, d);
  x.data = x_flat;
  c.data = c_flat;
  const auto t = batch_norm_forward(x, gamma, beta, eps);
  const auto g = batch_norm_backward(x, gamma, t, c);
  // L as a function of (mu, var) with x held: sum_ij c_ij (gamma_j (x_ij - mu_j) / sqrt(var_j + eps) + beta_j)
  const auto loss_at = [x, c, gamma, beta, eps](const V& mu, const V& var) {
    using std::sqrt;
    Real L = 0;
    for (std::size_t i = 0; i < x.rows; ++i)
      for (std::size_t j = 0; j < x.cols; ++j) L += c(i, j) * (gamma[j] * (x(i, j) - mu[j]) / sqrt(var[j] + eps) + beta[j]);
    return L;
  };
  std::vector<checkable_op<Real>> ops;
  ops.push_back({"batch_norm_dx", x.data,
                 [gamma, beta, c, eps](const V& v) {
                   M xv(4, 2);
                   xv.data = v;
                   return V{dot(c.data, batch_norm_forward(xv, gamma, beta, eps).y.data)};
                 },
                 [gamma, beta, c, eps](const V& v) {
                   M xv(4, 2);
                   xv.data = v;
                   return row(batch_norm_backward(xv, gamma, batch_norm_forward(xv, gamma, beta, eps), c).dx.data);
                 }});
  V gamma_beta = gamma;
  gamma_beta.insert(gamma_beta.end(), beta.begin(), beta.end());
  ops.push_back({"batch_norm_dgamma_dbeta", gamma_beta,
                 [x, c, eps](const V& v) {
                   return V{dot(c.data, batch_norm_forward(x, V(v.begin(), v.begin() + 2), V(v.begin() + 2, v.end()), eps).y.data)};
                 },
                 [x, c, eps](const V& v) {
                   const V gm(v.begin(), v.begin() + 2);
                   const auto gr = batch_norm_backward(x, gm, batch_norm_forward(x, gm, V(v.begin() + 2, v.end()), eps), c);
                   V all = gr.dgamma;
                   all.insert(all.end(), gr.dbeta.begin(), gr.dbeta.end());
                   return row(all);
                 }});
  ops.push_back({"batch_norm_dxhat", t.xhat.data,
                 [c, gamma, beta](const V& xhat) {
                   Real L = 0;
                   for (std::size_t k = 0; k < xhat.size(); ++k) L += c.data[k] * (gamma[k % 2] * xhat[k] + beta[k % 2]);
                   return V{L};
                 },
                 [g](const V&) { return row(g.dxhat.data); }});
  ops.push_back({"batch_norm_dvar", t.var, [loss_at, t](const V& var) { return V{loss_at(t.mu, var)}; },
                 [x, gamma, beta, c, eps](const V& var) {
                   // evaluate the analytic dvar at the given variance with x and mu held
                   auto tv = batch_norm_forward(x, gamma, beta, eps);
                   tv.var = var;
                   return row(batch_norm_backward(x, gamma, tv, c).dvar);
                 }});
  ops.push_back({"batch_norm_dmu", t.mu,
                 [loss_at, x, m, d](const V& mu) {
                   V var(d);
                   for (std::size_t j = 0; j < d; ++j)
                     for (std::size_t i = 0; i < m; ++i) var[j] += (x(i, j) - mu[j]) * (x(i, j) - mu[j]) / Real(m);
                   return V{loss_at(mu, var)};
                 },
                 [x, gamma, beta, c, eps, m, d](const V& mu) {
                   // the analytic dmu off the batch mean too: its second term no longer vanishes
                   auto tm = batch_norm_forward(x, gamma, beta, eps);
                   tm.mu = mu;
                   for (std::size_t j = 0; j < d; ++j) {
                     tm.var[j] = 0;
                     for (std::size_t i = 0; i < m; ++i) tm.var[j] += (x(i, j) - mu[j]) * (x(i, j) - mu[j]) / Real(m);
                   }
                   return row(batch_norm_backward(x, gamma, tm, c).dmu);
                 }});
  return ops;
}

}  // namespace detail

/// Returns every reference op at a sample point drawn with `seed`.
template <class Real>
std::vector<checkable_op<Real>> op_catalog(std::uint64_t seed = 2025) {
  detail::decimal_sampler draw(seed);
  std::vector<checkable_op<Real>> ops;
  const Real alpha = Real(1) / 10;
  const Real elu_alpha = Real(3) / 2;

  ops.push_back(detail::activation_op<Real>("identity", {activation_kind::identity}, draw.draw<Real>(-2, 2)));
  ops.push_back(detail::activation_op<Real>("sigmoid", {activation_kind::sigmoid}, draw.draw<Real>(-3, 3)));
  ops.push_back(detail::activation_op<Real>("tanh", {activation_kind::tanh}, draw.draw<Real>(-2, 2)));
  ops.push_back(detail::activation_op<Real>("relu", {activation_kind::relu}, draw.draw<Real>(0.5, 2)));
  ops.push_back(detail::activation_op<Real>("leaky_relu", {activation_kind::leaky_relu, alpha}, draw.draw<Real>(-2, -0.5)));
  ops.push_back(detail::activation_op<Real>("elu", {activation_kind::elu, elu_alpha}, draw.draw<Real>(-2, -0.5)));
  ops.push_back(detail::activation_op<Real>("softplus", {activation_kind::softplus}, draw.draw<Real>(-3, 3)));

  ops.push_back({"softmax", draw.draw_vector<Real>(4, -2, 2), [](const std::vector<Real>& z) { return softmax(z); },
                 [](const std::vector<Real>& z) { return softmax_jacobian(softmax(z)); }});
  ops.push_back({"log_softmax", draw.draw_vector<Real>(4, -2, 2), [](const std::vector<Real>& z) { return log_softmax(z); },
                 [](const std::vector<Real>& z) { return log_softmax_jacobian(softmax(z)); }});

  using V = std::vector<Real>;
  const V target = draw.draw_vector<Real>(3, -1, 1);
  const V prob_target = draw.draw_vector<Real>(3, 0.1, 0.9);
  const V onehot{0, 1, 0};
  ops.push_back(detail::loss_op<Real>(
      "squared_error_half", draw.draw_vector<Real>(3, -1, 1), target,
      [](const V& p, const V& y) { return squared_error(p, y, half_factor::with_half); },
      [](const V& p, const V& y) { return squared_error_gradient(p, y, half_factor::with_half); }));
  ops.push_back(detail::loss_op<Real>(
      "squared_error", draw.draw_vector<Real>(3, -1, 1), target,
      [](const V& p, const V& y) { return squared_error(p, y, half_factor::without_half); },
      [](const V& p, const V& y) { return squared_error_gradient(p, y, half_factor::without_half); }));
  ops.push_back(detail::loss_op<Real>("mse", draw.draw_vector<Real>(3, -1, 1), target,
                                      [](const V& p, const V& y) { return mse(p, y); },
                                      [](const V& p, const V& y) { return mse_gradient(p, y); }));
  ops.push_back(detail::loss_op<Real>("bce", draw.draw_vector<Real>(3, 0.2, 0.8), prob_target,
                                      [](const V& p, const V& y) { return bce(p, y); },
                                      [](const V& p, const V& y) { return bce_gradient(p, y); }));
  ops.push_back(detail::loss_op<Real>("bce_with_logits", draw.draw_vector<Real>(3, -3, 3), prob_target,
                                      [](const V& z, const V& y) { return bce_with_logits(z, y); },
                                      [](const V& z, const V& y) { return bce_with_logits_gradient(z, y); }));
  ops.push_back(detail::loss_op<Real>("cross_entropy", draw.draw_vector<Real>(3, 0.2, 0.8), prob_target,
                                      [](const V& p, const V& y) { return cross_entropy(p, y); },
                                      [](const V& p, const V& y) { return cross_entropy_gradient(p, y); }));
  ops.push_back(detail::loss_op<Real>("cross_entropy_with_logits", draw.draw_vector<Real>(3, -3, 3), onehot,
                                      [](const V& z, const V& y) { return cross_entropy_with_logits(z, y); },
                                      [](const V& z, const V& y) { return cross_entropy_with_logits_gradient(z, y); }));

  {  // dense: x = [W (3x2, row-major), b (3), x (2)], checked through <c, W x + b>
    const V c = draw.draw_vector<Real>(3, -1, 1);
    const auto unpack = [](const V& v) {
      numeric::matrix<Real> W(3, 2);
      W.data.assign(v.begin(), v.begin() + 6);
      return std::tuple{W, V(v.begin() + 6, v.begin() + 9), V(v.begin() + 9, v.end())};
    };
    ops.push_back({"dense_vjp", draw.draw_vector<Real>(11, -1, 1),
                   [c, unpack](const V& v) {
                     const auto [W, b, x] = unpack(v);
                     return V{detail::dot(c, dense(W, x, b))};
                   },
                   [c, unpack](const V& v) {
                     const auto [W, b, x] = unpack(v);
                     const auto g = dense_vjp(W, x, b.size(), c);
                     V all = g.dW.data;
                     all.insert(all.end(), g.db.begin(), g.db.end());
                     all.insert(all.end(), g.dx.begin(), g.dx.end());
                     return detail::row(all);
                   }});
  }

  {  // MLP 2-3-2, tanh then sigmoid, shared bias in the output layer; loss = 1/2 squared error
    const V x = draw.draw_vector<Real>(2, -1, 1);
    const V y = draw.draw_vector<Real>(2, 0.1, 0.9);
    const auto unpack = [](const V& v) {
      std::vector<layer<Real>> net(2);
      net[0] = {numeric::matrix<Real>(3, 2), V(v.begin() + 6, v.begin() + 9), {activation_kind::tanh}};
      net[0].W.data.assign(v.begin(), v.begin() + 6);
      net[1] = {numeric::matrix<Real>(2, 3), V(v.begin() + 15, v.begin() + 16), {activation_kind::sigmoid}};
      net[1].W.data.assign(v.begin() + 9, v.begin() + 15);
      return net;
    };
    ops.push_back({"mlp_backward", draw.draw_vector<Real>(16, -1, 1),
                   [x, y, unpack](const V& v) {
                     return V{squared_error(mlp_forward(unpack(v), x).output(), y, half_factor::with_half)};
                   },
                   [x, y, unpack](const V& v) {
                     const auto net = unpack(v);
                     const auto t = mlp_forward(net, x);
                     const auto g = mlp_backward(net, t, squared_error_gradient(t.output(), y, half_factor::with_half));
                     V all = g.dW[0].data;
                     all.insert(all.end(), g.db[0].begin(), g.db[0].end());
                     all.insert(all.end(), g.dW[1].data.begin(), g.dW[1].data.end());
                     all.insert(all.end(), g.db[1].begin(), g.db[1].end());
                     return detail::row(all);
                   }});
  }

  for (auto& op : detail::batch_norm_ops<Real>(draw.draw_vector<Real>(8, -2, 2), draw.draw_vector<Real>(8, -1, 1),
                                       draw.draw_vector<Real>(2, 0.5, 2), draw.draw_vector<Real>(2, -1, 1)))
    ops.push_back(std::move(op));

  const V w0 = draw.draw_vector<Real>(3, -1, 1);
  const V v0 = draw.draw_vector<Real>(3, -0.5, 0.5);
  const V s0 = draw.draw_vector<Real>(3, 0.01, 0.5);
  const V g0 = draw.draw_vector<Real>(3, -1, 1, 0.1);
  const Real lr = Real(1) / 10, beta = Real(9) / 10, beta2 = Real(999) / 1000, eps = Real(1) / 100000000;
  const std::vector<std::pair<std::string, optimizer<Real>>> optimizers{
      {"sgd", {optimizer_kind::sgd, lr, 0, 0, 0, Real(1) / 100}},
      {"momentum_ema", {optimizer_kind::momentum_ema, lr, beta, 0, 0, 0}},
      {"momentum", {optimizer_kind::momentum, lr, beta, 0, 0, 0}},
      {"nesterov", {optimizer_kind::nesterov, lr, beta, 0, 0, 0}},
      {"rmsprop", {optimizer_kind::rmsprop, lr, beta, 0, eps, 0}},
      {"adam", {optimizer_kind::adam, lr, beta, beta2, eps, Real(1) / 100}},
  };
  for (const auto& [name, o] : optimizers) {
    const optimizer_state<Real> state{w0, v0, s0, 2};
    ops.push_back({name + "_step", g0,
                   [o, state](const V& g) {
                     auto st = state;
                     step(o, st, g);
                     return st.w;
                   },
                   [o, state](const V& g) { return detail::diagonal(step_derivative(o, state, g)); }});
  }
  return ops;
}

}  // namespace gradecheck::ops
