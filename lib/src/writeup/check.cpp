#include "gradecheck/writeup/check.hpp"

#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/expr/latex.hpp"
#include "gradecheck/grade/tolerance.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/numeric/interval.hpp"

#include <algorithm>
#include <optional>
#include <random>
#include <set>

namespace gradecheck::writeup {

std::string_view name_of(link_status s) {
  switch (s) {
    case link_status::holds: return "holds";
    case link_status::fails: return "fails";
    case link_status::not_checked: return "not_checked";
  }
  return "?";
}

std::size_t check_result::count(link_status s) const {
  return static_cast<std::size_t>(std::count_if(links.begin(), links.end(), [&](const link& l) { return l.status == s; }));
}

namespace {

using numeric::interval;
using numeric::real50;
using box = expr::value<interval>;

// Limits of one side's evaluation: a write-up is untrusted, and one side is one line of arithmetic.
const expr::evaluation_limits side_limits{10'000, 200'000};

// x to `digits` significant digits, rounded down (or up): the printed interval still holds the value.
std::string rounded_outward(const real50& x, bool up, int digits) {
  using boost::multiprecision::ceil;
  using boost::multiprecision::floor;
  using boost::multiprecision::log10;
  using boost::multiprecision::pow;
  if (x == 0) return "0";
  const real50 unit = pow(real50(10), floor(log10(abs(x))) - (digits - 1));
  return numeric::to_significant((up ? ceil(x / unit) : floor(x / unit)) * unit, digits);
}

std::string show(const interval& x, int digits = 6) {
  if (x.lo == x.hi) return numeric::to_significant(x.lo, 12);
  return "[" + rounded_outward(x.lo, false, digits) + ", " + rounded_outward(x.hi, true, digits) + "]";
}

std::string show(const box& v, int digits = 6) {
  if (v.is_scalar()) return show(v.data[0], digits);
  std::string out = "[";
  for (std::size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + show(v.data[k], digits);
  return out + "]";
}

// The fewest digits (6 at least) at which the printed intervals of two disjoint values are disjoint too.
int separating_digits(const box& a, const box& b) {
  for (int digits = 6; digits < 20; ++digits) {
    bool apart = true;
    for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) {
      const auto& x = a.data[k];
      const auto& y = b.data[k];
      if (!(x.hi < y.lo || y.hi < x.lo)) continue;
      const real50 xh = numeric::parse_real<real50>(rounded_outward(x.hi, true, digits)), yl = numeric::parse_real<real50>(rounded_outward(y.lo, false, digits));
      const real50 yh = numeric::parse_real<real50>(rounded_outward(y.hi, true, digits)), xl = numeric::parse_real<real50>(rounded_outward(x.lo, false, digits));
      if (!(xh < yl || yh < xl)) apart = false;
    }
    if (apart) return digits;
  }
  return 20;
}

bool overlaps(const box& a, const box& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a.data[k].hi < b.data[k].lo || b.data[k].hi < a.data[k].lo) return false;
  return true;
}

bool is_number(const expr::node& n) {
  if (n.kind == expr::node_kind::number) return true;
  return n.kind == expr::node_kind::negate && is_number(n.children[0]);
}

bool is_data(const expr::node& n) {
  if (is_number(n)) return true;
  return n.kind == expr::node_kind::list && std::all_of(n.children.begin(), n.children.end(), [](const expr::node& c) { return is_data(c); });
}

void collect_numbers(const expr::node& n, std::set<std::string>& out) {
  if (n.kind == expr::node_kind::number) out.insert(n.text);
  for (const auto& c : n.children) collect_numbers(c, out);
}

bool has_derivative(const expr::node& n) {
  if (n.kind == expr::node_kind::call && n.text == "derivative") return true;
  return std::any_of(n.children.begin(), n.children.end(), [](const expr::node& c) { return has_derivative(c); });
}

class checker {
 public:
  check_result run(const document& d) {
    declare_names(d);
    for (const auto& c : d.chains) check_chain(c);
    return std::move(out_);
  }

 private:
  // The names the write-up defines anywhere (the first side of its chains), so that juxtaposition
  // reads through them: w_1 i_1 is w1*i1, and a name used before its value is known is still one name.
  void declare_names(const document& d) {
    for (const auto& c : d.chains) {
      for (const auto& name : targets_of(c.sides[0], false)) symbols_.names.emplace(name, expr::latex_symbols::shape::scalar);
    }
  }

  // What the side names: one name, or the names of a list [w_1, w_2]; empty when it is not a name.
  std::vector<std::string> targets_of(const side& s, bool with_symbols) const {
    static const expr::latex_symbols none;
    const expr::latex_symbols& symbols = with_symbols ? symbols_ : none;
    try {
      const auto d = expr::parse_latex_name(s.text, symbols, {s.where.line, s.where.column});
      if (d.entry.empty()) return {d.name};
    } catch (const std::exception&) {
    }
    try {
      const auto tree = expr::parse_latex(s.text, symbols, {s.where.line, s.where.column});
      if (tree.kind != expr::node_kind::list) return {};
      std::vector<std::string> out;
      for (const auto& item : tree.children) {
        if (item.kind != expr::node_kind::name) return {};
        out.push_back(item.text);
      }
      return out;
    } catch (const std::exception&) {
    }
    return {};
  }

  struct side_value {
    std::optional<expr::node> tree;
    std::optional<box> value;
    std::string why;
  };

  side_value evaluate_side(const side& s) const {
    side_value out;
    try {
      out.tree = expr::parse_latex(s.text, symbols_, {s.where.line, s.where.column});
    } catch (const expr::parse_error& e) {
      out.why = "not read: " + e.message;
      return out;
    }
    if (has_derivative(*out.tree)) {
      out.why = "a derivative, checked only where its symbols have no values";
      return out;
    }
    std::vector<std::string> missing;
    for (const auto& name : expr::free_names(*out.tree))
      if (!values_.count(name)) missing.push_back(name);
    if (!missing.empty()) {
      out.why = "no value for";
      for (const auto& m : missing) out.why += " " + m;
      return out;
    }
    expr::node wide = *out.tree;
    expr::environment<interval> env = values_;
    grade::widen_rounded_numbers(wide, env, exact_);
    try {
      out.value = expr::evaluate<interval>(wide, env, side_limits);
    } catch (const expr::evaluation_error& e) {
      out.why = "not evaluated: " + e.message;
    } catch (const std::exception& e) {
      out.why = std::string("not evaluated: ") + e.what();
    }
    return out;
  }

  // ---- identities: sides with the same symbols and no values, checked at random points ----
  static std::optional<real50> at_point(const expr::node& n, const expr::environment<real50>& env) {
    try {
      return evaluate_with_derivatives(n, env).data.at(0);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }

  // The value of n, a derivative(z, f) in it by a central difference in 50 digits (error near 1e-32).
  static expr::value<real50> evaluate_with_derivatives(const expr::node& n, const expr::environment<real50>& env) {
    if (!has_derivative(n)) return expr::evaluate<real50>(n, env, side_limits);
    expr::node copy = n;
    expr::environment<real50> extended = env;
    replace_derivatives(copy, extended);
    return expr::evaluate<real50>(copy, extended, side_limits);
  }

  static void replace_derivatives(expr::node& n, expr::environment<real50>& env) {
    for (auto& c : n.children) replace_derivatives(c, env);
    if (!(n.kind == expr::node_kind::call && n.text == "derivative")) return;
    const std::string var = n.children[0].text;
    const real50 h("1e-16");
    auto plus = env, minus = env;
    const real50 z = env.at(var).data.at(0);
    plus[var] = expr::value<real50>::scalar(z + h);
    minus[var] = expr::value<real50>::scalar(z - h);
    const real50 slope = (expr::evaluate<real50>(n.children[1], plus, side_limits).data.at(0) -
                          expr::evaluate<real50>(n.children[1], minus, side_limits).data.at(0)) / (2 * h);
    const std::string name = "#d" + std::to_string(env.size());
    env[name] = expr::value<real50>::scalar(slope);
    n.kind = expr::node_kind::name;
    n.text = name;
    n.children.clear();
  }

  // A derivative claim d/dz f(z) = g(z), at random points. Other links between symbols with no values
  // are the steps of solving an equation, true at one point only: those are not checked.
  std::optional<link_status> identity(const expr::node& a, const expr::node& b, link& l) const {
    if (!has_derivative(a) && !has_derivative(b)) return std::nullopt;
    std::set<std::string> fa, fb;
    for (const auto& n : expr::free_names(a))
      if (!values_.count(n)) fa.insert(n);
    for (const auto& n : expr::free_names(b))
      if (!values_.count(n)) fb.insert(n);
    if (fa.empty() || fa != fb) return std::nullopt;
    expr::environment<real50> env;
    for (const auto& [name, v] : values_) {
      expr::value<real50> mid{v.rows, v.cols, {}};
      for (const auto& x : v.data) mid.data.push_back(x.mid());
      env[name] = mid;
    }
    std::mt19937_64 rng(20261201);  // fixed: a check is reproducible byte for byte
    std::uniform_real_distribution<double> draw(-2, 2);
    int tried = 0;
    for (int k = 0; k < 40 && tried < 12; ++k) {
      std::string point;
      for (const auto& name : fa) {
        const double x = std::round(draw(rng) * 1000) / 1000;
        env[name] = expr::value<real50>::scalar(real50(x));
        point += (point.empty() ? "" : ", ") + name + " = " + numeric::to_significant(x, 4);
      }
      const auto va = at_point(a, env), vb = at_point(b, env);
      if (!va || !vb) continue;
      ++tried;
      using boost::multiprecision::abs;
      const real50 scale = std::max({real50(1), real50(abs(*va)), real50(abs(*vb))});
      if (abs(*va - *vb) > real50("1e-25") * scale) {
        l.left_value = numeric::to_significant(*va, 12);
        l.right_value = numeric::to_significant(*vb, 12);
        l.why = "at " + point;
        return link_status::fails;
      }
    }
    if (tried == 0) return std::nullopt;
    l.why = "a derivative in " + std::to_string(fa.size()) + " symbol" + (fa.size() == 1 ? "" : "s") + ", checked at " + std::to_string(tried) +
            " random points";
    return link_status::holds;
  }

  // ---- chains ----
  void define(const std::string& name, const box& v, place where) {
    values_[name] = v;
    symbols_.names[name] = v.is_scalar() ? expr::latex_symbols::shape::scalar : expr::latex_symbols::shape::vector;
    out_.definitions.push_back({name, show(v), where});
  }

  // \sigma(z_1) = \sigma(0.3775): z_1 is 0.3775.
  void define_inside(const std::vector<side_value>& sides, const chain& c) {
    for (std::size_t k = 0; k < sides.size(); ++k) {
      const auto& t = sides[k].tree;
      if (!t || t->kind != expr::node_kind::call || t->children.size() != 1 || t->children[0].kind != expr::node_kind::name) continue;
      const std::string& name = t->children[0].text;
      if (values_.count(name)) continue;
      for (std::size_t j = sides.size(); j-- > k + 1;) {
        const auto& u = sides[j].tree;
        if (!u || u->kind != expr::node_kind::call || u->text != t->text || u->children.size() != 1 || !is_number(u->children[0])) continue;
        expr::node inner = u->children[0];
        expr::environment<interval> env;
        grade::widen_rounded_numbers(inner, env, exact_);
        try {
          define(name, expr::evaluate<interval>(inner, env, side_limits), c.sides[j].where);
        } catch (const std::exception&) {
        }
        break;
      }
    }
  }

  void check_chain(const chain& c) {
    const auto targets = targets_of(c.sides[0], true);
    // a bare name = number (or [names] = [numbers]) defines, exactly: it is the problem's data
    if (!targets.empty() && c.sides.size() == 2 && (c.relations[0] == "=" || c.relations[0] == ":=")) {
      try {
        const auto right = expr::parse_latex(c.sides[1].text, symbols_, {c.sides[1].where.line, c.sides[1].where.column});
        if (is_data(right)) {
          const auto v = expr::evaluate<interval>(right, {}, side_limits);
          if (targets.size() == 1) {
            collect_numbers(right, exact_);
            define(targets[0], v, c.sides[1].where);
            return;
          }
          if (v.size() == targets.size()) {
            collect_numbers(right, exact_);
            for (std::size_t k = 0; k < targets.size(); ++k) define(targets[k], box::scalar(v.data[k]), c.sides[1].where);
            return;
          }
        }
      } catch (const std::exception&) {
      }
    }
    std::vector<side_value> sides;
    for (const auto& s : c.sides) sides.push_back(evaluate_side(s));
    // a chain that starts with one name (re)defines it: its first link is the definition, not a claim
    // (a write-up of several problems reuses h_1 for each network)
    const bool defines = targets.size() == 1;
    define_inside(sides, c);
    // values defined inside the chain change what its sides give
    for (std::size_t k = 0; k < sides.size(); ++k)
      if (!sides[k].value && sides[k].why.rfind("no value", 0) == 0) sides[k] = evaluate_side(c.sides[k]);
    for (std::size_t k = 0; k + 1 < c.sides.size(); ++k) {
      if (k == 0 && defines) continue;  // the name this chain defines: not a claim
      link l;
      l.where = c.sides[k + 1].where;
      l.left = c.sides[k].text;
      l.right = c.sides[k + 1].text;
      l.relation = c.relations[k];
      l.tag = c.tag;
      const auto& a = sides[k];
      const auto& b = sides[k + 1];
      if (a.value) l.left_value = show(*a.value);
      if (b.value) l.right_value = show(*b.value);
      if (l.relation != "=" && l.relation != "approx") {
        l.why = "only = and \\approx are checked";
      } else if (a.value && b.value) {
        l.status = overlaps(*a.value, *b.value) ? link_status::holds : link_status::fails;
        if (l.status == link_status::fails) {
          const int digits = separating_digits(*a.value, *b.value);
          l.left_value = show(*a.value, digits);
          l.right_value = show(*b.value, digits);
        }
      } else if (a.tree && b.tree && !a.value && !b.value) {
        if (const auto s = identity(*a.tree, *b.tree, l)) l.status = *s;
        else l.why = a.why.empty() ? b.why : a.why;
      } else {
        l.why = !a.value ? a.why : b.why;
      }
      out_.links.push_back(std::move(l));
    }
    if (targets.size() == 1) {
      for (std::size_t k = sides.size(); k-- > 1;)
        if (sides[k].value) {
          define(targets[0], *sides[k].value, c.sides[k].where);
          break;
        }
    }
  }

  expr::latex_symbols symbols_;
  expr::environment<interval> values_;
  std::set<std::string> exact_;
  check_result out_;
};

}  // namespace

check_result check_document(const document& d) { return checker().run(d); }

}  // namespace gradecheck::writeup
