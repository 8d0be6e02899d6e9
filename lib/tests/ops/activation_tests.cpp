#include "gradecheck/ops/activation.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
namespace ops = gradecheck::ops;

// Reference values: mpmath at 60 digits (mp.dps = 60), formulas in comments.

TEST(activation, sigmoid_and_its_derivative_match_mpmath) {
  // 1/(1+exp(-0.5)) and s(1-s)
  EXPECT_TRUE(agrees(ops::sigmoid(real50("0.5")), "0.622459331201854564638900565745508478753279365308910163059437", 49));
  EXPECT_TRUE(agrees(ops::sigmoid_derivative(real50("0.5")), "0.235003712201594489069302695021006944190071558952308764344723", 49));
}

TEST(activation, sigmoid_does_not_underflow_to_zero_for_large_negative_inputs) {
  // 1/(1+exp(1000)) = 5.0759588975494567652918094795743369193055992828928e-435
  EXPECT_TRUE(agrees(ops::sigmoid(real50(-1000)), "5.07595889754945676529180947957433691930559928289283736183239e-435", 49));
  EXPECT_EQ(ops::sigmoid(real50(1000)), real50(1));
}

TEST(activation, tanh_derivative_matches_mpmath) {
  // 1 - tanh(0.5)^2
  EXPECT_TRUE(agrees(ops::tanh_derivative(real50("0.5")), "0.786447732965927410149698934343636102489069141709254310305307", 49));
}

TEST(activation, elu_uses_alpha_on_the_negative_side) {
  const real50 alpha("1.5");
  // 1.5 (exp(-1) - 1) and 1.5 exp(-1)
  EXPECT_TRUE(agrees(ops::elu(real50(-1), alpha), "-0.948180838242836517606714344757808698831283303452348248238245", 49));
  EXPECT_TRUE(agrees(ops::elu_derivative(real50(-1), alpha), "0.551819161757163482393285655242191301168716696547651751761755", 49));
  EXPECT_EQ(ops::elu(real50(2), alpha), real50(2));
}

TEST(activation, softplus_is_accurate_in_both_tails) {
  // log(1 + exp(1)) and log(1 + exp(-60)) ~ exp(-60), the latter at mp.dps = 100 since 1 + e^-60 cancels
  EXPECT_TRUE(agrees(ops::softplus(real50(1)), "1.31326168751822283404899549496785564191528008567034837471906", 49));
  EXPECT_TRUE(agrees(ops::softplus(real50(-60)), "8.75651076269652033848873276240092566794710931961071725348371995e-27", 49));
  EXPECT_EQ(ops::softplus(real50(100000)), real50(100000) + ops::softplus(real50(-100000)));
}

TEST(activation, derivative_at_a_kink_is_the_left_derivative) {
  const real50 zero(0), alpha("0.1");
  EXPECT_EQ(ops::relu_derivative(zero), real50(0));
  EXPECT_EQ(ops::leaky_relu_derivative(zero, alpha), alpha);
  EXPECT_EQ(ops::elu_derivative(zero, real50("1.5")), real50("1.5"));
  EXPECT_TRUE(ops::is_kink(ops::activation<real50>{ops::activation_kind::relu}, zero));
  EXPECT_FALSE(ops::is_kink(ops::activation<real50>{ops::activation_kind::elu, real50(1)}, zero));
}

TEST(activation, leaky_relu_scales_negative_inputs) {
  EXPECT_EQ(ops::leaky_relu(real50(-3), real50("0.01")), real50("-0.03"));
  EXPECT_EQ(ops::relu(real50(-3)), real50(0));
  EXPECT_EQ(ops::relu_derivative(real50("1e-40")), real50(1));
}

TEST(activation, names_round_trip_and_unknown_names_are_refused) {
  for (auto k : {ops::activation_kind::identity, ops::activation_kind::sigmoid, ops::activation_kind::tanh,
                 ops::activation_kind::relu, ops::activation_kind::leaky_relu, ops::activation_kind::elu,
                 ops::activation_kind::softplus})
    EXPECT_EQ(ops::activation_named(ops::name_of(k)), k);
  EXPECT_THROW(ops::activation_named("swish"), std::invalid_argument);
}
