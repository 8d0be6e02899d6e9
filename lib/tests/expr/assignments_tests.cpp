#include "gradecheck/expr/assignments.hpp"

#include <gtest/gtest.h>

using namespace gradecheck::expr;

TEST(assignments, reads_names_expressions_comments_and_blank_lines) {
  const auto a = parse_assignments("\nh1 = 0.5933  # rounded\n\n# a comment\ndL/dw5 = 0.0822\n", 10);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "h1");
  EXPECT_EQ(a[0].where.line, 11);
  EXPECT_EQ(a[1].name, "dL_dw5");  // dL/dw5 is accepted for dL_dw5
  EXPECT_EQ(a[1].where.line, 14);
  EXPECT_EQ(a[1].expression.literal.decimal_places(), 4);
}

TEST(assignments, errors_carry_the_line_and_column) {
  const auto where_of = [](const char* text) {
    try {
      parse_assignments(text, 1);
    } catch (const parse_error& e) {
      return std::pair{e.where, e.message};
    }
    return std::pair{position{0, 0}, std::string()};
  };
  auto [at, message] = where_of("a = 1\nb 2\n");
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 3);
  EXPECT_EQ(message, "expected '=' after b");
  std::tie(at, message) = where_of("a = 1\nb =   \n");
  EXPECT_EQ(message, "expected a value after '='");
  std::tie(at, message) = where_of("x = (1 + \n");
  EXPECT_EQ(at.line, 1);
  EXPECT_EQ(message, "expected a number, a name, '(' or '[', found the end");
  std::tie(at, message) = where_of("= 3\n");
  EXPECT_EQ(message, "expected a name at the start of the line");
}
