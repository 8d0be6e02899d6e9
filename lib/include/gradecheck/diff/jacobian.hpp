#pragma once
/// Finite-difference gradients and Jacobians of functions of a vector, one
/// coordinate at a time, by Ridders' extrapolation (or plain central
/// differences, for comparison).

#include "gradecheck/diff/central.hpp"
#include "gradecheck/diff/ridders.hpp"
#include "gradecheck/numeric/matrix.hpp"

#include <vector>

namespace gradecheck::diff {

/// A Jacobian (outputs x inputs) with the estimated error of each entry.
template <class Real>
struct jacobian_estimate {
  numeric::matrix<Real> value;
  numeric::matrix<Real> error;
};

namespace detail {
/// Builds the Jacobian column by column: `differentiate(g, t)` gives the
/// derivative of g: Real -> vector<Real> at t, where g moves coordinate j.
template <class Real, class F, class D>
jacobian_estimate<Real> jacobian_by_columns(F&& f, const std::vector<Real>& x, D&& differentiate) {
  jacobian_estimate<Real> J;
  for (std::size_t j = 0; j < x.size(); ++j) {
    auto moved = [&, j](const Real& t) {
      std::vector<Real> y = x;
      y[j] = t;
      return f(y);
    };
    const estimates<Real> column = differentiate(moved, x[j]);
    if (j == 0) {
      J.value = numeric::matrix<Real>(column.value.size(), x.size());
      J.error = numeric::matrix<Real>(column.value.size(), x.size());
    }
    for (std::size_t i = 0; i < column.value.size(); ++i) {
      J.value(i, j) = column.value[i];
      J.error(i, j) = column.error[i];
    }
  }
  return J;
}
}  // namespace detail

/// Returns the Jacobian of f: vector<Real> -> vector<Real> at x by Ridders' method.
template <class Real, class F>
jacobian_estimate<Real> jacobian(F&& f, const std::vector<Real>& x,
                                 const ridders_options<Real>& opt = ridders_options<Real>::defaults()) {
  return detail::jacobian_by_columns<Real>(f, x, [&](auto&& g, const Real& t) { return ridders_vector(g, t, opt); });
}

/// Returns the Jacobian of f at x by plain central differences with step central_step.
template <class Real, class F>
jacobian_estimate<Real> central_jacobian(F&& f, const std::vector<Real>& x) {
  return detail::jacobian_by_columns<Real>(f, x, [](auto&& g, const Real& t) { return central_difference(g, t, central_step(t)); });
}

/// Returns the gradient of f: vector<Real> -> Real at x by Ridders' method.
template <class Real, class F>
estimates<Real> gradient(F&& f, const std::vector<Real>& x, const ridders_options<Real>& opt = ridders_options<Real>::defaults()) {
  const auto J = jacobian([&](const std::vector<Real>& y) { return std::vector<Real>{f(y)}; }, x, opt);
  return {J.value.data, J.error.data};
}

}  // namespace gradecheck::diff
