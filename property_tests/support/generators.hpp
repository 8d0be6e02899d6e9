#pragma once
// RapidCheck generators for the reals and the laws every property test uses,
// templated on Real (real50 unless said: the ops' properties run in real100 too,
// see precisions.hpp).
//
// Generated reals are exact decimals, so a counterexample can be typed back
// in. They shrink toward fewer decimal places and toward the point of their
// interval nearest zero: a failure is reported at the simplest input.

#include "gradecheck/diff/gradient_check.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/numeric/real.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace boost::multiprecision {
// How RapidCheck prints a real in a counterexample: every digit.
inline void showValue(const gradecheck::numeric::real50& x, std::ostream& os) {
  os << gradecheck::numeric::to_significant(x, 50);
}
inline void showValue(const gradecheck::numeric::real100& x, std::ostream& os) {
  os << gradecheck::numeric::to_significant(x, 100);
}
}  // namespace boost::multiprecision

namespace gradecheck::property {

using numeric::real50;
using reals = std::vector<real50>;

/// Generates a decimal in [lo, hi] with at most 8 decimal places (lo and hi
/// inclusive, themselves with at most 8 places). Sizes from rc::gen::inRange
/// elsewhere are exclusive of their upper bound.
template <class Real = real50>
rc::Gen<Real> decimal_in(double lo, double hi) {
  constexpr long long unit = 100000000;  // 10^8: values are k / 10^8
  const long long lo_k = std::llround(lo * unit), hi_k = std::llround(hi * unit);
  const long long anchor = std::clamp(0LL, lo_k, hi_k);
  return rc::gen::apply(
      [=](int places, long long steps, bool below) {
        const long long span = below ? anchor - lo_k : hi_k - anchor;
        long long offset = static_cast<long long>(static_cast<long double>(span) * steps / 1000000);
        long long quantum = 1;
        for (int p = places; p < 8; ++p) quantum *= 10;
        offset -= offset % quantum;  // fewer places, rounded toward the anchor
        const long long k = below ? anchor - offset : anchor + offset;
        return Real(k) / unit;
      },
      // full range at every size: numerical properties need spread-out values from the first test
      rc::gen::inRange(0, 9), rc::gen::resize(100, rc::gen::inRange<long long>(0, 1000001)), rc::gen::arbitrary<bool>());
}

/// Generates a decimal in [lo, hi] at least `margin` away from `point`.
template <class Real = real50>
rc::Gen<Real> decimal_away_from(double lo, double hi, double point, double margin) {
  const Real p(point), m(margin);
  return rc::gen::suchThat(decimal_in<Real>(lo, hi), [p, m](const Real& x) {
    using std::abs;
    return abs(x - p) >= m;
  });
}

/// Generates a vector of exactly n decimals in [lo, hi].
template <class Real = real50>
rc::Gen<std::vector<Real>> decimals(std::size_t n, double lo, double hi) {
  return rc::gen::container<std::vector<Real>>(n, decimal_in<Real>(lo, hi));
}

/// The tolerance of finite-difference properties: eps^(2/3), about 1e-33 for
/// real50 and 1e-67 for real100. Ridders' method reaches 40+ digits on these
/// smooth ops in real50 (90+ over the op catalog in real100), so this still
/// leaves a margin while being, in real50, seventeen orders tighter than a
/// double-precision gradcheck could ever be.
template <class Real = real50>
Real fd_tolerance() {
  return numeric::epsilon_power(Real(2) / 3);
}

/// The tolerance of algebraic identities evaluated in a few roundings: 2^10 eps.
template <class Real = real50>
Real identity_tolerance() {
  return 1024 * numeric::epsilon<Real>();
}

/// Asserts that J is the Jacobian of f at x, to fd_tolerance(); prints the table otherwise.
template <class Real, class F>
void assert_jacobian(F&& f, const std::vector<Real>& x, const numeric::matrix<Real>& J,
                     const diff::ridders_options<Real>& opt = diff::ridders_options<Real>::defaults()) {
  const auto report = diff::check_jacobian(f, x, J, fd_tolerance<Real>(), opt);
  if (!report.passed()) RC_FAIL("analytic Jacobian disagrees with finite differences\n" + diff::to_table(report));
}

/// Asserts that g is the gradient of the scalar f at x, to fd_tolerance().
template <class Real, class F>
void assert_gradient(F&& f, const std::vector<Real>& x, const std::vector<Real>& g,
                     const diff::ridders_options<Real>& opt = diff::ridders_options<Real>::defaults()) {
  const auto report = diff::check_gradient(f, x, g, fd_tolerance<Real>(), opt);
  if (!report.passed()) RC_FAIL("analytic gradient disagrees with finite differences\n" + diff::to_table(report));
}

/// Asserts |a - b| <= tol max(1, |b|) entry by entry.
template <class Real>
void assert_close(const std::vector<Real>& a, const std::vector<Real>& b, const Real& tol) {
  using std::abs;
  RC_ASSERT(a.size() == b.size());
  const int shown = std::numeric_limits<Real>::digits10;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Real scale = abs(b[i]) > 1 ? Real(abs(b[i])) : Real(1);
    if (abs(a[i] - b[i]) > tol * scale)
      RC_FAIL("entry " + std::to_string(i) + ": " + numeric::to_significant(a[i], shown) + " vs " +
              numeric::to_significant(b[i], shown));
  }
}

/// Returns a 1 x n matrix holding g.
template <class Real>
numeric::matrix<Real> as_row(const std::vector<Real>& g) {
  numeric::matrix<Real> J(1, g.size());
  J.data = g;
  return J;
}

/// Returns sum_i a_i b_i.
template <class Real>
Real dot(const std::vector<Real>& a, const std::vector<Real>& b) {
  Real s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

}  // namespace gradecheck::property
