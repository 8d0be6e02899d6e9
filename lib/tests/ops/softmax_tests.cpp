#include "gradecheck/ops/softmax.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
using gradecheck::testing::decimal;
using gradecheck::testing::digits;
namespace ops = gradecheck::ops;

namespace {
// z = [0, ln 2, ln 3] gives e^z = [1, 2, 3], so softmax(z) = [1/6, 1/3, 1/2] by hand.
template <class Real>
std::vector<Real> logs_of_1_2_3() {
  using std::log;
  return {Real(0), log(Real(2)), log(Real(3))};
}
}  // namespace

template <class Real>
class softmax : public ::testing::Test {};
TYPED_TEST_SUITE(softmax, gradecheck::testing::precisions, gradecheck::testing::precision_names);

TYPED_TEST(softmax, matches_a_hand_computed_distribution) {
  using Real = TypeParam;
  const auto s = ops::softmax(logs_of_1_2_3<Real>());
  EXPECT_TRUE(agrees(s[0], Real(1) / 6, digits<Real>() - 1));
  EXPECT_TRUE(agrees(s[1], Real(1) / 3, digits<Real>() - 1));
  EXPECT_TRUE(agrees(s[2], Real(1) / 2, digits<Real>() - 1));
}

TYPED_TEST(softmax, survives_inputs_that_would_overflow_exp) {
  using Real = TypeParam;
  const auto s = ops::softmax(std::vector<Real>{Real(1000000), Real(1000000)});
  EXPECT_EQ(s[0], decimal<Real>("0.5"));
  const auto ls = ops::log_softmax(std::vector<Real>{Real(0), Real(-1000000)});
  EXPECT_TRUE(agrees(ls[1], "-1000000", digits<Real>() - 1));
}

TYPED_TEST(softmax, jacobian_entries_match_the_hand_derivation) {
  using Real = TypeParam;
  // J_ij = s_i (delta_ij - s_j) with s = [1/6, 1/3, 1/2]:
  // J_00 = 1/6 * 5/6 = 5/36, J_01 = -1/6 * 1/3 = -1/18, J_21 = -1/2 * 1/3 = -1/6
  const auto J = ops::softmax_jacobian(ops::softmax(logs_of_1_2_3<Real>()));
  EXPECT_TRUE(agrees(J(0, 0), Real(5) / 36, digits<Real>() - 1));
  EXPECT_TRUE(agrees(J(0, 1), Real(-1) / 18, digits<Real>() - 1));
  EXPECT_TRUE(agrees(J(2, 1), Real(-1) / 6, digits<Real>() - 1));
}

TYPED_TEST(softmax, log_softmax_is_the_log_of_softmax) {
  using Real = TypeParam;
  using std::log;
  const auto z = std::vector<Real>{decimal<Real>("0.3"), decimal<Real>("-1.2"), decimal<Real>("2.5")};
  const auto s = ops::softmax(z);
  const auto ls = ops::log_softmax(z);
  for (std::size_t i = 0; i < z.size(); ++i) EXPECT_TRUE(agrees(ls[i], Real(log(s[i])), digits<Real>() - 2));
}

TYPED_TEST(softmax, vjp_equals_the_cotangent_times_the_jacobian) {
  using Real = TypeParam;
  const auto s = ops::softmax(logs_of_1_2_3<Real>());
  const std::vector<Real> g{decimal<Real>("0.7"), decimal<Real>("-1.1"), decimal<Real>("0.4")};
  const auto J = ops::softmax_jacobian(s);
  const auto v = ops::softmax_vjp(s, g);
  for (std::size_t j = 0; j < 3; ++j) {
    Real expected = 0;
    for (std::size_t i = 0; i < 3; ++i) expected += g[i] * J(i, j);
    EXPECT_TRUE(agrees(v[j], expected, digits<Real>() - 2));
  }
}

TEST(softmax, refuses_an_empty_vector) {
  EXPECT_THROW(ops::softmax(std::vector<real50>{}), std::invalid_argument);
}
