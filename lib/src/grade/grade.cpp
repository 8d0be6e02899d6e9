#include "gradecheck/grade/grade.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/grade/diagnose.hpp"
#include "gradecheck/grade/follow_through.hpp"
#include "gradecheck/grade/formula_answer.hpp"
#include "gradecheck/grade/scoring.hpp"
#include "gradecheck/grade/tolerance.hpp"
#include "gradecheck/numeric/format.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace gradecheck::grade {

namespace {

using numeric::interval;
using numeric::real50;

std::string show(const real50& x, int digits) { return numeric::to_significant(x, digits); }

std::string show(const point_value& v, int digits) {
  if (v.is_scalar()) return show(v.data[0], digits);
  std::string out = "[";
  for (std::size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + show(v.data[k], digits);
  return out + "]";
}

std::string show(const box_value& v) {
  std::string out;
  for (std::size_t k = 0; k < v.size(); ++k)
    out += (k ? ", " : "") + std::string("[") + show(v.data[k].lo, 8) + ", " + show(v.data[k].hi, 8) + "]";
  return v.size() == 1 ? out : "[" + out + "]";
}

// The precision the problem asks for, as parameters: {tolerance = decdig, digits = 4}.
std::map<std::string, std::string> asked_precision(const cases::tolerance& t) {
  switch (t.type) {
    case cases::tolerance::kind::decdig: return {{"tolerance", "decdig"}, {"digits", std::to_string(t.digits)}};
    case cases::tolerance::kind::sigfig: return {{"tolerance", "sigfig"}, {"digits", std::to_string(t.digits)}};
    case cases::tolerance::kind::relabs: return {{"tolerance", "relabs"}, {"rtol", numeric::to_general(t.rtol)}, {"atol", numeric::to_general(t.atol)}};
  }
  return {};
}

template <class A, class B>
bool same_shape(const A& a, const B& b) {
  return a.rows == b.rows && a.cols == b.cols;
}

box_value point_box(const point_value& v) {
  box_value b{v.rows, v.cols, {}};
  for (const auto& x : v.data) b.data.push_back(interval(x));
  return b;
}

box_value scaled(const box_value& v, const interval& k) {
  box_value out = v;
  for (auto& x : out.data) x = x * k;
  return out;
}

// Entry k (row-major) of an answer as the student wrote it: the k-th number of a list of numbers or
// of a list of rows (a row written for a column has the same order); 6 digits of its value otherwise.
std::string entry_text(const expr::node& answer, std::size_t k, const real50& value) {
  std::vector<const expr::node*> leaves;
  if (answer.kind == expr::node_kind::list)
    for (const auto& item : answer.children) {
      if (item.kind == expr::node_kind::list)
        for (const auto& x : item.children) leaves.push_back(&x);
      else
        leaves.push_back(&item);
    }
  return k < leaves.size() ? expr::to_string(*leaves[k]) : numeric::to_significant(value, 6);
}

// Is entry k of `target` inside the band [s - w, s + w]?
bool fits(const interval& target, const real50& s, const real50& w) { return target.intersects(interval::around(s, w)); }

bool all_fit(const box_value& target, const point_value& s, const std::vector<real50>& w) {
  if (!same_shape(target, s)) return false;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (!fits(target.data[k], s.data[k], w[k])) return false;
  return true;
}

// The submitted quantities step e reads, directly or through quantities not submitted.
template <class Answered>
std::set<std::string> inputs_of(const expr::node& e, const cases::case_file& c, const Answered& answered) {
  std::set<std::string> out;
  std::function<void(const expr::node&)> walk = [&](const expr::node& n) {
    if (n.kind == expr::node_kind::name) {
      if (answered(n.text)) {
        out.insert(n.text);
      } else if (const auto* q = c.find(n.text); q && !c.is_given(n.text)) {
        walk(q->expression);
      }
    }
    for (const auto& child : n.children) walk(child);
  };
  walk(e);
  return out;
}

// The report's account of the file, before any answer is graded.
report report_of(const cases::case_file& c, const submission& s) {
  report r;
  r.case_id = c.id;
  r.submission = s.path.string();
  r.issues = s.issues;
  r.bindings = s.bindings;
  r.unbound = s.unbound;
  r.section = s.section;
  r.unreadable = s.unreadable_file;
  return r;
}

// What every grade of quantity q starts from: the reference as printed, the tolerance and step.
graded started(const std::map<std::string, cases::printed>& shown, const expr::assignment& q, const expr::value<real50>& value,
               const cases::tolerance& tol) {
  graded g;
  g.name = q.name;
  const auto printed = shown.find(q.name);
  g.compared.reference = printed != shown.end() ? printed->second.text() : show(value, 12);
  g.compared.tolerance = describe(tol);
  g.compared.expression = expr::to_string(q.expression);
  return g;
}

// The answer as written, in the grade.
void copy_answer(graded& g, const answer& a) {
  g.student = a.text;
  g.read_as = a.read_as;
  g.readings = a.readings;
  g.where = a.where;
  g.cell = a.cell;
}

// Every asked number answered by a plain number accepted at sight, and nothing else answered:
// the report the grader would make (each answer correct, nothing evaluated), or nothing.
std::optional<report> accepted_throughout(const reference& ref, const submission& s, const grading_options& options) {
  const auto& c = *ref.c;
  if (s.unreadable_file || !c.formulas.empty() || s.answers.size() != c.ask.size()) return std::nullopt;
  std::vector<const answer*> answers;
  answers.reserve(c.ask.size());
  for (std::size_t k = 0; k < c.ask.size(); ++k) {
    const auto answer = s.answers.find(c.ask[k].name);
    const auto& sure = ref.at_sight.answers[k];
    if (answer == s.answers.end() || !sure || !answer->second.readable || !answer->second.conflicting_text.empty() ||
        !accepted_at_sight(*sure, answer->second.value))
      return std::nullopt;
    answers.push_back(&answer->second);
  }
  report r = report_of(c, s);
  r.results.reserve(c.ask.size());
  for (std::size_t k = 0; k < c.ask.size(); ++k) {
    graded& g = r.results.emplace_back(ref.started.at(c.ask[k].name));
    copy_answer(g, *answers[k]);
    for (const auto& d : ref.inputs_when_all_answered[k]) g.compared.used[d] = s.answers.at(d).text;
    g.outcome = verdict::correct;
  }
  charge_repeated_mistakes_once(c, r.results);
  score(c, options.credit, r);
  return r;
}

class grader {
 public:
  grader(const reference& ref, const submission& s, const grading_options& options) : ref_(ref), c_(*ref.c), s_(s), options_(options) {}

  report run() {
    report r = report_of(c_, s_);
    read_answers();
    expr::environment<interval> world;
    for (const auto& g : c_.given) {
      world[g.name] = point_box(ref_.values.at(g.name));
      student_[g.name] = ref_.values.at(g.name);
    }
    // The same, but with the student's isolated slips (wrong answers that do not follow from
    // their own earlier numbers) replaced by what their own steps give.
    mended_ = world;
    std::map<std::string, graded> results;
    for (const auto& q : c_.derive) {
      std::optional<box_value> step;
      // an answer within tolerance is right whatever the student's inputs give: its step is not evaluated
      if (!within_tolerance(q.name)) try {
          step = expr::evaluate<interval>(q.expression, world);
        } catch (const expr::evaluation_error&) {
          step.reset();  // the student's inputs leave this step undefined; judged on the reference alone
        }
      if (s_.answers.count(q.name) || c_.find_asked(q.name)) results[q.name] = grade_one(q, step, world);
      const bool usable = answers_.count(q.name) && same_shape(answers_.at(q.name).value, ref_.values.at(q.name));
      world[q.name] = usable ? input_box(q.name) : (step ? *step : point_box(ref_.values.at(q.name)));
      mended_[q.name] = usable && follows_on(q.name) ? input_box(q.name) : mended_step(q);
      student_[q.name] = usable ? answers_.at(q.name).value : student_value(q);
    }
    infer_unasked_intermediates(results);
    if (!c_.formulas.empty())
      for (auto& [name, g] : grade_formula_answers(c_, ref_.formulas, s_, evaluations_)) results[name] = std::move(g);
    for (const auto& a : c_.ask) r.results.push_back(std::move(results.at(a.name)));
    charge_repeated_mistakes_once(c_, r.results);
    score(c_, options_.credit, r);
    r.search_evaluations = evaluations_;
    r.searched_answers = searched_;
    return r;
  }

 private:
  // True when later steps may build on the student's own value of `name`.
  bool follows_on(const std::string& name) const {
    const auto v = verdicts_.find(name);
    return v == verdicts_.end() || accepted(v->second) || v->second == verdict::imprecise;
  }

  box_value mended_step(const expr::assignment& q) const {
    try {
      return expr::evaluate<interval>(q.expression, mended_);
    } catch (const expr::evaluation_error&) {
      return point_box(ref_.values.at(q.name));
    }
  }

  point_value student_value(const expr::assignment& q) const {
    try {
      return expr::evaluate<real50>(q.expression, student_);
    } catch (const expr::evaluation_error&) {
      return ref_.values.at(q.name);
    }
  }

  const cases::tolerance& tolerance_of(const std::string& name) const {
    static const cases::tolerance fallback{};
    const auto* a = c_.find_asked(name);
    return a ? a->within : fallback;
  }

  const std::vector<real50>& half_widths(const std::string& name) const { return ref_.bands.at(name); }

  // Entry k of the reference as reports print it.
  std::string shown_entry(const std::string& name, std::size_t k) const {
    const auto shown = ref_.shown.find(name);
    return shown != ref_.shown.end() ? shown->second.entries[k].text : show(ref_.values.at(name).data[k], 12);
  }

  // A student's answer as an input of later steps: each entry within half a unit of its last
  // digit, but never wider than the precision the problem asks for: coarse inputs do not widen
  // what later steps accept.
  box_value input_box(const std::string& name) const {
    const auto& a = answers_.at(name);
    const auto& w = half_widths(name);
    box_value out{a.value.rows, a.value.cols, {}};
    for (std::size_t k = 0; k < a.value.size(); ++k) out.data.push_back(interval::around(a.value.data[k], std::min(a.half_unit(k), w[k])));
    return out;
  }

  void read_answers() {
    for (const auto& [name, a] : s_.answers) {
      if (c_.find_formula(name)) continue;  // graded as a formula (formula_answer.hpp)
      if (!a.readable) continue;
      try {
        written got = as_written(a.value);
        const auto& ref = ref_.values.at(name);
        const auto* entry = c_.find_asked(name);
        const bool pinned = entry && entry->pin_orientation;
        // a vector may be written as a row or a column, unless the case pins its orientation
        if (!pinned && ref.is_vector() && !ref.is_scalar() && got.value.rows == ref.cols && got.value.cols == ref.rows) {
          got.value = expr::transposed(got.value);
          got.box = expr::transposed(got.box);
        }
        answers_[name] = std::move(got);
      } catch (const expr::evaluation_error& e) {
        problems_[name] = {e.where, e.message, e.kind == expr::error_kind::name};
      }
    }
  }

  // The submitted quantities the step reads, directly or through quantities the student did not submit.
  std::set<std::string> inputs_of(const expr::node& e) const {
    return grade::inputs_of(e, c_, [&](const std::string& n) { return answers_.count(n) > 0; });
  }

  std::vector<std::string> names_like(const std::string& name, const expr::environment<interval>& world) const {
    std::vector<std::string> out;
    const auto& shape = world.at(name);
    for (const auto& [other, v] : world)
      if (other != name && name_kind(other) == name_kind(name) && v.rows == shape.rows && v.cols == shape.cols) out.push_back(other);
    return out;
  }

  graded finish(graded& g, verdict v, std::optional<diagnosis> d = std::nullopt) {
    g.outcome = v;
    if (d) g.diagnoses.insert(g.diagnoses.begin(), std::move(*d));
    verdicts_[g.name] = v;
    return g;
  }

  // True when every entry of the student's answer to `name` is within its tolerance of the reference.
  bool within_tolerance(const std::string& name) {
    const auto w = answers_.find(name);
    if (w == answers_.end() || !c_.find_asked(name)) return false;
    const point_value& ref = ref_.values.at(name);
    if (!same_shape(w->second.value, ref)) return false;
    const cases::tolerance& tol = tolerance_of(name);
    const std::vector<real50>& hw = half_widths(name);
    for (std::size_t k = 0; k < ref.size(); ++k)
      if (!within(tol, w->second.value.data[k], ref.data[k], hw[k])) return false;
    return true;
  }

  // The verdict of each entry, before any diagnosis of the whole answer.
  enum class entry_state { right, follows, mended, coarse, off };

  graded grade_one(const expr::assignment& q, const std::optional<box_value>& step, const expr::environment<interval>& world) {
    const point_value& ref = ref_.values.at(q.name);
    const cases::tolerance& tol = tolerance_of(q.name);
    graded g = ref_.started.at(q.name);
    const auto answer = s_.answers.find(q.name);
    if (answer == s_.answers.end()) return finish(g, verdict::missing);
    copy_answer(g, answer->second);
    if (!answer->second.readable) {
      g.problem = answer->second.problem;
      return finish(g, verdict::unreadable);
    }
    if (const auto p = problems_.find(q.name); p != problems_.end()) {
      g.problem = "line " + std::to_string(p->second.where.line) + ", column " + std::to_string(p->second.where.column) + ": " +
                  p->second.message + (p->second.unknown_name ? " (a value is a number or an expression of numbers)" : "");
      return finish(g, verdict::unreadable);
    }
    if (!answer->second.conflicting_text.empty())
      return finish(g, verdict::wrong,
                    diagnosis{mistake::two_answers, {{"lines", std::to_string(answer->second.where.line) + " and " +
                                                                   std::to_string(answer->second.conflicting_line)},
                                                     {"other", answer->second.conflicting_text}}});
    const written& sw = answers_.at(q.name);
    const point_value& sv = sw.value;

    if (!same_shape(sv, ref)) {
      const auto dims = [](const point_value& v) { return std::to_string(v.rows) + "x" + std::to_string(v.cols); };
      return finish(g, verdict::shape_error, diagnosis{mistake::wrong_size, {{"expected", dims(ref)}, {"got", dims(sv)}}});
    }
    const std::vector<real50>& hw = half_widths(q.name);

    const std::set<std::string> inputs = inputs_of(q.expression);
    std::vector<std::string> wrong_inputs, slips;
    for (const auto& d : inputs) {
      g.compared.used[d] = s_.answers.at(d).text;
      const auto v = verdicts_.find(d);
      if (v == verdicts_.end()) continue;
      const bool right = v->second == verdict::correct || v->second == verdict::correct_rounded ||
                         (v->second == verdict::imprecise && right_but_coarse_.count(d));
      if (!right) wrong_inputs.push_back(d);
      if (!follows_on(d)) slips.push_back(d);
    }
    if (step) g.compared.interval = show(*step);
    std::optional<box_value> mended;
    if (!slips.empty()) mended = mended_step(q);

    // Each entry on its own: right as it stands, what this step gives from the student's inputs,
    // what it gives with their isolated slips mended, right but to fewer digits than asked, or off.
    std::vector<entry_state> state(sv.size(), entry_state::off);
    bool coarse_and_off = false;  // a coarse entry that only fits what the step gives from wrong inputs
    for (std::size_t k = 0; k < sv.size(); ++k) {
      const real50 half = sw.half_unit(k);
      const bool coarse = half > hw[k] && sv.data[k] != 0;  // coarser than the precision asked
      // the number as written, at the precision asked: 0.05 from a g1 of 0.5 is exactly what the step gives
      if (within(tol, sv.data[k], ref.data[k], hw[k])) state[k] = entry_state::right;
      else if (step && fits(step->data[k], sv.data[k], hw[k])) state[k] = entry_state::follows;
      else if (mended && fits(mended->data[k], sv.data[k], hw[k])) state[k] = entry_state::mended;
      else if (coarse && !copies_a_given(q.expression, sv, k) && interval::around(sv.data[k], half).contains(ref.data[k])) state[k] = entry_state::coarse;
      else if (coarse && step && fits(step->data[k], sv.data[k], half)) {
        state[k] = entry_state::coarse;
        coarse_and_off = coarse_and_off || !wrong_inputs.empty();
      }
    }
    const auto count = [&](entry_state s) { return static_cast<std::size_t>(std::count(state.begin(), state.end(), s)); };
    const std::size_t right = count(entry_state::right), follows = count(entry_state::follows), mends = count(entry_state::mended),
                      coarse = count(entry_state::coarse);
    const auto entry_verdict = [&](entry_state s, verdict otherwise) {
      switch (s) {
        case entry_state::right: return verdict::correct;
        case entry_state::follows: return wrong_inputs.empty() ? verdict::correct_rounded : verdict::carried_forward;
        case entry_state::mended: return verdict::carried_forward;
        case entry_state::coarse: return verdict::imprecise;
        case entry_state::off: return otherwise;
      }
      return otherwise;
    };
    const auto record_entries = [&](verdict otherwise) {
      if (sv.is_scalar()) return;
      for (std::size_t k = 0; k < sv.size(); ++k)
        g.entries.push_back({k / sv.cols, k % sv.cols, entry_verdict(state[k], otherwise), entry_text(answer->second.value, k, sv.data[k]),
                             shown_entry(q.name, k)});
    };

    if (right == sv.size()) return finish(g, verdict::correct);
    if (right + follows + mends + coarse == sv.size()) {
      // A step built on a wrong value earns follow-through only if it still does its work.
      if (follows + mends > 0 && removes_work_by_claim(wrong_inputs)) {
        if (auto why = removes_the_work(q.name)) {
          g.compared.follows_from = wrong_inputs;
          trivial_.insert(q.name);
          return finish(g, verdict::wrong, std::move(why));
        }
      }
      record_entries(verdict::wrong);
      if (coarse > 0) {
        // later steps take it as right only if it is right, coarsely; from a wrong input it stays wrong
        if (!coarse_and_off && wrong_inputs.empty()) right_but_coarse_.insert(q.name);
        if (coarse_and_off) g.compared.follows_from = wrong_inputs;
        return finish(g, verdict::imprecise, diagnosis{mistake::coarse, asked_precision(tol)});
      }
      if (follows + mends == 0) return finish(g, verdict::correct);
      if (mends > 0 && mended) g.compared.interval = show(*mended);
      if (wrong_inputs.empty()) return finish(g, verdict::correct_rounded);
      g.compared.follows_from = mends > 0 ? slips : wrong_inputs;
      return finish(g, verdict::carried_forward);
    }
    diagnose(g, q, step, world, sw, ref, tol, hw, wrong_inputs);
    // partly right, with no mistake of the whole answer to name (a transpose is right on its diagonal
    // only by accident): credit per entry
    if (!sv.is_scalar() && right + follows + mends + coarse > 0 && g.diagnoses.empty()) {
      record_entries(g.outcome);
      g.diagnoses.push_back({mistake::entries, {{"right", std::to_string(right + follows + mends)}, {"total", std::to_string(sv.size())}}});
    }
    return g;
  }

  // The value x of intermediate m that makes the scalar answer `name` what the student wrote, with
  // its uncertainty (the tolerance of the answer over |d answer / d m|), by one secant step: the
  // steps after an intermediate are linear in it, or nearly so, and the result is checked.
  struct implied {
    real50 value, uncertainty;
  };
  std::optional<implied> implied_value(const std::string& m, const std::string& name) const {
    using boost::multiprecision::abs;
    const auto step = inlined(c_.find(name)->expression, c_, [&](const std::string& n) { return answers_.count(n) > 0 || n == m; });
    if (!expr::free_names(step).count(m)) return std::nullopt;
    const real50 written = answers_.at(name).value.data[0];
    const real50 hw = half_widths(name)[0];
    auto env = student_;
    const auto at = [&](const real50& x) -> std::optional<real50> {
      env[m] = point_value::scalar(x);
      try {
        const auto v = expr::evaluate<real50>(step, env);
        if (!v.is_scalar()) return std::nullopt;
        return v.data[0];
      } catch (const expr::evaluation_error&) {
        return std::nullopt;
      }
    };
    const real50 x0 = ref_.values.at(m).data[0];
    const real50 x1 = x0 == 0 ? real50("1e-3") : x0 * real50("1.001");
    const auto f0 = at(x0), f1 = at(x1);
    if (!f0 || !f1 || *f0 == *f1) return std::nullopt;
    const real50 slope = (*f1 - *f0) / (x1 - x0);
    const real50 x = x0 + (written - *f0) / slope;
    const auto fx = at(x);
    if (!fx || abs(*fx - written) >= hw) return std::nullopt;
    return implied{x, hw / abs(slope)};
  }

  // An unasked intermediate the student got wrong shows only in the answers built on it: when two
  // or more wrong answers agree on one value of it (dL_dw5 and dL_dh1 on a doubled delta_o1), and no
  // right answer contradicts it, the mistake is charged once, at the first of them, and the others
  // carry it forward.
  void infer_unasked_intermediates(std::map<std::string, graded>& results) {
    using boost::multiprecision::abs;
    // the answers charged on their own: only two or more of them can agree on an intermediate
    const auto charged = [&](const graded& g) {
      return !accepted(g.outcome) && g.outcome != verdict::imprecise && g.outcome != verdict::missing && g.outcome != verdict::unreadable &&
             g.compared.follows_from.empty() && answers_.count(g.name) && answers_.at(g.name).value.is_scalar();
    };
    if (std::count_if(results.begin(), results.end(), [&](const auto& r) { return charged(r.second); }) < 2) return;
    std::set<std::string> explained;
    // each inferred intermediate: the same wrong factor in an intermediate of the same form (the 1/2
    // of the loss forgotten in delta_o1 and in delta_o2) is one mistake
    struct inferred {
      std::string form, factor, charged_at;
    };
    std::vector<inferred> found;
    expr::environment<real50> with_inferred = student_;
    std::set<std::string> inferred_names;
    for (const auto& q : c_.derive) {
      const std::string& m = q.name;
      if (c_.find_asked(m) || s_.answers.count(m) || !ref_.values.at(m).is_scalar()) continue;
      const auto agree = [](const implied& a, const implied& b) { return abs(a.value - b.value) <= a.uncertainty + b.uncertainty; };
      std::vector<std::pair<std::string, implied>> agreeing;
      std::vector<implied> right_ones;  // what the accepted answers built on m say of it
      for (const auto& a : c_.ask) {
        const auto r = results.find(a.name);
        if (r == results.end() || explained.count(a.name) || !charged(r->second)) continue;
        const auto x = implied_value(m, a.name);
        if (x && (agreeing.empty() || agree(agreeing.front().second, *x))) agreeing.emplace_back(a.name, *x);
      }
      if (agreeing.size() < 2) continue;
      for (const auto& a : c_.ask) {
        const auto r = results.find(a.name);
        if (r == results.end() || !accepted(r->second.outcome) || !answers_.count(a.name) || !answers_.at(a.name).value.is_scalar()) continue;
        if (const auto x = implied_value(m, a.name)) right_ones.push_back(*x);
      }
      const implied* estimate = &agreeing.front().second;
      // a right answer built on m that the inferred value would make wrong contradicts it
      if (std::any_of(right_ones.begin(), right_ones.end(), [&](const implied& x) { return !agree(x, *estimate); })) continue;
      const real50 reference = ref_.values.at(m).data[0];
      if (abs(estimate->value - reference) <= estimate->uncertainty) continue;
      // what the wrong value is: a factor of the right one, when one fits
      std::string factor;
      verdict outcome = verdict::wrong;
      if (abs(estimate->value + reference) <= estimate->uncertainty) {
        factor = "-1";
        outcome = verdict::sign_error;
      }
      for (const auto& [f, label] : factors())
        if (factor.empty() && abs(estimate->value - f * reference) <= estimate->uncertainty) {
          factor = label;
          outcome = verdict::factor_error;
        }
      std::string names;
      for (const auto& [name, x] : agreeing) names += (names.empty() ? "" : ", ") + name;
      const std::string first = agreeing.front().first;
      const std::string form = form_of(q.expression);
      const auto same = std::find_if(found.begin(), found.end(), [&](const inferred& f) { return !factor.empty() && f.factor == factor && f.form == form; });
      for (const auto& [name, x] : agreeing) {
        graded& g = results.at(name);
        explained.insert(name);
        g.diagnoses.clear();
        g.compared.reproduced_by.clear();
        const diagnosis why{mistake::inferred_intermediate,
                            {{"answers", names}, {"factor", factor}, {"expression", expr::to_string(q.expression)},
                             {"value", numeric::to_significant(estimate->value, 6)}}};
        if (name == first && same != found.end()) {
          g.outcome = verdict::repeated_mistake;
          g.compared.charged_at = same->charged_at;
          g.diagnoses.push_back(why);
        } else if (name == first) {
          g.outcome = outcome;
          g.diagnoses.push_back(why);
        } else {
          g.outcome = verdict::carried_forward;
          g.compared.follows_from = {first};
          g.compared.charged_at = first;
        }
        verdicts_[name] = g.outcome;
      }
      found.push_back({form, factor, same != found.end() ? same->charged_at : first});
      with_inferred[m] = point_value::scalar(estimate->value);
      inferred_names.insert(m);
    }
    if (found.empty()) return;
    // answers built on several inferred intermediates at once (dL_db2 = delta_o1 + delta_o2) follow
    // from them together
    for (const auto& a : c_.ask) {
      const auto r = results.find(a.name);
      if (r == results.end() || explained.count(a.name) || !charged(r->second)) continue;
      const auto step =
          inlined(c_.find(a.name)->expression, c_, [&](const std::string& n) { return answers_.count(n) > 0 || inferred_names.count(n) > 0; });
      try {
        const auto v = expr::evaluate<real50>(step, with_inferred);
        if (!v.is_scalar() || !within(tolerance_of(a.name), answers_.at(a.name).value.data[0], v.data[0], half_widths(a.name)[0])) continue;
      } catch (const expr::evaluation_error&) {
        continue;
      }
      graded& g = r->second;
      g.diagnoses.clear();
      g.compared.reproduced_by.clear();
      g.outcome = verdict::carried_forward;
      g.compared.charged_at = found.front().charged_at;
      g.compared.follows_from = {found.front().charged_at};
      verdicts_[a.name] = g.outcome;
    }
  }

  // True when one of the wrong inputs is a claimed value that removes work: written as 0 or as a
  // given of the problem (o1 = t1, h1 = 0) and not what its own step gives, or itself a trivial
  // step. A wrong value that a student computed correctly (relu of a wrong negative z is 0) is
  // their work, and what follows from it keeps its follow-through.
  bool removes_work_by_claim(const std::vector<std::string>& wrong_inputs) const {
    for (const auto& w : wrong_inputs) {
      const auto v = verdicts_.find(w);
      if (v == verdicts_.end() || accepted(v->second)) continue;
      if (trivial_.count(w)) return true;
      const auto a = answers_.find(w);
      if (a == answers_.end()) continue;
      const auto& x = a->second.value;
      if (std::all_of(x.data.begin(), x.data.end(), [](const real50& e) { return e == 0; })) return true;
      for (const auto& g : c_.given) {
        const auto& gv = ref_.values.at(g.name);
        if (same_shape(gv, x) && gv.data == x.data) return true;
      }
    }
    return false;
  }

  // True when entry k is exactly a given the step uses: a number copied from the problem shows no
  // work, however close the rounding of it comes (w1_new = 0.15 for 0.1498).
  bool copies_a_given(const expr::node& step, const point_value& sv, std::size_t k) const {
    for (const auto& n : expr::free_names(step))
      if (c_.is_given(n)) {
        const auto& v = ref_.values.at(n);
        if (v.size() == sv.size() ? v.data[k] == sv.data[k] : v.is_scalar() && v.data[0] == sv.data[k]) return true;
      }
    return false;
  }

  std::optional<diagnosis> removes_the_work(const std::string& name) const {
    const auto* q = c_.find(name);
    const auto step = inlined(q->expression, c_, [&](const std::string& n) { return answers_.count(n) > 0; });
    return grade::removes_the_work(step, student_, ref_.values, half_widths(name));
  }

  // A candidate explanation of a wrong number: what the step would give with that mistake.
  struct candidate {
    box_value target;
    verdict outcome;
    diagnosis what;
    std::string expression;  ///< the edited step, for one-edit variants
  };

  graded diagnose(graded& g, const expr::assignment& q, const std::optional<box_value>& step, const expr::environment<interval>& world,
                  const written& sw, const point_value& ref, const cases::tolerance& tol, const std::vector<real50>& hw,
                  const std::vector<std::string>& wrong_inputs) {
    const point_value& sv = sw.value;
    if (!wrong_inputs.empty()) g.compared.follows_from = wrong_inputs;
    // The band a mistake's value must fall in: the problem's tolerance around the number as written,
    // or its rounding when that is coarser, but not for a number of one significant figure (0.01
    // stands for 0.005..0.015 and would fit almost any mistake).
    std::vector<real50> band(sv.size());
    bool coarse_fits = true;
    for (std::size_t k = 0; k < sv.size(); ++k) {
      using boost::multiprecision::abs;
      if (sw.half_unit(k) > 0 && sw.half_unit(k) * 20 > abs(sv.data[k])) coarse_fits = false;
    }
    for (std::size_t k = 0; k < sv.size(); ++k) band[k] = coarse_fits ? std::max(hw[k], sw.half_unit(k)) : hw[k];
    const bool all_zero = std::all_of(sv.data.begin(), sv.data.end(), [](const real50& x) { return x == 0; });
    if (all_zero) return finish(g, verdict::wrong);

    // a square matrix whose transpose is right
    if (sv.rows == sv.cols && sv.rows > 1) {
      const point_value t = expr::transposed(sv);
      bool right = true;
      for (std::size_t k = 0; k < sv.size(); ++k) right = right && within(tol, t.data[k], ref.data[k], hw[k]);
      if (right) return finish(g, verdict::shape_error, diagnosis{mistake::transposed, {{"expected", std::to_string(sv.rows) + "x" + std::to_string(sv.cols)}}});
    }
    // a given written as the answer
    for (const auto& given : c_.given) {
      const auto& v = ref_.values.at(given.name);
      if (!same_shape(v, sv) || std::all_of(v.data.begin(), v.data.end(), [](const real50& x) { return x == 0; })) continue;
      bool same = true;
      for (std::size_t k = 0; k < sv.size(); ++k) same = same && within(tol, sv.data[k], v.data[k]);
      if (same) return finish(g, verdict::wrong, diagnosis{mistake::copied_given, {{"given", given.name}}});
    }

    std::vector<candidate> candidates;
    // (one function builds them: GCC 12 warns, wrongly, of an uninitialised map in nested braces)
    const auto add = [&](box_value target, verdict v, mistake kind, std::map<std::string, std::string> params, std::string expression) {
      candidate c;
      c.target = std::move(target);
      c.outcome = v;
      c.what.kind = kind;
      c.what.params = std::move(params);
      c.expression = std::move(expression);
      candidates.push_back(std::move(c));
    };
    add(scaled(point_box(ref), interval(-1)), verdict::sign_error, mistake::negated, {}, "");
    if (step) add(scaled(*step, interval(-1)), verdict::sign_error, mistake::negated, {}, "");
    for (const auto& [factor, label] : factors()) {
      add(scaled(point_box(ref), interval(factor)), verdict::factor_error, mistake::scaled, {{"factor", label}}, "");
      if (step) add(scaled(*step, interval(factor)), verdict::factor_error, mistake::scaled, {{"factor", label}}, "");
    }
    for (std::size_t m = 0; m < c_.mistakes.size(); ++m) {
      if (c_.mistakes[m].quantity != q.name) continue;
      try {
        add(expr::evaluate<interval>(c_.mistakes[m].expression, world), verdict::known_mistake, mistake::named_mistake,
            {{"feedback", c_.mistakes[m].feedback}}, "");
      } catch (const expr::evaluation_error&) {
      }
    }
    std::vector<std::string> scalar_givens;
    for (const auto& given : c_.given)
      if (ref_.values.at(given.name).is_scalar()) scalar_givens.push_back(given.name);
    const auto variants = one_edit_variants(
        q.expression, [&](const std::string& n) { return world.count(n) ? names_like(n, world) : std::vector<std::string>{}; },
        [&](const std::string& n) { return c_.is_given(n); }, scalar_givens, options_.max_search);
    ++searched_;
    for (const auto& v : variants) {
      ++evaluations_;
      try {
        add(expr::evaluate<interval>(v.expression, world), v.what.kind == mistake::term_negated ? verdict::sign_error : verdict::wrong, v.what.kind,
            v.what.params, expr::to_string(v.expression));
      } catch (const expr::evaluation_error&) {
      }
    }
    for (const auto& a : c_.ask) {
      if (a.name == q.name || name_kind(a.name) != name_kind(q.name) || !ref_.values.count(a.name)) continue;
      add(point_box(ref_.values.at(a.name)), verdict::wrong, mistake::answers_swapped, {{"other", a.name}}, "");
    }

    std::vector<const candidate*> fitting;
    for (const auto& cand : candidates)
      if (all_fit(cand.target, sv, band)) fitting.push_back(&cand);
    if (fitting.empty()) return finish(g, verdict::wrong);
    // Explanations that give different numbers, all within the digits written: none can be told.
    const candidate& first = *fitting.front();
    for (const auto* other : fitting) {
      bool same = true;
      for (std::size_t k = 0; k < sv.size(); ++k)
        same = same && fits(other->target.data[k], first.target.data[k].mid(), hw[k] + first.target.data[k].width() / 2);
      if (!same) return finish(g, verdict::wrong, diagnosis{mistake::ambiguous, {{"count", std::to_string(fitting.size())}}});
    }
    // Every explanation that gives this same number is kept (up to four): the numbers alone cannot
    // tell w3 in place of w1 from w3 in place of w2, nor eta^2 from a neighbour's gradient; the
    // first is the one charged, the others let a mistake repeated in a parallel step be recognised.
    std::string shown;
    for (const auto* f : fitting) {
      if (g.diagnoses.size() == 4 || std::find(g.diagnoses.begin(), g.diagnoses.end(), f->what) != g.diagnoses.end()) continue;
      g.diagnoses.push_back(f->what);
      if (!f->expression.empty()) shown += (shown.empty() ? "" : "; ") + f->expression;
    }
    g.compared.reproduced_by = shown;
    return finish(g, first.outcome);
  }

  // x2, x1/2, x10, x1/10, and each scalar given other than 0 and +-1 (eta, m, ...) and its inverse.
  const std::vector<std::pair<real50, std::string>>& factors() {
    if (factors_.empty()) {
      factors_ = {{real50(2), "2"}, {real50("0.5"), "1/2"}, {real50(10), "10"}, {real50("0.1"), "1/10"}};
      for (const auto& given : c_.given) {
        const auto& v = ref_.values.at(given.name);
        if (!v.is_scalar() || v.data[0] == 0 || v.data[0] == 2 || v.data[0] == real50("0.5")) continue;
        // a factor near 1 (a target of 0.99) explains nothing that tolerance does not
        using boost::multiprecision::abs;
        using boost::multiprecision::log10;
        if (abs(log10(abs(v.data[0]))) < real50("0.1")) continue;
        factors_.push_back({v.data[0], given.name});
        factors_.push_back({1 / v.data[0], "1/" + given.name});
      }
    }
    return factors_;
  }

  struct problem {
    expr::position where;
    std::string message;
    bool unknown_name = false;
  };

  const reference& ref_;
  const cases::case_file& c_;
  const submission& s_;
  const grading_options& options_;
  std::map<std::string, written> answers_;  ///< the readable numeric answers, rows read as columns
  std::map<std::string, problem> problems_;
  std::map<std::string, verdict> verdicts_;
  std::set<std::string> right_but_coarse_;  ///< imprecise answers whose rounding holds the reference
  std::set<std::string> trivial_;           ///< answers denied follow-through as trivial steps
  expr::environment<interval> mended_;
  expr::environment<real50> student_;  ///< the student's own values: their answers, and the steps they did not write from them
  std::vector<std::pair<real50, std::string>> factors_;
  std::size_t evaluations_ = 0;
  std::size_t searched_ = 0;
};

}  // namespace

reference make_reference(const cases::case_file& c) { return make_reference(c, prepare_formulas(c)); }

reference make_reference(const cases::case_file& c, std::map<std::string, formula::prepared_question> formulas) {
  reference out{&c, cases::evaluate_case<real50>(c), std::move(formulas), {}, cases::printed_values(c, 12), {}, {}, {}};
  static const cases::tolerance fallback{};
  for (const auto& q : c.derive) {
    const auto* a = c.find_asked(q.name);
    const auto& tol = a ? a->within : fallback;
    for (const auto& r : out.values.at(q.name).data) out.bands[q.name].push_back(half_width(tol, r));
    out.started[q.name] = started(out.shown, q, out.values.at(q.name), tol);
  }
  out.at_sight = make_acceptance(c, out.values, out.bands);
  const auto asked_number = [&](const std::string& n) { return c.find_asked(n) && !c.find_formula(n); };
  for (const auto& a : c.ask)
    out.inputs_when_all_answered.push_back(c.find_formula(a.name) ? std::set<std::string>{} : inputs_of(c.find(a.name)->expression, c, asked_number));
  return out;
}

report grade_submission(const reference& ref, const submission& s, const grading_options& options) {
  if (options.at_sight)
    if (auto r = accepted_throughout(ref, s, options)) return std::move(*r);
  return grader(ref, s, options).run();
}

}  // namespace gradecheck::grade
