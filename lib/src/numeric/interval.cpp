#include "gradecheck/numeric/interval.hpp"

#include "gradecheck/ops/activation.hpp"

#include <algorithm>

namespace gradecheck::numeric {

namespace {

template <class F>
interval monotone_increasing(const interval& x, F f);

}  // namespace

interval widened(real50 lo, real50 hi) {
  using boost::multiprecision::abs;
  static const real50 slack = 4 * std::numeric_limits<real50>::epsilon();
  static const real50 tiny = std::numeric_limits<real50>::min();
  lo -= abs(lo) * slack + tiny;
  hi += abs(hi) * slack + tiny;
  return {lo, hi};
}

namespace {
template <class F>
interval monotone_increasing(const interval& x, F f) {
  return widened(f(x.lo), f(x.hi));
}
}  // namespace

interval::interval(const real50& low, const real50& high) : lo(low), hi(high) {
  if (lo > hi) throw std::invalid_argument("interval: lower end above upper end");
}

interval& interval::operator+=(const interval& o) { return *this = *this + o; }
interval& interval::operator-=(const interval& o) { return *this = *this - o; }
interval& interval::operator*=(const interval& o) { return *this = *this * o; }
interval& interval::operator/=(const interval& o) { return *this = *this / o; }

interval operator+(const interval& a, const interval& b) { return widened(a.lo + b.lo, a.hi + b.hi); }
interval operator-(const interval& a, const interval& b) { return widened(a.lo - b.hi, a.hi - b.lo); }
interval operator-(const interval& a) { return {-a.hi, -a.lo}; }

interval operator*(const interval& a, const interval& b) {
  const real50 p[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return widened(*std::min_element(p, p + 4), *std::max_element(p, p + 4));
}

interval operator/(const interval& a, const interval& b) {
  if (may_be_zero(b)) throw std::domain_error("division by an interval that contains 0");
  const real50 q[4] = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
  return widened(*std::min_element(q, q + 4), *std::max_element(q, q + 4));
}

bool operator<(const interval& a, const interval& b) { return a.mid() < b.mid(); }
bool operator>(const interval& a, const interval& b) { return a.mid() > b.mid(); }
bool operator<=(const interval& a, const interval& b) { return a.mid() <= b.mid(); }
bool operator>=(const interval& a, const interval& b) { return a.mid() >= b.mid(); }
bool operator==(const interval& a, const interval& b) { return a.lo == b.lo && a.hi == b.hi; }
bool operator!=(const interval& a, const interval& b) { return !(a == b); }

interval exp(const interval& x) {
  return monotone_increasing(x, [](const real50& v) { return boost::multiprecision::exp(v); });
}
interval expm1(const interval& x) {
  return monotone_increasing(x, [](const real50& v) { return boost::multiprecision::expm1(v); });
}
interval log(const interval& x) {
  if (x.lo <= 0) throw std::domain_error("log of an interval that reaches 0 or below");
  return monotone_increasing(x, [](const real50& v) { return boost::multiprecision::log(v); });
}
interval log1p(const interval& x) {
  if (x.lo <= -1) throw std::domain_error("log1p of an interval that reaches -1 or below");
  return monotone_increasing(x, [](const real50& v) { return boost::multiprecision::log1p(v); });
}
interval sqrt(const interval& x) {
  if (x.lo < 0) throw std::domain_error("sqrt of an interval that reaches below 0");
  return monotone_increasing(x, [](const real50& v) { return boost::multiprecision::sqrt(v); });
}
interval tanh(const interval& x) {
  return monotone_increasing(x, [](const real50& v) { return boost::multiprecision::tanh(v); });
}
interval abs(const interval& x) {
  if (x.lo >= 0) return x;
  if (x.hi <= 0) return -x;
  return {real50(0), std::max(-x.lo, x.hi)};
}
interval floor(const interval& x) { return interval(boost::multiprecision::floor(x.mid())); }

interval pow(const interval& x, const interval& y) {
  using boost::multiprecision::pow;
  if (y.lo != y.hi) {
    // x^y is monotone in x and in y for x > 0: the corners bound it. (An exponent
    // such as -3/2 arrives as a few-ulp interval.)
    if (x.lo <= 0) throw std::domain_error("a number that may be 0 or negative to a power that is not exact");
    const real50 c[4] = {pow(x.lo, y.lo), pow(x.lo, y.hi), pow(x.hi, y.lo), pow(x.hi, y.hi)};
    return widened(*std::min_element(c, c + 4), *std::max_element(c, c + 4));
  }
  const real50& e = y.lo;
  const bool integer = e == boost::multiprecision::floor(e);
  if (!integer && x.lo < 0) throw std::domain_error("a negative number to a fractional power");
  if (e < 0 && may_be_zero(x)) throw std::domain_error("zero to a negative power");
  const real50 a = pow(x.lo, e), b = pow(x.hi, e);
  real50 lo = std::min(a, b), hi = std::max(a, b);
  // an even power of an interval around 0 reaches down to 0
  if (integer && x.lo < 0 && x.hi > 0 && e > 0 && boost::multiprecision::fmod(e, real50(2)) == 0) lo = 0;
  return widened(lo, hi);
}

interval lesser(const interval& a, const interval& b) { return {std::min(a.lo, b.lo), std::min(a.hi, b.hi)}; }
interval greater(const interval& a, const interval& b) { return {std::max(a.lo, b.lo), std::max(a.hi, b.hi)}; }
bool may_be_zero(const interval& x) { return x.lo <= 0 && x.hi >= 0; }

template <>
interval to_real<interval>(const decimal& d) {
  return interval(to_real<real50>(d));
}

}  // namespace gradecheck::numeric

namespace gradecheck::ops {

using numeric::interval;
using numeric::real50;

interval sigmoid(const interval& x) { return numeric::widened(sigmoid(x.lo), sigmoid(x.hi)); }
interval relu(const interval& x) { return numeric::widened(relu(x.lo), relu(x.hi)); }
interval softplus(const interval& x) { return numeric::widened(softplus(x.lo), softplus(x.hi)); }

// Both are non-decreasing in x for alpha >= 0; alpha enters through its ends.
interval leaky_relu(const interval& x, const interval& alpha) {
  const real50 c[4] = {leaky_relu(x.lo, alpha.lo), leaky_relu(x.lo, alpha.hi), leaky_relu(x.hi, alpha.lo), leaky_relu(x.hi, alpha.hi)};
  return numeric::widened(*std::min_element(c, c + 4), *std::max_element(c, c + 4));
}
interval elu(const interval& x, const interval& alpha) {
  const real50 c[4] = {elu(x.lo, alpha.lo), elu(x.lo, alpha.hi), elu(x.hi, alpha.lo), elu(x.hi, alpha.hi)};
  return numeric::widened(*std::min_element(c, c + 4), *std::max_element(c, c + 4));
}

}  // namespace gradecheck::ops
