#pragma once
/// A dense row-major matrix of any Real: the index-form reference needs no
/// more than storage and (i, j) access. Vectors are std::vector<Real>.

#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <vector>

namespace gradecheck::numeric {

template <class Real>
struct matrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<Real> data;  ///< row-major, rows * cols entries

  matrix() = default;
  /// A rows x cols matrix filled with `fill`.
  matrix(std::size_t r, std::size_t c, const Real& fill = Real(0)) : rows(r), cols(c), data(r * c, fill) {}
  /// A matrix from its rows; every row must have the same length.
  matrix(std::initializer_list<std::initializer_list<Real>> init) : rows(init.size()), cols(init.size() ? init.begin()->size() : 0) {
    data.reserve(rows * cols);
    for (const auto& row : init) {
      if (row.size() != cols) throw std::invalid_argument("matrix: rows of different lengths");
      data.insert(data.end(), row.begin(), row.end());
    }
  }

  /// Returns entry (i, j), 0-based.
  Real& operator()(std::size_t i, std::size_t j) { return data[i * cols + j]; }
  /// Returns entry (i, j), 0-based.
  const Real& operator()(std::size_t i, std::size_t j) const { return data[i * cols + j]; }

  friend bool operator==(const matrix&, const matrix&) = default;
};

}  // namespace gradecheck::numeric
