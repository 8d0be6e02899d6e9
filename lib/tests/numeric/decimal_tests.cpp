#include "gradecheck/numeric/decimal.hpp"

#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

#include <random>

using gradecheck::numeric::decimal_parse_error;
using gradecheck::numeric::parse_decimal;
using gradecheck::numeric::parse_real;
using gradecheck::numeric::real50;

TEST(decimal, keeps_the_written_digits_and_places) {
  const auto d = parse_decimal("0.5933");
  EXPECT_FALSE(d.negative);
  EXPECT_EQ(d.digits, "5933");
  EXPECT_EQ(d.exponent, -4);
  EXPECT_EQ(d.significant_digits(), 4);
  EXPECT_EQ(d.decimal_places(), 4);
}

TEST(decimal, trailing_zeros_are_significant) {
  EXPECT_EQ(parse_decimal("0.50").significant_digits(), 2);
  EXPECT_EQ(parse_decimal("0.0010").significant_digits(), 2);
  EXPECT_EQ(parse_decimal("0.0010").decimal_places(), 4);
}

TEST(decimal, reads_exponents_and_every_minus) {
  const auto d = parse_decimal("-2.7e-2");
  EXPECT_TRUE(d.negative);
  EXPECT_EQ(d.digits, "27");
  EXPECT_EQ(d.exponent, -3);
  EXPECT_TRUE(parse_decimal("\xE2\x88\x92" "0.0226").negative);  // U+2212 MINUS SIGN
  EXPECT_EQ(parse_decimal("12E2").decimal_places(), -2);
  EXPECT_EQ(parse_decimal(".5").digits, "5");
  EXPECT_EQ(parse_decimal("5.").exponent, 0);
}

TEST(decimal, zero_is_unsigned) {
  const auto d = parse_decimal("-0.00");
  EXPECT_FALSE(d.negative);
  EXPECT_EQ(d.digits, "0");
  EXPECT_EQ(d.decimal_places(), 2);
}

TEST(decimal, errors_name_the_column_and_what_was_expected) {
  const auto column_of = [](const char* text) {
    try {
      parse_decimal(text);
    } catch (const decimal_parse_error& e) {
      return e.column;
    }
    return std::size_t{0};
  };
  EXPECT_EQ(column_of(""), 1u);
  EXPECT_EQ(column_of("-"), 2u);
  EXPECT_EQ(column_of("1.2.3"), 4u);
  EXPECT_EQ(column_of("1e"), 3u);
  EXPECT_EQ(column_of("\xE2\x88\x92x"), 2u);  // the Unicode minus is one column
  EXPECT_EQ(column_of("1e999999"), 8u);
  try {
    parse_decimal("0.5x");
    FAIL();
  } catch (const decimal_parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("expected end of number"), std::string::npos) << e.what();
  }
}

TEST(decimal, converts_exactly_not_through_a_double) {
  // 0.15 * 100 - 15 vanishes to the precision of real50 when 0.15 is the
  // decimal, and is about 5.6e-16 (double's representation error) when it
  // went through a double.
  using std::abs;
  const real50 exact = parse_real<real50>("0.15");
  EXPECT_LT(abs(exact * 100 - 15), real50("1e-48"));
  const real50 via_double = real50(0.15);
  EXPECT_GT(abs(via_double * 100 - 15), real50("1e-16"));
}

TEST(decimal, converts_to_the_nearest_double) {
  EXPECT_EQ(parse_real<double>("0.1"), 0.1);
  EXPECT_EQ(parse_real<double>("-2.7e-2"), -0.027);
}

TEST(decimal, compares_by_value_exactly) {
  using gradecheck::numeric::compare;
  const auto cmp = [](const char* a, const char* b) { return compare(parse_decimal(a), parse_decimal(b)); };
  EXPECT_EQ(cmp("0.5", "0.50"), 0);
  EXPECT_EQ(cmp("5e-1", "0.5"), 0);
  EXPECT_EQ(cmp("0", "-0.000"), 0);
  EXPECT_EQ(cmp("0.59327", "0.5933"), -1);
  EXPECT_EQ(cmp("0.5933", "0.59327"), 1);
  EXPECT_EQ(cmp("-0.5933", "-0.59327"), -1);
  EXPECT_EQ(cmp("-1e-30", "0"), -1);
  EXPECT_EQ(cmp("1e-30", "0"), 1);
  EXPECT_EQ(cmp("-2", "1"), -1);
  EXPECT_EQ(cmp("10", "9.99999999999999999999999999999"), 1);
  EXPECT_EQ(cmp("100e-2", "1"), 0);
  // the 60th digit decides; a double would call them equal
  EXPECT_EQ(cmp("0.10000000000000000000000000000000000000000000000000000000001", "0.1"), 1);
}

// The same order as the values converted to real50, on random decimals of up to 30 digits with
// exponents from -40 to 10: a different formulation of the same comparison (30 digits are exact in real50).
TEST(decimal, compares_as_their_values_do) {
  using gradecheck::numeric::compare;
  std::mt19937_64 gen(20261202);
  const auto random_decimal = [&] {
    std::string s = gen() % 2 ? "-" : "";
    const int n = 1 + static_cast<int>(gen() % 30);
    for (int k = 0; k < n; ++k) s += static_cast<char>('0' + gen() % (k == 0 && n > 1 ? 3 : 10));
    return s + "e" + std::to_string(static_cast<int>(gen() % 51) - 40);
  };
  for (int k = 0; k < 20000; ++k) {
    const std::string a = random_decimal();
    const auto e = a.find('e');
    // every third pair is one value written twice: a trailing zero more, the exponent one less
    const std::string b = k % 3 ? random_decimal() : a.substr(0, e) + "0e" + std::to_string(std::stoi(a.substr(e + 1)) - 1);
    const real50 x = parse_real<real50>(a), y = parse_real<real50>(b);
    EXPECT_EQ(compare(parse_decimal(a), parse_decimal(b)), x < y ? -1 : (x > y ? 1 : 0)) << a << " vs " << b;
  }
}
