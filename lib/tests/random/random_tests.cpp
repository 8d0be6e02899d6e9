#include "gradecheck/random/draw.hpp"
#include "gradecheck/random/seed.hpp"
#include "gradecheck/random/shrink.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace gradecheck;
using numeric::real50;

// Stability across builds and machines rests on two published facts, checked here against
// their published values rather than against this code's own output.
TEST(seed, the_hash_is_fnv1a_with_its_published_test_vectors) {
  // FNV-1a 64-bit test vectors (Fowler, Noll, Vo: the reference implementation's test suite)
  EXPECT_EQ(random::stable_hash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(random::stable_hash("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(random::stable_hash("foobar"), 0x85944171f73967e8ULL);
}

TEST(seed, the_generator_is_the_standard_mersenne_twister) {
  // [rand.predef]: the 10000th draw of a default-constructed mt19937_64 is 9981545732273789042
  std::mt19937_64 standard;
  for (int k = 1; k < 10000; ++k) standard();
  EXPECT_EQ(standard(), 9981545732273789042ULL);
  auto a = random::generator_for("case", "student/alice");
  std::mt19937_64 same(random::stable_hash("case/student/alice"));
  EXPECT_EQ(a(), same());
}

TEST(draw, grid_values_have_the_decimals_asked_and_cover_the_range_ends_included) {
  auto rng = random::generator_for("test", "grid");
  std::set<std::string> seen;
  for (int k = 0; k < 2000; ++k) {
    const real50 x = random::on_grid(rng, 0.1, 0.9, 1);
    const real50 tenths = x * 10;
    EXPECT_EQ(tenths, boost::multiprecision::round(tenths)) << x;  // exactly a multiple of 0.1, not 0.1000000001
    EXPECT_GE(x, real50("0.1"));
    EXPECT_LE(x, real50("0.9"));
    seen.insert(x.str(1, std::ios_base::fixed));
  }
  EXPECT_EQ(seen.size(), 9u);  // 0.1, 0.2, ..., 0.9: both ends are drawn
  EXPECT_THROW(random::on_grid(rng, 0.11, 0.19, 1), std::invalid_argument);
}

TEST(shrink, simpler_numbers_go_to_0_then_to_fewer_decimals) {
  const auto s = random::simpler_numbers(real50("0.257"));
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0], 0);
  EXPECT_EQ(s[1], real50("0.2"));   // 0.257 cut to one decimal ...
  EXPECT_EQ(s[2], real50("0.3"));   // ... and rounded
  EXPECT_EQ(s[3], real50("0.25"));
  EXPECT_EQ(s[4], real50("0.26"));
  EXPECT_TRUE(random::simpler_numbers(real50(0)).empty());
  EXPECT_EQ(random::decimals_of(real50("-1.25")), 2);
}
