#include "gradecheck/writeup/check.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace gradecheck::writeup;

namespace {

check_result check_md(const std::string& text) { return check_document(read_document(text, format::markdown)); }

}  // namespace

TEST(check, a_right_chain_holds_at_the_precision_written) {
  // sigma(0.3775) = 0.593269992..., so 0.5933 holds and 0.5934 does not (its interval [0.59335, 0.59345] misses it)
  const auto r = check_md("$$[w_1, w_2, b_1] = [0.15, 0.20, 0.35]$$\n\n$$[i_1, i_2] = [0.05, 0.10]$$\n\n"
                          "$$h_1 = \\sigma(w_1 i_1 + w_2 i_2 + b_1) = \\sigma(0.3775) = 0.5933$$\n\n$$h_2 = \\sigma(0.3775) = 0.5934$$\n");
  ASSERT_EQ(r.links.size(), 3u);  // the first link of each chain defines h_1, h_2
  EXPECT_EQ(r.links[0].status, link_status::holds);   // sigma(w1 i1 + w2 i2 + b1) = sigma(0.3775): 0.0075 + 0.02 + 0.35
  EXPECT_EQ(r.links[1].status, link_status::holds);
  EXPECT_EQ(r.links[2].status, link_status::fails);
  EXPECT_EQ(r.links[2].where.line, 7);
  // sigma([0.37745, 0.37755]) = 0.59326999 -+ 0.00005 * sigma'(0.3775) = 0.59326999 -+ 0.0000120650, outward to 6 digits
  EXPECT_EQ(r.links[2].left_value, "[0.593257, 0.593283]");
  EXPECT_EQ(r.links[2].right_value, "[0.593350, 0.593450]");
  EXPECT_EQ(r.count(link_status::holds), 2u);
}

TEST(check, an_arithmetic_slip_fails_with_what_each_side_gives) {
  // seed 000 (1.35): 0.0130 + 0.0142 is +0.0272
  const auto r = check_md("$$= (0.054) + 0.0142 \\quad (1.34)$$\n\n$$0.0130 + 0.0142 = -0.0272 \\quad (1.35)$$\n");
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].status, link_status::fails);
  EXPECT_EQ(r.links[0].tag, "1.35");
  EXPECT_EQ(r.links[0].left_value, "[0.0270999, 0.0273001]");
  EXPECT_EQ(r.links[0].right_value, "[-0.0272500, -0.0271500]");
}

TEST(check, a_value_claimed_earlier_is_used_later) {
  // 0.054 from the first chain; 0.054 * 0.2413 * 0.05 = 0.00065151, which 0.00065 ([0.000645, 0.000655]) holds
  const auto r = check_md("$$i_1 = 0.05$$\n$$\\frac{\\partial L}{\\partial h_1} = 0.01 + 0.044 = 0.054$$\n"
                          "$$\\frac{\\partial L}{\\partial w_1} = \\frac{\\partial L}{\\partial h_1} \\cdot 0.2413 \\cdot i_1 = 0.00065$$\n");
  ASSERT_EQ(r.links.size(), 2u);
  EXPECT_EQ(r.links[0].status, link_status::holds);
  EXPECT_EQ(r.links[1].status, link_status::holds);
}

TEST(check, a_bare_definition_is_exact_and_may_redefine) {
  // w_5 = 0.40, then restated as 0.3589 (the updated weight): the second is a definition, not a failed claim
  const auto r = check_md("$$w_5 = 0.40$$\n$$x = w_5 \\cdot 2 = 0.80$$\n$$w_5 = 0.3589$$\n$$y = w_5 \\cdot 1 = 0.3589$$\n");
  ASSERT_EQ(r.links.size(), 2u);
  EXPECT_EQ(r.links[0].status, link_status::holds);
  EXPECT_EQ(r.links[1].status, link_status::holds);
  ASSERT_GE(r.definitions.size(), 2u);
  EXPECT_EQ(r.definitions[0].name, "w5");
  EXPECT_EQ(r.definitions[0].value, "0.400000000000");
}

TEST(check, symbols_without_values_are_not_checked_and_say_why) {
  const auto r = check_md("$$a = z_1 + 1 = 2$$\n$$b = 1 \\cdots 2 = 3$$\n$$c = 1 < 2$$\n");
  ASSERT_EQ(r.links.size(), 3u);
  EXPECT_EQ(r.links[0].status, link_status::not_checked);
  EXPECT_EQ(r.links[0].why, "no value for z1");
  EXPECT_EQ(r.links[1].status, link_status::not_checked);
  EXPECT_EQ(r.links[1].why.substr(0, 9), "not read:");
  EXPECT_EQ(r.links[2].why, "only = and \\approx are checked");
}

TEST(check, derivative_claims_are_checked_at_random_points) {
  // d/dz sigma(z) = sigma(z)(1 - sigma(z)) holds everywhere; sigma(z)^2 is wrong wherever sigma(z) != 1/2
  const auto r = check_md("$$\\frac{d}{dz}\\sigma(z) = \\sigma(z)(1 - \\sigma(z))$$\n$$\\frac{d}{dz}\\sigma(z) = \\sigma(z)^2$$\n"
                          "$$\\frac{d}{dx} x^3 = 3x^2$$\n");
  ASSERT_EQ(r.links.size(), 3u);
  EXPECT_EQ(r.links[0].status, link_status::holds);
  EXPECT_EQ(r.links[1].status, link_status::fails);
  EXPECT_EQ(r.links[1].why.substr(0, 6), "at z =");
  EXPECT_EQ(r.links[2].status, link_status::holds);
}

TEST(check, steps_of_solving_an_equation_are_not_identities) {
  // true only at the solution: not checked, never a false alarm
  const auto r = check_md("$$\\frac{1-\\gamma}{1-\\alpha} = \\frac{\\gamma}{\\alpha}$$\n");
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].status, link_status::not_checked);
}

TEST(check, approx_is_checked_like_equals) {
  const auto r = check_md("$$x = \\frac{1}{3} \\approx 0.333$$\n$$y = \\frac{1}{3} \\approx 0.334$$\n");
  ASSERT_EQ(r.links.size(), 2u);
  EXPECT_EQ(r.links[0].status, link_status::holds);
  EXPECT_EQ(r.links[1].status, link_status::fails);
}
