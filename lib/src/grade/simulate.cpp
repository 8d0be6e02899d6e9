#include "gradecheck/grade/simulate.hpp"

#include "gradecheck/cases/load.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/numeric/format.hpp"

#include <algorithm>

namespace gradecheck::grade {

namespace {

using numeric::real50;

std::string written_number(const real50& x, int digits) {
  const std::string fixed = numeric::to_significant(x, digits);
  if (fixed.find_first_of(".e") != std::string::npos || numeric::parse_real<real50>(fixed) == x) return fixed;
  return numeric::to_scientific(x, digits);  // "24000" would read as exact
}

}  // namespace

std::string written_value(const expr::value<real50>& v, int digits) {
  if (v.is_scalar()) return written_number(v.data[0], digits);
  std::string text = "[";
  for (std::size_t i = 0; i < v.rows; ++i) {
    if (v.cols > 1) text += i ? ", [" : "[";
    for (std::size_t j = 0; j < v.cols; ++j) text += (j || (v.cols == 1 && i) ? ", " : "") + written_number(v.at(i, j), digits);
    if (v.cols > 1) text += "]";
  }
  return text + "]";
}

std::map<std::string, std::string> simulate_student(const cases::case_file& c, int digits,
                                                    const std::map<std::string, expr::value<real50>>& set) {
  const auto asked = [&](const std::string& n) {
    return std::any_of(c.ask.begin(), c.ask.end(), [&](const cases::asked& a) { return a.name == n; });
  };
  expr::environment<real50> env;
  std::map<std::string, std::string> answers;
  for (const auto* block : {&c.given, &c.derive})
    for (const auto& q : *block) {
      expr::value<real50> v;
      if (const auto it = set.find(q.name); it != set.end()) {
        v = it->second;
      } else {
        try {
          v = expr::evaluate<real50>(q.expression, env);
        } catch (const expr::evaluation_error& e) {
          throw cases::error_at(c.path, e.where, "in '" + q.name + "': " + e.message);
        }
      }
      if (asked(q.name)) {
        answers[q.name] = written_value(v, digits);
        for (auto& x : v.data) x = numeric::parse_real<real50>(written_number(x, digits));  // carry on from what was written
      }
      env[q.name] = std::move(v);
    }
  // a formula answer has nothing to round: the student writes the reference formula
  for (const auto& f : c.formulas)
    if (asked(f.name) && f.reference) answers[f.name] = f.reference->text;
  return answers;
}

std::string answer_file(const cases::case_file& c, const std::map<std::string, std::string>& answers, const std::string& comment) {
  std::string out = "# " + comment + "\n";
  for (const auto& a : c.ask)
    if (answers.count(a.name)) out += a.name + " = " + answers.at(a.name) + "\n";
  return out;
}

}  // namespace gradecheck::grade
