#pragma once
// RapidCheck generators for real50 and the laws every property test uses.
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
#include <vector>

namespace boost::multiprecision {
// How RapidCheck prints a real50 in a counterexample: every digit.
inline void showValue(const gradecheck::numeric::real50& x, std::ostream& os) {
  os << gradecheck::numeric::to_significant(x, 50);
}
}  // namespace boost::multiprecision

namespace gradecheck::property {

using numeric::real50;
using reals = std::vector<real50>;

/// Generates a decimal in [lo, hi] with at most 8 decimal places (lo and hi
/// inclusive, themselves with at most 8 places). Sizes from rc::gen::inRange
/// elsewhere are exclusive of their upper bound.
inline rc::Gen<real50> decimal_in(double lo, double hi) {
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
        return real50(k) / unit;
      },
      // full range at every size: numerical properties need spread-out values from the first test
      rc::gen::inRange(0, 9), rc::gen::resize(100, rc::gen::inRange<long long>(0, 1000001)), rc::gen::arbitrary<bool>());
}

/// Generates a decimal in [lo, hi] at least `margin` away from `point`.
inline rc::Gen<real50> decimal_away_from(double lo, double hi, double point, double margin) {
  const real50 p(point), m(margin);
  return rc::gen::suchThat(decimal_in(lo, hi), [p, m](const real50& x) {
    using std::abs;
    return abs(x - p) >= m;
  });
}

/// Generates a vector of exactly n decimals in [lo, hi].
inline rc::Gen<reals> decimals(std::size_t n, double lo, double hi) {
  return rc::gen::container<reals>(n, decimal_in(lo, hi));
}

/// The tolerance of finite-difference properties: eps^(2/3), about 1e-33 for
/// real50. Ridders' method reaches 40+ digits on these smooth ops, so this
/// still leaves a margin while being seventeen orders tighter than a
/// double-precision gradcheck could ever be.
inline real50 fd_tolerance() { return numeric::epsilon_power(real50(2) / 3); }

/// The tolerance of algebraic identities evaluated in a few roundings: 2^10 eps.
inline real50 identity_tolerance() { return 1024 * numeric::epsilon<real50>(); }

/// Asserts that J is the Jacobian of f at x, to fd_tolerance(); prints the table otherwise.
template <class F>
void assert_jacobian(F&& f, const reals& x, const numeric::matrix<real50>& J,
                     const diff::ridders_options<real50>& opt = diff::ridders_options<real50>::defaults()) {
  const auto report = diff::check_jacobian(f, x, J, fd_tolerance(), opt);
  if (!report.passed()) RC_FAIL("analytic Jacobian disagrees with finite differences\n" + diff::to_table(report));
}

/// Asserts that g is the gradient of the scalar f at x, to fd_tolerance().
template <class F>
void assert_gradient(F&& f, const reals& x, const reals& g,
                     const diff::ridders_options<real50>& opt = diff::ridders_options<real50>::defaults()) {
  const auto report = diff::check_gradient(f, x, g, fd_tolerance(), opt);
  if (!report.passed()) RC_FAIL("analytic gradient disagrees with finite differences\n" + diff::to_table(report));
}

/// Asserts |a - b| <= tol max(1, |b|) entry by entry.
inline void assert_close(const reals& a, const reals& b, const real50& tol) {
  using std::abs;
  RC_ASSERT(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const real50 scale = abs(b[i]) > 1 ? real50(abs(b[i])) : real50(1);
    if (abs(a[i] - b[i]) > tol * scale)
      RC_FAIL("entry " + std::to_string(i) + ": " + numeric::to_significant(a[i], 50) + " vs " +
              numeric::to_significant(b[i], 50));
  }
}

/// Returns a 1 x n matrix holding g.
inline numeric::matrix<real50> as_row(const reals& g) {
  numeric::matrix<real50> J(1, g.size());
  J.data = g;
  return J;
}

/// Returns sum_i a_i b_i.
inline real50 dot(const reals& a, const reals& b) {
  real50 s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

}  // namespace gradecheck::property
