#include "gradecheck/grade/tolerance.hpp"

#include "gradecheck/expr/evaluate.hpp"

#include <string>

namespace gradecheck::grade {

using numeric::interval;
using numeric::real50;

real50 half_width(const cases::tolerance& t, const real50& r) {
  using boost::multiprecision::abs;
  using boost::multiprecision::floor;
  using boost::multiprecision::log10;
  using boost::multiprecision::pow;
  switch (t.type) {
    case cases::tolerance::kind::relabs: return real50(t.atol) + real50(t.rtol) * abs(r);
    case cases::tolerance::kind::decdig: return real50("0.51") * pow(real50(10), -t.digits);
    case cases::tolerance::kind::sigfig: {
      const real50 n = r == 0 ? real50(t.digits - 1) : real50(-floor(log10(abs(r))) + (t.digits - 1));
      return real50("0.51") * pow(real50(10), -n);
    }
  }
  return 0;
}

bool within(const cases::tolerance& t, const real50& s, const real50& r) { return within(t, s, r, half_width(t, r)); }

bool within(const cases::tolerance& t, const real50& s, const real50& r, const real50& band) {
  using boost::multiprecision::abs;
  const real50 diff = abs(s - r);
  return t.type == cases::tolerance::kind::relabs ? diff <= band : diff < band;
}

real50 written::half_unit(std::size_t k) const { return (box.data[k].hi - box.data[k].lo) / 2; }

namespace {

bool is_rounded(const expr::node& n) { return n.kind == expr::node_kind::number && n.text.find_first_of(".eE") != std::string::npos; }

}  // namespace

void widen_rounded_numbers(expr::node& n, expr::environment<interval>& env, const std::set<std::string>& exact) {
  if (is_rounded(n) && !exact.count(n.text)) {
    const real50 mid = numeric::to_real<real50>(n.literal);
    const real50 half = numeric::parse_real<real50>("5e" + std::to_string(n.literal.exponent - 1));
    const std::string name = "#" + std::to_string(env.size());  // not a name the language can write
    env[name] = box_value::scalar(interval::around(mid, half));
    n.kind = expr::node_kind::name;
    n.text = name;
    return;
  }
  for (auto& c : n.children) widen_rounded_numbers(c, env, exact);
}

bool same_number_restated(const expr::node& a, const expr::node& b) {
  if (!expr::is_plain_number(a) || !expr::is_plain_number(b)) return false;
  const auto wa = as_written(a), wb = as_written(b);
  const bool a_coarser = wa.half_unit(0) >= wb.half_unit(0);
  const auto& coarse = a_coarser ? wa : wb;
  const auto& fine = a_coarser ? wb : wa;
  return coarse.box.data[0].lo <= fine.value.data[0] && fine.value.data[0] <= coarse.box.data[0].hi;
}

written as_written(const expr::node& n) {
  const expr::evaluation_limits limits{answer_max_entries, answer_max_operations};
  written out;
  out.value = expr::evaluate<real50>(n, {}, limits);
  for (const auto& x : out.value.data)
    if (!boost::multiprecision::isfinite(x)) throw expr::evaluation_error(n.where, "the value is not a finite number");
  expr::node wide = n;
  expr::environment<interval> env;
  widen_rounded_numbers(wide, env);
  out.box = expr::evaluate<interval>(wide, env, limits);
  return out;
}

}  // namespace gradecheck::grade
