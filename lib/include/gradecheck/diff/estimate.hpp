#pragma once
/// A finite-difference result: the derivative and an estimate of its error.

#include <vector>

namespace gradecheck::diff {

/// One derivative with its estimated absolute error.
template <class Real>
struct estimate {
  Real value;
  Real error;
};

/// The derivatives of every component of a vector-valued function, with
/// their estimated absolute errors (same sizes).
template <class Real>
struct estimates {
  std::vector<Real> value;
  std::vector<Real> error;
};

}  // namespace gradecheck::diff
