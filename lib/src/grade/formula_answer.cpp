#include "gradecheck/grade/formula_answer.hpp"

#include "gradecheck/formula/check.hpp"
#include "gradecheck/formula/trajectory_check.hpp"
#include "gradecheck/grade/diagnose.hpp"

#include <algorithm>
#include <set>

namespace gradecheck::grade {

prepared_formulas prepare_formulas(const cases::case_file& c) {
  return formula::prepare_all(c.domain, c.formulas, c.id);
}

namespace {

// The symbols a formula answer may use: the domain's, and the other answers that have a reference formula.
std::vector<std::string> symbols_for(const cases::case_file& c, const formula::question& q) {
  auto out = c.domain.symbols();
  for (const auto& other : c.formulas)
    if (other.name != q.name && other.reference) out.push_back(other.name);
  return out;
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

// Why a formula cannot be read: names and functions the question does not know, with a hint for y_i.
std::string unreadable_because(const cases::case_file& c, const formula::question& q, const expr::node& answer) {
  const auto symbols = symbols_for(c, q);
  std::string why;
  for (const auto& name : formula::unknown_names(answer, symbols)) {
    why += (why.empty() ? "" : "; ") + std::string("unknown name '") + name + "'";
    const auto cut = name.rfind('_');
    if (cut != std::string::npos) {
      const std::string base = name.substr(0, cut), index = name.substr(cut + 1);
      if (std::find(symbols.begin(), symbols.end(), base) != symbols.end() && std::find(symbols.begin(), symbols.end(), index) != symbols.end())
        why += " (write " + base + "[" + index + "] for entry " + index + " of " + base + ")";
    }
    if (name == q.name) why += " (an answer cannot use itself)";
  }
  for (const auto& f : formula::unknown_functions(answer)) why += (why.empty() ? "" : "; ") + std::string("unknown function '") + f + "'";
  if (!why.empty()) why += "; the symbols of this question are: " + listed(c.domain.symbols()) + (symbols.size() > c.domain.symbols().size() ? " and the names of the other answers" : "");
  return why;
}

// The mistakes the case names for q, then one-edit variants of its reference formula,
// each with the mistake it stands for.
std::vector<formula::alternative> alternatives_for(const cases::case_file& c, const formula::question& q, std::vector<diagnosis>& meaning) {
  std::vector<formula::alternative> out;
  for (const auto& m : c.mistakes)
    if (m.quantity == q.name) {
      out.push_back({m.expression, true});
      meaning.push_back({mistake::named_mistake, {{"feedback", m.feedback}}});
    }
  if (!q.reference) return out;
  const auto symbols = c.domain.symbols();
  std::vector<std::string> scalars;
  for (const auto& v : c.domain.variables)
    if (v.shape.empty()) scalars.push_back(v.name);
  const auto variants = one_edit_variants(
      q.reference->tree,
      [&](const std::string& n) {
        // names of the same kind: W1 and W2, or two indices over the same size (i for j)
        const auto size_of = [&](const std::string& index) -> std::string {
          for (const auto& i : c.domain.indices)
            if (i.name == index) return i.size;
          return "";
        };
        std::vector<std::string> like;
        for (const auto& s : symbols)
          if (s != n && (size_of(n).empty() ? name_kind(s) == name_kind(n) : size_of(s) == size_of(n))) like.push_back(s);
        return like;
      },
      [&](const std::string& n) { return std::any_of(c.domain.variables.begin(), c.domain.variables.end(), [&](const auto& v) { return v.name == n; }); },
      scalars, 60);
  for (const auto& v : variants) {
    out.push_back({v.expression, false});
    meaning.push_back(v.what);
  }
  return out;
}

graded grade_one(const cases::case_file& c, const formula::prepared_question& p, const answer* a, std::size_t& evaluations,
                 const std::string& trajectory_note) {
  const formula::question& q = *p.q;
  graded g;
  g.name = q.name;
  g.is_formula = true;
  g.compared.reference = q.reference ? q.reference->text : q.derivative_text();
  g.compared.tolerance = "equal to eps^(1/2) of 50-digit arithmetic (25 digits) at " + std::to_string(p.samples.size()) + " points" +
                         (q.derivative_of ? ", as the derivative " + q.derivative_text() : "");
  if (!a) {
    g.outcome = verdict::missing;
    return g;
  }
  g.student = a->text;
  g.read_as = a->read_as;
  g.readings = a->readings;
  g.where = a->where;
  g.cell = a->cell;
  if (!a->readable) {
    g.outcome = verdict::unreadable;
    g.problem = a->problem;
    return g;
  }
  if (!a->conflicting_text.empty()) {
    g.outcome = verdict::wrong;
    g.diagnoses.push_back({mistake::two_answers, {{"lines", std::to_string(a->where.line) + " and " + std::to_string(a->conflicting_line)},
                                                  {"other", a->conflicting_text}}});
    return g;
  }
  if (const auto why = unreadable_because(c, q, a->value); !why.empty()) {
    g.outcome = verdict::unreadable;
    g.problem = why;
    return g;
  }
  std::vector<diagnosis> meaning;
  const auto alternatives = alternatives_for(c, q, meaning);
  const auto r = formula::check(p, a->value, alternatives);
  evaluations += r.evaluations;
  g.compared.points = r.points;
  g.compared.example = r.example;
  g.compared.trajectory = trajectory_note;
  const auto shapes = [&](mistake kind) { return diagnosis{kind, {{"expected", r.expected_shape}, {"got", r.got_shape}}}; };
  switch (r.what) {
    case formula::finding::agrees: g.outcome = verdict::correct; break;
    case formula::finding::negated:
      g.outcome = verdict::sign_error;
      g.diagnoses.push_back({mistake::negated, {}});
      break;
    case formula::finding::scaled:
      g.outcome = verdict::factor_error;
      g.diagnoses.push_back({mistake::scaled, {{"factor", r.factor}}});
      break;
    case formula::finding::transposed:
      g.outcome = verdict::shape_error;
      g.diagnoses.push_back(shapes(mistake::transposed));
      break;
    case formula::finding::wrong_shape:
      g.outcome = verdict::shape_error;
      g.diagnoses.push_back(r.expected_shape.empty() ? diagnosis{mistake::shapes_clash, {}} : shapes(mistake::wrong_size));
      break;
    case formula::finding::alternative:
      g.diagnoses.push_back(meaning[r.alternative]);
      if (alternatives[r.alternative].named) {
        g.outcome = verdict::known_mistake;
      } else {
        g.outcome = meaning[r.alternative].kind == mistake::term_negated ? verdict::sign_error : verdict::wrong;
        g.compared.reproduced_by = expr::to_string(alternatives[r.alternative].expression);
      }
      break;
    case formula::finding::undefined:
      g.outcome = verdict::wrong;
      g.diagnoses.push_back({mistake::undefined_at_point, {}});
      break;
    case formula::finding::differs:
      g.outcome = verdict::wrong;
      if (r.too_costly) g.diagnoses.push_back({mistake::too_costly, {}});
      break;
  }
  return g;
}

}  // namespace

std::map<std::string, graded> grade_formula_answers(const cases::case_file& c, const prepared_formulas& prepared, const submission& s,
                                                    std::size_t& evaluations) {
  const auto answer_of = [&](const std::string& name) -> const answer* {
    const auto it = s.answers.find(name);
    return it == s.answers.end() ? nullptr : &it->second;
  };
  const auto usable = [&](const std::string& name) {
    const auto* a = answer_of(name);
    const auto* q = c.find_formula(name);
    return a && a->readable && q && unreadable_because(c, *q, a->value).empty();
  };

  // An update rule is judged first by the trajectory it produces.
  std::optional<formula::trajectory_result> run;
  std::string trajectory_note;
  if (c.trajectory && usable(c.trajectory->new_velocity) && usable(c.trajectory->new_parameter)) {
    run = formula::check_trajectory(c.domain, *c.trajectory, answer_of(c.trajectory->new_velocity)->value,
                                    answer_of(c.trajectory->new_parameter)->value, c.id);
    if (!run->matches) trajectory_note = run->counterexample;
  }

  std::map<std::string, graded> out;
  for (const auto& q : c.formulas) {
    const bool asked = std::any_of(c.ask.begin(), c.ask.end(), [&](const cases::asked& a) { return a.name == q.name; });
    if (!asked && !answer_of(q.name)) continue;
    const bool in_trajectory = c.trajectory && (q.name == c.trajectory->new_velocity || q.name == c.trajectory->new_parameter);
    graded g = grade_one(c, prepared.at(q.name), answer_of(q.name), evaluations, in_trajectory ? trajectory_note : "");
    if (in_trajectory && run && run->matches && g.outcome != verdict::correct) {
      g.compared.same_method_as_optimizer = true;  // the same method, with the velocity scaled differently
      g.diagnoses.clear();
      g.outcome = verdict::correct;
    }
    out[q.name] = std::move(g);
  }
  // Right in terms of another answer that is wrong: carried forward.
  for (auto& [name, g] : out) {
    if (g.outcome != verdict::correct || !answer_of(name)) continue;
    for (const auto& used : expr::free_names(answer_of(name)->value)) {
      const auto it = out.find(used);
      if (it == out.end() || used == name || it->second.outcome == verdict::correct) continue;
      g.outcome = verdict::carried_forward;
      g.compared.follows_from = {used};
      break;
    }
  }
  return out;
}

}  // namespace gradecheck::grade
