#include "gradecheck/grade/follow_through.hpp"

#include "gradecheck/expr/parser.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;
using numeric::real50;
using value = expr::value<real50>;

namespace {
expr::environment<real50> env(std::initializer_list<std::pair<const char*, const char*>> values) {
  expr::environment<real50> out;
  for (const auto& [name, v] : values) out[name] = value::scalar(real50(v));
  return out;
}
std::optional<grade::diagnosis> check(const char* step, const expr::environment<real50>& student, const expr::environment<real50>& reference) {
  return grade::removes_the_work(expr::parse_expression(step), student, reference, {real50("0.000051")});
}
}  // namespace

// By hand: z3 = w5 h1 + w6 h2 + b2 with h1 = h2 = 0 is b2, whatever w5 and w6 are.
TEST(follow_through, a_step_that_no_longer_responds_to_an_input_does_no_work) {
  const auto reference = env({{"w5", "0.4"}, {"w6", "0.45"}, {"b2", "0.6"}, {"h1", "0.5933"}, {"h2", "0.5969"}});
  auto student = reference;
  student["h1"] = student["h2"] = value::scalar(0);
  const auto d = check("w5*h1 + w6*h2 + b2", student, reference);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->kind, grade::mistake::trivial_step);
  EXPECT_EQ(d->param("input"), "w5");
}

TEST(follow_through, a_result_of_zero_where_the_reference_is_not_does_no_work) {
  const auto reference = env({{"o1", "0.7514"}, {"t1", "0.01"}});
  auto student = reference;
  student["o1"] = value::scalar(real50("0.01"));
  const auto d = check("1/2*(t1 - o1)^2", student, reference);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->kind, grade::mistake::trivial_step);
}

TEST(follow_through, an_update_that_leaves_its_parameter_where_it_was_does_no_work) {
  const auto reference = env({{"w5", "0.4"}, {"eta", "0.5"}, {"g", "0.0822"}});
  auto student = reference;
  student["g"] = value::scalar(0);
  const auto d = check("w5 - eta*g", student, reference);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->kind, grade::mistake::trivial_step);  // eta no longer matters: the first rule to apply
}

TEST(follow_through, a_stationary_point_still_does_its_work) {
  // y (1 - y) at y = 1/2 has derivative 0, but moving y by its size changes it: 0.25 -> 0
  const auto reference = env({{"y", "0.1824"}});
  const auto student = env({{"y", "0.5"}});
  EXPECT_FALSE(check("y*(1 - y)", student, reference).has_value());
}

TEST(follow_through, a_saturated_but_real_computation_still_does_its_work) {
  // a sigmoid at 12 moves by 6e-6 when its input moves by its size: small, but not gone
  const auto reference = env({{"z", "1.1"}});
  const auto student = env({{"z", "12"}});
  EXPECT_FALSE(check("sigmoid(z)", student, reference).has_value());
}
