#pragma once
/// Closed intervals [lo, hi] of real50, for the question a careful TA asks of
/// a rounded answer: which values could this step give, if its inputs are the
/// student's own numbers, each anywhere within half a unit of the last digit
/// written? Every operation returns an interval that contains every result
/// of the operation on members of its arguments (an enclosure); endpoints are
/// widened by a few ulps per operation so that rounding never shrinks it.
///
/// Written here rather than on Boost's MPFI backend because the grader needs
/// enclosures of the activations at their kinks (relu of [-0.5, 0.5] is
/// [0, 0.5]) and of sigmoid, softplus and ELU, which MPFI does not provide.
/// Comparisons compare midpoints: the evaluator uses them only to pick
/// softmax's shift (any shift is exact) and to read indices.

#include "gradecheck/numeric/decimal.hpp"
#include "gradecheck/numeric/real.hpp"

#include <stdexcept>

namespace gradecheck::numeric {

struct interval {
  real50 lo = 0;
  real50 hi = 0;

  interval() = default;
  /// The point interval [x, x].
  interval(const real50& x) : lo(x), hi(x) {}  // NOLINT: implicit, like a number
  interval(int x) : lo(x), hi(x) {}           // NOLINT
  interval(long x) : lo(x), hi(x) {}          // NOLINT
  interval(unsigned long x) : lo(x), hi(x) {} // NOLINT
  /// [lo, hi]; throws std::invalid_argument when lo > hi.
  interval(const real50& low, const real50& high);

  /// Returns [mid - half, mid + half].
  static interval around(const real50& mid, const real50& half) { return {mid - half, mid + half}; }
  [[nodiscard]] real50 mid() const { return (lo + hi) / 2; }
  [[nodiscard]] real50 width() const { return hi - lo; }
  [[nodiscard]] bool contains(const real50& x) const { return lo <= x && x <= hi; }
  [[nodiscard]] bool intersects(const interval& o) const { return lo <= o.hi && o.lo <= hi; }

  explicit operator double() const { return static_cast<double>(mid()); }
  explicit operator long() const { return static_cast<long>(mid()); }
  explicit operator unsigned long() const { return static_cast<unsigned long>(mid()); }

  interval& operator+=(const interval& o);
  interval& operator-=(const interval& o);
  interval& operator*=(const interval& o);
  interval& operator/=(const interval& o);
};

interval operator+(const interval& a, const interval& b);
interval operator-(const interval& a, const interval& b);
interval operator*(const interval& a, const interval& b);
/// Throws std::domain_error when b contains 0.
interval operator/(const interval& a, const interval& b);
interval operator-(const interval& a);

bool operator<(const interval& a, const interval& b);
bool operator>(const interval& a, const interval& b);
bool operator<=(const interval& a, const interval& b);
bool operator>=(const interval& a, const interval& b);
bool operator==(const interval& a, const interval& b);
bool operator!=(const interval& a, const interval& b);

interval exp(const interval& x);
interval expm1(const interval& x);
/// Throws std::domain_error unless x > 0 throughout.
interval log(const interval& x);
interval log1p(const interval& x);
/// Throws std::domain_error unless x >= 0 throughout.
interval sqrt(const interval& x);
interval abs(const interval& x);
interval tanh(const interval& x);
interval floor(const interval& x);
/// x^y for a point exponent y (integer y allows negative x); throws std::domain_error otherwise.
interval pow(const interval& x, const interval& y);
/// Returns [min(a.lo, b.lo), min(a.hi, b.hi)].
interval lesser(const interval& a, const interval& b);
/// Returns [max(a.lo, b.lo), max(a.hi, b.hi)].
interval greater(const interval& a, const interval& b);
/// Returns true when x may be 0.
bool may_be_zero(const interval& x);
/// Returns the point interval of the real50 nearest to d.
template <>
interval to_real<interval>(const decimal& d);

/// Returns [lo, hi] widened by 4 ulps of each end, so that rounding never shrinks an enclosure.
interval widened(real50 lo, real50 hi);

}  // namespace gradecheck::numeric

namespace gradecheck::ops {
// Enclosures of the activations; all are monotone except at kinks, handled endpoint-wise.
numeric::interval sigmoid(const numeric::interval& x);
numeric::interval relu(const numeric::interval& x);
numeric::interval leaky_relu(const numeric::interval& x, const numeric::interval& alpha);
numeric::interval elu(const numeric::interval& x, const numeric::interval& alpha);
numeric::interval softplus(const numeric::interval& x);
}  // namespace gradecheck::ops
