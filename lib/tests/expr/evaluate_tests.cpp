#include "gradecheck/expr/evaluate.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
using namespace gradecheck::expr;

namespace {
value<real50> eval(const char* text, const environment<real50>& env = {}) { return evaluate(parse_expression(text), env); }
std::string eval_error(const char* text, const environment<real50>& env = {}) {
  try {
    eval(text, env);
  } catch (const evaluation_error& e) {
    return e.message;
  }
  return "";
}
}  // namespace

TEST(evaluate, decimal_arithmetic_is_exact_to_fifty_digits) {
  // 0.1 + 0.2 - 0.3 is 0 for decimals; in double it is 5.55e-17
  using std::abs;
  EXPECT_LT(abs(eval("0.1 + 0.2 - 0.3").data[0]), real50("1e-49"));
  EXPECT_TRUE(agrees(eval("1/sqrt(13)").data[0], "0.277350098112614561009170866728499688173176659526557400977727", 49));  // mpmath
  EXPECT_EQ(eval("-2^2").data[0], real50(-4));
  EXPECT_EQ(eval("2^-1").data[0], real50("0.5"));
}

TEST(evaluate, star_is_the_matrix_product_and_dot_star_element_wise) {
  const auto Wx = eval("[[1, 2], [3, 4]] * [5, 6]");
  EXPECT_EQ(Wx.rows, 2u);
  EXPECT_EQ(Wx.cols, 1u);
  EXPECT_EQ(Wx.data, (std::vector<real50>{17, 39}));
  EXPECT_EQ(eval("[1, 2] .* [3, 4]").data, (std::vector<real50>{3, 8}));
  EXPECT_EQ(eval("[1, 2]' * [3, 4]").data, (std::vector<real50>{11}));
  EXPECT_EQ(eval("[1, 2] * [3, 4]'").rows, 2u);  // the outer product
  EXPECT_EQ(eval("2 * [1, 2] + 1").data, (std::vector<real50>{3, 5}));
  EXPECT_EQ(eval("[[1, 2], [3, 4]].T").data, (std::vector<real50>{1, 3, 2, 4}));
}

TEST(evaluate, indexing_is_zero_based) {
  const environment<real50> env{{"x", value<real50>::column({7, 8, 9})}, {"M", eval("[[1, 2], [3, 4]]")}};
  EXPECT_EQ(eval("x[0] + x[2]", env).data[0], real50(16));
  EXPECT_EQ(eval("M[1, 0]", env).data[0], real50(3));
  EXPECT_EQ(eval("M[1]", env).data, (std::vector<real50>{3, 4}));
  EXPECT_EQ(eval_error("x[3]", env), "index 3 is out of range 0..2");
  EXPECT_EQ(eval_error("x[0.5]", env), "index must be a non-negative integer (indices start at 0)");
}

TEST(evaluate, functions_apply_element_wise_and_reduce) {
  EXPECT_EQ(eval("relu([-1, 2])").data, (std::vector<real50>{0, 2}));
  EXPECT_EQ(eval("sum([1, 2, 3])").data[0], real50(6));
  EXPECT_EQ(eval("mean([1, 2, 3])").data[0], real50(2));
  EXPECT_TRUE(agrees(eval("var([1, 2, 3, 4])").data[0], "1.25", 49));
  EXPECT_EQ(eval("max([1, 5, 3])").data[0], real50(5));
  EXPECT_EQ(eval("min(2, [1, 5])").data, (std::vector<real50>{1, 2}));
  EXPECT_EQ(eval("dot([1, 2], [3, 4])").data[0], real50(11));
  EXPECT_EQ(eval("norm([3, 4])").data[0], real50(5));
  EXPECT_EQ(eval("diag([1, 2])").data, (std::vector<real50>{1, 0, 0, 2}));
  EXPECT_EQ(eval("eye(2) - ones(2)*ones(2)'").data, (std::vector<real50>{0, -1, -1, 0}));
  EXPECT_TRUE(agrees(eval("softmax([0, ln(2), ln(3)])[2]").data[0], "0.5", 49));
  EXPECT_TRUE(agrees(eval("leaky_relu(-2, 0.01)").data[0], "-0.02", 49));
}

TEST(evaluate, errors_name_the_problem) {
  EXPECT_EQ(eval_error("log(-1)"), "log of a number that is not positive");
  EXPECT_EQ(eval_error("sqrt(-4)"), "sqrt of a negative number");
  EXPECT_EQ(eval_error("1/0"), "division by zero");
  EXPECT_EQ(eval_error("y + 1"), "unknown name 'y'");
  EXPECT_EQ(eval_error("frob(1)"), "unknown function 'frob'");
  EXPECT_EQ(eval_error("[1, 2] + [1, 2, 3]"), "'+' needs equal shapes, got vector of 2 and vector of 3");
  EXPECT_EQ(eval_error("[1, 2] * [3, 4]"),
            "matrix product of vector of 2 and vector of 2: inner sizes differ (use .* for the element-wise product, or transpose one side)");
  EXPECT_EQ(eval_error("exp(1, 2)"), "exp() takes 1 argument, got 2");
  EXPECT_EQ(eval_error("[[1, 2], [3]]"), "row 1 of the matrix is a scalar, expected a vector of 2");
}

TEST(evaluate, double_and_real50_agree_to_double_precision) {
  const auto p = parse_expression("sigmoid(0.3775)*(1 - sigmoid(0.3775))");
  const double d = evaluate<double>(p, {}).data[0];
  const real50 r = evaluate<real50>(p, {}).data[0];
  EXPECT_NEAR(d, static_cast<double>(r), 1e-16);
}

TEST(evaluate, refuses_values_and_work_beyond_its_limits) {
  EXPECT_EQ(eval_error("eye(10000)"), "a value of 10000 x 10000 entries is too large (at most 1000000)");
  EXPECT_EQ(eval_error("ones(1000)*ones(1000)' * (ones(1000)*ones(1000)')"), "too costly to evaluate (more than 10000000 operations)");
  const evaluation_limits tight{100, 50};
  EXPECT_THROW(evaluate<real50>(parse_expression("sum(ones(60))"), {}, tight), evaluation_error);
  EXPECT_NO_THROW(evaluate<real50>(parse_expression("sum(ones(20))"), {}, tight));
}

TEST(evaluate, overflow_gives_infinity_not_a_crash) {
  using boost::multiprecision::isinf;
  EXPECT_TRUE(isinf(eval("exp(exp(exp(1000)))").data[0]));
}

TEST(evaluate, comparisons_give_one_or_zero_and_a_choice_evaluates_only_its_branch) {
  EXPECT_EQ(eval("[1, 5] > 2").data, (std::vector<real50>{0, 1}));
  EXPECT_EQ(eval("[3 == 3]").data[0], real50(1));
  EXPECT_EQ(eval("delta(2, 2) + delta(2, 3)").data[0], real50(1));
  EXPECT_EQ(eval("-1 >= 0 ? 1 : 0.5*exp(0)").data[0], real50("0.5"));
  EXPECT_EQ(eval("1 > 0 ? 7 : log(-1)").data[0], real50(7));  // the untaken branch is never evaluated
  EXPECT_EQ(eval_error("[1, 2] ? 1 : 0"), "the condition of '?' must be a scalar, got vector of 2");
}

TEST(evaluate, sum_over_an_index_takes_its_range_from_what_it_indexes) {
  const environment<real50> env{{"y", value<real50>::column({1, 2, 3})}, {"M", {2, 3, {1, 2, 3, 4, 5, 6}}}};
  EXPECT_EQ(eval("sum(k, y[k]^2)", env).data[0], real50(14));     // 1 + 4 + 9
  EXPECT_EQ(eval("sum(k, M[k, 2])", env).data[0], real50(9));     // rows: 3 + 6
  EXPECT_EQ(eval("sum(k, M[1, k])", env).data[0], real50(15));    // columns: 4 + 5 + 6
  EXPECT_EQ(eval("sum(k, 4, k)", env).data[0], real50(6));        // 0 + 1 + 2 + 3
  EXPECT_EQ(eval("sum(i, sum(j, M[i, j]))", env).data[0], real50(21));
  EXPECT_EQ(eval("sum(k, y[k]*[1, 1, 1])", env).data, (std::vector<real50>{6, 6, 6}));  // vector terms add up
  EXPECT_EQ(eval("sum(y)", env).data[0], real50(6));  // the one-argument sum is unchanged
}

TEST(evaluate, sum_over_an_index_says_when_the_range_is_unclear) {
  const environment<real50> env{{"y", value<real50>::column({1, 2, 3})}, {"z", value<real50>::column({1, 2})}};
  EXPECT_NE(eval_error("sum(k, k^2)", env).find("cannot tell the range of k"), std::string::npos);
  EXPECT_NE(eval_error("sum(k, y[k]*z[k])", env).find("different lengths (3 and 2)"), std::string::npos);
  EXPECT_NE(eval_error("sum(2, y[0])", env).find("must be a name"), std::string::npos);
}

TEST(evaluate, piecewise_takes_the_first_condition_that_holds_and_evaluates_only_it) {
  const environment<real50> env{{"x", value<real50>::scalar(-1)}, {"alpha", value<real50>::scalar(2)}};
  EXPECT_EQ(eval("piecewise(x >= 0, 1, alpha*x)", env).data[0], real50(-2));
  EXPECT_EQ(eval("piecewise(x < -5, 7, x < 0, 8, 9)", env).data[0], real50(8));
  EXPECT_EQ(eval("piecewise(x < 0, 1, log(x))", env).data[0], real50(1));  // log(-1) is never evaluated
  EXPECT_NE(eval_error("piecewise(x < 0, 1)", env).find("condition, value pairs"), std::string::npos);
}

TEST(evaluate, matlab_element_wise_division_and_power_are_read) {
  EXPECT_EQ(eval("[2, 6] ./ [1, 3]").data, (std::vector<real50>{2, 2}));
  EXPECT_EQ(eval("[2, 3] .^ 2").data, (std::vector<real50>{4, 9}));
}

TEST(evaluate, a_shared_budget_adds_up_over_evaluations) {
  const environment<real50> env{{"y", value<real50>::column({1, 2, 3})}};
  const auto tree = parse_expression("sum(k, y[k])");
  std::size_t once = 0;
  EXPECT_EQ(evaluate(tree, env, evaluation_limits{1000, 1000}, once).data[0], real50(6));
  ASSERT_GT(once, 0u);
  // a budget of one and a half evaluations: the first fits, the second goes over
  const evaluation_limits tight{1000, once + once / 2};
  std::size_t shared = 0;
  EXPECT_NO_THROW(evaluate(tree, env, tight, shared));
  EXPECT_EQ(shared, once);
  EXPECT_THROW(evaluate(tree, env, tight, shared), evaluation_error);
}
