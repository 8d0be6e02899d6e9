#include "gradecheck/formula/expected.hpp"

#include "gradecheck/expr/parser.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;
using numeric::real50;
using formula::value50;

namespace {

formula::question asking(const char* of, const char* wrt, std::vector<const char*> entry = {}, bool numerator = false) {
  formula::question q;
  q.name = "q";
  q.derivative_of = formula::written_expression{of, expr::parse_expression(of)};
  q.with_respect_to = wrt;
  for (const auto* e : entry) q.entry.push_back(expr::parse_expression(e));
  q.numerator_layout = numerator;
  return q;
}

bool close(const value50& v, std::size_t rows, std::size_t cols, const std::vector<const char*>& expected) {
  if (v.rows != rows || v.cols != cols || v.size() != expected.size()) return false;
  for (std::size_t k = 0; k < v.size(); ++k)
    if (boost::multiprecision::abs(v.data[k] - numeric::parse_real<real50>(expected[k])) > real50("1e-40")) return false;
  return true;
}

}  // namespace

// Expected values by hand: d(x^3)/dx = 3x^2; softmax's Jacobian is diag(y) - y y'.
TEST(finite_difference, a_scalar_function_of_a_scalar) {
  const formula::domain d;
  const expr::environment<real50> env{{"x", value50::scalar(2)}};
  EXPECT_TRUE(close(formula::finite_difference(d, asking("x^3", "x"), env).value, 1, 1, {"12"}));
}

TEST(finite_difference, one_entry_moved_gives_the_shape_of_the_function) {
  formula::domain d;
  d.define = expr::parse_assignments("y = softmax(z)");
  const expr::environment<real50> base{{"z", value50::column({0, 0})}};
  auto env = base;
  env["y"] = expr::evaluate(d.define[0].expression, env);
  // dy[1]/dz[0] = -y1 y0 = -1/4; the whole column dy/dz[0] = [1/4, -1/4]
  EXPECT_TRUE(close(formula::finite_difference(d, asking("y[1]", "z", {"0"}), env).value, 1, 1, {"-0.25"}));
  EXPECT_TRUE(close(formula::finite_difference(d, asking("y", "z", {"0"}), env).value, 2, 1, {"0.25", "-0.25"}));
}

TEST(finite_difference, the_whole_jacobian_of_a_vector_function) {
  formula::domain d;
  d.define = expr::parse_assignments("y = softmax(z)");
  expr::environment<real50> env{{"z", value50::column({0, boost::multiprecision::log(real50(2))})}};
  env["y"] = expr::evaluate(d.define[0].expression, env);
  // y = [1/3, 2/3]: diag(y) - y y' = [[2/9, -2/9], [-2/9, 2/9]]
  const auto J = formula::finite_difference(d, asking("y", "z"), env).value;
  EXPECT_TRUE(close(J, 2, 2, {"0.22222222222222222222222222222222222222222222", "-0.22222222222222222222222222222222222222222222",
                              "-0.22222222222222222222222222222222222222222222", "0.22222222222222222222222222222222222222222222"}));
}

TEST(finite_difference, a_scalar_by_a_matrix_by_a_row_and_in_numerator_layout) {
  const formula::domain d;
  const expr::environment<real50> env{{"W", {2, 2, {1, 0, 0, 1}}}, {"x", value50::column({1, 2})}, {"w", value50::column({1, 2})}};
  // sum(W x) = sum_ij W[i, j] x[j]: its gradient has W's shape with rows x'
  EXPECT_TRUE(close(formula::finite_difference(d, asking("sum(W*x)", "W"), env).value, 2, 2, {"1", "2", "1", "2"}));
  // by row 1 of W: a column, x
  EXPECT_TRUE(close(formula::finite_difference(d, asking("sum(W*x)", "W", {"1"}), env).value, 2, 1, {"1", "2"}));
  // w'w in numerator layout: the 1 x 2 row 2w'
  EXPECT_TRUE(close(formula::finite_difference(d, asking("w'*w", "w", {}, true), env).value, 1, 2, {"2", "4"}));
  EXPECT_TRUE(close(formula::finite_difference(d, asking("w'*w", "w"), env).value, 2, 1, {"2", "4"}));
}

TEST(agree, equal_up_to_the_precision_and_zero_entries_up_to_the_floor) {
  const value50 r = value50::column({real50(1), real50(0)});
  EXPECT_TRUE(formula::agree(value50::column({real50(1) + real50("1e-45"), real50("1e-45")}), {r, 0}));
  EXPECT_FALSE(formula::agree(value50::column({real50(1) + real50("1e-20"), real50(0)}), {r, 0}));
  EXPECT_FALSE(formula::agree(value50::column({real50(1), real50("1e-20")}), {r, 0}));
  EXPECT_FALSE(formula::agree(value50{1, 2, {1, 0}}, {r, 0}));  // a row is not a column
  EXPECT_TRUE(formula::agree(value50::column({real50(1) + real50("1e-20"), real50(0)}), {r, real50("1e-19")}));  // a finite difference's error
}

TEST(prepare, leaves_out_the_points_where_the_reference_is_undefined) {
  formula::domain d;
  d.variables.push_back({"x", {}, formula::variable::kind::uniform, -1, 1, {}, 0, ""});
  std::vector<formula::question> all(1);
  all[0].name = "dlog_dx";
  all[0].reference = formula::written_expression{"1/x", expr::parse_expression("1/x")};
  all[0].samples = 100;
  const auto p = formula::prepare(d, all, all[0], "test");
  EXPECT_EQ(p.q, &all[0]);
  for (const auto& s : p.samples) EXPECT_NE(s.at.variables.at("x").data[0], 0);
  // the fixed point x = 0 is undefined and left out; every random point is kept
  EXPECT_GE(p.samples.size(), 100u);
  EXPECT_LE(p.samples.size(), 102u);
}
