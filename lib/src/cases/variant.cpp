#include "gradecheck/cases/variant.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/random/draw.hpp"
#include "gradecheck/random/seed.hpp"

#include <algorithm>

namespace gradecheck::cases {

using numeric::real50;

namespace {

constexpr std::size_t max_draws = 1000;

// An entry with exactly `decimals` digits after the point, as a student would be given it: "0.30", "-1.25", "2".
std::string written(const real50& x, int decimals) {
  // Boost reads a precision of 0 as "every digit": a whole number is written as one
  return decimals == 0 ? std::to_string(x.convert_to<long>()) : x.str(decimals, std::ios_base::fixed);
}

// The value of g for this draw, as written: one entry per entry of the case's own value.
std::string draw_given(const varied_given& g, const expr::value<real50>& own, std::mt19937_64& rng) {
  if (!g.choices.empty()) return g.choices[static_cast<std::size_t>(random::integer_in(rng, 0, static_cast<long>(g.choices.size()) - 1))];
  std::vector<std::string> entries;
  for (std::size_t k = 0; k < own.size(); ++k) entries.push_back(written(random::on_grid(rng, g.lo, g.hi, g.decimals), g.decimals));
  if (own.is_scalar()) return entries[0];
  const auto row = [&](std::size_t i, std::size_t cols) {
    std::string out = "[";
    for (std::size_t j = 0; j < cols; ++j) out += (j ? ", " : "") + entries[i * cols + j];
    return out + "]";
  };
  if (own.cols == 1) return row(0, own.rows);
  std::string out = "[";
  for (std::size_t i = 0; i < own.rows; ++i) out += (i ? ", " : "") + row(i, own.cols);
  return out + "]";
}

}  // namespace

std::vector<std::string> broken_constraints(const case_file& c, const expr::environment<real50>& values) {
  std::vector<std::string> out;
  for (const auto& k : c.variants.constraints) {
    bool holds = false;
    try {
      const auto v = expr::evaluate(k.expression, values);
      holds = std::none_of(v.data.begin(), v.data.end(), [](const real50& x) { return x == 0; });
    } catch (const expr::evaluation_error&) {
    }
    if (!holds) out.push_back(k.name);
  }
  return out;
}

variant variant_for(const case_file& c, const std::string& student, verification verify) {
  variant out{c, {}, {}, 0, {}};
  out.c.student = student;
  if (c.variants.empty() || student.empty()) {
    out.draws = 1;
    if (verify == verification::checked) out.checks = verify_derivatives(c);
    return out;
  }
  const auto own = evaluate_case<real50>(c);
  auto rng = random::generator_for(c.id, "student/" + student);
  for (out.draws = 1; out.draws <= max_draws; ++out.draws) {
    case_file drawn = c;
    drawn.student = student;
    std::map<std::string, std::string> givens;
    for (const auto& g : c.variants.givens) {
      const std::string text = draw_given(g, own.at(g.name), rng);
      givens[g.name] = text;
      for (auto& a : drawn.given)
        if (a.name == g.name) {
          a.text = " " + text;
          a.expression = expr::parse_expression(text, a.expression.where);
        }
    }
    expr::environment<real50> values;
    try {
      values = evaluate_case<real50>(drawn);
    } catch (const case_error&) {
      ++out.redraws["evaluation"];
      continue;
    }
    const auto broken = broken_constraints(drawn, values);
    if (!broken.empty()) {
      ++out.redraws["constraint " + broken.front()];
      continue;
    }
    if (verify == verification::checked) {
      auto checks = verify_derivatives(drawn);
      const auto failed = [](const std::vector<derivative_check>& cs) { return std::any_of(cs.begin(), cs.end(), [](const auto& k) { return !k.passed; }); };
      if (failed(checks)) {
        // a derivation that is wrong for the case's own givens is wrong for every draw: say so now
        if (out.redraws.count("verification") == 0)
          for (const auto& k : verify_derivatives(c))
            if (!k.passed)
              throw case_error(c.path.string() + ":" + std::to_string(k.line) + ": " + k.name + " is not " + k.claim + ": " + k.detail +
                               "; the case cannot be used for grading");
        ++out.redraws["verification"];
        continue;
      }
      out.checks = std::move(checks);
    }
    out.c = std::move(drawn);
    out.givens = std::move(givens);
    return out;
  }
  std::string why;
  for (const auto& [reason, n] : out.redraws) why += (why.empty() ? "" : ", ") + reason + ": " + std::to_string(n);
  throw case_error(c.path.string() + ": no variant for student '" + student + "' in " + std::to_string(max_draws) +
                   " draws (" + why + "); widen the ranges or relax the constraints");
}

}  // namespace gradecheck::cases
