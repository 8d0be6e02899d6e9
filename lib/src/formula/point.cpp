#include "gradecheck/formula/point.hpp"

#include "gradecheck/numeric/decimal.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/random/draw.hpp"
#include "gradecheck/random/shrink.hpp"

#include <algorithm>
#include <optional>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace gradecheck::formula {

using random::integer_in;
using random::unit;
using random::with_digits;

using numeric::real50;
using value50 = expr::value<real50>;

namespace {

bool allowed(const variable& v, const real50& x) {
  if (x < real50(v.lo) || x > real50(v.hi)) return false;
  using boost::multiprecision::abs;
  for (const double k : v.kinks)
    if (abs(x - real50(k)) < real50(v.margin) || x == real50(k)) return false;
  return true;
}

std::pair<std::size_t, std::size_t> shape_of(const variable& v, const std::map<std::string, long>& sizes) {
  std::vector<std::size_t> dims;
  for (const auto& s : v.shape) {
    const auto it = sizes.find(s);
    dims.push_back(it != sizes.end() ? static_cast<std::size_t>(it->second) : static_cast<std::size_t>(std::stol(s)));
  }
  if (dims.empty()) return {1, 1};
  if (dims.size() == 1) return {dims[0], 1};
  return {dims[0], dims[1]};
}

real50 draw_entry(const variable& v, const std::map<std::string, long>& sizes, std::mt19937_64& rng) {
  switch (v.type) {
    case variable::kind::binary: return real50(static_cast<long>(rng() & 1));
    case variable::kind::label: return real50(integer_in(rng, 0, sizes.at(v.classes) - 1));
    case variable::kind::one_hot: return real50(0);  // placed by the caller
    case variable::kind::uniform: break;
  }
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const real50 x = with_digits(v.lo + (v.hi - v.lo) * unit(rng), 3);
    if (allowed(v, x)) return x;
  }
  throw std::runtime_error("variable " + v.name + ": no value in its range keeps away from its kinks");
}

value50 draw_variable(const variable& v, const std::map<std::string, long>& sizes, std::mt19937_64& rng) {
  const auto [rows, cols] = shape_of(v, sizes);
  value50 out{rows, cols, std::vector<real50>(rows * cols)};
  for (auto& x : out.data) x = draw_entry(v, sizes, rng);
  if (v.type == variable::kind::one_hot) out.data[rng() % out.size()] = 1;
  return out;
}

// The allowed value nearest `target` among a few candidates: target, either side of it by twice the
// margin, the ends of the range.
real50 nearest_allowed(const variable& v, double target) {
  const double step = 2 * std::max(v.margin, 1e-3);
  for (const double x : {target, target + step, target - step, v.lo, v.hi, (v.lo + v.hi) / 2}) {
    const real50 r = with_digits(x, 3);
    if (allowed(v, r)) return r;
  }
  return with_digits((v.lo + v.hi) / 2, 3);
}

value50 filled(const variable& v, const std::map<std::string, long>& sizes, const real50& x, std::size_t hot) {
  const auto [rows, cols] = shape_of(v, sizes);
  value50 out{rows, cols, std::vector<real50>(rows * cols, x)};
  if (v.type == variable::kind::one_hot) {
    std::fill(out.data.begin(), out.data.end(), real50(0));
    out.data[std::min(hot, out.size() - 1)] = 1;
  }
  return out;
}

// Every combination of the indices at the point's sizes, at most `limit` of them.
std::vector<point> with_every_index(const domain& d, const point& base, std::size_t limit) {
  std::vector<point> out{base};
  for (const auto& i : d.indices) {
    std::vector<point> next;
    for (const auto& p : out)
      for (long k = 0; k < base.sizes.at(i.size) && next.size() < limit; ++k) {
        point q = p;
        q.indices[i.name] = k;
        next.push_back(q);
      }
    out = next;
  }
  return out;
}


}  // namespace

expr::environment<real50> bind(const domain& d, const point& p) {
  expr::environment<real50> env;
  for (const auto& [name, n] : p.sizes) env[name] = value50::scalar(real50(n));
  for (const auto& [name, k] : p.indices) env[name] = value50::scalar(real50(k));
  for (const auto& [name, v] : p.variables) env[name] = v;
  for (const auto& a : d.define) env[a.name] = expr::evaluate(a.expression, env);
  return env;
}

template <class Real>
expr::environment<Real> rebind(const domain& d, expr::environment<Real> env, const std::string& name, const expr::value<Real>& with) {
  env[name] = with;
  bool after = std::none_of(d.define.begin(), d.define.end(), [&](const auto& a) { return a.name == name; });
  for (const auto& a : d.define) {
    if (after) env[a.name] = expr::evaluate(a.expression, env);
    if (a.name == name) after = true;
  }
  return env;
}

template expr::environment<real50> rebind(const domain&, expr::environment<real50>, const std::string&, const expr::value<real50>&);
template expr::environment<numeric::real100> rebind(const domain&, expr::environment<numeric::real100>, const std::string&,
                                                    const expr::value<numeric::real100>&);

bool satisfies(const domain& d, const expr::environment<real50>& env) {
  for (const auto& c : d.constraints) {
    const auto v = expr::evaluate(c.expression, env);
    if (std::any_of(v.data.begin(), v.data.end(), [](const real50& x) { return x == 0; })) return false;
  }
  return true;
}

namespace {
// The symbols at p when p satisfies the constraints.
std::optional<expr::environment<real50>> usable(const domain& d, const point& p) {
  try {
    auto env = bind(d, p);
    if (satisfies(d, env)) return env;
  } catch (const expr::evaluation_error&) {
  }
  return std::nullopt;
}
}  // namespace

bound_point draw_bound(const domain& d, std::mt19937_64& rng) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    point p;
    for (const auto& s : d.sizes) p.sizes[s.name] = integer_in(rng, s.lo, s.hi);
    for (const auto& i : d.indices) p.indices[i.name] = integer_in(rng, 0, p.sizes.at(i.size) - 1);
    for (const auto& v : d.variables) p.variables[v.name] = draw_variable(v, p.sizes, rng);
    if (auto env = usable(d, p)) return {std::move(p), std::move(*env)};
  }
  throw std::runtime_error("the domain's constraints reject 1000 random points in a row; widen the ranges or relax the constraints");
}

point draw(const domain& d, std::mt19937_64& rng) { return draw_bound(d, rng).at; }

value50 redraw(const domain& d, const std::string& name, const point& p, std::mt19937_64& rng) {
  for (const auto& v : d.variables)
    if (v.name == name) return draw_variable(v, p.sizes, rng);
  throw std::invalid_argument("redraw: '" + name + "' is not a variable of the domain");
}

std::vector<point> fixed_points(const domain& d) {
  point smallest;
  for (const auto& s : d.sizes) smallest.sizes[s.name] = s.lo;
  std::vector<point> bases;
  point zeros = smallest, equal = smallest;
  for (const auto& v : d.variables) {
    const bool discrete = v.type == variable::kind::binary || v.type == variable::kind::label;
    const real50 last = v.type == variable::kind::label ? real50(smallest.sizes.at(v.classes) - 1) : real50(1);
    zeros.variables[v.name] = filled(v, smallest.sizes, discrete ? real50(0) : nearest_allowed(v, 0), 0);
    equal.variables[v.name] = filled(v, smallest.sizes, discrete ? last : nearest_allowed(v, v.lo + 0.37 * (v.hi - v.lo)), 1u << 30);
  }
  bases.push_back(zeros);
  bases.push_back(equal);
  for (const auto& v : d.variables)
    for (const double k : v.kinks)
      for (const double side : {1.0, -1.0}) {
        point near = zeros;
        const real50 x = with_digits(k + side * 2 * std::max(v.margin, 1e-3), 3);
        if (!allowed(v, x)) continue;
        near.variables[v.name] = filled(v, smallest.sizes, x, 0);
        bases.push_back(near);
      }
  std::vector<point> out;
  for (const auto& b : bases)
    for (const auto& p : with_every_index(d, b, 36))
      if (usable(d, p)) out.push_back(p);
  return out;
}

namespace {

std::string trimmed(std::string s) {
  if (s.find_first_of("eE") != std::string::npos || s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string show(const value50& v, int digits) {
  const auto entry = [&](const real50& x) { return trimmed(numeric::to_significant(x, digits)); };
  if (v.is_scalar()) return entry(v.data[0]);
  const auto row = [&](std::size_t i) {
    std::string out = "[";
    for (std::size_t j = 0; j < v.cols; ++j) out += (j ? ", " : "") + entry(v.at(i, j));
    return out + "]";
  };
  if (v.cols == 1) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.rows; ++i) out += (i ? ", " : "") + entry(v.data[i]);
    return out + "]";
  }
  std::string out = "[";
  for (std::size_t i = 0; i < v.rows; ++i) out += (i ? ", " : "") + row(i);
  return out + "]";
}

std::string describe(const domain& d, const point& p, const std::vector<std::string>& shown) {
  const auto is_shown = [&](const std::string& name) { return std::find(shown.begin(), shown.end(), name) != shown.end(); };
  std::set<std::string> implied;
  for (const auto& v : d.variables)
    if (is_shown(v.name)) implied.insert(v.shape.begin(), v.shape.end());
  std::string out;
  const auto add = [&](const std::string& text) { out += (out.empty() ? "" : ", ") + text; };
  for (const auto& s : d.sizes)
    if (is_shown(s.name) && !implied.count(s.name)) add(s.name + " = " + std::to_string(p.sizes.at(s.name)));
  for (const auto& v : d.variables) {
    if (!is_shown(v.name)) continue;
    const auto& x = p.variables.at(v.name);
    add(v.name + " = " + (x.is_scalar() && !v.shape.empty() ? "[" + show(x) + "]" : show(x)));  // a vector of one entry
  }
  for (const auto& i : d.indices)
    if (is_shown(i.name)) add(i.name + " = " + std::to_string(p.indices.at(i.name)));
  return out;
}

std::vector<std::string> depends_on(const domain& d, const std::vector<std::string>& names) {
  std::set<std::string> out(names.begin(), names.end());
  // definitions may only use what comes before them: one pass from the last one back closes the set
  for (auto a = d.define.rbegin(); a != d.define.rend(); ++a)
    if (out.count(a->name)) out.merge(expr::free_names(a->expression));
  return {out.begin(), out.end()};
}

std::vector<point> simpler(const domain& d, const point& p) {
  std::vector<point> out;
  // smaller sizes: every variable keeps its leading block, every index stays in range
  for (const auto& s : d.sizes) {
    const long now = p.sizes.at(s.name);
    for (const long to : {s.lo, now - 1}) {
      if (to >= now || to < s.lo) continue;
      point q = p;
      q.sizes[s.name] = to;
      for (const auto& v : d.variables) {
        if (std::find(v.shape.begin(), v.shape.end(), s.name) == v.shape.end()) continue;
        const auto& old = p.variables.at(v.name);
        const auto [rows, cols] = shape_of(v, q.sizes);
        value50 cut{rows, cols, std::vector<real50>(rows * cols)};
        for (std::size_t i = 0; i < rows; ++i)
          for (std::size_t j = 0; j < cols; ++j) cut.at(i, j) = old.at(i, j);
        if (v.type == variable::kind::one_hot && std::none_of(cut.data.begin(), cut.data.end(), [](const real50& x) { return x != 0; }))
          cut.data.back() = 1;
        q.variables[v.name] = cut;
      }
      for (const auto& i : d.indices)
        if (i.size == s.name) q.indices[i.name] = std::min(q.indices[i.name], to - 1);
      for (const auto& v : d.variables)
        if (v.type == variable::kind::label && v.classes == s.name)
          for (auto& x : q.variables[v.name].data) x = std::min(x, real50(to - 1));
      out.push_back(q);
    }
  }
  for (const auto& i : d.indices) {
    const long now = p.indices.at(i.name);
    for (const long to : {0L, now - 1}) {
      if (to >= now || to < 0) continue;
      point q = p;
      q.indices[i.name] = to;
      out.push_back(q);
      if (to == now - 1) break;
    }
  }
  for (const auto& v : d.variables) {
    const auto& now = p.variables.at(v.name);
    if (v.type == variable::kind::one_hot) {
      if (now.data[0] == 0) {
        point q = p;
        std::fill(q.variables[v.name].data.begin(), q.variables[v.name].data.end(), real50(0));
        q.variables[v.name].data[0] = 1;
        out.push_back(q);
      }
      continue;
    }
    for (std::size_t k = 0; k < now.size(); ++k) {
      const real50& x = now.data[k];
      for (const auto& c : random::simpler_numbers(x)) {
        const bool discrete = v.type == variable::kind::binary || v.type == variable::kind::label;
        if (discrete ? c != 0 : !allowed(v, c)) continue;
        point q = p;
        q.variables[v.name].data[k] = c;
        out.push_back(q);
      }
    }
  }
  return out;
}

}  // namespace gradecheck::formula
