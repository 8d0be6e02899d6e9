#pragma once
/// Ridders' method: central differences at shrinking steps h, h/c, h/c^2, ...
/// extrapolated to h = 0 in a Neville tableau. The central difference has an
/// error series in even powers, D(h) = f' + a1 h^2 + a2 h^4 + ..., so column j
/// of the tableau,
///   A[j][i] = (c^(2j) A[j-1][i] - A[j-1][i-1]) / (c^(2j) - 1),
/// removes the h^(2j) term. The answer is the entry whose neighbours agree
/// best; their difference is the error estimate. (Ridders 1982; Numerical
/// Recipes, dfridr.)
///
/// Numerical Recipes stops as soon as the diagonal grows by more than `safe`
/// times the best error, taking that as the sign that rounding has taken
/// over. In 50 digits that rule can fire in the first rows on a chance
/// agreement (seen: sigmoid'(2.1) stopped at 13 digits), so here it may stop
/// a component only once its error estimate is below eps^(3/4) of its scale;
/// otherwise the tableau runs to `max_rows` and keeps the best entry.
///
/// Fits smooth functions on a neighbourhood of radius `initial_step` around x.
/// It does not fit a point within that radius of a kink or a pole: move the
/// point or shrink the step.

#include "gradecheck/diff/central.hpp"
#include "gradecheck/diff/estimate.hpp"
#include "gradecheck/numeric/real.hpp"

#include <cmath>
#include <limits>
#include <vector>

namespace gradecheck::diff {

/// Parameters of the tableau; `defaults()` derives them from Real.
template <class Real>
struct ridders_options {
  Real initial_step;  ///< relative: the first step is initial_step * max(1, |x|)
  Real shrink;        ///< c > 1, the ratio between successive steps
  Real safe;          ///< stop once the diagonal grows by safe * error
  int max_rows;       ///< the most central differences taken

  /// Returns options for Real: more rows for more digits (about one row per
  /// 1.5 significant digits, between 10 and 40).
  static ridders_options defaults() {
    const int digits = std::numeric_limits<Real>::digits10;
    const int rows = digits * 2 / 3 < 10 ? 10 : (digits * 2 / 3 > 40 ? 40 : digits * 2 / 3);
    return {Real(1) / 10, Real(14) / 10, Real(2), rows};
  }
};

/// Returns the extrapolated derivative of every component of f: Real -> vector<Real> at x.
template <class Real, class F>
estimates<Real> ridders_vector(F&& f, const Real& x, const ridders_options<Real>& opt = ridders_options<Real>::defaults()) {
  using std::abs;
  const Real c2 = opt.shrink * opt.shrink;
  Real h = opt.initial_step * (abs(x) > 1 ? Real(abs(x)) : Real(1));

  // previous[j] and current[j]: column j of the last two rows of the tableau, per component.
  std::vector<std::vector<Real>> previous{central_quotient(f, x, h)};
  const std::size_t n = previous[0].size();
  estimates<Real> best{previous[0], std::vector<Real>(n, std::numeric_limits<Real>::max())};
  std::vector<bool> done(n, false);
  const Real converged = numeric::epsilon_power(Real(3) / 4);
  for (int row = 1; row < opt.max_rows; ++row) {
    h /= opt.shrink;
    std::vector<std::vector<Real>> current{central_quotient(f, x, h)};
    Real factor = c2;
    for (int j = 1; j <= row; ++j) {
      std::vector<Real> next(n);
      for (std::size_t i = 0; i < n; ++i) {
        next[i] = (current[j - 1][i] * factor - previous[j - 1][i]) / (factor - 1);
        if (done[i]) continue;
        const Real e1 = abs(next[i] - current[j - 1][i]);
        const Real e2 = abs(next[i] - previous[j - 1][i]);
        const Real err = e1 > e2 ? e1 : e2;
        if (err <= best.error[i]) {
          best.error[i] = err;
          best.value[i] = next[i];
        }
      }
      current.push_back(std::move(next));
      factor *= c2;
    }
    bool all_done = true;
    for (std::size_t i = 0; i < n; ++i) {
      const Real scale = abs(best.value[i]) > 1 ? Real(abs(best.value[i])) : Real(1);
      if (!done[i] && best.error[i] <= converged * scale && abs(current[row][i] - previous[row - 1][i]) >= opt.safe * best.error[i])
        done[i] = true;
      all_done = all_done && done[i];
    }
    if (all_done) break;
    previous = std::move(current);
  }
  return best;
}

/// Returns the extrapolated derivative of f: Real -> Real at x.
template <class Real, class F>
estimate<Real> ridders(F&& f, const Real& x, const ridders_options<Real>& opt = ridders_options<Real>::defaults()) {
  const auto e = ridders_vector([&](const Real& t) { return std::vector<Real>{f(t)}; }, x, opt);
  return {e.value[0], e.error[0]};
}

}  // namespace gradecheck::diff
