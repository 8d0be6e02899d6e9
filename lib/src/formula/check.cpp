#include "gradecheck/formula/check.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace gradecheck::formula {

using numeric::real50;

namespace {

// The value of a formula at one point, or why it has none.
struct outcome {
  std::optional<value50> value;
  std::string error;
  bool shape_problem = false;  ///< the error is about shapes, not about the point (a division by zero)
};

// An answer that uses indices the question does not (dL_dx = gamma*dL_dy[i]/sqrt(var) + ...
// for the vector dL_dx) is an entry formula: it is evaluated at every value of those
// indices and the entries assembled, the first index along rows.
struct free_indices {
  std::vector<std::string> names;  ///< at most two
  std::vector<std::string> sizes;  ///< the size each runs below
};

value50 evaluate_answer(const expr::node& n, const expr::environment<real50>& env, const free_indices& free,
                        const expr::evaluation_limits& limits, std::size_t& spent) {
  if (free.names.empty()) return expr::evaluate(n, env, limits, spent);
  const auto count = [&](std::size_t k) { return static_cast<std::size_t>(env.at(free.sizes[k]).data[0]); };
  const std::size_t rows = count(0), cols = free.names.size() == 2 ? count(1) : 1;
  value50 out{rows, cols, std::vector<real50>(rows * cols)};
  auto at = env;
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) {
      at[free.names[0]] = value50::scalar(real50(static_cast<long>(r)));
      if (free.names.size() == 2) at[free.names[1]] = value50::scalar(real50(static_cast<long>(c)));
      const auto v = expr::evaluate(n, at, limits, spent);
      if (!v.is_scalar())
        throw expr::evaluation_error(n.where, "with " + free.names[0] + (free.names.size() == 2 ? " and " + free.names[1] : "") +
                                                  " free, the formula must give one number per entry, got " + expr::shape_name(v));
      out.at(r, c) = v.data[0];
    }
  return out;
}

outcome evaluate_at(const expr::node& n, const expr::environment<real50>& env, const free_indices& free, const expr::evaluation_limits& limits,
                    std::size_t& spent) {
  try {
    return {evaluate_answer(n, env, free, limits, spent), "", false};
  } catch (const expr::evaluation_error& e) {
    return {std::nullopt, e.message, e.kind == expr::error_kind::shape};
  }
}

value50 times(value50 v, const real50& c) {
  for (auto& x : v.data) x *= c;
  return v;
}

bool same_shape(const value50& a, const value50& b) { return a.rows == b.rows && a.cols == b.cols; }

// "3x2": rows by columns, as the shape diagnosis writes it.
std::string dims(const value50& v) { return std::to_string(v.rows) + "x" + std::to_string(v.cols); }

// The scalings a mistake commonly introduces: constants, then each scalar symbol and its inverse.
struct scaling {
  std::string description;
  std::optional<real50> constant;
  std::string symbol;
  bool inverse = false;
};

std::vector<scaling> scalings(const domain& d) {
  std::vector<scaling> out{{"2", real50(2), "", false},
                           {"1/2", real50(1) / 2, "", false},
                           {"10", real50(10), "", false},
                           {"1/10", real50(1) / 10, "", false}};
  for (const auto& s : d.sizes) {
    out.push_back({s.name, std::nullopt, s.name, false});
    out.push_back({"1/" + s.name, std::nullopt, s.name, true});
  }
  for (const auto& v : d.variables)
    if (v.shape.empty() && v.type == variable::kind::uniform) {
      out.push_back({v.name, std::nullopt, v.name, false});
      out.push_back({"1/" + v.name, std::nullopt, v.name, true});
    }
  return out;
}

}  // namespace

std::vector<std::string> unknown_names(const expr::node& n, const std::vector<std::string>& symbols) {
  std::vector<std::string> out;
  for (const auto& name : expr::free_names(n))
    if (std::find(symbols.begin(), symbols.end(), name) == symbols.end()) out.push_back(name);
  return out;
}

std::vector<std::string> unknown_functions(const expr::node& n) {
  std::set<std::string> out;
  const auto& known = expr::function_names();
  const auto walk = [&](const auto& self, const expr::node& m) -> void {
    if (m.kind == expr::node_kind::call && std::find(known.begin(), known.end(), m.text) == known.end()) out.insert(m.text);
    for (const auto& c : m.children) self(self, c);
  };
  walk(walk, n);
  return {out.begin(), out.end()};
}

namespace {

// The indices the question itself uses: in its reference, its forward function and its entry.
std::set<std::string> question_names(const question& q) {
  std::set<std::string> used;
  if (q.reference) used.merge(expr::free_names(q.reference->tree));
  if (q.derivative_of) used.merge(expr::free_names(q.derivative_of->tree));
  for (const auto& e : q.entry) used.merge(expr::free_names(e));
  return used;
}

free_indices free_in(const domain& d, const question& q, const expr::node& n) {
  const auto own = question_names(q), used = expr::free_names(n);
  free_indices out;
  for (const auto& i : d.indices)
    if (used.count(i.name) && !own.count(i.name) && out.names.size() < 2) {
      out.names.push_back(i.name);
      out.sizes.push_back(i.size);
    }
  return out;
}

}  // namespace

result check(const prepared_question& p, const expr::node& answer, const std::vector<alternative>& alternatives, const check_limits& limits) {
  result out;
  const auto& samples = p.samples;
  out.points = samples.size();
  // an entry formula for a vector question has free indices; for a scalar question it has none that count
  const bool whole = !samples.empty() && !samples[0].expected.value.is_scalar();
  const free_indices free = whole ? free_in(*p.d, *p.q, answer) : free_indices{};
  std::vector<outcome> got;
  got.reserve(samples.size());
  // one budget for every evaluation of the (untrusted) answer; the case's alternatives get a fresh one each
  const expr::evaluation_limits bounds{limits.max_entries, limits.max_operations};
  std::size_t spent = 0;
  for (const auto& s : samples) got.push_back(evaluate_at(answer, *s.env, free, bounds, spent));
  out.evaluations = samples.size();
  if (spent > limits.max_operations) {
    out.what = finding::differs;
    out.too_costly = true;
    return out;
  }

  std::optional<std::size_t> first_failure;
  for (std::size_t k = 0; k < samples.size() && !first_failure; ++k)
    if (!got[k].value || !agree(*got[k].value, samples[k].expected)) first_failure = k;
  if (!first_failure) {
    out.what = finding::agrees;
    return out;
  }

  // A hypothesis holds when the formula has a value at every point and it is the hypothesis' value.
  const auto holds = [&](const auto& target_at) {
    for (std::size_t k = 0; k < samples.size(); ++k) {
      if (!got[k].value) return false;
      const std::optional<value50> target = target_at(k);
      if (!target || !agree(*got[k].value, {*target, samples[k].expected.allowance})) return false;
    }
    return true;
  };

  std::optional<std::size_t> shape_mismatch;
  for (std::size_t k = 0; k < samples.size(); ++k) {
    if (!got[k].value) continue;
    if (!shape_mismatch && !same_shape(*got[k].value, samples[k].expected.value)) shape_mismatch = k;
  }
  if (shape_mismatch) {
    const value50& s = *got[*shape_mismatch].value;
    const value50& r = samples[*shape_mismatch].expected.value;
    const bool swapped = s.rows == r.cols && s.cols == r.rows;
    const bool transposes = swapped && holds([&](std::size_t k) { return std::optional(expr::transposed(samples[k].expected.value)); });
    out.what = transposes ? finding::transposed : finding::wrong_shape;
    out.expected_shape = dims(r);
    out.got_shape = dims(s);
    first_failure = shape_mismatch;
  } else if (const auto bad = std::find_if(got.begin(), got.end(), [](const outcome& o) { return o.shape_problem; }); bad != got.end()) {
    // cannot be evaluated for some sizes (a K-vector .* a D-vector): a shape error even where the sizes happen to fit
    out.what = finding::wrong_shape;  // no shapes: the counterexample says which clash
    first_failure = static_cast<std::size_t>(bad - got.begin());
  } else {
    out.what = finding::differs;
    const auto try_alternatives = [&](bool named) {
      for (std::size_t a = 0; a < alternatives.size() && out.what == finding::differs; ++a) {
        if (alternatives[a].named != named) continue;
        const free_indices alt_free = whole ? free_in(*p.d, *p.q, alternatives[a].expression) : free_indices{};
        if (holds([&](std::size_t k) {
              std::size_t own = 0;
              return evaluate_at(alternatives[a].expression, *samples[k].env, alt_free, bounds, own).value;
            })) {
          out.what = finding::alternative;
          out.alternative = a;
        }
        out.evaluations += samples.size();
      }
    };
    const auto& r0 = samples[*first_failure].expected.value;
    try_alternatives(true);
    if (out.what == finding::differs && holds([&](std::size_t k) { return std::optional(times(samples[k].expected.value, real50(-1))); }))
      out.what = finding::negated;
    if (out.what == finding::differs && r0.rows == r0.cols && !r0.is_scalar() &&
        holds([&](std::size_t k) { return std::optional(expr::transposed(samples[k].expected.value)); })) {
      out.what = finding::transposed;
      out.expected_shape = out.got_shape = dims(r0);
    }
    for (const auto& sc : scalings(*p.d)) {
      if (out.what != finding::differs) break;
      const auto factor_at = [&](std::size_t k) -> std::optional<real50> {
        if (sc.constant) return sc.constant;
        const auto& v = samples[k].env->at(sc.symbol).data[0];
        if (v == 0) return std::nullopt;
        return sc.inverse ? real50(1 / v) : v;
      };
      bool somewhere_not_one = false;  // a factor that is 1 at every point explains nothing
      if (holds([&](std::size_t k) -> std::optional<value50> {
            const auto f = factor_at(k);
            if (!f) return std::nullopt;
            somewhere_not_one = somewhere_not_one || *f != 1;
            return times(samples[k].expected.value, *f);
          }) &&
          somewhere_not_one) {
        out.what = finding::scaled;
        out.factor = sc.description;
      }
    }
    if (out.what == finding::differs) try_alternatives(false);
    if (out.what == finding::differs) {
      bool defined_ones_agree = true;
      for (std::size_t k = 0; k < samples.size(); ++k)
        if (got[k].value && !agree(*got[k].value, samples[k].expected)) defined_ones_agree = false;
      if (defined_ones_agree) out.what = finding::undefined;
    }
  }

  // Shrink the first failing point while the formula still fails there.
  struct trial {
    point at;
    expr::environment<real50> env;
    expectation expected;
    outcome got;
  };
  const bool keep_shape_error = got[*first_failure].shape_problem;
  trial best{samples[*first_failure].at, *samples[*first_failure].env, samples[*first_failure].expected, got[*first_failure]};
  const auto fails_at = [&](const point& candidate) -> std::optional<trial> {
    try {
      auto env = environment_at(*p.d, *p.all, candidate);
      if (!satisfies(*p.d, env)) return std::nullopt;
      auto expected = expected_value(*p.d, *p.q, env);
      auto o = evaluate_at(answer, env, free, bounds, spent);
      ++out.evaluations;
      if (o.value && agree(*o.value, expected)) return std::nullopt;
      if (keep_shape_error && !o.shape_problem) return std::nullopt;  // shrink to a smaller point with the same failure
      return trial{candidate, std::move(env), std::move(expected), std::move(o)};
    } catch (const expr::evaluation_error&) {
      return std::nullopt;  // the reference is undefined there: not a point of the domain
    }
  };
  std::size_t tried = 0;
  for (bool progress = true; progress && tried < limits.shrink_steps;) {
    progress = false;
    for (const auto& candidate : simpler(*p.d, best.at)) {
      if (++tried > limits.shrink_steps) break;
      if (auto t = fails_at(candidate)) {
        best = std::move(*t);
        progress = true;
        break;
      }
    }
  }

  // The derivative at the counterexample, by finite differences when the question has a forward function.
  value50 truth = best.expected.value;
  if (p.q->derivative_of) {
    try {
      truth = finite_difference(*p.d, *p.q, best.env).value;
    } catch (const expr::evaluation_error&) {
    }
  }
  std::set<std::string> used = expr::free_names(answer);
  used.merge(question_names(*p.q));
  for (auto q = p.all->rbegin(); q != p.all->rend(); ++q)  // other answers bring what their reference uses
    if (used.count(q->name) && q->reference) used.merge(expr::free_names(q->reference->tree));
  for (const auto& f : free.names) used.erase(f);  // an entry formula's free index runs over every entry
  const std::string at = describe(*p.d, best.at, depends_on(*p.d, {used.begin(), used.end()}));
  std::string there;
  for (const auto& name : expr::free_names(answer)) {
    const bool defined = std::any_of(p.d->define.begin(), p.d->define.end(), [&](const auto& a) { return a.name == name; }) ||
                         std::any_of(p.all->begin(), p.all->end(), [&](const question& q) { return q.name == name && q.reference; });
    if (defined && best.env.count(name)) there += (there.empty() ? "" : ", ") + name + " = " + show(best.env.at(name));
  }
  if (best.got.value && (out.what == finding::transposed || out.what == finding::wrong_shape) &&
      !same_shape(*best.got.value, best.expected.value)) {
    out.expected_shape = dims(best.expected.value);
    out.got_shape = dims(*best.got.value);
  }
  out.example = counterexample{at, there, best.got.value ? show(*best.got.value) : "", best.got.value ? "" : best.got.error, show(truth),
                               p.q->derivative_of.has_value()};
  return out;
}

}  // namespace gradecheck::formula
