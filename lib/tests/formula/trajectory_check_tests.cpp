#include "gradecheck/formula/trajectory_check.hpp"

#include "gradecheck/expr/parser.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;

namespace {

formula::domain momentum_domain() {
  formula::domain d;
  d.sizes = {{"n", 1, 3}};
  using formula::variable;
  d.variables.push_back({"W", {"n"}, variable::kind::uniform, -2, 2, {}, 0, ""});
  d.variables.push_back({"V", {"n"}, variable::kind::uniform, -1, 1, {}, 0, ""});
  d.variables.push_back({"dW", {"n"}, variable::kind::uniform, -3, 3, {}, 0, ""});
  d.variables.push_back({"alpha", {}, variable::kind::uniform, 0.001, 0.5, {}, 0, ""});
  d.variables.push_back({"beta", {}, variable::kind::uniform, 0.5, 0.99, {}, 0, ""});
  return d;
}

formula::trajectory momentum(const char* optimizer) {
  formula::trajectory t;
  t.optimizer = optimizer;
  t.parameter = "W";
  t.velocity = "V";
  t.gradient = "dW";
  t.learning_rate = "alpha";
  t.momentum = "beta";
  t.new_parameter = "W_new";
  t.new_velocity = "V_new";
  return t;
}

formula::trajectory_result run(const char* optimizer, const char* v, const char* w) {
  return formula::check_trajectory(momentum_domain(), momentum(optimizer), expr::parse_expression(v), expr::parse_expression(w), "t");
}

}  // namespace

// The rules written out from the definitions in ops/optimizer.hpp's header comment.
TEST(trajectory, the_rules_of_each_convention_follow_their_optimizer) {
  EXPECT_TRUE(run("momentum_ema", "beta*V + (1 - beta)*dW", "W - alpha*V_new").matches);
  EXPECT_TRUE(run("momentum", "beta*V + dW", "W - alpha*V_new").matches);
  EXPECT_TRUE(run("sgd", "0*V", "W - alpha*dW").matches);
}

TEST(trajectory, a_rescaled_velocity_that_moves_the_parameter_the_same_way_passes) {
  // V' = V/(1 - beta): the same steps of W as the averaged velocity
  EXPECT_TRUE(run("momentum_ema", "beta*V + dW", "W - alpha*(1 - beta)*V_new").matches);
  // the classical form carries the learning rate in the velocity: V'' = -alpha V of PyTorch's form
  EXPECT_TRUE(run("momentum", "beta*V - alpha*dW", "W + V_new").matches);
}

TEST(trajectory, another_convention_fails_with_the_first_step_that_parts) {
  const auto r = run("momentum_ema", "beta*V + dW", "W - alpha*V_new");
  EXPECT_FALSE(r.matches);
  EXPECT_NE(r.counterexample.find("after step 1"), std::string::npos) << r.counterexample;
  EXPECT_NE(r.counterexample.find("V = [0"), std::string::npos) << r.counterexample;  // every run starts from V = 0
  // stepping with the old velocity: from V = 0 the first step does not move W at all
  EXPECT_FALSE(run("momentum_ema", "beta*V + (1 - beta)*dW", "W - alpha*V").matches);
}
