#include "gradecheck/grade/diagnose.hpp"

#include "gradecheck/expr/parser.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace gradecheck;

namespace {
std::vector<std::string> edits_of(const char* text, std::vector<std::string> scalar_givens = {}) {
  const auto like = [](const std::string& n) {
    std::vector<std::string> out;
    for (const char* w : {"w5", "w6", "w7", "w8"})
      if (n != w && n[0] == 'w') out.push_back(w);
    return out;
  };
  const auto given = [](const std::string& n) { return n[0] == 'w' || n == "eta"; };
  std::vector<std::string> out;
  for (const auto& v : grade::one_edit_variants(expr::parse_expression(text), like, given, scalar_givens, 1000))
  {
    std::string what(grade::name_of(v.what.kind));
    for (const auto& [k, p] : v.what.params) what += " " + k + "=" + p;
    out.push_back(expr::to_string(v.expression) + " | " + what);
  }
  return out;
}
bool contains(const std::vector<std::string>& edits, const std::string& text) {
  return std::find(edits.begin(), edits.end(), text) != edits.end();
}
}  // namespace

TEST(diagnose, negates_and_drops_one_term_at_a_time) {
  const auto e = edits_of("a*w5 + b*w7");
  EXPECT_TRUE(contains(e, "a*w5 - b*w7 | term_negated term=b*w7"));
  EXPECT_TRUE(contains(e, "b*w7 | term_dropped term=a*w5"));
}

TEST(diagnose, swaps_names_of_the_same_kind_and_replaces_one_by_another) {
  const auto e = edits_of("a*w5 + b*w7");
  EXPECT_TRUE(contains(e, "a*w7 + b*w5 | swapped a=w5 b=w7"));
  EXPECT_TRUE(contains(e, "a*w6 + b*w7 | replaced in_place_of=w5 used=w6"));
  EXPECT_FALSE(contains(e, "b*w5 + a*w7 | swapped a=a b=b"));  // a, b are not of one kind here
}

TEST(diagnose, drops_the_one_minus_factor_of_an_activation_derivative) {
  const auto e = edits_of("d*h*(1 - h)*x");
  EXPECT_TRUE(contains(e, "d*h*x | value_for_derivative factor=1 - h"));
}

TEST(diagnose, leaves_out_a_scalar_given) {
  const auto e = edits_of("w5 - eta*g", {"eta"});
  EXPECT_TRUE(contains(e, "w5 - 1*g | given_left_out given=eta"));
}

TEST(diagnose, uses_a_scalar_given_twice) {
  const auto e = edits_of("w5 - eta*g", {"eta"});
  EXPECT_TRUE(contains(e, "w5 - eta*eta*g | given_repeated given=eta"));
}

TEST(diagnose, stops_at_the_limit) {
  const auto like = [](const std::string&) { return std::vector<std::string>{"p", "q", "r"}; };
  const auto none = [](const std::string&) { return false; };
  EXPECT_EQ(grade::one_edit_variants(expr::parse_expression("a + b + c + d"), like, none, {}, 5).size(), 5u);
}
