// Properties of formula checking, on the softmax Jacobian entry of the issue
// (y = softmax(z), K = 2..6, entry (i, j)):
//   - formulas equal to the derivative up to algebra (scaled and unscaled by a
//     random constant, a random multiple of a term that is 0) are accepted;
//   - adding a random non-zero multiple of a term that is not 0 is never
//     accepted, and the counterexample is shrunk to the smallest size, where
//     the added term still makes it fail;
//   - a random non-zero multiple of the derivative is found as that scaling
//     when it is one of the usual factors, and never accepted otherwise.

#include "gradecheck/expr/parser.hpp"
#include "gradecheck/formula/check.hpp"
#include "gradecheck/numeric/format.hpp"
#include "support/generators.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

using namespace gradecheck;
using property::decimal_in;

namespace {

struct softmax_entry {
  formula::domain d;
  std::vector<formula::question> all;
  formula::prepared_question p;

  softmax_entry() {
    d.sizes = {{"K", 2, 6}};
    d.indices = {{"i", "K"}, {"j", "K"}};
    d.variables.push_back({"z", {"K"}, formula::variable::kind::uniform, -4, 4, {}, 0, ""});
    d.define = expr::parse_assignments("y = softmax(z)");
    all.resize(1);
    all[0].name = "dy_dz";
    all[0].derivative_of = formula::written_expression{"y[i]", expr::parse_expression("y[i]")};
    all[0].with_respect_to = "z";
    all[0].entry = {expr::parse_expression("j")};
    all[0].reference = formula::written_expression{"y[i]*(delta(i, j) - y[j])", expr::parse_expression("y[i]*(delta(i, j) - y[j])")};
    all[0].samples = 60;  // fewer points than the grader's 200: each property runs 100 times
    p = formula::prepare(d, all, all[0], "softmax-jacobian");
  }
};

const softmax_entry& question() {
  static const softmax_entry q;
  return q;
}

formula::result check(const std::string& answer) { return formula::check(question().p, expr::parse_expression(answer), {}); }

std::string text(const numeric::real50& c) { return "(" + numeric::to_significant(c, 30) + ")"; }

}  // namespace

RC_GTEST_PROP(formula_check, formulas_equal_up_to_algebra_are_accepted, ()) {
  const auto c = *decimal_in(0.01, 100);
  const auto t = *rc::gen::element<std::string>("delta(i, j) - delta(j, i)", "y[i]*y[j] - y[j]*y[i]", "0*z[j]");
  const std::string answer = "y[i]*(delta(i, j) - y[j])*" + text(c) + "/" + text(c) + " + " + text(c) + "*(" + t + ")";
  const auto r = check(answer);
  RC_ASSERT(r.what == formula::finding::agrees);
}

RC_GTEST_PROP(formula_check, adding_a_term_that_is_not_zero_is_caught_at_the_smallest_size, ()) {
  const auto c = *decimal_in(0.001, 10).as("multiple");
  const auto t = *rc::gen::element<std::string>("1", "y[i]", "y[j]^2", "exp(y[i])").as("term");
  const auto r = check("y[i]*(delta(i, j) - y[j]) + " + text(c) + "*" + t);
  RC_ASSERT(r.what != formula::finding::agrees);
  // at K = 2 every term above is non-zero, so shrinking reaches z of two entries
  RC_ASSERT(r.example.has_value());
  const auto at = r.example->at.find("z = [");
  RC_ASSERT(at != std::string::npos);
  const auto end = r.example->at.find(']', at);
  const std::string z = r.example->at.substr(at, end - at);
  RC_ASSERT(std::count(z.begin(), z.end(), ',') == 1);
}

RC_GTEST_PROP(formula_check, a_multiple_of_the_derivative_is_never_accepted, ()) {
  const auto c = *decimal_in(-5, 5).as("factor");
  RC_PRE(c != 1);
  const auto r = check(text(c) + "*y[i]*(delta(i, j) - y[j])");
  RC_ASSERT(r.what != formula::finding::agrees);
  if (c == -1) RC_ASSERT(r.what == formula::finding::negated);
  if (c == 2 || c == numeric::real50("0.5") || c == 10 || c == numeric::real50("0.1")) RC_ASSERT(r.what == formula::finding::scaled);
}
