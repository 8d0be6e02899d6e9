#include "gradecheck/random/shrink.hpp"

#include "gradecheck/numeric/format.hpp"

#include <set>
#include <string>

namespace gradecheck::random {

using numeric::real50;

int decimals_of(const real50& x) {
  for (int d = 0; d < 12; ++d) {
    const real50 scaled = x * boost::multiprecision::pow(real50(10), d);
    if (scaled == boost::multiprecision::floor(scaled)) return d;
  }
  return 12;
}

std::vector<real50> simpler_numbers(const real50& x) {
  std::vector<real50> candidates{real50(0)};
  for (int dp = 0; dp < decimals_of(x); ++dp) {
    const real50 step = boost::multiprecision::pow(real50(10), -dp);
    candidates.push_back(boost::multiprecision::trunc(x / step) * step);
    candidates.push_back(boost::multiprecision::round(x / step) * step);
  }
  std::vector<real50> out;
  std::set<std::string> seen;
  for (const auto& c : candidates)
    if (c != x && seen.insert(numeric::to_significant(c, 20)).second) out.push_back(c);
  return out;
}

}  // namespace gradecheck::random
