#pragma once
/// Losses and their gradients with respect to the prediction, in index form.
/// All losses sum over the entries (the seeds' convention: C = C_o1 + C_o2),
/// except `mse`, which is the mean.
///
///   squared_error:   L = c sum_i (p_i - y_i)^2,  dL/dp_i = 2c (p_i - y_i),  c = 1/2 or 1
///   mse:             L = (1/n) sum_i (p_i - y_i)^2,  dL/dp_i = (2/n)(p_i - y_i)
///   bce:             L = -sum_i [y_i log p_i + (1 - y_i) log(1 - p_i)],
///                    dL/dp_i = (p_i - y_i) / (p_i (1 - p_i))
///   bce_with_logits: L = sum_i [max(z_i, 0) - z_i y_i + log(1 + e^-|z_i|)],
///                    dL/dz_i = sigma(z_i) - y_i
///   cross_entropy:   L = -sum_i y_i log p_i,  dL/dp_i = -y_i / p_i
///   cross_entropy_with_logits: L = -sum_i y_i log softmax(z)_i,
///                    dL/dz_j = s_j sum_i y_i - y_j  (= s_j - y_j for a distribution y)

#include "gradecheck/ops/activation.hpp"
#include "gradecheck/ops/softmax.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace gradecheck::ops {

/// Whether squared error carries the factor 1/2 that cancels the 2 of the derivative.
enum class half_factor { with_half, without_half };

namespace detail {
template <class Real>
void require_same_size(const std::vector<Real>& p, const std::vector<Real>& y, const char* who) {
  if (p.size() != y.size() || p.empty())
    throw std::invalid_argument(std::string(who) + ": prediction and target must be non-empty and of equal size");
}
}  // namespace detail

/// Returns c sum_i (p_i - y_i)^2 with c = 1/2 (with_half) or 1.
template <class Real>
Real squared_error(const std::vector<Real>& p, const std::vector<Real>& y, half_factor half) {
  detail::require_same_size(p, y, "squared_error");
  Real total = 0;
  for (std::size_t i = 0; i < p.size(); ++i) total += (p[i] - y[i]) * (p[i] - y[i]);
  return half == half_factor::with_half ? Real(total / 2) : total;
}

/// Returns dL/dp_i = 2c (p_i - y_i).
template <class Real>
std::vector<Real> squared_error_gradient(const std::vector<Real>& p, const std::vector<Real>& y, half_factor half) {
  detail::require_same_size(p, y, "squared_error_gradient");
  std::vector<Real> g(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) g[i] = half == half_factor::with_half ? Real(p[i] - y[i]) : Real(2 * (p[i] - y[i]));
  return g;
}

/// Returns (1/n) sum_i (p_i - y_i)^2.
template <class Real>
Real mse(const std::vector<Real>& p, const std::vector<Real>& y) {
  return squared_error(p, y, half_factor::without_half) / Real(p.size());
}

/// Returns dL/dp_i = (2/n)(p_i - y_i).
template <class Real>
std::vector<Real> mse_gradient(const std::vector<Real>& p, const std::vector<Real>& y) {
  auto g = squared_error_gradient(p, y, half_factor::without_half);
  for (auto& gi : g) gi /= Real(p.size());
  return g;
}

/// Returns -sum_i [y_i log p_i + (1 - y_i) log(1 - p_i)] for probabilities p in (0, 1).
template <class Real>
Real bce(const std::vector<Real>& p, const std::vector<Real>& y) {
  using std::log;
  using std::log1p;
  detail::require_same_size(p, y, "bce");
  Real total = 0;
  for (std::size_t i = 0; i < p.size(); ++i) total -= y[i] * log(p[i]) + (1 - y[i]) * log1p(-p[i]);
  return total;
}

/// Returns dL/dp_i = (p_i - y_i) / (p_i (1 - p_i)).
template <class Real>
std::vector<Real> bce_gradient(const std::vector<Real>& p, const std::vector<Real>& y) {
  detail::require_same_size(p, y, "bce_gradient");
  std::vector<Real> g(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) g[i] = (p[i] - y[i]) / (p[i] * (1 - p[i]));
  return g;
}

/// Returns bce(sigma(z), y) = sum_i [max(z_i, 0) - z_i y_i + log(1 + e^-|z_i|)], stable for any z.
template <class Real>
Real bce_with_logits(const std::vector<Real>& z, const std::vector<Real>& y) {
  using std::abs;
  using std::exp;
  using std::log1p;
  detail::require_same_size(z, y, "bce_with_logits");
  Real total = 0;
  for (std::size_t i = 0; i < z.size(); ++i) total += (z[i] > 0 ? z[i] : Real(0)) - z[i] * y[i] + log1p(exp(-abs(z[i])));
  return total;
}

/// Returns dL/dz_i = sigma(z_i) - y_i.
template <class Real>
std::vector<Real> bce_with_logits_gradient(const std::vector<Real>& z, const std::vector<Real>& y) {
  detail::require_same_size(z, y, "bce_with_logits_gradient");
  std::vector<Real> g(z.size());
  for (std::size_t i = 0; i < z.size(); ++i) g[i] = sigmoid(z[i]) - y[i];
  return g;
}

/// Returns -sum_i y_i log p_i for probabilities p.
template <class Real>
Real cross_entropy(const std::vector<Real>& p, const std::vector<Real>& y) {
  using std::log;
  detail::require_same_size(p, y, "cross_entropy");
  Real total = 0;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (y[i] != 0) total -= y[i] * log(p[i]);
  return total;
}

/// Returns dL/dp_i = -y_i / p_i.
template <class Real>
std::vector<Real> cross_entropy_gradient(const std::vector<Real>& p, const std::vector<Real>& y) {
  detail::require_same_size(p, y, "cross_entropy_gradient");
  std::vector<Real> g(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) g[i] = -y[i] / p[i];
  return g;
}

/// Returns -sum_i y_i log softmax(z)_i, through the stable log-softmax.
template <class Real>
Real cross_entropy_with_logits(const std::vector<Real>& z, const std::vector<Real>& y) {
  detail::require_same_size(z, y, "cross_entropy_with_logits");
  const auto log_s = log_softmax(z);
  Real total = 0;
  for (std::size_t i = 0; i < z.size(); ++i) total -= y[i] * log_s[i];
  return total;
}

/// Returns dL/dz_j = s_j sum_i y_i - y_j, which is s - y when y sums to 1.
template <class Real>
std::vector<Real> cross_entropy_with_logits_gradient(const std::vector<Real>& z, const std::vector<Real>& y) {
  detail::require_same_size(z, y, "cross_entropy_with_logits_gradient");
  const auto s = softmax(z);
  Real y_total = 0;
  for (const auto& yi : y) y_total += yi;
  std::vector<Real> g(z.size());
  for (std::size_t j = 0; j < z.size(); ++j) g[j] = s[j] * y_total - y[j];
  return g;
}

}  // namespace gradecheck::ops
