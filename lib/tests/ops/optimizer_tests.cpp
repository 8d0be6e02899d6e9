#include "gradecheck/ops/optimizer.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
namespace ops = gradecheck::ops;
using V = std::vector<real50>;

TEST(optimizer, sgd_with_weight_decay_by_hand) {
  // gh = 0.4 + 0.1 * 2 = 0.6; w = 2 - 0.5 * 0.6 = 1.7
  const ops::optimizer<real50> o{ops::optimizer_kind::sgd, real50("0.5"), 0, 0, 0, real50("0.1")};
  auto st = ops::optimizer_state<real50>::at(V{2});
  ops::step(o, st, V{real50("0.4")});
  EXPECT_EQ(st.w[0], real50("1.7"));
}

TEST(optimizer, exponentially_weighted_momentum_two_steps_by_hand) {
  // beta = 0.9, alpha = 0.1, g = 1 then 2:
  // V1 = 0.1, W1 = 1 - 0.01 = 0.99; V2 = 0.09 + 0.2 = 0.29, W2 = 0.99 - 0.029 = 0.961
  const ops::optimizer<real50> o{ops::optimizer_kind::momentum_ema, real50("0.1"), real50("0.9")};
  auto st = ops::optimizer_state<real50>::at(V{1});
  ops::step(o, st, V{1});
  ops::step(o, st, V{2});
  EXPECT_TRUE(agrees(st.v[0], "0.29", 49));
  EXPECT_TRUE(agrees(st.w[0], "0.961", 49));
}

TEST(optimizer, classical_and_nesterov_momentum_by_hand) {
  // mu = 0.5, lr = 0.1, g = 1, 1: classical V = 1, 1.5; W = -0.1, -0.25
  // nesterov V = 1, 1.5; W = -(1 + 0.5) 0.1 = -0.15, then -0.15 - 0.1 (1 + 0.75) = -0.325
  const ops::optimizer<real50> classical{ops::optimizer_kind::momentum, real50("0.1"), real50("0.5")};
  const ops::optimizer<real50> nesterov{ops::optimizer_kind::nesterov, real50("0.1"), real50("0.5")};
  auto a = ops::optimizer_state<real50>::at(V{0});
  auto b = a;
  ops::run(classical, a, [](const V&) { return V{1}; }, 2);
  ops::run(nesterov, b, [](const V&) { return V{1}; }, 2);
  EXPECT_TRUE(agrees(a.w[0], "-0.25", 49));
  EXPECT_TRUE(agrees(b.w[0], "-0.325", 49));
}

TEST(optimizer, rmsprop_first_step_by_hand) {
  // rho = 0.9, g = 2: s = 0.1 * 4 = 0.4; w = 0 - 0.01 * 2 / sqrt(0.4) = -0.0316227766...
  const ops::optimizer<real50> o{ops::optimizer_kind::rmsprop, real50("0.01"), real50("0.9")};
  auto st = ops::optimizer_state<real50>::at(V{0});
  ops::step(o, st, V{2});
  // mpmath: -0.02 / sqrt(0.4)
  EXPECT_TRUE(agrees(st.w[0], "-0.031622776601683793319988935444327185337195551393252168268575", 49));
}

TEST(optimizer, adam_second_step_by_hand) {
  // b1 = 0.9, b2 = 0.999, lr = 0.001, eps = 0, g = 1 then 3:
  // v = 0.1, 0.09 + 0.3 = 0.39;  s = 0.001, 0.000999 + 0.009 = 0.009999
  // vh = 0.39 / 0.19, sh = 0.009999 / 0.001999; w2 = w1 - 0.001 vh / sqrt(sh), w1 = -0.001
  const ops::optimizer<real50> o{ops::optimizer_kind::adam, real50("0.001"), real50("0.9"), real50("0.999")};
  auto st = ops::optimizer_state<real50>::at(V{0});
  ops::step(o, st, V{1});
  EXPECT_TRUE(agrees(st.w[0], "-0.001", 49));
  ops::step(o, st, V{3});
  // mpmath: -0.001 - 0.001*(0.39/0.19)/sqrt(0.009999/0.001999)
  EXPECT_TRUE(agrees(st.w[0], "-0.00191778111898030449137359982179026606303002427148725653506499", 48));
  EXPECT_EQ(st.t, 2);
}

TEST(optimizer, refuses_a_gradient_of_the_wrong_size) {
  const ops::optimizer<real50> o{ops::optimizer_kind::sgd, real50("0.1")};
  auto st = ops::optimizer_state<real50>::at(V{1, 2});
  EXPECT_THROW(ops::step(o, st, V{1}), std::invalid_argument);
}
