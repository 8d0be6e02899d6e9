#pragma once
/// Tolerance and written precision: how close an answer must be (the case's
/// tolerance, which is the precision the problem asks for), and what a
/// number as the student wrote it stands for (every value that rounds to it).

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/ast.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/expr/value.hpp"
#include "gradecheck/numeric/interval.hpp"
#include "gradecheck/numeric/real.hpp"

#include <set>
#include <string>

namespace gradecheck::grade {

using point_value = expr::value<numeric::real50>;
using box_value = expr::value<numeric::interval>;

/// Returns the half-width of the band the tolerance accepts around r, in
/// PrairieLearn's terms: relabs atol + rtol |r|; sigfig and decdig 0.51 units
/// of the last digit asked for.
numeric::real50 half_width(const cases::tolerance& t, const numeric::real50& r);

/// Returns true when s is within t of r: |s - r| <= atol + rtol |r| for relabs,
/// |s - r| < 0.51 units of the last digit asked for sigfig and decdig.
bool within(const cases::tolerance& t, const numeric::real50& s, const numeric::real50& r);

/// The same, with the band `half_width(t, r)` already computed (grading compares many numbers with one reference).
bool within(const cases::tolerance& t, const numeric::real50& s, const numeric::real50& r, const numeric::real50& band);

/// A submitted value as written: its value, and the box of every value that
/// rounds to it. A number with a decimal point or an exponent stands for half
/// a unit of its last digit either way (0.05 for [0.045, 0.055]); an integer is
/// exact; an expression is evaluated with each of its numbers so widened
/// (`2.984 * 10^-1` is [0.29835, 0.29845]).
struct written {
  point_value value;
  box_value box;
  /// Returns half the width of entry k's box: 0 for an exact entry.
  [[nodiscard]] numeric::real50 half_unit(std::size_t k) const;
};

/// Limits of one answer's evaluation: an answer is a number, a short expression
/// or a small array, bounded far below the general limits.
inline constexpr std::size_t answer_max_entries = 10'000;
inline constexpr std::size_t answer_max_operations = 100'000;

/// Returns the answer `n` as written; throws expr::evaluation_error when it
/// cannot be evaluated or is not finite.
written as_written(const expr::node& n);

/// True when `a` and `b` are one number written to two precisions: the finer one rounds to the
/// coarser (0.59327 and 0.5933), so that a value restated to more digits is one answer.
bool same_number_restated(const expr::node& a, const expr::node& b);

/// Replaces every rounded number of `n` (one with a decimal point or an exponent,
/// whose text is not in `exact`) by a name bound in `env` to the interval it
/// stands for: 0.5933 is [0.59325, 0.59335].
void widen_rounded_numbers(expr::node& n, expr::environment<numeric::interval>& env, const std::set<std::string>& exact = {});

}  // namespace gradecheck::grade
