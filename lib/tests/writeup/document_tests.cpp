#include "gradecheck/writeup/document.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

// The expected lines and columns below were counted by hand from the literal
// strings of each test: columns are 1-based and count characters, a `$$` at
// the start of a line takes columns 1 and 2, so its math starts at column 3.

using namespace gradecheck::writeup;

namespace {

document md(const std::string& text) { return read_document(text, format::markdown); }

std::vector<std::string> texts(const chain& c) {
  std::vector<std::string> out;
  for (const side& s : c.sides) out.push_back(s.text);
  return out;
}

using strings = std::vector<std::string>;

place at(int line, int column, int cell = 0) { return {cell, line, column}; }

// The read_error `read` throws.
template <class F>
read_error error_of(F read) {
  try {
    read();
  } catch (const read_error& e) {
    return e;
  }
  ADD_FAILURE() << "no read_error";
  return read_error({}, "");
}

}  // namespace

TEST(format_of, the_extension_names_the_format) {
  EXPECT_EQ(format_of("a/b.tex"), format::latex);
  EXPECT_EQ(format_of("B.TEX"), format::latex);
  EXPECT_EQ(format_of("hw.ipynb"), format::notebook);
  EXPECT_EQ(format_of("hw.md"), format::markdown);
  EXPECT_EQ(format_of("hw.markdown"), format::markdown);
  EXPECT_EQ(format_of("hw.txt"), format::markdown);
  EXPECT_EQ(format_of("hw"), format::markdown);
}

// --- Seed-like Markdown --------------------------------------------------------------------------

TEST(markdown, a_display_chain_with_a_tag) {
  const document d = md("$$h_1 = \\sigma(z_1) = \\sigma(w_1 i_1 + w_2 i_2 + b_1) = \\sigma(0.3775) = 0.5933 \\quad (1.1)$$\n");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text, "h_1 = \\sigma(z_1) = \\sigma(w_1 i_1 + w_2 i_2 + b_1) = \\sigma(0.3775) = 0.5933");
  EXPECT_EQ(d.blocks[0].tag, "1.1");
  EXPECT_TRUE(d.blocks[0].display);
  EXPECT_EQ(d.blocks[0].where, at(1, 3));
  EXPECT_EQ(d.blocks[0].opening, at(1, 1));
  ASSERT_EQ(d.chains.size(), 1u);
  const chain& c = d.chains[0];
  EXPECT_EQ(texts(c), (strings{"h_1", "\\sigma(z_1)", "\\sigma(w_1 i_1 + w_2 i_2 + b_1)", "\\sigma(0.3775)", "0.5933"}));
  EXPECT_EQ(c.relations, (strings{"=", "=", "=", "="}));
  EXPECT_EQ(c.tag, "1.1");
  EXPECT_TRUE(c.display);
  EXPECT_FALSE(c.continued);
  EXPECT_EQ(c.block, 0);
  EXPECT_EQ(c.section, -1);
  // h_1 is columns 3-5, "\sigma(z_1)" 9-19, "\sigma(w_1 ... b_1)" 23-53, "\sigma(0.3775)" 57-70, "0.5933" from 74
  EXPECT_EQ(c.sides[0].where, at(1, 3));
  EXPECT_EQ(c.sides[1].where, at(1, 9));
  EXPECT_EQ(c.sides[2].where, at(1, 23));
  EXPECT_EQ(c.sides[3].where, at(1, 57));
  EXPECT_EQ(c.sides[4].where, at(1, 74));
}

TEST(markdown, display_blocks_starting_with_equals_continue_the_chain_before) {
  const std::string a =
      "\\frac{\\partial L}{\\partial \\hat{o}_1} \\frac{\\partial \\hat{o}_1}{\\partial z_3} \\frac{\\partial z_3}{\\partial h_1} + "
      "\\frac{\\partial L}{\\partial \\hat{o}_2} \\frac{\\partial \\hat{o}_2}{\\partial z_4} \\frac{\\partial z_4}{\\partial h_1}";
  const std::string b = "(\\hat{o}_1 - o_1) \\hat{o}_1(1 - \\hat{o}_1) w_5 + (\\hat{o}_2 - o_2) \\hat{o}_2(1 - \\hat{o}_2) w_7";
  const document d = md("$$\\frac{\\partial L}{\\partial h_1} = " + a + " \\quad (1.14)$$\n\n$$= " + b + " \\quad (1.15)$$\n\n$$= 0.054 \\quad (1.16)$$\n");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[1].text, "= " + b);
  EXPECT_EQ(d.blocks[1].tag, "1.15");
  EXPECT_EQ(d.blocks[2].text, "= 0.054");
  ASSERT_EQ(d.chains.size(), 1u);
  const chain& c = d.chains[0];
  EXPECT_EQ(texts(c), (strings{"\\frac{\\partial L}{\\partial h_1}", a, b, "0.054"}));
  EXPECT_EQ(c.relations, (strings{"=", "=", "="}));
  EXPECT_EQ(c.tag, "1.16");  // the last tag seen
  EXPECT_TRUE(c.continued);
  EXPECT_EQ(c.block, 0);
  // "$$= (" on line 3 and "$$= 0.054" on line 5: the side starts at column 5
  EXPECT_EQ(c.sides[2].where, at(3, 5));
  EXPECT_EQ(c.sides[3].where, at(5, 5));
}

TEST(markdown, a_list_of_values_is_one_chain_and_quad_separates_two) {
  const document d = md(
      "$$[w_1, w_2, w_3, w_4, b_1, w_5, w_6, w_7, w_8, b_2] = [0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60]$$\n"
      "\n"
      "$$[i_1, i_2] = [0.05, 0.10], \\quad [o_1, o_2] = [0.01, 0.99]$$\n");
  ASSERT_EQ(d.chains.size(), 3u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"[w_1, w_2, w_3, w_4, b_1, w_5, w_6, w_7, w_8, b_2]",
                                         "[0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60]"}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"[i_1, i_2]", "[0.05, 0.10]"}));
  EXPECT_EQ(texts(d.chains[2]), (strings{"[o_1, o_2]", "[0.01, 0.99]"}));
  EXPECT_EQ(d.chains[1].block, 1);
  EXPECT_EQ(d.chains[2].block, 1);
  // line 3: "[i_1, i_2]" 3-12, "[0.05, 0.10]" 16-27, ", \quad " 28-35, "[o_1, o_2]" 36-45, "[0.01, 0.99]" from 49
  EXPECT_EQ(d.chains[1].sides[1].where, at(3, 16));
  EXPECT_EQ(d.chains[2].sides[0].where, at(3, 36));
  EXPECT_EQ(d.chains[2].sides[1].where, at(3, 49));
}

TEST(markdown, inline_math_in_prose) {
  const document d = md("**Learning rate:**  $\\eta = 0.5$\n\nSince  $\\frac{\\partial z_j}{\\partial b_1} = 1$ , the equation simplifies to:\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_FALSE(d.blocks[0].display);
  EXPECT_EQ(d.blocks[0].text, "\\eta = 0.5");
  EXPECT_EQ(d.blocks[0].opening, at(1, 21));
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"\\eta", "0.5"}));
  EXPECT_FALSE(d.chains[0].display);
  // "**Learning rate:**" is 18 characters and two spaces: `$` at 21, \eta at 22, 0.5 at 29
  EXPECT_EQ(d.chains[0].sides[0].where, at(1, 22));
  EXPECT_EQ(d.chains[0].sides[1].where, at(1, 29));
  EXPECT_EQ(texts(d.chains[1]), (strings{"\\frac{\\partial z_j}{\\partial b_1}", "1"}));
  // "Since" and two spaces: `$` at 8; the fraction is 33 characters (9-41), "1" at 45
  EXPECT_EQ(d.chains[1].sides[0].where, at(3, 9));
  EXPECT_EQ(d.chains[1].sides[1].where, at(3, 45));
}

TEST(markdown, html_tags_in_prose_are_ignored) {
  const document d = md("<b>1</b> Problem: $a = b$ <sup>2</sup>\n");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b"}));
}

// --- Aligned rows ----------------------------------------------------------------------------------

TEST(rows, an_aligned_block_continued_by_its_rows_is_one_chain) {
  const document d = md("$$\\begin{aligned} a &= b \\\\ &= c \\end{aligned}$$");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text, "\\begin{aligned} a &= b \\\\ &= c \\end{aligned}");  // the block keeps its layout
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b", "c"}));
  EXPECT_EQ(d.chains[0].relations, (strings{"=", "="}));
  EXPECT_TRUE(d.chains[0].continued);
  // "\begin{aligned}" is columns 3-17: a at 19, b at 24, c at 32
  EXPECT_EQ(d.chains[0].sides[0].where, at(1, 19));
  EXPECT_EQ(d.chains[0].sides[1].where, at(1, 24));
  EXPECT_EQ(d.chains[0].sides[2].where, at(1, 32));
}

TEST(rows, the_seed_shape_of_an_aligned_derivation) {
  const document d = md("$$\\begin{aligned} \\frac{\\partial \\mathcal{L}}{\\partial \\mu} &= \\sum_{i=1}^m a \\\\ &= -\\frac{2}{m} b \\end{aligned}$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"\\frac{\\partial \\mathcal{L}}{\\partial \\mu}", "\\sum_{i=1}^m a", "-\\frac{2}{m} b"}));
}

TEST(rows, rows_with_their_own_left_sides_are_separate_chains) {
  const document d = md("$$\\begin{aligned}z &= W^{[1]}x \\\\h &= \\frac{1}{1 + e^{-z}} \\\\o &= W^{[2]}h\\end{aligned}$$");
  ASSERT_EQ(d.chains.size(), 3u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"z", "W^{[1]}x"}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"h", "\\frac{1}{1 + e^{-z}}"}));
  EXPECT_EQ(texts(d.chains[2]), (strings{"o", "W^{[2]}h"}));
  EXPECT_FALSE(d.chains[1].continued);
}

TEST(rows, an_align_environment_with_a_tag_per_row_and_a_continued_last_side) {
  // the second row starts with an operator after `&`: it continues the last side; `&` and `\\` are blanked in place
  const document d = md(
      "\\begin{align}\n"
      "L &= a + b \\\\\n"
      "  &\\quad + c \\tag{2} \\\\\n"
      "  &= d \\label{eq:x}\n"
      "\\end{align}\n");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_TRUE(d.blocks[0].display);
  EXPECT_EQ(d.blocks[0].opening, at(1, 1));
  EXPECT_EQ(d.blocks[0].tag, "2");
  ASSERT_EQ(d.chains.size(), 1u);
  const chain& c = d.chains[0];
  EXPECT_EQ(texts(c), (strings{"L", "a + b   \n   \\quad + c", "d"}));
  EXPECT_EQ(c.relations, (strings{"=", "="}));
  EXPECT_EQ(c.tag, "2");
  EXPECT_EQ(c.sides[0].where, at(2, 1));
  EXPECT_EQ(c.sides[1].where, at(2, 6));
  EXPECT_EQ(c.sides[2].where, at(4, 6));
}

TEST(rows, align_rows_each_with_a_quad_tag) {
  const document d = md("\\begin{align*} x &= 1 \\quad (2.1) \\\\ y &= 2 \\qquad(2.2) \\end{align*}");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"x", "1"}));
  EXPECT_EQ(d.chains[0].tag, "2.1");
  EXPECT_EQ(texts(d.chains[1]), (strings{"y", "2"}));
  EXPECT_EQ(d.chains[1].tag, "2.2");
  EXPECT_EQ(d.blocks[0].tag, "2.2");
}

TEST(rows, a_tag_after_the_aligned_environment_is_the_tag_of_its_chains) {
  const document d = md("$$\\begin{aligned} a &= b \\\\ c &= d \\end{aligned} \\quad (3)$$");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(d.chains[0].tag, "3");
  EXPECT_EQ(d.chains[1].tag, "3");
  EXPECT_EQ(d.blocks[0].tag, "3");
}

TEST(rows, gather_and_split_rows) {
  const document g = md("\\begin{gather} a = 1 \\\\ b = 2 \\end{gather}");
  ASSERT_EQ(g.chains.size(), 2u);
  EXPECT_EQ(texts(g.chains[1]), (strings{"b", "2"}));
  const document s = md("\\begin{equation}\\begin{split} f &= g \\\\ &= h \\end{split}\\end{equation}");
  ASSERT_EQ(s.chains.size(), 1u);
  EXPECT_EQ(texts(s.chains[0]), (strings{"f", "g", "h"}));
}

TEST(rows, a_line_break_outside_aligned_rows_continues_the_side) {
  // in `$$` (and multline) `\\` only breaks a long line: it is blanked, the side spans both lines
  const document d = md("$$C = -[a] \\\\\n - [b]$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"C", "-[a]   \n - [b]"}));
  const document m = md("\\begin{multline} y = a \\\\ + b \\end{multline}");
  ASSERT_EQ(m.chains.size(), 1u);
  EXPECT_EQ(texts(m.chains[0]), (strings{"y", "a    + b"}));
}

TEST(rows, cases_rows_are_not_split) {
  const document d = md("$$\\text{ReLU}(z) = \\begin{cases} z, & z \\geq 0 \\\\ 0, & z < 0 \\end{cases}$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"\\text{ReLU}(z)", "\\begin{cases} z, & z \\geq 0 \\\\ 0, & z < 0 \\end{cases}"}));
  EXPECT_EQ(d.chains[0].relations, (strings{"="}));
  const document m = md("$$A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} = B$$");
  ASSERT_EQ(m.chains.size(), 1u);
  EXPECT_EQ(m.chains[0].sides.size(), 3u);
}

// --- Continuation across blocks ----------------------------------------------------------------

TEST(continuation, across_prose_but_not_across_a_heading) {
  const document d = md("$$a = b$$\n\nSo we get\n\n$$\\approx c$$\n\n# Next\n\n$$= e$$\n");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b", "c"}));
  EXPECT_EQ(d.chains[0].relations, (strings{"=", "approx"}));
  EXPECT_EQ(d.blocks.size(), 3u);  // `= e` is kept as a block; it has nothing to continue and one side only
}

TEST(continuation, a_block_starting_with_a_relation_and_nothing_before_starts_after_it) {
  const document d = md("$$= a = b$$\n\n$$= c$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b", "c"}));
  EXPECT_TRUE(d.chains[0].continued);
  EXPECT_EQ(d.chains[0].sides[0].where, at(1, 5));
}

TEST(continuation, only_equals_and_approx_continue_across_blocks) {
  const document d = md("$$a = b$$\n\n$$\\le 3$$\n\n$$x = y$$\n\n$$&= z$$");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b"}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"x", "y", "z"}));  // `&=`: after an alignment mark
}

TEST(continuation, inline_math_neither_continues_nor_breaks_a_chain) {
  const document d = md("$$a = b$$ where $= 2$ and $x$, then\n$$= c$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b", "c"}));
}

TEST(continuation, a_row_starting_with_a_relation_after_a_row_without_one_starts_after_it) {
  const document d = md("$$\\begin{aligned} x \\\\ &= y = z \\end{aligned}$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"y", "z"}));
  EXPECT_TRUE(d.chains[0].continued);
}

// --- Statements in one row -----------------------------------------------------------------------

TEST(statements, a_comma_and_quad_split_statements) {
  const document d = md("$$w_5 = 0.3589, \\quad w_6 = 0.4087, \\quad w_7 = 0.5113$$");
  ASSERT_EQ(d.chains.size(), 3u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"w_5", "0.3589"}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"w_6", "0.4087"}));
  EXPECT_EQ(texts(d.chains[2]), (strings{"w_7", "0.5113"}));
  // "w_5 = 0.3589, \quad " is columns 3-22: w_6 at 23, 0.4087 at 29
  EXPECT_EQ(d.chains[1].sides[0].where, at(1, 23));
  EXPECT_EQ(d.chains[1].sides[1].where, at(1, 29));
}

TEST(statements, other_spacers_after_a_comma_or_semicolon) {
  EXPECT_EQ(md("$$x = 1; \\; y = 2$$").chains.size(), 2u);
  EXPECT_EQ(md("$$x = 1, \\qquad y = 2$$").chains.size(), 2u);
  const document d = md("$$x = 1, \\text{ and } y = 2$$");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[1]), (strings{"y", "2"}));
  EXPECT_EQ(md("$$x = 1,\\text{and} y = 2$$").chains.size(), 2u);
}

TEST(statements, a_plain_comma_splits_only_between_two_relations) {
  // seed 003: \gamma_1 = 0.01, \gamma_2 = 0.99 is two statements; a comma inside brackets, or with no
  // relation after it, is part of a side
  const document d = md("$$f(a, b) = 1$$ $$[w_1, w_2] = [0.15, 0.20]$$ $$x = 1, y = 2$$ $$z = 1, 2$$");
  ASSERT_EQ(d.chains.size(), 5u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"f(a, b)", "1"}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"[w_1, w_2]", "[0.15, 0.20]"}));
  EXPECT_EQ(texts(d.chains[2]), (strings{"x", "1"}));
  EXPECT_EQ(texts(d.chains[3]), (strings{"y", "2"}));
  EXPECT_EQ(texts(d.chains[4]), (strings{"z", "1, 2"}));
}

TEST(statements, a_quad_alone_splits_only_between_two_relations) {
  const document d = md("$$a = 1 \\quad b = 2$$ $$c = 3 \\quad \\forall x$$");
  ASSERT_EQ(d.chains.size(), 3u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "1"}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"b", "2"}));
  EXPECT_EQ(texts(d.chains[2]), (strings{"c", "3 \\quad \\forall x"}));
  // spacers one after the other are one place to split at
  const document e = md("$$a = b \\quad \\text{and} \\quad c = d$$");
  ASSERT_EQ(e.chains.size(), 2u);
  EXPECT_EQ(texts(e.chains[0]), (strings{"a", "b"}));
  EXPECT_EQ(texts(e.chains[1]), (strings{"c", "d"}));
}

TEST(statements, arrows_split_statements) {
  const document d = md("$$a = b \\Rightarrow c = d \\implies e = f$$ $$\\Rightarrow g = h$$ $$p \\to q$$");
  ASSERT_EQ(d.chains.size(), 4u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b"}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"c", "d"}));
  EXPECT_EQ(texts(d.chains[2]), (strings{"e", "f"}));
  EXPECT_EQ(texts(d.chains[3]), (strings{"g", "h"}));
}

TEST(statements, a_connective_word_before_a_statement_is_not_part_of_its_side) {
  const document d = md("$$\\delta_{ij} = -y_i y_j, \\quad \\text{for } i \\neq j$$");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[1]), (strings{"i", "j"}));
  EXPECT_EQ(d.chains[1].relations, (strings{"neq"}));
  EXPECT_EQ(texts(md("$$\\text{Total} = 5$$").chains[0]), (strings{"\\text{Total}", "5"}));
}

TEST(statements, a_list_item_number_before_quad_is_not_math) {
  const document d = md("$$1. \\quad w = [0.1, 0.2]$$ $$4) \\quad g = 1$$");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"w", "[0.1, 0.2]"}));
  EXPECT_EQ(d.chains[0].sides[0].where, at(1, 12));
  EXPECT_EQ(texts(d.chains[1]), (strings{"g", "1"}));
  // a number with a point and a space, without \quad; "$$1. " is columns 1-5
  const document e = md("$$1. \\delta^L = x$$ $$(2) x = 1$$");
  ASSERT_EQ(e.chains.size(), 2u);
  EXPECT_EQ(texts(e.chains[0]), (strings{"\\delta^L", "x"}));
  EXPECT_EQ(e.chains[0].sides[0].where, at(1, 6));
  EXPECT_EQ(texts(e.chains[1]), (strings{"(2) x", "1"}));  // in parentheses only before \quad
}

// --- Relations ---------------------------------------------------------------------------------------

TEST(relations, every_relation_by_its_name) {
  const document d = md("$$a \\approx b \\neq c < d > e \\le f \\ge g \\equiv h := i$$ $$p \\ne q \\lt r \\gt s \\leq t \\geq u == v <= w >= x$$");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b", "c", "d", "e", "f", "g", "h", "i"}));
  EXPECT_EQ(d.chains[0].relations, (strings{"approx", "neq", "<", ">", "le", "ge", "equiv", ":="}));
  EXPECT_EQ(texts(d.chains[1]), (strings{"p", "q", "r", "s", "t", "u", "v", "w", "x"}));
  EXPECT_EQ(d.chains[1].relations, (strings{"neq", "<", ">", "le", "ge", "=", "le", "ge"}));
  EXPECT_EQ(md("$$a \\not= b$$").chains[0].relations, (strings{"neq"}));
  EXPECT_EQ(md("$$a \\overset{\\text{def}}{=} b$$").chains[0].relations, (strings{"="}));
}

TEST(relations, only_at_the_top_level) {
  const document d = md("$$f(x = 1) = \\{ a = b \\} = \\left( c = d \\right) = [e = f] = \\frac{g = h}{2} = \\left| k = l \\right|$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]),
            (strings{"f(x = 1)", "\\{ a = b \\}", "\\left( c = d \\right)", "[e = f]", "\\frac{g = h}{2}", "\\left| k = l \\right|"}));
  // a half-open interval does not hide what follows
  EXPECT_EQ(texts(md("$$x \\in [0, 1) = y$$").chains[0]), (strings{"x \\in [0, 1)", "y"}));
}

TEST(relations, a_block_without_a_relation_is_a_block_without_a_chain) {
  const document d = md("$$\\sigma(x)$$ $x_1$");
  EXPECT_EQ(d.blocks.size(), 2u);
  EXPECT_TRUE(d.chains.empty());
}

TEST(relations, an_empty_side_drops_the_chain_but_not_the_block) {
  const document d = md("$$a = = b$$ $$a =$$ $= 5$ $$\\le 3$$");
  EXPECT_EQ(d.blocks.size(), 4u);
  EXPECT_TRUE(d.chains.empty());
}

TEST(relations, trailing_punctuation_and_spacing_are_cut) {
  EXPECT_EQ(texts(md("$$a = b.$$").chains[0]), (strings{"a", "b"}));
  EXPECT_EQ(texts(md("$$a = b,$$").chains[0]), (strings{"a", "b"}));
  EXPECT_EQ(texts(md("$$a = b\\,.$$").chains[0]), (strings{"a", "b"}));
  EXPECT_EQ(texts(md("$$\\quad a = b \\; ;$$").chains[0]), (strings{"a", "b"}));
  EXPECT_EQ(texts(md("$$a = x_1, \\ldots$$").chains[0]), (strings{"a", "x_1, \\ldots"}));
  EXPECT_EQ(texts(md("$$a = 1, 2, ...$$").chains[0]), (strings{"a", "1, 2, ..."}));
  const document d = md("$$\\quad a = b$$");
  EXPECT_EQ(d.chains[0].sides[0].where, at(1, 9));
}

TEST(relations, a_side_spanning_lines_keeps_its_newlines) {
  const document d = md("$$a = b\n+ c$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b\n+ c"}));
  EXPECT_EQ(d.chains[0].sides[1].where, at(1, 7));
}

// --- Tags ------------------------------------------------------------------------------------------

TEST(tags, the_forms_of_a_tag) {
  EXPECT_EQ(md("$$a = b \\qquad (12)$$").chains[0].tag, "12");
  EXPECT_EQ(md("$$a = b \\quad(1.3a)$$").chains[0].tag, "1.3a");
  EXPECT_EQ(md("$$a = b \\tag{1.3}$$").chains[0].tag, "1.3");
  EXPECT_EQ(md("$$a = b \\tag*{A.1}$$").chains[0].tag, "A.1");
  EXPECT_EQ(md("\\[ a = b \\tag{7} \\]").chains[0].tag, "7");
  const document d = md("$$a = b \\quad (x)$$");  // no digit: no tag
  EXPECT_EQ(d.chains[0].tag, "");
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b \\quad (x)"}));
  EXPECT_EQ(md("$$a = b$$").chains[0].tag, "");
}

TEST(tags, a_block_that_is_only_a_tag_gives_no_chain) {
  const document d = md("$$a = b$$\n\n$$(1.41)$$\n\n$$c = d \\quad (1.42)$$");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[1].text, "");
  EXPECT_EQ(d.blocks[1].tag, "1.41");
  EXPECT_EQ(d.blocks[1].where, at(3, 3));
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(d.chains[0].tag, "");
  EXPECT_EQ(d.chains[1].tag, "1.42");
}

TEST(tags, a_tag_alone_does_not_break_a_continuation) {
  const document d = md("$$a = b$$\n\n$$(1.41)$$\n\n$$= c$$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b", "c"}));
}

// --- Delimiters, code and escapes ------------------------------------------------------------------

TEST(delimiters, brackets_and_parentheses) {
  const document d = md("Let \\(x = 1\\) and\n\\[\ny = 2\n\\]\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_FALSE(d.blocks[0].display);
  EXPECT_TRUE(d.blocks[1].display);
  EXPECT_EQ(d.blocks[1].opening, at(2, 1));
  EXPECT_EQ(d.blocks[1].where, at(3, 1));
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(d.chains[0].sides[0].where, at(1, 7));
  EXPECT_EQ(d.chains[1].sides[1].where, at(3, 5));
}

TEST(delimiters, equation_environments_in_markdown) {
  const document d = md("\\begin{equation}\nE = mc^2\n\\end{equation}\n\\begin{equation*} F = ma \\end{equation*}");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"E", "mc^2"}));
  EXPECT_TRUE(d.chains[0].display);
  EXPECT_EQ(d.chains[0].sides[0].where, at(2, 1));
  EXPECT_EQ(texts(d.chains[1]), (strings{"F", "ma"}));
}

TEST(delimiters, inline_dollars_in_prose) {
  // an escaped dollar; a dollar of money; not across a blank line; across one line break
  const document d = md("costs \\$5 and $x = 1$; costs $5 today and $10 tomorrow\n\n$a\n\nb then $c\nd = e$");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].text, "x = 1");
  EXPECT_EQ(d.blocks[1].text, "c\nd = e");
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[1]), (strings{"c\nd", "e"}));
  EXPECT_EQ(d.chains[1].sides[0].where, at(5, 9));
  EXPECT_EQ(d.chains[1].sides[1].where, at(6, 5));
}

TEST(delimiters, an_unclosed_inline_dollar_is_prose) {
  const document d = md("it costs $5\n\nand $y = 2$");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text, "y = 2");
}

TEST(delimiters, code_blocks_and_code_spans_are_skipped) {
  const document d = md("```python\nx = \"$$a = b$$\"\n```\n~~~\n$c = d$\n~~~\nuse `$e = f$` or ``$g$`` but $h = i$\n");
  ASSERT_EQ(d.blocks.size(), 1u);
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"h", "i"}));
  EXPECT_EQ(d.chains[0].sides[0].where, at(7, 31));
}

TEST(delimiters, columns_count_characters_not_bytes) {
  // "ü" is two bytes, one character; "→" is three bytes
  const document d = md("ü → $a = b$");
  ASSERT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(d.chains[0].sides[0].where, at(1, 6));
  EXPECT_EQ(d.chains[0].sides[1].where, at(1, 10));
}

// --- Headings ------------------------------------------------------------------------------------------

TEST(headings, atx_headings_and_the_sections_of_chains) {
  const document d = md("$a = 1$\n# Title #\n## Sub $x$\ntext $b = 2$\n###### Six\n####### seven\n#no\n# C#\n$c = 3$");
  ASSERT_EQ(d.headings.size(), 4u);
  EXPECT_EQ(d.headings[0].title, "Title");
  EXPECT_EQ(d.headings[0].level, 1);
  EXPECT_EQ(d.headings[0].where, at(2, 1));
  EXPECT_EQ(d.headings[1].title, "Sub $x$");
  EXPECT_EQ(d.headings[1].level, 2);
  EXPECT_EQ(d.headings[2].title, "Six");
  EXPECT_EQ(d.headings[2].level, 6);
  EXPECT_EQ(d.headings[3].title, "C#");
  ASSERT_EQ(d.chains.size(), 3u);
  EXPECT_EQ(d.chains[0].section, -1);
  EXPECT_EQ(d.chains[1].section, 1);
  EXPECT_EQ(d.chains[2].section, 3);
  EXPECT_EQ(d.blocks[1].text, "x");  // math in a heading is read
  EXPECT_EQ(d.blocks[1].section, 1);
}

// --- LaTeX files -------------------------------------------------------------------------------------

TEST(latex, comments_sections_and_equations) {
  const document d = read_document(
      "\\section{Forward pass}\n"
      "% $$a = b$$ is a comment\n"
      "We have $x = 1$ % and $y = 2$\n"
      "costs 5\\% and $z = 3$\n"
      "\\subsection*{Loss}\n"
      "\\begin{equation}\n"
      "L = \\frac{1}{2} e^2 % the loss\n"
      "  = 0.3 \\label{eq:loss}\n"
      "\\end{equation}\n"
      "\\paragraph{Note} $$p = q % $$ not the end\n"
      "$$\n",
      format::latex);
  EXPECT_EQ(d.kind, format::latex);
  ASSERT_EQ(d.headings.size(), 3u);
  EXPECT_EQ(d.headings[0].title, "Forward pass");
  EXPECT_EQ(d.headings[0].level, 1);
  EXPECT_EQ(d.headings[0].where, at(1, 1));
  EXPECT_EQ(d.headings[1].title, "Loss");
  EXPECT_EQ(d.headings[1].level, 2);
  EXPECT_EQ(d.headings[2].level, 4);
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_EQ(d.blocks[2].text, "L = \\frac{1}{2} e^2           \n  = 0.3");
  ASSERT_EQ(d.chains.size(), 4u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"x", "1"}));
  EXPECT_EQ(d.chains[0].section, 0);
  EXPECT_EQ(texts(d.chains[1]), (strings{"z", "3"}));
  EXPECT_EQ(texts(d.chains[2]), (strings{"L", "\\frac{1}{2} e^2", "0.3"}));
  EXPECT_EQ(d.chains[2].section, 1);
  EXPECT_TRUE(d.chains[2].display);
  EXPECT_EQ(d.chains[2].sides[0].where, at(7, 1));
  EXPECT_EQ(d.chains[2].sides[1].where, at(7, 5));
  EXPECT_EQ(d.chains[2].sides[2].where, at(8, 5));
  EXPECT_EQ(texts(d.chains[3]), (strings{"p", "q"}));
  EXPECT_EQ(d.chains[3].section, 2);
}

TEST(latex, a_line_break_with_a_length_is_no_display_math) {
  const document d = read_document("a \\\\[2pt] b $x = 1$ \\verb|$y$| \\begin{verbatim}$$\\end{verbatim}", format::latex);
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text, "x = 1");
}

// --- Notebooks ----------------------------------------------------------------------------------------

TEST(notebook, markdown_cells_are_read_and_code_cells_skipped) {
  const std::string nb = R"({
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Forward\n", "We get $a = b$.\n"]},
  {"cell_type": "code", "metadata": {}, "source": ["x = 1  # $$c = d$$\n"], "outputs": [], "execution_count": null},
  {"cell_type": "markdown", "metadata": {}, "source": "intro\n$$e = f \\quad (2)$$"},
  {"cell_type": "raw", "metadata": {}, "source": "$g = h$"}
 ],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5
})";
  const document d = read_document(nb, format::notebook);
  EXPECT_EQ(d.kind, format::notebook);
  ASSERT_EQ(d.headings.size(), 1u);
  EXPECT_EQ(d.headings[0].where, at(1, 1, 1));
  ASSERT_EQ(d.chains.size(), 2u);
  EXPECT_EQ(texts(d.chains[0]), (strings{"a", "b"}));
  // cell 1's source is "# Forward\nWe get $a = b$.\n": a at line 2, column 9
  EXPECT_EQ(d.chains[0].sides[0].where, at(2, 9, 1));
  EXPECT_EQ(d.chains[0].sides[1].where, at(2, 13, 1));
  EXPECT_EQ(texts(d.chains[1]), (strings{"e", "f"}));
  EXPECT_EQ(d.chains[1].tag, "2");
  EXPECT_EQ(d.chains[1].section, 0);
  EXPECT_EQ(d.chains[1].sides[0].where, at(2, 3, 3));
  EXPECT_EQ(d.blocks[1].opening, at(2, 1, 3));
}

TEST(notebook, bad_json_is_a_read_error_saying_what_was_expected) {
  const read_error e = error_of([] { read_document("{\"cells\": [", format::notebook); });
  EXPECT_NE(e.message.find("expected a Jupyter notebook"), std::string::npos) << e.message;
  EXPECT_NE(std::string(e.what()).find("line 1"), std::string::npos) << e.what();
  for (const char* bad : {"{}", "[]", "null", "{\"cells\": 3}", "", "[[[[[[[[[[", "{\"cells\": [1]}",
                          "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": 5}]}",
                          "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"a\", 5]}]}", "{\"cells\": [{\"source\": \"x\"}]}"}) {
    const read_error b = error_of([&] { read_document(bad, format::notebook); });
    EXPECT_NE(b.message.find("expected"), std::string::npos) << bad << ": " << b.message;
  }
  const read_error cell = error_of([] { read_document("{\"cells\": [{\"cell_type\": \"code\"}, 7]}", format::notebook); });
  EXPECT_EQ(cell.where.cell, 2);
  const read_error deep = error_of([] { read_document(std::string(100000, '['), format::notebook); });
  EXPECT_NE(deep.message.find("expected a Jupyter notebook"), std::string::npos);
}

TEST(notebook, an_unclosed_display_in_a_cell_is_placed_in_that_cell) {
  const read_error e = error_of([] {
    read_document(R"({"cells": [{"cell_type": "markdown", "source": "ok"}, {"cell_type": "markdown", "source": "a\nb $$x"}]})", format::notebook);
  });
  EXPECT_EQ(e.where, at(2, 3, 2));
  EXPECT_EQ(std::string(e.what()).substr(0, 24), "cell 2, line 2, column 3");
}

// --- Limits and errors ----------------------------------------------------------------------------------

TEST(limits, a_file_larger_than_the_limit) {
  document_limits limits;
  limits.max_bytes = 10;
  const read_error e = error_of([&] { read_document("$a = b$ and more", format::markdown, limits); });
  EXPECT_EQ(e.where, at(1, 1));
  EXPECT_EQ(e.message, "the file is larger than 10 bytes");
}

TEST(limits, too_many_blocks_and_a_block_too_long) {
  document_limits limits;
  limits.max_blocks = 2;
  const read_error many = error_of([&] { read_document("$a$ $b$\n$c$", format::markdown, limits); });
  EXPECT_EQ(many.where, at(2, 1));
  EXPECT_NE(many.message.find("more than 2 math blocks"), std::string::npos);
  limits = {};
  limits.max_block_bytes = 5;
  EXPECT_NO_THROW(read_document("$$abcde$$", format::markdown, limits));
  const read_error longer = error_of([&] { read_document("x\n  $$abcdef$$", format::markdown, limits); });
  EXPECT_EQ(longer.where, at(2, 3));
  EXPECT_NE(longer.message.find("longer than 5 bytes"), std::string::npos);
}

TEST(limits, too_many_cells) {
  document_limits limits;
  limits.max_cells = 1;
  const read_error e = error_of([&] { read_document(R"({"cells": [{"cell_type": "code"}, {"cell_type": "code"}]})", format::notebook, limits); });
  EXPECT_NE(e.message.find("more than 1 cells"), std::string::npos);
}

TEST(limits, an_unclosed_display_says_what_closes_it) {
  const read_error dollars = error_of([] { md("text\n  $$a = b\n\nmore"); });
  EXPECT_EQ(dollars.where, at(2, 3));
  EXPECT_NE(dollars.message.find("expected $$"), std::string::npos) << dollars.message;
  const read_error equation = error_of([] { md("\\begin{equation} a = b \\end{align}"); });
  EXPECT_EQ(equation.where, at(1, 1));
  EXPECT_NE(equation.message.find("expected \\end{equation}"), std::string::npos) << equation.message;
  const read_error bracket = error_of([] { md("ok\n\\[ a"); });
  EXPECT_EQ(bracket.where, at(2, 1));
  EXPECT_NE(bracket.message.find("expected \\]"), std::string::npos);
  EXPECT_EQ(std::string(bracket.what()).substr(0, 18), "line 2, column 1: ");
}

TEST(limits, a_long_document_of_repeated_blocks_reads) {
  std::string text;
  const std::string part = "## Step\n\n$$h_1 = \\sigma(z_1) = 0.5933 \\quad (1.1)$$\n\n$$= 0.5933, \\quad w = 1$$\n\nSo $x = 1$ holds.\n\n";
  while (text.size() < (3u << 20)) text += part;
  document_limits limits;
  limits.max_blocks = 1000000;
  const document d = read_document(text, format::markdown, limits);
  const std::size_t parts = text.size() / part.size();
  EXPECT_EQ(d.headings.size(), parts);
  EXPECT_EQ(d.blocks.size(), 3 * parts);
  EXPECT_EQ(d.chains.size(), 3 * parts);
  EXPECT_EQ(d.chains.back().sides[0].where.line, static_cast<int>(8 * parts - 1));  // 8 lines a part, `$x = 1$` on its 7th
}

TEST(limits, a_long_line_reads) {
  std::string text;
  while (text.size() < (3u << 20)) text += "$a=1$ ";
  document_limits limits;
  limits.max_blocks = 1000000;
  const document d = read_document(text, format::markdown, limits);
  ASSERT_EQ(d.chains.size(), text.size() / 6);
  EXPECT_EQ(d.chains.back().sides[1].where, at(1, static_cast<int>(text.size() - 2)));
}

TEST(limits, hostile_inputs_end) {
  document_limits limits;
  limits.max_blocks = 1000000;
  const std::vector<std::string> units{"$", "\\(", "`", "` a", "$ a", "\\begin{", "{", "\\left(", "$$\\begin{aligned}", "# ", "\\section{",
                                       "&", "\\\\", "= ", "\\tag{", "\n", "```\n", "\\quad (1)"};
  for (const std::string& unit : units) {
    std::string text;
    while (text.size() < (1u << 20)) text += unit;
    for (const format kind : {format::markdown, format::latex}) {
      try {
        (void)read_document(text, kind, limits);
      } catch (const read_error&) {
      }
    }
    std::string block = "$$";
    while (block.size() < 90000) block += unit;
    block += "$$";
    try {
      (void)read_document(block, format::markdown, limits);
    } catch (const read_error&) {
    }
  }
  SUCCEED();
}

// --- Files -------------------------------------------------------------------------------------------------

TEST(files, the_format_comes_from_the_extension) {
  const auto folder = std::filesystem::temp_directory_path() / ("gradecheck-writeup-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(folder);
  {
    std::ofstream(folder / "a.tex") << "% $x = 1$\n\\section{S} $y = 2$";
    std::ofstream(folder / "a.md") << "% $x = 1$";
    std::ofstream(folder / "a.ipynb") << R"({"cells": [{"cell_type": "markdown", "source": "$z = 3$"}]})";
  }
  const document tex = read_document_file(folder / "a.tex");
  EXPECT_EQ(tex.kind, format::latex);
  ASSERT_EQ(tex.chains.size(), 1u);
  EXPECT_EQ(texts(tex.chains[0]), (strings{"y", "2"}));
  EXPECT_EQ(read_document_file(folder / "a.md").chains.size(), 1u);
  const document nb = read_document_file(folder / "a.ipynb");
  ASSERT_EQ(nb.chains.size(), 1u);
  EXPECT_EQ(nb.chains[0].sides[0].where, at(1, 2, 1));
  document_limits small;
  small.max_bytes = 5;
  EXPECT_NE(error_of([&] { read_document_file(folder / "a.tex", small); }).message.find("larger than 5 bytes"), std::string::npos);
  EXPECT_NE(error_of([&] { read_document_file(folder / "missing.md"); }).message.find("cannot read"), std::string::npos);
  EXPECT_NE(error_of([&] { read_document_file(folder); }).message.find("expected a file"), std::string::npos);
  std::filesystem::remove_all(folder);
}
