#include "gradecheck/ops/loss.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
using gradecheck::testing::decimal;
using gradecheck::testing::digits;
namespace ops = gradecheck::ops;
using V = std::vector<real50>;

// mpmath values at 150 digits (mp.dps = 150), printed to 105.

template <class Real>
class loss : public ::testing::Test {};
TYPED_TEST_SUITE(loss, gradecheck::testing::precisions, gradecheck::testing::precision_names);

TYPED_TEST(loss, squared_error_with_and_without_the_half) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  // p - y = [0.5, -1]: sum of squares 1.25; every value is a binary fraction, so exact
  const R p{decimal<Real>("1.5"), Real(0)}, y{Real(1), Real(1)};
  EXPECT_EQ(ops::squared_error(p, y, ops::half_factor::with_half), decimal<Real>("0.625"));
  EXPECT_EQ(ops::squared_error(p, y, ops::half_factor::without_half), decimal<Real>("1.25"));
  EXPECT_EQ(ops::mse(p, y), decimal<Real>("0.625"));
  EXPECT_EQ(ops::squared_error_gradient(p, y, ops::half_factor::with_half), (R{decimal<Real>("0.5"), Real(-1)}));
  EXPECT_EQ(ops::squared_error_gradient(p, y, ops::half_factor::without_half), (R{Real(1), Real(-2)}));
  EXPECT_EQ(ops::mse_gradient(p, y), (R{decimal<Real>("0.5"), Real(-1)}));
}

TYPED_TEST(loss, bce_matches_mpmath_and_its_gradient_the_hand_fractions) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  const R p{decimal<Real>("0.2"), decimal<Real>("0.7")}, y{Real(0), Real(1)};
  // mpmath: -(log(0.8) + log(0.7))
  EXPECT_TRUE(agrees(ops::bce(p, y),
                     "0.579818495252942134678933801551018981338617844594919001245225623517384490693551545866745930602069007064869",
                     digits<Real>() - 1));
  // (p - y) / (p (1 - p)): 0.2 / 0.16 = 1.25 and -0.3 / 0.21 = -10/7
  const auto g = ops::bce_gradient(p, y);
  EXPECT_TRUE(agrees(g[0], "1.25", digits<Real>() - 1));
  EXPECT_TRUE(agrees(g[1], Real(-10) / 7, digits<Real>() - 1));
}

TYPED_TEST(loss, bce_with_logits_equals_bce_of_the_sigmoid) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  const R z{decimal<Real>("-1.5"), Real(2)}, y{Real(0), Real(1)};
  // mpmath: log(1 + exp(-1.5)) + log(1 + exp(-2))
  EXPECT_TRUE(agrees(ops::bce_with_logits(z, y),
                     "0.328341289025724905943209615415395536688731691758897367279676038184644375894430887919160168614039266386117",
                     digits<Real>() - 1));
  const R p{ops::sigmoid(z[0]), ops::sigmoid(z[1])};
  EXPECT_TRUE(agrees(ops::bce_with_logits(z, y), ops::bce(p, y), digits<Real>() - 2));
}

TYPED_TEST(loss, cross_entropy_of_a_one_hot_target_is_minus_log_of_its_probability) {
  using Real = TypeParam;
  using R = std::vector<Real>;
  using std::log;
  // softmax([0, ln 2, ln 3]) = [1/6, 1/3, 1/2]; target class 2: -log(1/2) = log 2
  const R z{Real(0), log(Real(2)), log(Real(3))}, y{Real(0), Real(0), Real(1)};
  const char* log2 =
      "0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863326996418687542001";
  EXPECT_TRUE(agrees(ops::cross_entropy_with_logits(z, y), log2, digits<Real>() - 1));
  EXPECT_TRUE(agrees(ops::cross_entropy(ops::softmax(z), y), log2, digits<Real>() - 1));
  // s - y = [1/6, 1/3, -1/2]
  const auto g = ops::cross_entropy_with_logits_gradient(z, y);
  EXPECT_TRUE(agrees(g[2], "-0.5", digits<Real>() - 1));
  EXPECT_TRUE(agrees(g[0], Real(1) / 6, digits<Real>() - 1));
  EXPECT_EQ(ops::cross_entropy_gradient(R{decimal<Real>("0.25")}, R{Real(1)})[0], Real(-4));
}

TEST(loss, refuses_mismatched_sizes) {
  EXPECT_THROW(ops::mse(V{real50(1)}, V{real50(1), real50(2)}), std::invalid_argument);
  EXPECT_THROW(ops::bce(V{}, V{}), std::invalid_argument);
}
