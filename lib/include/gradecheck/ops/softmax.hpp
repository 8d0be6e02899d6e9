#pragma once
/// Softmax, log-softmax and the softmax Jacobian, in index form.
///
///   s_i = e^{z_i - c} / sum_k e^{z_k - c},  c = max_k z_k   (shift-invariant)
///   log s_i = z_i - c - log sum_k e^{z_k - c}
///   J_ij = ds_i/dz_j = s_i (delta_ij - s_j)

#include "gradecheck/numeric/matrix.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradecheck::ops {

namespace detail {
template <class Real>
void require_nonempty(const std::vector<Real>& z, const char* who) {
  if (z.empty()) throw std::invalid_argument(std::string(who) + ": empty vector");
}
}  // namespace detail

/// Returns softmax(z), max-shifted so that no exponential overflows.
template <class Real>
std::vector<Real> softmax(const std::vector<Real>& z) {
  using std::exp;
  detail::require_nonempty(z, "softmax");
  const Real c = *std::max_element(z.begin(), z.end());
  std::vector<Real> s(z.size());
  Real total = 0;
  for (std::size_t i = 0; i < z.size(); ++i) total += s[i] = exp(z[i] - c);
  for (auto& si : s) si /= total;
  return s;
}

/// Returns log softmax(z) = z_i - c - log sum_k e^{z_k - c}.
template <class Real>
std::vector<Real> log_softmax(const std::vector<Real>& z) {
  using std::exp;
  using std::log;
  detail::require_nonempty(z, "log_softmax");
  const Real c = *std::max_element(z.begin(), z.end());
  Real total = 0;
  for (const auto& zk : z) total += exp(zk - c);
  const Real log_total = log(total);
  std::vector<Real> out(z.size());
  for (std::size_t i = 0; i < z.size(); ++i) out[i] = z[i] - c - log_total;
  return out;
}

/// Returns the K x K Jacobian of softmax given s = softmax(z):
/// J_ij = s_i (delta_ij - s_j).
template <class Real>
numeric::matrix<Real> softmax_jacobian(const std::vector<Real>& s) {
  const std::size_t K = s.size();
  numeric::matrix<Real> J(K, K);
  for (std::size_t i = 0; i < K; ++i)
    for (std::size_t j = 0; j < K; ++j) J(i, j) = s[i] * ((i == j ? Real(1) : Real(0)) - s[j]);
  return J;
}

/// Returns the Jacobian of log-softmax given s = softmax(z):
/// d log s_i / dz_j = delta_ij - s_j.
template <class Real>
numeric::matrix<Real> log_softmax_jacobian(const std::vector<Real>& s) {
  const std::size_t K = s.size();
  numeric::matrix<Real> J(K, K);
  for (std::size_t i = 0; i < K; ++i)
    for (std::size_t j = 0; j < K; ++j) J(i, j) = (i == j ? Real(1) : Real(0)) - s[j];
  return J;
}

/// Returns the vector-Jacobian product g^T J for softmax given s = softmax(z):
/// (g^T J)_j = sum_i g_i s_i (delta_ij - s_j) = s_j (g_j - sum_i g_i s_i).
template <class Real>
std::vector<Real> softmax_vjp(const std::vector<Real>& s, const std::vector<Real>& g) {
  if (s.size() != g.size()) throw std::invalid_argument("softmax_vjp: sizes differ");
  Real gs = 0;
  for (std::size_t i = 0; i < s.size(); ++i) gs += g[i] * s[i];
  std::vector<Real> out(s.size());
  for (std::size_t j = 0; j < s.size(); ++j) out[j] = s[j] * (g[j] - gs);
  return out;
}

}  // namespace gradecheck::ops
