#include "gradecheck/numeric/format.hpp"

#include <gtest/gtest.h>

#include <limits>

using gradecheck::numeric::real50;
using gradecheck::numeric::to_significant;

TEST(format, prints_fifty_correctly_rounded_digits) {
  using std::sqrt;
  // Python: decimal.getcontext().prec = 50; +Decimal(2).sqrt()
  EXPECT_EQ(to_significant(sqrt(real50(2)), 50), "1.4142135623730950488016887242096980785696718753769");
  EXPECT_EQ(to_significant(sqrt(real50(2)), 10), "1.414213562");
  EXPECT_EQ(to_significant(real50(2) / 3, 5), "0.66667");
}

TEST(format, rounds_ties_to_even_on_the_exact_binary_value) {
  // 0.125 and 0.375 are exact in binary, so these are true ties.
  EXPECT_EQ(to_significant(real50("0.125"), 2), "0.12");
  EXPECT_EQ(to_significant(real50("0.375"), 2), "0.38");
  EXPECT_EQ(to_significant(0.125, 2), "0.12");
}

TEST(format, keeps_trailing_zeros_and_switches_to_scientific_far_from_one) {
  EXPECT_EQ(to_significant(real50("0.5"), 4), "0.5000");
  EXPECT_EQ(to_significant(real50("123456"), 3), "123000");
  EXPECT_EQ(to_significant(real50("0.0000125"), 3), "0.0000125");
  EXPECT_EQ(to_significant(real50("1.25e-7"), 3), "1.25e-7");
  EXPECT_EQ(to_significant(real50("-1e21"), 2), "-1.0e21");
  EXPECT_EQ(to_significant(real50(0), 5), "0");
}

TEST(format, prints_the_exact_binary_expansion_of_a_double) {
  // 0.1 as a double is 0.1000000000000000055511151231257827...
  EXPECT_EQ(to_significant(0.1, 20), "0.10000000000000000555");
  EXPECT_EQ(to_significant(-2.5, 3), "-2.50");
}

TEST(format, names_non_finite_values) {
  EXPECT_EQ(to_significant(std::numeric_limits<double>::quiet_NaN(), 3), "nan");
  EXPECT_EQ(to_significant(-std::numeric_limits<double>::infinity(), 3), "-inf");
  EXPECT_EQ(to_significant(real50(1) / real50(0), 3), "inf");
  EXPECT_THROW(to_significant(1.0, 0), std::invalid_argument);
}
