#include "gradecheck/formula/expected.hpp"

#include "gradecheck/diff/jacobian.hpp"
#include "gradecheck/diff/ridders.hpp"
#include "gradecheck/random/seed.hpp"

#include <algorithm>

namespace gradecheck::formula {

using numeric::real50;

namespace {

// The symbols bound at a point, followed by every reference formula (environment_at).
expr::environment<real50> with_references(const std::vector<question>& all, expr::environment<real50> env) {
  for (const auto& q : all)
    if (q.reference) env[q.name] = expr::evaluate(q.reference->tree, env);
  return env;
}

}  // namespace

expr::environment<real50> environment_at(const domain& d, const std::vector<question>& all, const point& p) {
  return with_references(all, bind(d, p));
}

namespace {

// The flat positions of the entries q moves: all of them, one entry (z[j], M[i, j]) or a row (M[i]).
template <class Real>
std::vector<std::size_t> positions_of(const question& q, const expr::value<Real>& base, const expr::environment<Real>& env) {
  std::vector<std::size_t> at;
  for (const auto& e : q.entry) {
    const auto v = expr::evaluate(e, env);
    if (!v.is_scalar() || v.data[0] < 0 || v.data[0] != boost::multiprecision::floor(v.data[0]))
      throw expr::evaluation_error(e.where, "the entry of " + q.with_respect_to + " must be a non-negative integer");
    at.push_back(static_cast<std::size_t>(v.data[0]));
  }
  std::vector<std::size_t> out;
  if (at.empty()) {
    for (std::size_t k = 0; k < base.size(); ++k) out.push_back(k);
  } else if (at.size() == 1 && base.is_vector()) {
    if (at[0] < base.size()) out.push_back(at[0]);
  } else if (at.size() == 1) {
    if (at[0] < base.rows)
      for (std::size_t k = 0; k < base.cols; ++k) out.push_back(at[0] * base.cols + k);
  } else if (at[0] < base.rows && at[1] < base.cols) {
    out.push_back(at[0] * base.cols + at[1]);
  }
  if (out.empty()) throw expr::evaluation_error(q.where, "the entry of " + q.with_respect_to + " is out of range");
  return out;
}

// The derivative of q's forward function and the largest error estimate of its entries, in Real.
template <class Real>
std::pair<expr::value<Real>, Real> differenced(const domain& d, const question& q, const expr::environment<Real>& env) {
  using value = expr::value<Real>;
  const expr::node& of = q.derivative_of->tree;
  const value& base = env.at(q.with_respect_to);
  const value at_base = expr::evaluate(of, env);
  auto opt = diff::ridders_options<Real>::defaults();
  opt.initial_step = Real(1) / 10000;
  const auto moved = positions_of(q, base, env);
  // of as a function of the moved entries
  const auto f = [&](const std::vector<Real>& entries) {
    value changed = base;
    for (std::size_t k = 0; k < moved.size(); ++k) changed.data[moved[k]] = entries[k];
    return expr::evaluate(of, rebind(d, env, q.with_respect_to, changed)).data;
  };
  std::vector<Real> start;
  for (const auto k : moved) start.push_back(base.data[k]);
  const auto J = diff::jacobian(f, start, opt);
  value out;
  if (moved.size() == 1)
    out = {at_base.rows, at_base.cols, J.value.data};  // one entry moved: the shape of the function
  else if (at_base.is_scalar() && q.numerator_layout)
    out = {1, moved.size(), J.value.data};
  else if (at_base.is_scalar() && q.entry.empty())
    out = {base.rows, base.cols, J.value.data};  // dL/dW has the shape of W
  else if (at_base.is_scalar())
    out = value::column(J.value.data);  // the gradient by a row of a matrix, as a column
  else
    out = {J.value.rows, J.value.cols, J.value.data};
  Real worst = 0;
  for (const auto& e : J.error.data) worst = std::max(worst, e);
  return {out, worst};
}

}  // namespace

expectation finite_difference(const domain& d, const question& q, const expr::environment<real50>& env) {
  auto [value, worst] = differenced(d, q, env);
  return {std::move(value), 8 * worst};
}

expr::value<numeric::real100> finite_difference_wide(const domain& d, const question& q, const expr::environment<numeric::real100>& env) {
  return differenced(d, q, env).first;
}

expectation expected_value(const domain& d, const question& q, const expr::environment<real50>& env) {
  if (q.reference) return {env.count(q.name) ? env.at(q.name) : expr::evaluate(q.reference->tree, env), 0};
  return finite_difference(d, q, env);
}

namespace {

std::size_t wanted(const question& q) { return q.reference ? q.samples : std::min<std::size_t>(q.samples, 40); }

}  // namespace

std::map<std::string, prepared_question> prepare_all(const domain& d, const std::vector<question>& all, const std::string& case_id) {
  std::size_t most = 0;
  for (const auto& q : all) most = std::max(most, wanted(q));
  auto points = fixed_points(d);
  const std::size_t fixed = points.size();
  // the symbols and every reference formula at each point, once for all the questions
  std::vector<std::shared_ptr<const expr::environment<real50>>> envs;
  const auto add = [&](const auto& symbols) {
    try {
      envs.push_back(std::make_shared<const expr::environment<real50>>(with_references(all, symbols())));
    } catch (const expr::evaluation_error&) {
      envs.emplace_back();  // a reference is undefined here (a kink the domain does not exclude): not a test point
    }
  };
  for (const auto& p : points) add([&] { return bind(d, p); });
  auto rng = random::generator_for(case_id, "#points");  // '#' is in no question's name
  for (std::size_t k = 0; k < most; ++k) {
    auto drawn = draw_bound(d, rng);  // bound already, to check the constraints
    points.push_back(std::move(drawn.at));
    add([&] { return std::move(drawn.env); });
  }
  std::map<std::string, prepared_question> out;
  for (const auto& q : all) {
    prepared_question p{&d, &all, &q, {}};
    for (std::size_t k = 0; k < fixed + wanted(q) && k < points.size(); ++k) {
      if (!envs[k]) continue;
      try {
        p.samples.push_back({points[k], envs[k], expected_value(d, q, *envs[k])});
      } catch (const expr::evaluation_error&) {
        // the finite difference is undefined here
      }
    }
    out[q.name] = std::move(p);
  }
  return out;
}

prepared_question prepare(const domain& d, const std::vector<question>& all, const question& q, const std::string& case_id) {
  return prepare_all(d, all, case_id).at(q.name);
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
