#include "gradecheck/formula/expected.hpp"

#include "gradecheck/diff/jacobian.hpp"
#include "gradecheck/diff/ridders.hpp"

#include <algorithm>

namespace gradecheck::formula {

using numeric::real50;

expr::environment<real50> environment_at(const domain& d, const std::vector<question>& all, const point& p) {
  auto env = bind(d, p);
  for (const auto& q : all)
    if (q.reference) env[q.name] = expr::evaluate(q.reference->tree, env);
  return env;
}

namespace {

std::size_t position_of(const question& q, const value50& base, const expr::environment<real50>& env) {
  std::vector<std::size_t> at;
  for (const auto& e : q.entry) {
    const auto v = expr::evaluate(e, env);
    if (!v.is_scalar() || v.data[0] < 0 || v.data[0] != boost::multiprecision::floor(v.data[0]))
      throw expr::evaluation_error(e.where, "the entry of " + q.with_respect_to + " must be a non-negative integer");
    at.push_back(static_cast<std::size_t>(v.data[0]));
  }
  const std::size_t flat = at.size() == 1 ? at[0] : at[0] * base.cols + at[1];
  const bool inside = at.size() == 1 ? (base.is_vector() ? at[0] < base.size() : false) : (at[0] < base.rows && at[1] < base.cols);
  if (!inside) throw expr::evaluation_error(q.where, "the entry of " + q.with_respect_to + " is out of range");
  return flat;
}

}  // namespace

expectation finite_difference(const domain& d, const question& q, const expr::environment<real50>& env) {
  const expr::node& of = q.derivative_of->tree;
  const value50& base = env.at(q.with_respect_to);
  const value50 at_base = expr::evaluate(of, env);
  auto opt = diff::ridders_options<real50>::defaults();
  opt.initial_step = real50(1) / 10000;
  const auto moved_to = [&](const std::vector<real50>& entries) {
    value50 moved = base;
    moved.data = entries;
    return expr::evaluate(of, rebind(d, env, q.with_respect_to, moved)).data;
  };
  expectation out;
  real50 worst = 0;
  if (!q.entry.empty()) {
    const std::size_t flat = position_of(q, base, env);
    const auto est = diff::ridders_vector(
        [&](const real50& t) {
          std::vector<real50> entries = base.data;
          entries[flat] = t;
          return moved_to(entries);
        },
        base.data[flat], opt);
    out.value = {at_base.rows, at_base.cols, est.value};
    for (const auto& e : est.error) worst = std::max(worst, e);
  } else {
    const auto J = diff::jacobian(moved_to, base.data, opt);
    if (at_base.is_scalar())
      out.value = {base.rows, base.cols, J.value.data};
    else if (base.is_scalar())
      out.value = {at_base.rows, at_base.cols, J.value.data};
    else
      out.value = {J.value.rows, J.value.cols, J.value.data};
    for (const auto& e : J.error.data) worst = std::max(worst, e);
  }
  out.allowance = 8 * worst;
  return out;
}

expectation expected_value(const domain& d, const question& q, const expr::environment<real50>& env) {
  if (q.reference) return {env.count(q.name) ? env.at(q.name) : expr::evaluate(q.reference->tree, env), 0};
  return finite_difference(d, q, env);
}

prepared_question prepare(const domain& d, const std::vector<question>& all, const question& q, const std::string& case_id) {
  prepared_question out{&d, &all, &q, {}};
  auto points = fixed_points(d);
  auto rng = generator_for(case_id, q.name);
  // without a reference formula every point costs a finite difference: fewer of them
  const std::size_t wanted = q.reference ? q.samples : std::min<std::size_t>(q.samples, 40);
  for (std::size_t k = 0; k < wanted; ++k) points.push_back(draw(d, rng));
  for (auto& p : points) {
    try {
      auto env = environment_at(d, all, p);
      auto expected = expected_value(d, q, env);
      out.samples.push_back({std::move(p), std::move(env), std::move(expected)});
    } catch (const expr::evaluation_error&) {
      // the reference is undefined here (a kink the domain does not exclude): not a test point
    }
  }
  return out;
}

bool agree(const value50& s, const expectation& expected) {
  const value50& r = expected.value;
  if (s.rows != r.rows || s.cols != r.cols) return false;
  using boost::multiprecision::abs;
  static const real50 relative = numeric::epsilon_power(real50(1) / 2);
  static const real50 floor = numeric::epsilon_power(real50(3) / 4);
  real50 scale = 0;
  for (const auto& x : r.data) scale = std::max(scale, real50(abs(x)));
  const real50 allowed = relative * scale + floor + expected.allowance;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (!(abs(s.data[k] - r.data[k]) <= allowed)) return false;
  return true;
}

}  // namespace gradecheck::formula
