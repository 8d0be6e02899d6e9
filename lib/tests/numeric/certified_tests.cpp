#include "gradecheck/numeric/certified.hpp"

#include <gtest/gtest.h>

using namespace gradecheck::numeric;

TEST(certified, a_value_computed_alike_in_both_precisions_keeps_every_digit) {
  const auto third = certify(real100(1) / 3, real200(1) / 3, 50);
  EXPECT_EQ(third.digits, 50);
  EXPECT_EQ(third.text, "0." + std::string(50, '3'));
}

TEST(certified, a_rounding_the_two_precisions_disagree_on_is_not_printed) {
  // 0.125 and 0.125 + 1e-150 round to 0.12 and 0.13 (ties to even, then up): only 0.1 is sure
  const auto c = certify(real100("0.125"), real200("0.125") + real200("1e-150"), 2);
  EXPECT_EQ(c.text, "0.1");
  EXPECT_EQ(c.digits, 1);
}

TEST(certified, noise_around_an_exact_zero_is_zero) {
  const auto c = certify(real100("1e-99"), real200("-3e-199"), 50);
  EXPECT_EQ(c.text, "0");
  EXPECT_EQ(c.digits, 50);
}

// Adam's first step from w0 = [0.5, -1] on L = 1/2 (w0 - 1)^2 + 2 (w1 + 0.5)^2, by hand:
// g1 = [-0.5, -2], m1 = (1 - 0.9) g1 = [-0.05, -0.2], v1 = (1 - 0.999) g1^2 = [0.00025, 0.004], all exact decimals.
TEST(certified, exact_decimals_computed_in_binary_print_exactly) {
  const real100 beta2_w("0.999");
  const real200 beta2_c("0.999");
  EXPECT_EQ(certify((1 - real100("0.9")) * real100("-0.5"), (1 - real200("0.9")) * real200("-0.5"), 50).text,
            "-0.050000000000000000000000000000000000000000000000000");
  EXPECT_EQ(certify((1 - beta2_w) * 4, (1 - beta2_c) * 4, 50).text, "0.0040000000000000000000000000000000000000000000000000");
  EXPECT_EQ(certify((1 - beta2_w) * real100("0.25"), (1 - beta2_c) * real200("0.25"), 50).text,
            "0.00025000000000000000000000000000000000000000000000000");
}
