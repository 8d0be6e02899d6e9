#include "gradecheck/grade/scoring.hpp"

#include "gradecheck/expr/parser.hpp"

#include <algorithm>
#include <functional>

namespace gradecheck::grade {

namespace {

// Names in order of first appearance.
void names_in_order(const expr::node& n, std::vector<std::string>& out) {
  if (n.kind == expr::node_kind::name && std::find(out.begin(), out.end(), n.text) == out.end()) out.push_back(n.text);
  for (const auto& c : n.children) names_in_order(c, out);
}

// The expression with each name replaced by its place among the names of `step`: w1 - eta*dL_dw1
// and b1 - eta*dL_db1 both read $0 - $1*$2.
std::string by_place(const expr::node& e, const std::vector<std::string>& places) {
  expr::node copy = e;
  const std::function<void(expr::node&)> rename = [&](expr::node& n) {
    if (n.kind == expr::node_kind::name) {
      const auto at = std::find(places.begin(), places.end(), n.text);
      n.text = at == places.end() ? n.text : "$" + std::to_string(at - places.begin());
    }
    for (auto& c : n.children) rename(c);
  };
  rename(copy);
  return expr::to_string(copy);
}

// A parameter read by place when it is an expression over the step's names; kept as written otherwise.
std::string param_by_place(const std::string& text, const std::vector<std::string>& places) {
  try {
    return by_place(expr::parse_expression(text, {}), places);
  } catch (const expr::parse_error&) {
    return text;
  }
}

// Mistakes that are the student's own choice of computation, repeated step after step.
bool chargeable(const graded& g) {
  if (g.diagnoses.empty() || g.is_formula) return false;
  switch (g.diagnoses.front().kind) {
    case mistake::negated:
    case mistake::term_negated:
    case mistake::scaled:
    case mistake::named_mistake:
    case mistake::swapped:
    case mistake::replaced:
    case mistake::term_dropped:
    case mistake::value_for_derivative:
    case mistake::given_left_out:
    case mistake::given_repeated:
    case mistake::transposed: return true;
    default: return false;
  }
}

std::string part_of(const cases::case_file& c, const std::string& name) {
  for (const auto& p : c.parts)
    if (std::find(p.quantities.begin(), p.quantities.end(), name) != p.quantities.end()) return p.name;
  return "";
}

}  // namespace

std::string form_of(const expr::node& step) {
  std::vector<std::string> places;
  names_in_order(step, places);
  return by_place(step, places);
}

void charge_repeated_mistakes_once(const cases::case_file& c, std::vector<graded>& results) {
  struct charged {
    std::string part, form, mistake, quantity;
  };
  std::vector<charged> seen;
  for (auto& g : results) {
    if (!chargeable(g)) continue;
    const auto* q = c.find(g.name);
    if (!q) continue;
    std::vector<std::string> places;
    names_in_order(q->expression, places);
    const std::string part = part_of(c, g.name), form = form_of(q->expression);
    // every explanation of this number, read by place: the same mistake in a parallel step reads the same
    std::vector<std::string> keys;
    for (const auto& d : g.diagnoses) {
      std::string key(name_of(d.kind));
      for (const auto& [k, v] : d.params) key += ";" + k + "=" + param_by_place(v, places);
      keys.push_back(key);
    }
    const charged* before = nullptr;
    std::size_t which = 0;
    for (std::size_t k = 0; k < keys.size() && !before; ++k)
      for (const auto& s : seen)
        if (s.part == part && s.form == form && s.mistake == keys[k]) {
          before = &s;
          which = k;
          break;
        }
    if (!before) {
      for (const auto& key : keys) seen.push_back({part, form, key, g.name});
      continue;
    }
    g.outcome = verdict::repeated_mistake;
    g.compared.charged_at = before->quantity;
    std::rotate(g.diagnoses.begin(), g.diagnoses.begin() + static_cast<long>(which), g.diagnoses.begin() + static_cast<long>(which) + 1);
    for (auto& e : g.entries)
      if (!accepted(e.outcome) && e.outcome != verdict::imprecise) e.outcome = verdict::repeated_mistake;
  }
}

void score(const cases::case_file& c, const credit_policy& credit, report& r) {
  for (auto& g : r.results) {
    const auto* a = c.find_asked(g.name);
    g.max_score = a ? a->points : 0;
    if (g.entries.empty()) {
      g.score = g.max_score * credit.of(g.outcome);
    } else {
      double sum = 0;
      for (const auto& e : g.entries) sum += credit.of(e.outcome);
      g.score = g.max_score * sum / static_cast<double>(g.entries.size());
    }
    r.score += g.score;
    r.max_score += g.max_score;
    r.unreadable = r.unreadable || g.outcome == verdict::unreadable;
  }
  for (const auto& p : c.parts) {
    part_score ps{p.name, 0, 0};
    for (const auto& g : r.results)
      if (std::find(p.quantities.begin(), p.quantities.end(), g.name) != p.quantities.end()) {
        ps.score += g.score;
        ps.max_score += g.max_score;
      }
    r.parts.push_back(ps);
  }
}

}  // namespace gradecheck::grade
