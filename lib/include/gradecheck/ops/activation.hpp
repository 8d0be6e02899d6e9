#pragma once
/// Activation functions and their derivatives, templated on Real.
///
/// Convention at kinks: where the left and right derivatives differ (x = 0 for
/// ReLU, leaky ReLU and ELU with alpha != 1) the derivative returned is the
/// left one, as PyTorch does: relu'(0) = 0, leaky_relu'(0) = alpha,
/// elu'(0) = alpha. Each is a valid subgradient: it lies between the one-sided
/// derivatives.

#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gradecheck::ops {

enum class activation_kind { identity, sigmoid, tanh, relu, leaky_relu, elu, softplus };

/// An activation with its parameter (alpha for leaky ReLU and ELU).
template <class Real>
struct activation {
  activation_kind kind = activation_kind::identity;
  Real alpha = Real(0);
};

/// Returns the name of `kind` as written in case files ("leaky_relu").
std::string_view name_of(activation_kind kind);
/// Returns the activation kind named `name`; throws std::invalid_argument.
activation_kind activation_named(std::string_view name);

/// Returns sigma(x) = 1 / (1 + e^-x), evaluated without overflow for any sign.
template <class Real>
Real sigmoid(const Real& x) {
  using std::exp;
  if (x >= 0) return 1 / (1 + exp(-x));
  const Real e = exp(x);
  return e / (1 + e);
}

/// Returns sigma'(x) = sigma(x) (1 - sigma(x)).
template <class Real>
Real sigmoid_derivative(const Real& x) {
  const Real s = sigmoid(x);
  return s * (1 - s);
}

/// Returns tanh'(x) = 1 - tanh(x)^2.
template <class Real>
Real tanh_derivative(const Real& x) {
  using std::tanh;
  const Real t = tanh(x);
  return 1 - t * t;
}

/// Returns max(x, 0).
template <class Real>
Real relu(const Real& x) {
  return x > 0 ? x : Real(0);
}

/// Returns 1 for x > 0, else 0 (the left derivative at the kink).
template <class Real>
Real relu_derivative(const Real& x) {
  return x > 0 ? Real(1) : Real(0);
}

/// Returns x for x > 0, else alpha x.
template <class Real>
Real leaky_relu(const Real& x, const Real& alpha) {
  return x > 0 ? x : Real(alpha * x);
}

/// Returns 1 for x > 0, else alpha (the left derivative at the kink).
template <class Real>
Real leaky_relu_derivative(const Real& x, const Real& alpha) {
  return x > 0 ? Real(1) : alpha;
}

/// Returns x for x > 0, else alpha (e^x - 1), with expm1 for accuracy near 0.
template <class Real>
Real elu(const Real& x, const Real& alpha) {
  using std::expm1;
  return x > 0 ? x : Real(alpha * expm1(x));
}

/// Returns 1 for x > 0, else alpha e^x (the left derivative at the kink).
template <class Real>
Real elu_derivative(const Real& x, const Real& alpha) {
  using std::exp;
  return x > 0 ? Real(1) : Real(alpha * exp(x));
}

/// Returns log(1 + e^x) = max(x, 0) + log1p(e^-|x|), without overflow.
template <class Real>
Real softplus(const Real& x) {
  using std::abs;
  using std::exp;
  using std::log1p;
  return (x > 0 ? x : Real(0)) + log1p(exp(-abs(x)));
}

/// Returns softplus'(x) = sigma(x).
template <class Real>
Real softplus_derivative(const Real& x) {
  return sigmoid(x);
}

/// Returns f(x) for the activation f.
template <class Real>
Real apply(const activation<Real>& f, const Real& x) {
  using std::tanh;
  switch (f.kind) {
    case activation_kind::identity: return x;
    case activation_kind::sigmoid: return sigmoid(x);
    case activation_kind::tanh: return tanh(x);
    case activation_kind::relu: return relu(x);
    case activation_kind::leaky_relu: return leaky_relu(x, f.alpha);
    case activation_kind::elu: return elu(x, f.alpha);
    case activation_kind::softplus: return softplus(x);
  }
  throw std::logic_error("apply: unknown activation");
}

/// Returns f'(x) for the activation f (left derivative at kinks).
template <class Real>
Real derivative(const activation<Real>& f, const Real& x) {
  switch (f.kind) {
    case activation_kind::identity: return Real(1);
    case activation_kind::sigmoid: return sigmoid_derivative(x);
    case activation_kind::tanh: return tanh_derivative(x);
    case activation_kind::relu: return relu_derivative(x);
    case activation_kind::leaky_relu: return leaky_relu_derivative(x, f.alpha);
    case activation_kind::elu: return elu_derivative(x, f.alpha);
    case activation_kind::softplus: return softplus_derivative(x);
  }
  throw std::logic_error("derivative: unknown activation");
}

/// Returns true when x is a kink of f (a point where f is not differentiable).
template <class Real>
bool is_kink(const activation<Real>& f, const Real& x) {
  switch (f.kind) {
    case activation_kind::relu: return x == 0;
    case activation_kind::leaky_relu: return x == 0 && f.alpha != 1;
    case activation_kind::elu: return x == 0 && f.alpha != 1;
    default: return false;
  }
}

}  // namespace gradecheck::ops
