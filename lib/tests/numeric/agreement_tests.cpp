#include "gradecheck/numeric/agreement.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::digits_of_agreement;
using gradecheck::numeric::real50;
using gradecheck::numeric::relative_error;

TEST(agreement, counts_shared_significant_digits) {
  // relative error 1e-3 -> 3 digits; 1e-30 -> 30 digits
  EXPECT_NEAR(digits_of_agreement(real50("1.001"), real50(1)), 3.0, 1e-9);
  EXPECT_NEAR(digits_of_agreement(real50("1.000000000000000000000000000001"), real50(1)), 30.0, 1e-9);
}

TEST(agreement, is_capped_by_the_precision_and_floored_at_zero) {
  EXPECT_EQ(digits_of_agreement(real50(7), real50(7)), 50.0);
  EXPECT_EQ(digits_of_agreement(2.0, 2.0), 15.0);
  EXPECT_EQ(digits_of_agreement(real50(5), real50(1)), 0.0);
}

TEST(agreement, uses_the_absolute_error_against_zero) {
  EXPECT_EQ(relative_error(real50("0.25"), real50(0)), real50("0.25"));
  EXPECT_NEAR(digits_of_agreement(real50("1e-20"), real50(0)), 20.0, 1e-9);
}
