#pragma once
/// One step, and k steps, of the usual optimizers, element-wise on a parameter
/// vector w with gradient g. With L2 weight decay lambda the gradient used is
/// gh = g + lambda w (coupled decay). Per coordinate:
///
///   sgd:          w <- w - lr gh
///   momentum_ema: v <- beta v + (1 - beta) gh;  w <- w - lr v    (seed 000 Problem 8)
///   momentum:     v <- mu v + gh;               w <- w - lr v    (classical)
///   nesterov:     v <- mu v + gh;               w <- w - lr (gh + mu v)   (PyTorch's form)
///   rmsprop:      s <- rho s + (1 - rho) gh^2;  w <- w - lr gh / (sqrt(s) + eps)
///   adam:         t <- t + 1; v <- b1 v + (1 - b1) gh; s <- b2 s + (1 - b2) gh^2;
///                 w <- w - lr vh / (sqrt(sh) + eps),  vh = v / (1 - b1^t), sh = s / (1 - b2^t)
///
/// The coefficient (beta, mu, rho or b1) is `beta1`; Adam's b2 is `beta2`.
/// The analytic derivative of a step is dw_new/dg per coordinate (the update is
/// element-wise, so its Jacobian in g is diagonal).

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradecheck::ops {

enum class optimizer_kind { sgd, momentum_ema, momentum, nesterov, rmsprop, adam };

/// The hyper-parameters of an optimizer.
template <class Real>
struct optimizer {
  optimizer_kind kind = optimizer_kind::sgd;
  Real learning_rate = Real(0);
  Real beta1 = Real(0);  ///< beta, mu, rho or Adam's b1
  Real beta2 = Real(0);  ///< Adam's b2
  Real eps = Real(0);    ///< RMSProp and Adam denominator guard
  Real weight_decay = Real(0);
};

/// What an optimizer carries from step to step: the parameters, the first
/// moment or velocity v, the second moment s, and the step count t.
template <class Real>
struct optimizer_state {
  std::vector<Real> w;
  std::vector<Real> v;
  std::vector<Real> s;
  int t = 0;

  /// A fresh state at w: zero moments, t = 0.
  static optimizer_state at(std::vector<Real> w0) {
    const std::size_t n = w0.size();
    return {std::move(w0), std::vector<Real>(n), std::vector<Real>(n), 0};
  }
};

namespace detail {
template <class Real>
Real power(const Real& base, int exponent) {
  Real out = 1;
  for (int k = 0; k < exponent; ++k) out *= base;
  return out;
}

/// The per-coordinate update: returns the new (w, v, s) given gh and step t (1-based).
template <class Real>
void update_coordinate(const optimizer<Real>& o, int t, const Real& gh, Real& w, Real& v, Real& s) {
  using std::sqrt;
  const Real& lr = o.learning_rate;
  switch (o.kind) {
    case optimizer_kind::sgd: w -= lr * gh; return;
    case optimizer_kind::momentum_ema: v = o.beta1 * v + (1 - o.beta1) * gh; w -= lr * v; return;
    case optimizer_kind::momentum: v = o.beta1 * v + gh; w -= lr * v; return;
    case optimizer_kind::nesterov: v = o.beta1 * v + gh; w -= lr * (gh + o.beta1 * v); return;
    case optimizer_kind::rmsprop: s = o.beta1 * s + (1 - o.beta1) * gh * gh; w -= lr * gh / (sqrt(s) + o.eps); return;
    case optimizer_kind::adam: {
      v = o.beta1 * v + (1 - o.beta1) * gh;
      s = o.beta2 * s + (1 - o.beta2) * gh * gh;
      const Real vh = v / (1 - power(o.beta1, t));
      const Real sh = s / (1 - power(o.beta2, t));
      w -= lr * vh / (sqrt(sh) + o.eps);
      return;
    }
  }
  throw std::logic_error("optimizer: unknown kind");
}
}  // namespace detail

/// Applies one step with gradient g (of the loss at state.w) to `state`.
template <class Real>
void step(const optimizer<Real>& o, optimizer_state<Real>& state, const std::vector<Real>& g) {
  if (g.size() != state.w.size() || state.v.size() != state.w.size() || state.s.size() != state.w.size())
    throw std::invalid_argument("optimizer step: gradient and state sizes differ");
  ++state.t;
  for (std::size_t i = 0; i < g.size(); ++i) {
    const Real gh = g[i] + o.weight_decay * state.w[i];
    detail::update_coordinate(o, state.t, gh, state.w[i], state.v[i], state.s[i]);
  }
}

/// Applies k steps, the gradient of each taken from `gradient(w)` at the current w.
template <class Real, class GradientFn>
void run(const optimizer<Real>& o, optimizer_state<Real>& state, GradientFn&& gradient, int k) {
  for (int n = 0; n < k; ++n) step(o, state, gradient(state.w));
}

/// Returns dw_new/dg_i for one step from `state` with gradient g: the diagonal
/// of the step's Jacobian in g. With q the root of the new second moment:
///   rmsprop: -lr [1/(q + eps) - gh (1 - rho) gh / (q (q + eps)^2)]
///   adam:    -lr [c1/(q + eps) - vh c2 gh / (q (q + eps)^2)],
///            c1 = (1 - b1)/(1 - b1^t), c2 = (1 - b2)/(1 - b2^t), q = sqrt(sh)
template <class Real>
std::vector<Real> step_derivative(const optimizer<Real>& o, const optimizer_state<Real>& state, const std::vector<Real>& g) {
  using std::sqrt;
  const Real& lr = o.learning_rate;
  const int t = state.t + 1;
  std::vector<Real> d(g.size());
  for (std::size_t i = 0; i < g.size(); ++i) {
    const Real gh = g[i] + o.weight_decay * state.w[i];
    switch (o.kind) {
      case optimizer_kind::sgd: d[i] = -lr; break;
      case optimizer_kind::momentum_ema: d[i] = -lr * (1 - o.beta1); break;
      case optimizer_kind::momentum: d[i] = -lr; break;
      case optimizer_kind::nesterov: d[i] = -lr * (1 + o.beta1); break;
      case optimizer_kind::rmsprop: {
        const Real q = sqrt(o.beta1 * state.s[i] + (1 - o.beta1) * gh * gh);
        const Real den = q + o.eps;
        d[i] = -lr * (1 / den - gh * (1 - o.beta1) * gh / (q * den * den));
        break;
      }
      case optimizer_kind::adam: {
        const Real c1 = (1 - o.beta1) / (1 - detail::power(o.beta1, t));
        const Real c2 = (1 - o.beta2) / (1 - detail::power(o.beta2, t));
        const Real vh = (o.beta1 * state.v[i] + (1 - o.beta1) * gh) / (1 - detail::power(o.beta1, t));
        const Real q = sqrt((o.beta2 * state.s[i] + (1 - o.beta2) * gh * gh) / (1 - detail::power(o.beta2, t)));
        const Real den = q + o.eps;
        d[i] = -lr * (c1 / den - vh * c2 * gh / (q * den * den));
        break;
      }
    }
  }
  return d;
}

}  // namespace gradecheck::ops
