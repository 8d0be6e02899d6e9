#pragma once
/// The dense (fully connected) layer z = W x + b and its vector-Jacobian
/// products. The bias has one entry per output unit, or a single entry shared
/// by every unit (the "one bias per layer" of seed 000 Problem 1).
///
///   z_i = sum_j W_ij x_j + b_i          (b_i = b_0 for all i when shared)
///   dL/dW_ij = dz_i x_j
///   dL/db_i  = dz_i                     (dL/db_0 = sum_i dz_i when shared)
///   dL/dx_j  = sum_i W_ij dz_i          (W^T dz)

#include "gradecheck/numeric/matrix.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace gradecheck::ops {

/// The gradients a dense layer passes on, given dz = dL/dz.
template <class Real>
struct dense_gradients {
  numeric::matrix<Real> dW;  ///< same shape as W
  std::vector<Real> db;      ///< same size as b
  std::vector<Real> dx;      ///< same size as x
};

namespace detail {
template <class Real>
void require_dense_shapes(const numeric::matrix<Real>& W, std::size_t x_size, std::size_t b_size, const char* who) {
  if (W.cols != x_size)
    throw std::invalid_argument(std::string(who) + ": W has " + std::to_string(W.cols) + " columns but x has " +
                                std::to_string(x_size) + " entries");
  if (b_size != W.rows && b_size != 1)
    throw std::invalid_argument(std::string(who) + ": b must have 1 or " + std::to_string(W.rows) + " entries, has " +
                                std::to_string(b_size));
}
}  // namespace detail

/// Returns z = W x + b (b of size 1 is shared by all rows).
template <class Real>
std::vector<Real> dense(const numeric::matrix<Real>& W, const std::vector<Real>& x, const std::vector<Real>& b) {
  detail::require_dense_shapes(W, x.size(), b.size(), "dense");
  std::vector<Real> z(W.rows);
  for (std::size_t i = 0; i < W.rows; ++i) {
    Real zi = b.size() == 1 ? b[0] : b[i];
    for (std::size_t j = 0; j < W.cols; ++j) zi += W(i, j) * x[j];
    z[i] = zi;
  }
  return z;
}

/// Returns dL/dW, dL/db and dL/dx given dz = dL/dz; `b_size` is 1 for a shared bias.
template <class Real>
dense_gradients<Real> dense_vjp(const numeric::matrix<Real>& W, const std::vector<Real>& x, std::size_t b_size,
                                const std::vector<Real>& dz) {
  detail::require_dense_shapes(W, x.size(), b_size, "dense_vjp");
  if (dz.size() != W.rows) throw std::invalid_argument("dense_vjp: dz must have one entry per row of W");
  dense_gradients<Real> g{numeric::matrix<Real>(W.rows, W.cols), std::vector<Real>(b_size), std::vector<Real>(W.cols)};
  for (std::size_t i = 0; i < W.rows; ++i) {
    for (std::size_t j = 0; j < W.cols; ++j) {
      g.dW(i, j) = dz[i] * x[j];
      g.dx[j] += W(i, j) * dz[i];
    }
    g.db[b_size == 1 ? 0 : i] += dz[i];
  }
  return g;
}

}  // namespace gradecheck::ops
