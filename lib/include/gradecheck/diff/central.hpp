#pragma once
/// Plain central differences, f'(x) ~ (f(x + h) - f(x - h)) / (2h).
///
/// The truncation error is f'''(x) h^2 / 6 and the rounding error about
/// eps |f| / h; their sum is least near h = eps^(1/3), where both are of order
/// eps^(2/3): about 33 of 50 digits in real50, 10 of 16 in double. Use it as a
/// baseline; Ridders' extrapolation (ridders.hpp) does far better on smooth
/// functions.

#include "gradecheck/diff/estimate.hpp"
#include "gradecheck/numeric/real.hpp"

#include <cmath>
#include <vector>

namespace gradecheck::diff {

/// Returns the step eps^(1/3) max(1, |x|) that balances truncation and rounding.
template <class Real>
Real central_step(const Real& x) {
  using std::abs;
  using std::cbrt;
  const Real scale = abs(x) > 1 ? Real(abs(x)) : Real(1);
  return cbrt(numeric::epsilon<Real>()) * scale;
}

/// Returns (f(x + h) - f(x - h)) / (2h) for every component of f: Real -> vector<Real>.
template <class Real, class F>
std::vector<Real> central_quotient(F&& f, const Real& x, const Real& h) {
  std::vector<Real> up = f(Real(x + h));
  const std::vector<Real> down = f(Real(x - h));
  for (std::size_t i = 0; i < up.size(); ++i) up[i] = (up[i] - down[i]) / (2 * h);
  return up;
}

/// Returns the central difference of every component of f: Real -> vector<Real>
/// at x with step h; the error is estimated as |D(h) - D(2h)| / 3, the
/// Richardson estimate of the h^2 term.
template <class Real, class F>
estimates<Real> central_difference(F&& f, const Real& x, const Real& h) {
  using std::abs;
  estimates<Real> out{central_quotient(f, x, h), {}};
  const std::vector<Real> coarse = central_quotient(f, x, Real(2 * h));
  out.error.resize(out.value.size());
  for (std::size_t i = 0; i < out.value.size(); ++i) out.error[i] = abs(out.value[i] - coarse[i]) / 3;
  return out;
}

}  // namespace gradecheck::diff
