#pragma once
/// Shrinking: the simpler numbers a counterexample tries in place of one it
/// found, as RapidCheck shrinks toward 0 and toward shorter values.

#include "gradecheck/numeric/real.hpp"

#include <vector>

namespace gradecheck::random {

/// Returns the digits after the point that x is written with (0.25: 2), at most 12.
int decimals_of(const numeric::real50& x);

/// Returns the simpler numbers to try in place of x, simplest first: 0, then x
/// cut and rounded to each fewer number of decimals (0.257: 0, 0.2, 0.3, 0.25, 0.26).
/// Repeats and x itself are left out.
std::vector<numeric::real50> simpler_numbers(const numeric::real50& x);

}  // namespace gradecheck::random
