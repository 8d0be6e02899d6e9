#include "gradecheck/writeup/bind.hpp"

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using namespace gradecheck;

namespace {

const cases::case_file& mlp() {
  static const auto c = cases::load_case(std::filesystem::path(GRADECHECK_CASES_DIR) / "mlp-2-2-2-sigmoid-mse" / "case.toml");
  return c;
}

grade::submission bind_md(const std::string& text, const cases::case_file& c = mlp(), const std::string& section = "") {
  const auto symbols = cases::latex_symbols_of(c);
  return writeup::bind(writeup::read_document(text, writeup::format::markdown), "w.md", c, symbols, section);
}

const grade::binding* binding_of(const grade::submission& s, const std::string& quantity) {
  const auto it = std::find_if(s.bindings.begin(), s.bindings.end(), [&](const grade::binding& b) { return b.quantity == quantity; });
  return it == s.bindings.end() ? nullptr : &*it;
}

}  // namespace

TEST(bind, the_last_value_of_a_chain_is_the_answer) {
  const auto s = bind_md("$$h_1 = \\sigma(z_1) = \\sigma(0.3775) = 0.5933$$\n");
  ASSERT_TRUE(s.answers.count("h1"));
  EXPECT_EQ(s.answers.at("h1").text, "0.5933");
  EXPECT_EQ(s.answers.at("h1").where.line, 1);
  // $$ (columns 1-2), "h_1 = " (3-8), \sigma(z_1) (9-19), " = " (20-22), \sigma(0.3775) (23-36), " = " (37-39)
  EXPECT_EQ(s.answers.at("h1").where.column, 40);
  // z1 is never written alone: it is read inside the sigmoid
  ASSERT_TRUE(s.answers.count("z1"));
  EXPECT_EQ(s.answers.at("z1").text, "0.3775");
  ASSERT_NE(binding_of(s, "z1"), nullptr);
  EXPECT_EQ(binding_of(s, "z1")->how, "inside");
}

TEST(bind, restated_givens_bind_by_value) {
  // the seed calls the targets o_1, o_2: with these values they are t1 and t2, not the outputs o1, o2
  const auto s = bind_md("$$[o_1, o_2] = [0.01, 0.99]$$\n\n$$\\hat{o}_1 = \\sigma(z_3) = 0.7514$$\n\n$$L = \\frac{1}{2}(o_1 - \\hat{o}_1)^2$$\n");
  ASSERT_NE(binding_of(s, "t1"), nullptr);
  EXPECT_EQ(binding_of(s, "t1")->written, "o_1");
  EXPECT_EQ(binding_of(s, "t1")->how, "given");
  EXPECT_FALSE(s.answers.count("t1"));
  EXPECT_FALSE(s.answers.count("o1") && s.answers.at("o1").text == "0.01");
}

TEST(bind, one_answer_equal_to_a_given_stays_an_answer) {
  // h_1 = 0.5 has eta's value, but one name and one number are no list of data: h1 is answered (wrongly)
  const auto s = bind_md("$$h_1 = 0.5$$\n");
  ASSERT_TRUE(s.answers.count("h1"));
  EXPECT_EQ(s.answers.at("h1").text, "0.5");
}

TEST(bind, a_given_restated_with_another_value_is_not_bound) {
  // seed 000's conclusion restates the updated weights under the old names
  const auto s = bind_md("$$w_5 = 0.3589$$\n");
  EXPECT_TRUE(s.answers.empty());
  ASSERT_EQ(s.unbound.size(), 1u);
  EXPECT_EQ(s.unbound[0].why, "w5 is given as 0.40; 0.3589 is another value");
}

TEST(bind, the_section_narrows_a_write_up_of_several_problems) {
  const std::string doc = "# 1.1 Problem 1\n$$h_1 = 0.5933$$\n## Solution\n$$h_2 = 0.5969$$\n# 1.2 Problem 2\n$$h_1 = 0.85$$\n# Problem 10\n$$h_2 = 7$$\n";
  const auto s = bind_md(doc, mlp(), "Problem 1");
  EXPECT_EQ(s.section, "1.1 Problem 1");
  ASSERT_TRUE(s.answers.count("h1"));
  EXPECT_EQ(s.answers.at("h1").text, "0.5933");
  EXPECT_EQ(s.answers.at("h2").text, "0.5969");
  EXPECT_TRUE(s.issues.empty());
  // with no heading that names the case's section (Problem 1), the whole file is read, and that is said;
  // there the two values of h1 conflict, and the conflict is said too
  const auto whole = bind_md("# Part A\n$$h_1 = 0.5933$$\n# Part B\n$$h_1 = 0.85$$\n");
  EXPECT_EQ(whole.answers.at("h1").conflicting_text, "0.85");
  ASSERT_EQ(whole.issues.size(), 2u);
  EXPECT_EQ(whole.issues[0].message, "no heading matches the section 'Problem 1'; the whole file is read");
}

TEST(bind, a_value_restated_to_more_digits_is_no_conflict) {
  const auto s = bind_md("$$h_1 = 0.5933$$\n$$h_1 = 0.59327$$\n$$h_2 = 0.5969$$\n$$h_2 = 0.5996$$\n");
  EXPECT_TRUE(s.answers.at("h1").conflicting_text.empty());
  EXPECT_EQ(s.answers.at("h2").conflicting_text, "0.5996");
}

TEST(bind, a_formula_answer_is_the_last_side_in_the_problem_s_symbols) {
  const auto c = cases::load_case(std::filesystem::path(GRADECHECK_CASES_DIR) / "batchnorm-backward" / "case.toml");
  // the chain rule's factors (\partial \hat{x} / \partial \mu) are no symbols of the problem: the last side is the answer
  const auto s = bind_md("$$\\frac{\\partial L}{\\partial \\beta} = \\frac{\\partial L}{\\partial y} \\cdot \\frac{\\partial y}{\\partial \\beta} = "
                         "\\sum_{i=1}^m \\frac{\\partial L}{\\partial y^{(i)}}$$\n"
                         "$$\\frac{\\partial L}{\\partial \\gamma} = \\sum_{i=1}^m \\frac{\\partial L}{\\partial y_i} \\hat{x}_i = "
                         "\\frac{\\partial L}{\\partial y} \\cdot \\frac{\\partial y}{\\partial \\gamma}$$\n",
                         c);
  ASSERT_TRUE(s.answers.count("dL_dbeta"));
  EXPECT_EQ(s.answers.at("dL_dbeta").read_as, "sum(i, m, dL_dy[i])");
  ASSERT_TRUE(s.answers.count("dL_dgamma"));
  EXPECT_EQ(s.answers.at("dL_dgamma").read_as, "sum(i, m, dL_dy[i]*xhat[i])");
}

TEST(bind, an_answer_in_a_notebook_says_its_cell_and_line) {
  // cell 1 markdown, cell 2 code (not read), cell 3 markdown: "# x\n$$h_1 = 0.5933$$" puts 0.5933 on line 2, column 9
  const std::string nb = R"({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
    {"cell_type": "markdown", "metadata": {}, "source": ["Problem 1"]},
    {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [], "source": ["h1 = 0.9  # $$h_1 = 0.1$$"]},
    {"cell_type": "markdown", "metadata": {}, "source": ["# x\n", "$$h_1 = 0.5933$$"]}]})";
  const auto symbols = cases::latex_symbols_of(mlp());
  const auto s = writeup::bind(writeup::read_document(nb, writeup::format::notebook), "w.ipynb", mlp(), symbols, "x");
  ASSERT_TRUE(s.answers.count("h1"));
  EXPECT_EQ(s.answers.at("h1").text, "0.5933");
  EXPECT_EQ(s.answers.at("h1").cell, 3);
  EXPECT_EQ(s.answers.at("h1").where.line, 2);
  EXPECT_EQ(s.answers.at("h1").where.column, 9);
}
