#include "gradecheck/grade/follow_through.hpp"

#include "gradecheck/expr/evaluate.hpp"

#include <algorithm>

namespace gradecheck::grade {

using numeric::real50;

namespace {

// An effect below a millionth of the reference's is taken as gone: exact zeros (o1 = t1, h1 = 0)
// leave 1e-40 of rounding, while a real computation from a wrong value keeps far more.
const real50 vanished("1e-6");

std::size_t size_of(const expr::node& n) {
  std::size_t count = 1;
  for (const auto& c : n.children) count += size_of(c);
  return count;
}

void substitute(expr::node& n, const cases::case_file& c, const std::function<bool(const std::string&)>& is_input, std::size_t& budget) {
  if (n.kind == expr::node_kind::name && !is_input(n.text) && !c.is_given(n.text)) {
    if (const auto* q = c.find(n.text)) {
      const std::size_t cost = size_of(q->expression);
      if (cost > budget) return;
      budget -= cost;
      n = q->expression;
      substitute(n, c, is_input, budget);
      return;
    }
  }
  for (auto& child : n.children) substitute(child, c, is_input, budget);
}

std::optional<point_value> value_at(const expr::node& step, const expr::environment<real50>& env) {
  try {
    return expr::evaluate<real50>(step, env);
  } catch (const expr::evaluation_error&) {
    return std::nullopt;
  }
}

// The largest change of any entry of the step, in units of that entry's tolerance, when entry k of
// input x moves by `by` either way: a whole move, not a derivative, so that a step at a stationary
// point of one of its inputs (y (1 - y) at y = 1/2) still depends on it.
std::optional<real50> effect(const expr::node& step, expr::environment<real50> env, const point_value& here, const std::string& x, std::size_t k,
                             const real50& by, const std::vector<real50>& half_widths) {
  using boost::multiprecision::abs;
  const real50 at = env.at(x).data[k];
  std::optional<real50> most;
  for (const real50& moved : {at + by, at - by}) {
    env[x].data[k] = moved;
    const auto there = value_at(step, env);
    if (!there || there->size() != half_widths.size()) continue;
    real50 change = 0;
    for (std::size_t j = 0; j < half_widths.size(); ++j) change = std::max(change, abs(there->data[j] - here.data[j]) / half_widths[j]);
    most = most ? std::max(*most, change) : change;
  }
  return most;
}

}  // namespace

expr::node inlined(const expr::node& step, const cases::case_file& c, const std::function<bool(const std::string&)>& is_input, std::size_t max_nodes) {
  expr::node out = step;
  std::size_t budget = max_nodes;
  substitute(out, c, is_input, budget);
  return out;
}

std::optional<diagnosis> removes_the_work(const expr::node& step, const expr::environment<real50>& student, const expr::environment<real50>& reference,
                                          const std::vector<real50>& half_widths) {
  using boost::multiprecision::abs;
  const auto here = value_at(step, student), there = value_at(step, reference);
  if (!here || !there || here->size() != half_widths.size() || there->size() != half_widths.size()) return std::nullopt;
  // a result of 0 where the reference's is not: the work is gone (loss = 0 from o1 = t1)
  bool zero_here = true, zero_there = true;
  for (std::size_t j = 0; j < half_widths.size(); ++j) {
    zero_here = zero_here && abs(here->data[j]) <= abs(there->data[j]) * vanished;
    zero_there = zero_there && abs(there->data[j]) < half_widths[j];
  }
  if (zero_here && !zero_there) return diagnosis{mistake::trivial_step, {{"input", ""}}};
  // an input the step no longer responds to (z3 = w5 h1 + ... with h1 = 0 does not respond to w5)
  for (const auto& x : expr::free_names(step)) {
    const auto s = student.find(x), r = reference.find(x);
    if (s == student.end() || r == reference.end() || s->second.size() != r->second.size()) continue;
    for (std::size_t k = 0; k < s->second.size(); ++k) {
      const real50 by = std::max(abs(s->second.data[k]), abs(r->second.data[k]));
      if (by == 0) continue;
      const auto at_reference = effect(step, reference, *there, x, k, by, half_widths);
      const auto at_student = effect(step, student, *here, x, k, by, half_widths);
      if (at_reference && at_student && *at_reference >= 1 && *at_student < *at_reference * vanished)
        return diagnosis{mistake::trivial_step, {{"input", x}}};
    }
  }
  // an input returned as it came: the "update" that leaves its parameter where it was
  for (const auto& x : expr::free_names(step)) {
    const auto s = student.find(x), r = reference.find(x);
    if (s == student.end() || r == reference.end() || s->second.rows != here->rows || s->second.cols != here->cols) continue;
    bool moves_there = false, still_here = true;
    for (std::size_t j = 0; j < half_widths.size(); ++j) {
      const real50 reference_move = abs(there->data[j] - r->second.data[j]);
      moves_there = moves_there || reference_move >= half_widths[j];
      still_here = still_here && abs(here->data[j] - s->second.data[j]) <= reference_move * vanished;
    }
    if (moves_there && still_here) return diagnosis{mistake::unchanged_update, {{"parameter", x}}};
  }
  return std::nullopt;
}

}  // namespace gradecheck::grade
