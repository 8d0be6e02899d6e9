#pragma once
/// Drawing: numbers from a seeded generator, in ways that do not depend on
/// the standard library's distributions (whose output differs between
/// implementations), so that a draw is the same everywhere.

#include "gradecheck/numeric/real.hpp"

#include <cstdint>
#include <random>

namespace gradecheck::random {

/// Returns a double uniform in [0, 1), from the generator's top 53 bits.
double unit(std::mt19937_64& rng);

/// Returns a whole number in [lo, hi]. By the remainder: its bias is below
/// (hi - lo + 1) / 2^64, nothing for the ranges drawn here.
long integer_in(std::mt19937_64& rng, long lo, long hi);

/// Returns x written with `digits` significant digits, exactly as that decimal.
numeric::real50 with_digits(double x, int digits);

/// Returns a number written with `decimals` digits after the point, uniform
/// over those in [lo, hi] (the ends included when they are written so): 0.15
/// for [0.1, 0.9] with 2 decimals. Throws std::invalid_argument when none lies in the range.
numeric::real50 on_grid(std::mt19937_64& rng, double lo, double hi, int decimals);

}  // namespace gradecheck::random
