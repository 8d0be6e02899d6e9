#pragma once
/// Checking an analytic gradient or Jacobian against Ridders' finite
/// differences, for library users: a per-entry table, worst first, and a
/// verdict against a tolerance derived from Real.
///
/// An entry passes when the analytic value a and the numeric value n, with
/// Ridders' error estimate e of n, satisfy
///   |a - n| <= 16 e + eps^(7/8) max(1, ||f(x)||_inf, ||n||_inf)
/// the error the differences themselves may carry, plus a floor for entries
/// that are zero in exact arithmetic and come out as rounding noise; or, when
/// a fixed rtol > 0 is given, |a - n| <= rtol max(|a|, |n|) or rtol ||n||_inf.
/// Ridders' method reaches 45 or more of real50's 50 digits on smooth
/// functions and estimates its own error near 1e-46, so a correct derivative
/// passes while one off by a relative 1e-40 fails (a fixed eps^(1/2) let
/// errors up to 1e-25 through).

#include "gradecheck/diff/jacobian.hpp"
#include "gradecheck/numeric/agreement.hpp"
#include "gradecheck/numeric/format.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace gradecheck::diff {

/// One entry of the comparison: analytic a, numeric n and their differences.
template <class Real>
struct gradient_check_entry {
  std::size_t row = 0;  ///< output index (0 for a gradient)
  std::size_t col = 0;  ///< input index
  Real analytic;
  Real numeric;
  Real numeric_error;  ///< Ridders' error estimate of `numeric`
  Real abs_error;      ///< |a - n|
  Real rel_error;      ///< |a - n| / max(|a|, |n|), 0 when both are 0
  bool pass = false;
};

/// The whole comparison, entries sorted worst relative error first.
template <class Real>
struct gradient_check_report {
  std::vector<gradient_check_entry<Real>> entries;
  Real tolerance;           ///< rtol
  Real absolute_tolerance;  ///< the floor eps^(7/8) max(1, ||f(x)||_inf, the largest entry)
  bool is_jacobian = false;

  /// Returns true when every entry passes.
  [[nodiscard]] bool passed() const {
    return std::all_of(entries.begin(), entries.end(), [](const auto& e) { return e.pass; });
  }
  /// Returns the least digits of agreement over the entries.
  [[nodiscard]] double worst_digits() const {
    double worst = std::numeric_limits<Real>::digits10;
    for (const auto& e : entries) worst = std::min(worst, numeric::digits_of_agreement(e.analytic, e.numeric));
    return worst;
  }
};

/// Returns the default fixed relative tolerance of a gradient check: 0, none. By default an entry
/// passes on Ridders' own error estimate alone (compare_jacobians), which in real50 is near 1e-46,
/// so that an analytic derivative off by a relative 1e-40 fails; a fixed tolerance, when given,
/// is accepted besides.
template <class Real>
Real default_gradient_tolerance() {
  return Real(0);
}

/// The multiple of Ridders' error estimate within which an entry passes: the estimate is the
/// difference of the tableau's best neighbours, not a bound, and is taken with room.
inline constexpr int estimate_multiple = 16;

/// Returns the report comparing the analytic Jacobian A (outputs x inputs)
/// with the numeric one N, for a function whose values at the point have
/// magnitude up to `value_scale`. An entry passes when |a - n| is within
/// estimate_multiple times Ridders' error estimate of n plus a floor of
/// eps^(7/8) times the larger of 1, value_scale and the largest entry (the
/// rounding of the function's values), or, when rtol > 0, within rtol relative
/// to the entry or to the largest entry.
template <class Real>
gradient_check_report<Real> compare_jacobians(const numeric::matrix<Real>& A, const jacobian_estimate<Real>& N,
                                              const Real& value_scale, const Real& rtol = default_gradient_tolerance<Real>()) {
  using std::abs;
  if (A.rows != N.value.rows || A.cols != N.value.cols)
    throw std::invalid_argument("gradient check: analytic is " + std::to_string(A.rows) + "x" + std::to_string(A.cols) +
                                ", numeric is " + std::to_string(N.value.rows) + "x" + std::to_string(N.value.cols));
  Real scale = 0;
  for (const auto& n : N.value.data) scale = std::max<Real>(scale, abs(n));
  const Real atol = numeric::epsilon_power(Real(7) / 8) * std::max<Real>(std::max<Real>(Real(1), value_scale), scale);
  gradient_check_report<Real> report{{}, rtol, atol, A.rows > 1};
  for (std::size_t i = 0; i < A.rows; ++i) {
    for (std::size_t j = 0; j < A.cols; ++j) {
      const Real& a = A(i, j);
      const Real& n = N.value(i, j);
      const Real diff = abs(a - n);
      const Real magnitude = std::max<Real>(abs(a), abs(n));
      const Real rel = magnitude == 0 ? Real(0) : Real(diff / magnitude);
      const bool within_estimate = diff <= estimate_multiple * N.error(i, j) + atol;
      const bool within_rtol = rtol > 0 && (rel <= rtol || diff <= rtol * scale);
      const bool pass = within_estimate || within_rtol;
      report.entries.push_back({i, j, a, n, N.error(i, j), diff, rel, pass});
    }
  }
  std::stable_sort(report.entries.begin(), report.entries.end(),
                   [](const auto& x, const auto& y) { return x.rel_error > y.rel_error; });
  return report;
}

namespace detail {
template <class Real>
Real largest_magnitude(const std::vector<Real>& v) {
  using std::abs;
  Real m = 0;
  for (const auto& x : v) m = std::max<Real>(m, abs(x));
  return m;
}
}  // namespace detail

/// Returns the check of an analytic gradient of f: vector<Real> -> Real at x.
template <class Real, class F>
gradient_check_report<Real> check_gradient(F&& f, const std::vector<Real>& x, const std::vector<Real>& analytic,
                                           const Real& rtol = default_gradient_tolerance<Real>(),
                                           const ridders_options<Real>& opt = ridders_options<Real>::defaults()) {
  using std::abs;
  const auto N = jacobian([&](const std::vector<Real>& y) { return std::vector<Real>{f(y)}; }, x, opt);
  numeric::matrix<Real> A(1, analytic.size());
  A.data = analytic;
  return compare_jacobians(A, N, Real(abs(f(x))), rtol);
}

/// Returns the check of an analytic Jacobian of f: vector<Real> -> vector<Real> at x.
template <class Real, class F>
gradient_check_report<Real> check_jacobian(F&& f, const std::vector<Real>& x, const numeric::matrix<Real>& analytic,
                                           const Real& rtol = default_gradient_tolerance<Real>(),
                                           const ridders_options<Real>& opt = ridders_options<Real>::defaults()) {
  return compare_jacobians(analytic, jacobian(f, x, opt), detail::largest_magnitude(f(x)), rtol);
}

/// Returns the report as a table, worst entry first, numbers to `digits` significant digits.
template <class Real>
std::string to_table(const gradient_check_report<Real>& r, int digits = 12) {
  std::ostringstream out;
  const int width = digits + 8;
  const auto pad = [](std::string s, int w) { return s.size() < static_cast<std::size_t>(w) ? s + std::string(w - s.size(), ' ') : s + " "; };
  out << pad(r.is_jacobian ? "entry" : "index", 8) << pad("analytic", width) << pad("numeric", width) << pad("abs error", 12)
      << pad("rel error", 12) << pad("digits", 8) << "result\n";
  for (const auto& e : r.entries) {
    const std::string where = r.is_jacobian ? "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]"
                                            : "[" + std::to_string(e.col) + "]";
    std::ostringstream d;
    d.precision(1);
    d << std::fixed << numeric::digits_of_agreement(e.analytic, e.numeric);
    out << pad(where, 8) << pad(numeric::to_significant(e.analytic, digits), width)
        << pad(numeric::to_significant(e.numeric, digits), width) << pad(numeric::to_significant(e.abs_error, 3), 12)
        << pad(numeric::to_significant(e.rel_error, 3), 12) << pad(d.str(), 8) << (e.pass ? "ok" : "FAIL") << "\n";
  }
  out << (r.passed() ? "PASS" : "FAIL") << ": " << r.entries.size() << " entries, tolerance "
      << numeric::to_significant(r.tolerance, 3) << " relative, " << numeric::to_significant(r.absolute_tolerance, 3)
      << " absolute\n";
  return out.str();
}

}  // namespace gradecheck::diff
