#include "gradecheck/ops/activation.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::testing::agrees;
using gradecheck::testing::decimal;
using gradecheck::testing::digits;
namespace ops = gradecheck::ops;

// Reference values: mpmath at 150 digits (mp.dps = 150), printed to 105, formulas in comments.
// Each holds at every precision but the last digit (digits - 1).

template <class Real>
class activation : public ::testing::Test {};
TYPED_TEST_SUITE(activation, gradecheck::testing::precisions, gradecheck::testing::precision_names);

TYPED_TEST(activation, sigmoid_and_its_derivative_match_mpmath) {
  using Real = TypeParam;
  // 1/(1+exp(-0.5)) and s(1-s)
  EXPECT_TRUE(agrees(ops::sigmoid(decimal<Real>("0.5")),
                     "0.62245933120185456463890056574550847875327936530891016305943716265854499564002467950258369472474237306704",
                     digits<Real>() - 1));
  EXPECT_TRUE(agrees(ops::sigmoid_derivative(decimal<Real>("0.5")),
                     "0.23500371220159448906930269502100694419007155895230876434472299499909261141960786309902743772109881193379",
                     digits<Real>() - 1));
}

TYPED_TEST(activation, sigmoid_does_not_underflow_to_zero_for_large_negative_inputs) {
  using Real = TypeParam;
  // 1/(1+exp(1000))
  EXPECT_TRUE(agrees(ops::sigmoid(Real(-1000)),
                     "5.07595889754945676529180947957433691930559928289283736183239384541054054297481917567966216904654286786367e-435",
                     digits<Real>() - 1));
  EXPECT_EQ(ops::sigmoid(Real(1000)), Real(1));
}

TYPED_TEST(activation, tanh_derivative_matches_mpmath) {
  using Real = TypeParam;
  // 1 - tanh(0.5)^2
  EXPECT_TRUE(agrees(ops::tanh_derivative(decimal<Real>("0.5")),
                     "0.786447732965927410149698934343636102489069141709254310305307329947321149570580238625390114192802600232794",
                     digits<Real>() - 1));
}

TYPED_TEST(activation, elu_uses_alpha_on_the_negative_side) {
  using Real = TypeParam;
  const Real alpha = decimal<Real>("1.5");
  // 1.5 (exp(-1) - 1) and 1.5 exp(-1)
  EXPECT_TRUE(agrees(ops::elu(Real(-1), alpha),
                     "-0.948180838242836517606714344757808698831283303452348248238244797453807756382650294964279088481120534380059",
                     digits<Real>() - 1));
  EXPECT_TRUE(agrees(ops::elu_derivative(Real(-1), alpha),
                     "0.551819161757163482393285655242191301168716696547651751761755202546192243617349705035720911518879465619941",
                     digits<Real>() - 1));
  EXPECT_EQ(ops::elu(Real(2), alpha), Real(2));
}

TYPED_TEST(activation, softplus_is_accurate_in_both_tails) {
  using Real = TypeParam;
  // log(1 + exp(1)) and log(1 + exp(-60)) ~ exp(-60), where 1 + e^-60 cancels
  EXPECT_TRUE(agrees(ops::softplus(Real(1)),
                     "1.31326168751822283404899549496785564191528008567034837471906351483719490150918722093620040627729239138902",
                     digits<Real>() - 1));
  EXPECT_TRUE(agrees(ops::softplus(Real(-60)),
                     "8.75651076269652033848873276240092566794710931961071725348371995256668451301235666869616243770250504177655e-27",
                     digits<Real>() - 1));
  EXPECT_EQ(ops::softplus(Real(100000)), Real(100000) + ops::softplus(Real(-100000)));
}

TYPED_TEST(activation, derivative_at_a_kink_is_the_left_derivative) {
  using Real = TypeParam;
  const Real zero(0), alpha = decimal<Real>("0.1");
  EXPECT_EQ(ops::relu_derivative(zero), Real(0));
  EXPECT_EQ(ops::leaky_relu_derivative(zero, alpha), alpha);
  EXPECT_EQ(ops::elu_derivative(zero, decimal<Real>("1.5")), decimal<Real>("1.5"));
  EXPECT_TRUE(ops::is_kink(ops::activation<Real>{ops::activation_kind::relu}, zero));
  EXPECT_FALSE(ops::is_kink(ops::activation<Real>{ops::activation_kind::elu, Real(1)}, zero));
}

TYPED_TEST(activation, leaky_relu_scales_negative_inputs) {
  using Real = TypeParam;
  // 0.01 is not a binary fraction: alpha x is -0.03 but for its last digit
  EXPECT_TRUE(agrees(ops::leaky_relu(Real(-3), decimal<Real>("0.01")), "-0.03", digits<Real>() - 1));
  EXPECT_EQ(ops::relu(Real(-3)), Real(0));
  EXPECT_EQ(ops::relu_derivative(decimal<Real>("1e-40")), Real(1));
}

TEST(activation, names_round_trip_and_unknown_names_are_refused) {
  for (auto k : {ops::activation_kind::identity, ops::activation_kind::sigmoid, ops::activation_kind::tanh,
                 ops::activation_kind::relu, ops::activation_kind::leaky_relu, ops::activation_kind::elu,
                 ops::activation_kind::softplus})
    EXPECT_EQ(ops::activation_named(ops::name_of(k)), k);
  EXPECT_THROW(ops::activation_named("swish"), std::invalid_argument);
}
