#include "gradecheck/random/draw.hpp"

#include "gradecheck/numeric/decimal.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace gradecheck::random {

double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

long integer_in(std::mt19937_64& rng, long lo, long hi) { return lo + static_cast<long>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); }

numeric::real50 with_digits(double x, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*e", digits - 1, x);
  return numeric::parse_real<numeric::real50>(text);
}

numeric::real50 on_grid(std::mt19937_64& rng, double lo, double hi, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // the ends as read from a file are decimals such as 0.1, not exactly representable: a
  // slack of 1e-9 steps keeps 0.1 * 100 = 10.000000000000002 from excluding 10
  const long first = static_cast<long>(std::ceil(lo * scale - 1e-9));
  const long last = static_cast<long>(std::floor(hi * scale + 1e-9));
  if (first > last)
    throw std::invalid_argument("no number with " + std::to_string(decimals) + " decimals lies in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  const long k = integer_in(rng, first, last);
  return numeric::real50(k) / boost::multiprecision::pow(numeric::real50(10), decimals);
}

}  // namespace gradecheck::random
