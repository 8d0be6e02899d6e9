#include "gradecheck/formula/check.hpp"

#include "gradecheck/expr/parser.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;
using numeric::real50;

namespace {

// A question asking for the derivative of `of` by `wrt`, with its reference formula.
formula::question asking(const char* name, const char* of, const char* wrt, const char* reference) {
  formula::question q;
  q.name = name;
  q.derivative_of = formula::written_expression{of, expr::parse_expression(of)};
  q.with_respect_to = wrt;
  q.reference = formula::written_expression{reference, expr::parse_expression(reference)};
  return q;
}


// The softmax Jacobian question of the issue: y = softmax(z), K in 2..6, entry (i, j) or the whole matrix.
struct softmax_question {
  formula::domain d;
  std::vector<formula::question> all;
  formula::prepared_question entry, matrix;

  softmax_question() {
    d.sizes = {{"K", 2, 6}};
    d.indices = {{"i", "K"}, {"j", "K"}};
    d.variables.push_back({"z", {"K"}, formula::variable::kind::uniform, -4, 4, {}, 0, ""});
    d.define = expr::parse_assignments("y = softmax(z)");
    all = {asking("dy_dz", "y[i]", "z", "y[i]*(delta(i, j) - y[j])"), asking("J", "y", "z", "diag(y) - y*y'")};
    all[0].entry = {expr::parse_expression("j")};
    entry = formula::prepare(d, all, all[0], "softmax-jacobian");
    matrix = formula::prepare(d, all, all[1], "softmax-jacobian");
  }
};

formula::result check(const formula::prepared_question& p, const char* answer, const std::vector<formula::alternative>& alternatives = {}) {
  return formula::check(p, expr::parse_expression(answer), alternatives);
}

}  // namespace

TEST(check, equivalent_formulas_agree_at_every_point) {
  const softmax_question s;
  for (const char* answer : {"y[i]*(delta(i, j) - y[j])", "i == j ? y[i]*(1 - y[i]) : -y[i]*y[j]", "y[i]*[i == j] - y[i]*y[j]",
                             "exp(z[i])/sum(k, exp(z[k]))*(delta(i, j) - exp(z[j])/sum(k, exp(z[k])))",
                             "y[j]*(delta(i, j) - y[i])"}) {  // the Jacobian is symmetric
    const auto r = check(s.entry, answer);
    EXPECT_EQ(r.what, formula::finding::agrees) << answer;
    EXPECT_FALSE(r.example.has_value());
    EXPECT_GT(r.points, 200u);
  }
  EXPECT_EQ(check(s.matrix, "diag(y) - outer(y, y)").what, formula::finding::agrees);
}

// The example: a sign error, shown at a small point. By hand at z = [0, 0]: y = [1/2, 1/2],
// dy0/dz0 = y0 (1 - y0) = 1/4.
TEST(check, a_sign_error_is_named_and_shown_at_a_small_point) {
  const softmax_question s;
  const auto r = check(s.entry, "y[i]*(y[j] - delta(i, j))");
  EXPECT_EQ(r.what, formula::finding::negated);
  ASSERT_TRUE(r.example.has_value());
  EXPECT_EQ(r.example->got, "-0.25");
  EXPECT_EQ(r.example->at, "z = [0, 0], i = 0, j = 0");
  EXPECT_EQ(r.example->there, "y = [0.5, 0.5]");
  EXPECT_EQ(r.example->truth, "0.25");
  EXPECT_TRUE(r.example->of_derivative);
}

TEST(check, a_wrong_formula_is_shrunk_to_the_smallest_size_and_simple_numbers) {
  const softmax_question s;
  // right everywhere except off the diagonal where it drops a term: fails at every K >= 2
  const auto r = check(s.entry, "y[i]*(1 - y[j])");
  EXPECT_EQ(r.what, formula::finding::differs);
  // shrunk to K = 2 with z = [0, 0] (y = [1/2, 1/2]): i != j gives 1/4 where the derivative is -1/4
  ASSERT_TRUE(r.example.has_value());
  EXPECT_EQ(r.example->at.rfind("z = [0, 0], i = ", 0), 0u) << r.example->at;
  EXPECT_EQ(r.example->got, "0.25");
  EXPECT_EQ(r.example->truth, "-0.25");
}

TEST(check, scalings_transposes_shapes_and_named_alternatives) {
  const softmax_question s;
  EXPECT_EQ(check(s.entry, "2*y[i]*(delta(i, j) - y[j])").what, formula::finding::scaled);
  EXPECT_EQ(check(s.entry, "2*y[i]*(delta(i, j) - y[j])").factor, "2");
  EXPECT_EQ(check(s.entry, "K*y[i]*(delta(i, j) - y[j])").factor, "K");
  const auto shape = check(s.matrix, "y");
  EXPECT_EQ(shape.what, formula::finding::wrong_shape);
  EXPECT_EQ(shape.expected_shape, "2x2");
  EXPECT_EQ(shape.got_shape, "2x1");
  const auto clash = check(s.matrix, "diag(y) - y .* y'");
  EXPECT_EQ(clash.what, formula::finding::wrong_shape);
  ASSERT_TRUE(clash.example.has_value());
  EXPECT_NE(clash.example->error.find("needs equal shapes"), std::string::npos) << clash.example->error;
  const std::vector<formula::alternative> named{{expr::parse_expression("y[i]"), false}, {expr::parse_expression("-y[i]*y[j]"), true}};
  const auto m = check(s.entry, "-y[i]*y[j]", named);
  EXPECT_EQ(m.what, formula::finding::alternative);
  EXPECT_EQ(m.alternative, 1u);
}

TEST(check, a_transpose_is_told_from_a_different_shape) {
  formula::domain d;
  d.sizes = {{"m", 2, 3}, {"n", 4, 5}};
  d.variables.push_back({"W", {"m", "n"}, formula::variable::kind::uniform, -1, 1, {}, 0, ""});
  d.variables.push_back({"x", {"n"}, formula::variable::kind::uniform, -1, 1, {}, 0, ""});
  const std::vector<formula::question> all{asking("dL_dW", "sum(W*x)", "W", "ones(m)*x'")};
  const auto p = formula::prepare(d, all, all[0], "t");
  const auto r = check(p, "x*ones(m)'");
  EXPECT_EQ(r.what, formula::finding::transposed);
  EXPECT_EQ(r.expected_shape, "2x4");
  EXPECT_EQ(r.got_shape, "4x2");
  // a different shape whose sizes are swapped, but not the transpose, is a shape error that only asks
  const auto other = check(p, "2*x*ones(m)'");
  EXPECT_EQ(other.what, formula::finding::wrong_shape);
  EXPECT_EQ(other.got_shape, "4x2");
}

TEST(check, undefined_where_the_derivative_exists) {
  const softmax_question s;
  const auto r = check(s.entry, "y[i]*(delta(i, j) - y[j])*z[i]/z[i]");
  EXPECT_EQ(r.what, formula::finding::undefined);
  ASSERT_TRUE(r.example.has_value());
  EXPECT_TRUE(r.example->got.empty());
  EXPECT_EQ(r.example->at.rfind("z = [0, 0]", 0), 0u) << r.example->at;
  EXPECT_NE(r.example->error.find("division by zero"), std::string::npos) << r.example->error;
}

TEST(check, an_entry_formula_answers_a_vector_question) {
  formula::domain d;
  d.sizes = {{"m", 2, 4}};
  d.indices = {{"i", "m"}};
  d.variables.push_back({"x", {"m"}, formula::variable::kind::uniform, -1, 1, {}, 0, ""});
  const std::vector<formula::question> all{asking("g", "sum(x^3)", "x", "3*x^2")};
  const auto p = formula::prepare(d, all, all[0], "t");
  EXPECT_EQ(check(p, "3*x[i]^2").what, formula::finding::agrees);
  EXPECT_EQ(check(p, "2*x[i]^2").what, formula::finding::differs);
}

TEST(check, a_costly_formula_is_stopped_within_its_budget) {
  const softmax_question s;
  const auto r = check(s.entry, "sum(k, 1000, sum(l, 1000, y[i]))");
  EXPECT_EQ(r.what, formula::finding::differs);
  EXPECT_TRUE(r.too_costly);
}

TEST(check, unknown_names_and_functions_are_listed_and_sum_indices_are_not_unknown) {
  EXPECT_EQ(formula::unknown_names(expr::parse_expression("sum(k, y[k]*s[k]) + y_i"), {"y", "i"}), (std::vector<std::string>{"s", "y_i"}));
  EXPECT_EQ(formula::unknown_functions(expr::parse_expression("cosh(x) + exp(x)")), (std::vector<std::string>{"cosh"}));
}
