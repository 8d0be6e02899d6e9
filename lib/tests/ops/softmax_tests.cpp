#include "gradecheck/ops/softmax.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
namespace ops = gradecheck::ops;

namespace {
// z = [0, ln 2, ln 3] gives e^z = [1, 2, 3], so softmax(z) = [1/6, 1/3, 1/2] by hand.
std::vector<real50> logs_of_1_2_3() {
  using std::log;
  return {real50(0), log(real50(2)), log(real50(3))};
}
}  // namespace

TEST(softmax, matches_a_hand_computed_distribution) {
  const auto s = ops::softmax(logs_of_1_2_3());
  EXPECT_TRUE(agrees(s[0], "0.16666666666666666666666666666666666666666666666666667", 49));
  EXPECT_TRUE(agrees(s[1], "0.33333333333333333333333333333333333333333333333333333", 49));
  EXPECT_TRUE(agrees(s[2], "0.5", 49));
}

TEST(softmax, survives_inputs_that_would_overflow_exp) {
  const auto s = ops::softmax(std::vector<real50>{real50(1000000), real50(1000000)});
  EXPECT_EQ(s[0], real50("0.5"));
  const auto ls = ops::log_softmax(std::vector<real50>{real50(0), real50(-1000000)});
  EXPECT_TRUE(agrees(ls[1], "-1000000", 49));
}

TEST(softmax, jacobian_entries_match_the_hand_derivation) {
  // J_ij = s_i (delta_ij - s_j) with s = [1/6, 1/3, 1/2]:
  // J_00 = 1/6 * 5/6 = 5/36, J_01 = -1/6 * 1/3 = -1/18, J_21 = -1/2 * 1/3 = -1/6
  const auto J = ops::softmax_jacobian(ops::softmax(logs_of_1_2_3()));
  EXPECT_TRUE(agrees(J(0, 0), "0.13888888888888888888888888888888888888888888888888889", 49));
  EXPECT_TRUE(agrees(J(0, 1), "-0.055555555555555555555555555555555555555555555555555556", 49));
  EXPECT_TRUE(agrees(J(2, 1), "-0.16666666666666666666666666666666666666666666666666667", 49));
}

TEST(softmax, log_softmax_is_the_log_of_softmax) {
  using std::log;
  const auto z = std::vector<real50>{real50("0.3"), real50("-1.2"), real50("2.5")};
  const auto s = ops::softmax(z);
  const auto ls = ops::log_softmax(z);
  for (std::size_t i = 0; i < z.size(); ++i) EXPECT_TRUE(agrees(ls[i], gradecheck::numeric::to_significant(log(s[i]), 55).c_str(), 48));
}

TEST(softmax, vjp_equals_the_cotangent_times_the_jacobian) {
  const auto s = ops::softmax(logs_of_1_2_3());
  const std::vector<real50> g{real50("0.7"), real50("-1.1"), real50("0.4")};
  const auto J = ops::softmax_jacobian(s);
  const auto v = ops::softmax_vjp(s, g);
  for (std::size_t j = 0; j < 3; ++j) {
    real50 expected = 0;
    for (std::size_t i = 0; i < 3; ++i) expected += g[i] * J(i, j);
    EXPECT_TRUE(agrees(v[j], gradecheck::numeric::to_significant(expected, 55).c_str(), 48));
  }
}

TEST(softmax, refuses_an_empty_vector) {
  EXPECT_THROW(ops::softmax(std::vector<real50>{}), std::invalid_argument);
}
