#include "gradecheck/ops/optimizer.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
using gradecheck::testing::decimal;
using gradecheck::testing::digits;
namespace ops = gradecheck::ops;

// Hand values are exact decimals, parsed at the test's precision; the steps
// round a few times, so each holds to all digits but the last (digits - 1).
template <class Real>
class optimizer : public ::testing::Test {};
TYPED_TEST_SUITE(optimizer, gradecheck::testing::precisions, gradecheck::testing::precision_names);

TYPED_TEST(optimizer, sgd_with_weight_decay_by_hand) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  // gh = 0.4 + 0.1 * 2 = 0.6; w = 2 - 0.5 * 0.6 = 1.7
  const ops::optimizer<Real> o{ops::optimizer_kind::sgd, decimal<Real>("0.5"), 0, 0, 0, decimal<Real>("0.1")};
  auto st = ops::optimizer_state<Real>::at(R{2});
  ops::step(o, st, R{decimal<Real>("0.4")});
  EXPECT_TRUE(agrees(st.w[0], "1.7", digits<Real>() - 1));
}

TYPED_TEST(optimizer, exponentially_weighted_momentum_two_steps_by_hand) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  // beta = 0.9, alpha = 0.1, g = 1 then 2:
  // V1 = 0.1, W1 = 1 - 0.01 = 0.99; V2 = 0.09 + 0.2 = 0.29, W2 = 0.99 - 0.029 = 0.961
  const ops::optimizer<Real> o{ops::optimizer_kind::momentum_ema, decimal<Real>("0.1"), decimal<Real>("0.9")};
  auto st = ops::optimizer_state<Real>::at(R{1});
  ops::step(o, st, R{1});
  ops::step(o, st, R{2});
  EXPECT_TRUE(agrees(st.v[0], "0.29", digits<Real>() - 1));
  EXPECT_TRUE(agrees(st.w[0], "0.961", digits<Real>() - 1));
}

TYPED_TEST(optimizer, classical_and_nesterov_momentum_by_hand) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  // mu = 0.5, lr = 0.1, g = 1, 1: classical V = 1, 1.5; W = -0.1, -0.25
  // nesterov V = 1, 1.5; W = -(1 + 0.5) 0.1 = -0.15, then -0.15 - 0.1 (1 + 0.75) = -0.325
  const ops::optimizer<Real> classical{ops::optimizer_kind::momentum, decimal<Real>("0.1"), decimal<Real>("0.5")};
  const ops::optimizer<Real> nesterov{ops::optimizer_kind::nesterov, decimal<Real>("0.1"), decimal<Real>("0.5")};
  auto a = ops::optimizer_state<Real>::at(R{0});
  auto b = a;
  ops::run(classical, a, [](const R&) { return R{1}; }, 2);
  ops::run(nesterov, b, [](const R&) { return R{1}; }, 2);
  EXPECT_TRUE(agrees(a.w[0], "-0.25", digits<Real>() - 1));
  EXPECT_TRUE(agrees(b.w[0], "-0.325", digits<Real>() - 1));
}

TYPED_TEST(optimizer, rmsprop_first_step_by_hand) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  // rho = 0.9, g = 2: s = 0.1 * 4 = 0.4; w = 0 - 0.01 * 2 / sqrt(0.4) = -0.0316227766...
  const ops::optimizer<Real> o{ops::optimizer_kind::rmsprop, decimal<Real>("0.01"), decimal<Real>("0.9")};
  auto st = ops::optimizer_state<Real>::at(R{0});
  ops::step(o, st, R{2});
  // mpmath (mp.dps = 150): -0.02 / sqrt(0.4)
  EXPECT_TRUE(agrees(st.w[0],
                     "-0.0316227766016837933199889354443271853371955513932521682685750485279259443863923822134424810837930029518735",
                     digits<Real>() - 1));
}

TYPED_TEST(optimizer, adam_second_step_by_hand) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  // b1 = 0.9, b2 = 0.999, lr = 0.001, eps = 0, g = 1 then 3:
  // v = 0.1, 0.09 + 0.3 = 0.39;  s = 0.001, 0.000999 + 0.009 = 0.009999
  // vh = 0.39 / 0.19, sh = 0.009999 / 0.001999; w2 = w1 - 0.001 vh / sqrt(sh), w1 = -0.001
  const ops::optimizer<Real> o{ops::optimizer_kind::adam, decimal<Real>("0.001"), decimal<Real>("0.9"), decimal<Real>("0.999")};
  auto st = ops::optimizer_state<Real>::at(R{0});
  ops::step(o, st, R{1});
  EXPECT_TRUE(agrees(st.w[0], "-0.001", digits<Real>() - 1));
  ops::step(o, st, R{3});
  // mpmath (mp.dps = 150): -0.001 - 0.001*(0.39/0.19)/sqrt(0.009999/0.001999)
  EXPECT_TRUE(agrees(st.w[0],
                     "-0.00191778111898030449137359982179026606303002427148725653506498523775930714577599383624723516652075700559774",
                     digits<Real>() - 2));
  EXPECT_EQ(st.t, 2);
}

TEST(optimizer, refuses_a_gradient_of_the_wrong_size) {
  const ops::optimizer<real50> o{ops::optimizer_kind::sgd, real50("0.1")};
  auto st = ops::optimizer_state<real50>::at(std::vector<real50>{1, 2});
  EXPECT_THROW(ops::step(o, st, std::vector<real50>{1}), std::invalid_argument);
}
