#pragma once
/// The values of the expression language: a scalar is 1 x 1, a vector n x 1
/// (a column), a matrix rows x cols, all row-major.

#include <cstddef>
#include <string>
#include <vector>

namespace gradecheck::expr {

template <class Real>
struct value {
  std::size_t rows = 1;
  std::size_t cols = 1;
  std::vector<Real> data{Real(0)};

  /// A 1 x 1 value.
  static value scalar(Real x) { return {1, 1, {std::move(x)}}; }
  /// An n x 1 column.
  static value column(std::vector<Real> v) {
    const std::size_t n = v.size();
    return {n, 1, std::move(v)};
  }

  [[nodiscard]] bool is_scalar() const { return rows == 1 && cols == 1; }
  [[nodiscard]] bool is_vector() const { return cols == 1 || rows == 1; }
  [[nodiscard]] std::size_t size() const { return data.size(); }
  /// Returns entry (i, j), 0-based.
  const Real& at(std::size_t i, std::size_t j) const { return data[i * cols + j]; }
  Real& at(std::size_t i, std::size_t j) { return data[i * cols + j]; }
};

/// Returns the transpose of v.
template <class Real>
value<Real> transposed(const value<Real>& v) {
  value<Real> t{v.cols, v.rows, std::vector<Real>(v.size())};
  for (std::size_t i = 0; i < v.rows; ++i)
    for (std::size_t j = 0; j < v.cols; ++j) t.at(j, i) = v.at(i, j);
  return t;
}

/// Returns "scalar", "vector of 3", "1x3 row" or "2x3 matrix".
template <class Real>
std::string shape_name(const value<Real>& v) {
  if (v.is_scalar()) return "scalar";
  if (v.cols == 1) return "vector of " + std::to_string(v.rows);
  return std::to_string(v.rows) + "x" + std::to_string(v.cols) + (v.rows == 1 ? " row" : " matrix");
}

}  // namespace gradecheck::expr
