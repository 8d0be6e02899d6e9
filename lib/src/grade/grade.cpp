#include "gradecheck/grade/grade.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/grade/diagnose.hpp"
#include "gradecheck/grade/formula_answer.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/numeric/interval.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace gradecheck::grade {

namespace {

using numeric::interval;
using numeric::real50;
using point_value = expr::value<real50>;
using box_value = expr::value<interval>;

std::string show(const real50& x, int digits = 6) { return numeric::to_significant(x, digits); }

std::string show(const point_value& v, int digits = 6) {
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

// PrairieLearn's comparisons: relabs |s - r| <= atol + rtol |r|; sigfig and decdig
// accept |s - r| < 0.51 units of the last digit asked for.
bool within(const cases::tolerance& t, const real50& s, const real50& r) {
  using boost::multiprecision::abs;
  using boost::multiprecision::floor;
  using boost::multiprecision::log10;
  using boost::multiprecision::pow;
  const real50 diff = abs(s - r);
  switch (t.type) {
    case cases::tolerance::kind::relabs: return diff <= real50(t.atol) + real50(t.rtol) * abs(r);
    case cases::tolerance::kind::decdig: return diff < real50("0.51") * pow(real50(10), -t.digits);
    case cases::tolerance::kind::sigfig: {
      const real50 n = r == 0 ? real50(t.digits - 1) : real50(-floor(log10(abs(r))) + (t.digits - 1));
      return diff < real50("0.51") * pow(real50(10), -n);
    }
  }
  return false;
}

bool all_within(const cases::tolerance& t, const point_value& s, const point_value& r) {
  if (s.rows != r.rows || s.cols != r.cols) return false;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (!within(t, s.data[k], r.data[k])) return false;
  return true;
}

bool intersects(const box_value& a, const box_value& b) {
  if (a.rows != b.rows || a.cols != b.cols) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (!a.data[k].intersects(b.data[k])) return false;
  return true;
}

box_value scaled(const box_value& v, const interval& k) {
  box_value out = v;
  for (auto& x : out.data) x = x * k;
  return out;
}

// An answer is a number, a short expression or a small array: its evaluation is
// bounded far below the general limits, so that a submission of many costly
// answers still grades in milliseconds.
const expr::evaluation_limits answer_limits{10'000, 100'000};

// The student's answer as a box: a number written with a decimal point or an
// exponent stands for every value that rounds to it (half a unit of its last
// digit either way); integers and expressions are taken as exact.
struct written {
  box_value box;
  bool precise_enough = true;  ///< at least 2 significant digits in every rounded number
};

written as_written(const expr::node& n) {
  if (n.kind == expr::node_kind::number) {
    const bool rounded = n.text.find_first_of(".eE") != std::string::npos;
    const real50 mid = numeric::to_real<real50>(n.literal);
    if (!rounded) return {box_value::scalar(interval(mid)), true};
    const real50 half = numeric::parse_real<real50>("5e" + std::to_string(n.literal.exponent - 1));
    const bool enough = n.literal.digits == "0" ? n.literal.decimal_places() >= 2 : n.literal.significant_digits() >= 2;
    return {box_value::scalar(interval::around(mid, half)), enough};
  }
  if (n.kind == expr::node_kind::negate && n.children[0].kind == expr::node_kind::number) {
    written w = as_written(n.children[0]);
    w.box.data[0] = -w.box.data[0];
    return w;
  }
  if (n.kind == expr::node_kind::list) {
    std::vector<written> items;
    for (const auto& c : n.children) items.push_back(as_written(c));
    written out;
    if (std::all_of(items.begin(), items.end(), [](const written& w) { return w.box.is_scalar(); })) {
      out.box = box_value::column({});
      for (const auto& w : items) {
        out.box.data.push_back(w.box.data[0]);
        out.precise_enough = out.precise_enough && w.precise_enough;
      }
      out.box.rows = out.box.data.size();
      return out;
    }
    const std::size_t cols = items[0].box.size();
    out.box = {items.size(), cols, {}};
    for (const auto& w : items) {
      if (w.box.size() != cols) throw expr::evaluation_error(n.where, "rows of different lengths");
      out.box.data.insert(out.box.data.end(), w.box.data.begin(), w.box.data.end());
      out.precise_enough = out.precise_enough && w.precise_enough;
    }
    return out;
  }
  return {expr::evaluate<interval>(n, {}, answer_limits), true};
}

box_value point_box(const point_value& v) {
  box_value b{v.rows, v.cols, {}};
  for (const auto& x : v.data) b.data.push_back(interval(x));
  return b;
}


class grader {
 public:
  grader(const reference& ref, const submission& s, const grading_options& options) : ref_(ref), c_(*ref.c), s_(s), options_(options) {}

  report run() {
    report r;
    r.case_id = c_.id;
    r.submission = s_.path.string();
    r.issues = s_.issues;
    r.unreadable = s_.unreadable_file;
    read_answers();
    expr::environment<interval> world;
    for (const auto& g : c_.given) world[g.name] = point_box(ref_.values.at(g.name));
    // The same, but with the student's isolated slips (wrong answers that do not follow from
    // their own earlier numbers) replaced by what their own steps give.
    mended_ = world;
    std::map<std::string, graded> results;
    for (const auto& q : c_.derive) {
      std::optional<box_value> step;
      try {
        step = expr::evaluate<interval>(q.expression, world);
      } catch (const expr::evaluation_error&) {
        step.reset();  // the student's inputs leave this step undefined; judged on the reference alone
      }
      if (s_.answers.count(q.name) || asked(q.name)) results[q.name] = grade_one(q, step, world);
      const bool usable = boxes_.count(q.name) && same_shape(boxes_.at(q.name), ref_.values.at(q.name));
      world[q.name] = usable ? boxes_.at(q.name) : (step ? *step : point_box(ref_.values.at(q.name)));
      mended_[q.name] = usable && follows_on(q.name) ? boxes_.at(q.name) : mended_step(q);
    }
    if (!c_.formulas.empty())
      for (auto& [name, g] : grade_formula_answers(c_, ref_.formulas, s_, evaluations_)) results[name] = std::move(g);
    for (const auto& a : c_.ask) {
      graded g = results.at(a.name);
      g.max_score = a.points;
      g.score = a.points * options_.credit.of(g.outcome);
      r.score += g.score;
      r.max_score += g.max_score;
      r.unreadable = r.unreadable || g.outcome == verdict::unreadable;
      r.results.push_back(std::move(g));
    }
    for (const auto& p : c_.parts) {
      part_score ps{p.name, 0, 0};
      for (const auto& g : r.results)
        if (std::find(p.quantities.begin(), p.quantities.end(), g.name) != p.quantities.end()) {
          ps.score += g.score;
          ps.max_score += g.max_score;
        }
      r.parts.push_back(ps);
    }
    r.search_evaluations = evaluations_;
    r.searched_answers = searched_;
    return r;
  }

  // True when later steps may build on the student's own value of `name`.
  bool follows_on(const std::string& name) const {
    const auto v = verdicts_.find(name);
    return v == verdicts_.end() || v->second == verdict::correct || v->second == verdict::correct_rounded ||
           v->second == verdict::carried_forward;
  }

  box_value mended_step(const expr::assignment& q) const {
    try {
      return expr::evaluate<interval>(q.expression, mended_);
    } catch (const expr::evaluation_error&) {
      return point_box(ref_.values.at(q.name));
    }
  }

 private:
  bool asked(const std::string& name) const {
    return std::any_of(c_.ask.begin(), c_.ask.end(), [&](const cases::asked& a) { return a.name == name; });
  }

  const cases::tolerance& tolerance_of(const std::string& name) const {
    for (const auto& a : c_.ask)
      if (a.name == name) return a.within;
    static const cases::tolerance fallback{};
    return fallback;
  }

  template <class V>
  static bool same_shape(const V& a, const point_value& b) {
    return a.rows == b.rows && a.cols == b.cols;
  }

  void read_answers() {
    for (const auto& [name, a] : s_.answers) {
      if (c_.find_formula(name)) continue;  // graded as a formula (formula_answer.hpp)
      if (!a.readable) {
        problems_[name] = a.problem;
        continue;
      }
      try {
        points_[name] = expr::evaluate<real50>(a.value, {}, answer_limits);
        const written w = as_written(a.value);
        boxes_[name] = w.box;
        precise_[name] = w.precise_enough;
        for (const auto& x : points_[name].data)
          if (!boost::multiprecision::isfinite(x)) throw expr::evaluation_error(a.where, "the value is not a finite number");
      } catch (const expr::evaluation_error& e) {
        points_.erase(name);
        boxes_.erase(name);
        problems_[name] = "line " + std::to_string(e.where.line) + ", column " + std::to_string(e.where.column) + ": " + e.message +
                          (e.message.find("unknown name") != std::string::npos ? " (a value is a number or an expression of numbers)" : "");
      }
    }
  }

  // The submitted quantities the step reads, directly or through quantities the student did not submit.
  std::set<std::string> inputs_of(const expr::node& e) const {
    std::set<std::string> out;
    std::function<void(const expr::node&)> walk = [&](const expr::node& n) {
      if (n.kind == expr::node_kind::name) {
        if (s_.answers.count(n.text) && points_.count(n.text)) {
          out.insert(n.text);
        } else if (const auto* q = c_.find(n.text); q && !c_.is_given(n.text)) {
          walk(q->expression);
        }
      }
      for (const auto& c : n.children) walk(c);
    };
    walk(e);
    return out;
  }

  std::vector<std::string> names_like(const std::string& name, const expr::environment<interval>& world) const {
    std::vector<std::string> out;
    const auto& shape = world.at(name);
    for (const auto& [other, v] : world)
      if (other != name && name_kind(other) == name_kind(name) && v.rows == shape.rows && v.cols == shape.cols) out.push_back(other);
    return out;
  }

  graded grade_one(const expr::assignment& q, const std::optional<box_value>& step, const expr::environment<interval>& world) {
    graded g;
    g.name = q.name;
    const point_value& ref = ref_.values.at(q.name);
    const cases::tolerance& tol = tolerance_of(q.name);
    g.compared.reference = show(ref, 12);
    g.compared.tolerance = describe(tol);
    g.compared.expression = expr::to_string(q.expression);
    const auto answer = s_.answers.find(q.name);
    if (answer == s_.answers.end()) return finish(g, verdict::missing, "no answer; the correct value is " + show(ref));
    g.student = answer->second.text;
    if (problems_.count(q.name))
      return finish(g, verdict::unreadable, problems_.at(q.name) + "; not charged as a mistake: fix the line and submit again");
    const point_value& sv = points_.at(q.name);
    const box_value& sb = boxes_.at(q.name);

    if (!same_shape(sv, ref)) {
      std::string why = "expected a " + expr::shape_name(ref) + ", got a " + expr::shape_name(sv);
      if (sv.rows == ref.cols && sv.cols == ref.rows && sv.size() > 1) why += ": transposed?";
      return finish(g, verdict::shape_error, why);
    }
    if (all_within(tol, sv, ref)) return finish(g, verdict::correct, "");

    const std::set<std::string> inputs = inputs_of(q.expression);
    std::vector<std::string> wrong_inputs;
    for (const auto& d : inputs) {
      g.compared.used[d] = s_.answers.at(d).text;
      const auto v = verdicts_.find(d);
      if (v != verdicts_.end() && v->second != verdict::correct && v->second != verdict::correct_rounded) wrong_inputs.push_back(d);
    }
    std::string yours;
    for (const auto& [name, text] : g.compared.used) yours += (yours.empty() ? "" : ", ") + name + " = " + text;

    if (step) {
      g.compared.interval = show(*step);
      if (intersects(sb, *step) && precise_.at(q.name)) {
        if (wrong_inputs.empty())
          return finish(g, verdict::correct_rounded,
                        "accepted: " + g.student + " is what this step gives from the numbers you wrote" + (yours.empty() ? "" : " (" + yours + ")") +
                            "; unrounded, the value is " + show(ref));
        std::string earlier;
        for (const auto& w : wrong_inputs) earlier += (earlier.empty() ? "" : ", ") + w + " = " + s_.answers.at(w).text;
        return finish(g, verdict::carried_forward,
                      "follows correctly from your earlier " + earlier + ", which " + (wrong_inputs.size() > 1 ? "are" : "is") +
                          " wrong; not charged again. With correct inputs: " + show(ref));
      }
    }
    // An earlier isolated slip: does the answer follow from the student's own steps without it?
    if (!wrong_inputs.empty() && precise_.at(q.name)) {
      std::vector<std::string> slips;
      for (const auto& w : wrong_inputs)
        if (!follows_on(w)) slips.push_back(w);
      const box_value mended = mended_step(q);
      if (!slips.empty() && intersects(sb, mended)) {
        std::string which;
        for (const auto& w : slips) which += (which.empty() ? "" : ", ") + w + " = " + s_.answers.at(w).text;
        g.compared.interval = show(mended);
        return finish(g, verdict::carried_forward,
                      "follows from your own earlier steps, taking " + which +
                          " as your steps give it rather than as written (a slip already charged there); not charged again. With correct inputs: " +
                          show(ref));
      }
    }
    return diagnose(g, q, step, world, sv, sb, ref, tol, wrong_inputs);
  }

  graded diagnose(graded& g, const expr::assignment& q, const std::optional<box_value>& step, const expr::environment<interval>& world,
                  const point_value& sv, const box_value& sb, const point_value& ref, const cases::tolerance& tol,
                  const std::vector<std::string>& wrong_inputs) {
    const std::string expected = "expected " + show(ref) + ", you wrote " + g.student;
    const std::string on_top = wrong_inputs.empty() ? "" : " (on top of the earlier error in " + wrong_inputs.front() + ")";
    point_value negated = sv;
    for (auto& x : negated.data) x = -x;
    if (all_within(tol, negated, ref) || (step && intersects(scaled(sb, interval(-1)), *step)))
      return finish(g, verdict::sign_error, "the sign is wrong" + on_top + ": " + expected);

    for (const auto& [factor, label] : factors()) {
      point_value unscaled = sv;
      for (auto& x : unscaled.data) x /= factor;
      const bool matches = all_within(tol, unscaled, ref) || (step && intersects(sb, scaled(*step, interval(factor))));
      if (matches) return finish(g, verdict::factor_error, "off by a factor of " + label + on_top + ": " + expected);
    }

    for (const auto& m : c_.mistakes) {
      if (m.quantity != q.name) continue;
      try {
        if (intersects(sb, expr::evaluate<interval>(m.expression, world)))
          return finish(g, verdict::known_mistake, m.feedback + " (" + expected + ")");
      } catch (const expr::evaluation_error&) {
      }
    }

    std::vector<std::string> scalar_givens;
    for (const auto& given : c_.given)
      if (ref_.values.at(given.name).is_scalar()) scalar_givens.push_back(given.name);
    const auto variants = one_edit_variants(
        q.expression, [&](const std::string& n) { return world.count(n) ? names_like(n, world) : std::vector<std::string>{}; },
        [&](const std::string& n) { return c_.is_given(n); }, scalar_givens, options_.max_search);
    // Every edit that reproduces the number is reported (up to three): the numbers alone
    // cannot always tell w3 in place of w1 from w3 in place of w2.
    std::vector<const variant*> matches;
    ++searched_;
    for (const auto& v : variants) {
      ++evaluations_;
      try {
        if (intersects(sb, expr::evaluate<interval>(v.expression, world))) matches.push_back(&v);
      } catch (const expr::evaluation_error&) {
      }
      if (matches.size() == 3) break;
    }
    if (!matches.empty()) {
      std::string how, shown;
      for (std::size_t k = 0; k < matches.size(); ++k) {
        how += (k ? (k + 1 == matches.size() ? ", or when " : ", when ") : "") + matches[k]->description;
        shown += (k ? "; " : "") + expr::to_string(matches[k]->expression);
      }
      g.compared.reproduced_by = shown;
      return finish(g, matches.front()->is_sign_error ? verdict::sign_error : verdict::wrong,
                    expected + "; your number is what " + expr::to_string(q.expression) + " gives when " + how + on_top);
    }
    for (const auto& a : c_.ask) {
      if (a.name == q.name || name_kind(a.name) != name_kind(q.name)) continue;
      if (all_within(tol, sv, ref_.values.at(a.name)))
        return finish(g, verdict::wrong, expected + "; your value is the one of " + a.name + ": are the two answers swapped?");
    }
    return finish(g, verdict::wrong, expected + on_top);
  }

  // x2, x1/2, x10, x1/10, and each scalar given other than 0 and +-1 (eta, m, ...) and its inverse.
  const std::vector<std::pair<real50, std::string>>& factors() {
    if (factors_.empty()) {
      factors_ = {{real50(2), "2"}, {real50("0.5"), "1/2"}, {real50(10), "10 (a slipped decimal point)"}, {real50("0.1"), "1/10 (a slipped decimal point)"}};
      for (const auto& given : c_.given) {
        const auto& v = ref_.values.at(given.name);
        if (!v.is_scalar() || v.data[0] == 0 || v.data[0] == 2 || v.data[0] == real50("0.5")) continue;
        // a factor near 1 (a target of 0.99) explains nothing that tolerance does not
        using boost::multiprecision::abs;
        using boost::multiprecision::log10;
        if (abs(log10(abs(v.data[0]))) < real50("0.1")) continue;
        factors_.push_back({v.data[0], given.name + " = " + show(v.data[0])});
        factors_.push_back({1 / v.data[0], "1/" + given.name});
      }
    }
    return factors_;
  }

  graded finish(graded& g, verdict v, std::string feedback) {
    g.outcome = v;
    g.feedback = std::move(feedback);
    verdicts_[g.name] = v;
    return g;
  }

  const reference& ref_;
  const cases::case_file& c_;
  const submission& s_;
  const grading_options& options_;
  std::map<std::string, point_value> points_;
  std::map<std::string, box_value> boxes_;
  std::map<std::string, bool> precise_;
  std::map<std::string, std::string> problems_;
  std::map<std::string, verdict> verdicts_;
  expr::environment<interval> mended_;
  std::vector<std::pair<real50, std::string>> factors_;
  std::size_t evaluations_ = 0;
  std::size_t searched_ = 0;
};

}  // namespace

reference make_reference(const cases::case_file& c) { return {&c, cases::evaluate_case<real50>(c), prepare_formulas(c)}; }

report grade_submission(const reference& ref, const submission& s, const grading_options& options) {
  return grader(ref, s, options).run();
}

}  // namespace gradecheck::grade
