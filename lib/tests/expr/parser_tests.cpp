#include "gradecheck/expr/parser.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>

using namespace gradecheck::expr;

namespace {
position error_position(const char* text) {
  try {
    parse_expression(text);
  } catch (const parse_error& e) {
    return e.where;
  }
  return {0, 0};
}
std::string error_message(const char* text) {
  try {
    parse_expression(text);
  } catch (const parse_error& e) {
    return e.message;
  }
  return "";
}
}  // namespace

TEST(parser, respects_precedence_and_associativity) {
  EXPECT_EQ(to_string(parse_expression("1 + 2*3^2")), "1 + 2*3^2");
  EXPECT_EQ(to_string(parse_expression("(1 + 2)*3")), "(1 + 2)*3");
  EXPECT_EQ(to_string(parse_expression("2^3^2")), "2^3^2");  // right-associative: 2^(3^2)
  EXPECT_EQ(to_string(parse_expression("(2^3)^2")), "(2^3)^2");
  EXPECT_EQ(to_string(parse_expression("a - (b - c)")), "a - (b - c)");
  const node n = parse_expression("-x^2");
  EXPECT_EQ(n.kind, node_kind::negate);  // -(x^2), as on paper
  EXPECT_EQ(n.children[0].kind, node_kind::binary);
}

TEST(parser, keeps_literals_exact_with_their_written_precision) {
  const node n = parse_expression("0.5933");
  ASSERT_EQ(n.kind, node_kind::number);
  EXPECT_EQ(n.literal.decimal_places(), 4);
  EXPECT_EQ(parse_expression("-2.7e-2").children[0].literal.exponent, -3);
}

TEST(parser, reads_the_unicode_minus_calls_lists_indexing_and_transposes) {
  EXPECT_EQ(parse_expression("\xE2\x88\x92" "0.0226").kind, node_kind::negate);
  EXPECT_EQ(to_string(parse_expression("sigmoid(w5*h1 + b2)")), "sigmoid(w5*h1 + b2)");
  EXPECT_EQ(to_string(parse_expression("[[1, 2], [3, 4]]")), "[[1, 2], [3, 4]]");
  EXPECT_EQ(to_string(parse_expression("W[0, 1] + x[2]")), "W[0, 1] + x[2]");
  EXPECT_EQ(parse_expression("x'").kind, node_kind::transpose);
  EXPECT_EQ(parse_expression("x.T * y").children[0].kind, node_kind::transpose);
  EXPECT_EQ(parse_expression("a .* b").text, ".*");
  EXPECT_EQ(parse_expression("W @ x").text, "@");
}

TEST(parser, errors_point_at_the_column_and_say_what_was_expected) {
  EXPECT_EQ(error_position("1 + * 2").column, 5);
  EXPECT_EQ(error_message("1 + * 2"), "expected a number, a name, '(' or '[', found '*'");
  EXPECT_EQ(error_position("(1 + 2").column, 7);
  EXPECT_EQ(error_message("(1 + 2"), "expected ')', found the end");
  EXPECT_EQ(error_message("f(1, 2"), "expected ',' or ')' to close the arguments of f, found the end");
  EXPECT_EQ(error_message("1 2"), "expected an operator or the end of the expression, found '2'");
  EXPECT_EQ(error_message("3 $ 4"), "unexpected character '$'");
  EXPECT_EQ(error_position("\xE2\x88\x92" "0.5 $").column, 6);  // columns count characters
  EXPECT_EQ(error_message("[]"), "an empty list has no value");
}

TEST(parser, positions_are_offset_by_the_origin) {
  try {
    parse_expression("1 +", {7, 10});
    FAIL();
  } catch (const parse_error& e) {
    EXPECT_EQ(e.where.line, 7);
    EXPECT_EQ(e.where.column, 13);
  }
}

TEST(parser, refuses_nesting_deeper_than_its_limit_instead_of_overflowing_the_stack) {
  const std::string deep = std::string(100000, '(') + "1" + std::string(100000, ')');
  EXPECT_THROW(parse_expression(deep), parse_error);
  EXPECT_NE(error_message(deep.c_str()).find("nested deeper"), std::string::npos);
}

TEST(parser, caret_sits_under_the_column) {
  EXPECT_EQ(caret_picture("x = 1 + * 2", 9), "  x = 1 + * 2\n          ^");
}

TEST(parser, writing_a_tree_back_keeps_the_parentheses_an_index_needs) {
  // found by fuzzing: (- -t)[0] was written --t[0], which reads as -(-(t[0]))
  EXPECT_EQ(to_string(parse_expression("(- -t)[0]")), "(--t)[0]");
  EXPECT_EQ(to_string(parse_expression(to_string(parse_expression("(a + b)[1]'")))), "(a + b)[1]'");
}

TEST(parser, reads_comparisons_and_choices_with_the_lowest_precedence) {
  EXPECT_EQ(to_string(parse_expression("x >= 0 ? 1 : alpha*exp(x)")), "x >= 0 ? 1 : alpha*exp(x)");
  EXPECT_EQ(parse_expression("a < b ? c : d ? e : f").children[2].kind, node_kind::choice);  // right-associative
  EXPECT_EQ(to_string(parse_expression("(a < b)*2")), "(a < b)*2");
  EXPECT_EQ(to_string(parse_expression("[i == j]")), "[i == j]");
  EXPECT_EQ(to_string(parse_expression("(c ? a : b)[0]")), "(c ? a : b)[0]");
  EXPECT_EQ(error_message("a < b < c"), "expected an operator or the end of the expression, found '<'");
  EXPECT_EQ(error_message("c ? a"), "expected ':' and the value when the condition is false, found the end");
}

// The number formats students type, read as the written maths says.
TEST(parser, reads_times_signs_and_dots_as_products) {
  EXPECT_EQ(to_string(parse_expression("2.984 \u00D7 10^-1")), "2.984*10^(-1)");  // the printer parenthesises a negative exponent
  EXPECT_EQ(to_string(parse_expression("0.119 \u00B7 2")), "0.119*2");
  EXPECT_EQ(to_string(parse_expression("a \u22C5 b")), "a*b");
}

TEST(parser, reads_superscripts_as_powers) {
  EXPECT_EQ(to_string(parse_expression("8.27\u00B710\u207B\u00B2")), "8.27*10^(-2)");
  EXPECT_EQ(to_string(parse_expression("x\u00B2 + 1")), "x^2 + 1");
  EXPECT_EQ(to_string(parse_expression("10\u00B9\u2070")), "10^10");
  EXPECT_EQ(error_message("x\u207B"), "a superscript sign without digits");
}

TEST(parser, multiplies_a_parenthesis_after_a_number_or_a_parenthesis) {
  EXPECT_EQ(to_string(parse_expression("(1/2)(0.809)^2")), "1/2*0.809^2");
  EXPECT_EQ(to_string(parse_expression("2(3 + 1)")), "2*(3 + 1)");
  const node call = parse_expression("sigmoid(z)");  // after a name it is still a call
  EXPECT_EQ(call.kind, node_kind::call);
}

TEST(parser, reads_a_percentage_as_hundredths_with_its_digits) {
  const node n = parse_expression("85%");
  ASSERT_EQ(n.kind, node_kind::number);
  EXPECT_EQ(n.literal.digits, "85");
  EXPECT_EQ(n.literal.exponent, -2);  // 0.85, known to half a unit of the last digit: 0.845..0.855
  EXPECT_EQ(parse_expression("2.5%").literal.exponent, -3);
}

TEST(parser, a_percentage_with_an_exponent_too_large_is_refused_not_thrown) {
  // found by fuzzing: 0e555...5% once threw std::out_of_range from the exponent's conversion
  EXPECT_EQ(error_message("0e5555555555555555555%").rfind("malformed number", 0), 0u);
  EXPECT_EQ(parse_expression("1e3%").literal.exponent, 1);  // 1e3 % = 10
}

namespace {

// The tree as text, with every node's kind, text, literal and position.
std::string described(const node& n) {
  std::string out = std::to_string(static_cast<int>(n.kind)) + "'" + n.text + "'" + n.literal.canonical() + "@" + std::to_string(n.where.line) +
                    ":" + std::to_string(n.where.column) + "(";
  for (const auto& c : n.children) out += described(c) + ",";
  return out + ")";
}

// The outcome of reading `text`: its tree, or "error" with the message's position.
std::string outcome(const std::string& text, int column_shift) {
  try {
    auto n = parse_expression(text);
    std::function<void(node&)> shift = [&](node& m) {
      m.where.column -= column_shift;
      for (auto& c : m.children) shift(c);
    };
    shift(n);
    return described(n);
  } catch (const parse_error& e) {
    return "error";
  }
}

}  // namespace

// A plain number is read without the tokenizer; the tree must be the one the whole parser makes. The
// same text inside parentheses goes through the tokenizer and parser (which drop the parentheses),
// so each random text of number characters must read alike both ways, one column apart.
TEST(parser, a_plain_number_reads_as_the_whole_parser_reads_it) {
  std::mt19937_64 gen(7);
  const std::string alphabet = "0123456789.eE+- \t";
  int numbers = 0;
  for (int k = 0; k < 50000; ++k) {
    std::string text;
    const int n = 1 + static_cast<int>(gen() % 10);
    for (int j = 0; j < n; ++j) text += alphabet[gen() % alphabet.size()];
    const std::string direct = outcome(text, 0), wrapped = outcome("(" + text + ")", 1);
    EXPECT_EQ(direct, wrapped) << "\"" << text << "\"";
    numbers += direct != "error";
  }
  EXPECT_GT(numbers, 5000);  // the texts include many numbers, not only errors
  EXPECT_EQ(outcome(" -0.5933 ", 0), outcome("( -0.5933 )", 1));
  EXPECT_EQ(outcome("1.e5", 0), outcome("(1.e5)", 1));
}
