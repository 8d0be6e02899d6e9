#pragma once
/// Batch normalization over a batch of m examples with d features: x is
/// m x d (one row per example), gamma and beta have d entries. For feature j:
///
///   mu_j  = (1/m) sum_i x_ij
///   var_j = (1/m) sum_i (x_ij - mu_j)^2                  (biased variance)
///   xhat_ij = (x_ij - mu_j) / sqrt(var_j + eps)
///   y_ij  = gamma_j xhat_ij + beta_j
///
/// and, given dy = dL/dy (seed 004, section 6):
///
///   dL/dbeta_j  = sum_i dy_ij
///   dL/dgamma_j = sum_i dy_ij xhat_ij
///   dL/dxhat_ij = dy_ij gamma_j
///   dL/dvar_j   = sum_i dL/dxhat_ij (x_ij - mu_j) (-1/2) (var_j + eps)^(-3/2)
///   dL/dmu_j    = -sum_i dL/dxhat_ij / sqrt(var_j + eps) + dL/dvar_j (-2/m) sum_i (x_ij - mu_j)
///   dL/dx_ij    = dL/dxhat_ij / sqrt(var_j + eps) + dL/dvar_j 2 (x_ij - mu_j) / m + dL/dmu_j / m
///
/// The meaning of each partial, as a finite difference can check it:
/// dL/dvar is the derivative of L(gamma (x - mu) / sqrt(var + eps) + beta) in
/// var with x and mu held; dL/dmu is the derivative in mu of the same
/// expression with var = (1/m) sum (x - mu)^2 following mu (the seed's part c,
/// whose second term vanishes at the batch mean); dL/dx is the total derivative.

#include "gradecheck/numeric/matrix.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace gradecheck::ops {

/// The forward pass of batch normalization.
template <class Real>
struct batch_norm_trace {
  std::vector<Real> mu;        ///< d entries
  std::vector<Real> var;       ///< d entries, biased
  numeric::matrix<Real> xhat;  ///< m x d
  numeric::matrix<Real> y;     ///< m x d
  Real eps = 0;
};

/// Every gradient of section 6 of seed 004.
template <class Real>
struct batch_norm_gradients {
  std::vector<Real> dbeta;      ///< d
  std::vector<Real> dgamma;     ///< d
  numeric::matrix<Real> dxhat;  ///< m x d
  std::vector<Real> dvar;       ///< d
  std::vector<Real> dmu;        ///< d
  numeric::matrix<Real> dx;     ///< m x d
};

/// Returns the forward trace for batch x (m x d), scale gamma, shift beta.
template <class Real>
batch_norm_trace<Real> batch_norm_forward(const numeric::matrix<Real>& x, const std::vector<Real>& gamma,
                                          const std::vector<Real>& beta, const Real& eps = Real(0)) {
  using std::sqrt;
  const std::size_t m = x.rows, d = x.cols;
  if (m == 0 || gamma.size() != d || beta.size() != d)
    throw std::invalid_argument("batch_norm_forward: need m >= 1 rows and gamma, beta with one entry per column");
  batch_norm_trace<Real> t{std::vector<Real>(d), std::vector<Real>(d), numeric::matrix<Real>(m, d), numeric::matrix<Real>(m, d), eps};
  for (std::size_t j = 0; j < d; ++j) {
    Real sum = 0;
    for (std::size_t i = 0; i < m; ++i) sum += x(i, j);
    t.mu[j] = sum / Real(m);
    Real sq = 0;
    for (std::size_t i = 0; i < m; ++i) sq += (x(i, j) - t.mu[j]) * (x(i, j) - t.mu[j]);
    t.var[j] = sq / Real(m);
    const Real sigma = sqrt(t.var[j] + eps);
    for (std::size_t i = 0; i < m; ++i) {
      t.xhat(i, j) = (x(i, j) - t.mu[j]) / sigma;
      t.y(i, j) = gamma[j] * t.xhat(i, j) + beta[j];
    }
  }
  return t;
}

/// Returns every gradient given the batch x, gamma, the forward trace and dy = dL/dy.
template <class Real>
batch_norm_gradients<Real> batch_norm_backward(const numeric::matrix<Real>& x, const std::vector<Real>& gamma,
                                               const batch_norm_trace<Real>& t, const numeric::matrix<Real>& dy) {
  using std::sqrt;
  const std::size_t m = x.rows, d = x.cols;
  if (dy.rows != m || dy.cols != d || gamma.size() != d)
    throw std::invalid_argument("batch_norm_backward: dy must have the shape of x and gamma one entry per column");
  batch_norm_gradients<Real> g{std::vector<Real>(d), std::vector<Real>(d), numeric::matrix<Real>(m, d),
                               std::vector<Real>(d),  std::vector<Real>(d), numeric::matrix<Real>(m, d)};
  const Real M = Real(m);
  for (std::size_t j = 0; j < d; ++j) {
    const Real v = t.var[j] + t.eps;
    const Real sigma = sqrt(v);
    Real dvar = 0, dmu_direct = 0, centered_sum = 0;
    for (std::size_t i = 0; i < m; ++i) {
      g.dbeta[j] += dy(i, j);
      g.dgamma[j] += dy(i, j) * t.xhat(i, j);
      g.dxhat(i, j) = dy(i, j) * gamma[j];
      dvar += g.dxhat(i, j) * (x(i, j) - t.mu[j]);
      dmu_direct -= g.dxhat(i, j) / sigma;
      centered_sum += x(i, j) - t.mu[j];
    }
    g.dvar[j] = dvar * Real(-0.5) / (v * sigma);
    g.dmu[j] = dmu_direct + g.dvar[j] * Real(-2) * centered_sum / M;
    for (std::size_t i = 0; i < m; ++i)
      g.dx(i, j) = g.dxhat(i, j) / sigma + g.dvar[j] * 2 * (x(i, j) - t.mu[j]) / M + g.dmu[j] / M;
  }
  return g;
}

}  // namespace gradecheck::ops
