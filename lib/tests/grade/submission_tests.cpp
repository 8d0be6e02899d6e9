#include "gradecheck/grade/submission.hpp"

#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;

namespace {
const cases::case_file& small() {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  return c;
}
bool has_issue(const grade::submission& s, int line, const std::string& text) {
  for (const auto& i : s.issues)
    if (i.where.line == line && i.message.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST(submission, reads_names_values_comments_and_both_spellings_of_a_gradient) {
  const auto s = grade::parse_submission("# my answers\nz = -1.5\n\ny = 0.1824  # rounded\ndE/dw = 1/sqrt(13)\n", "a.txt", small());
  EXPECT_TRUE(s.issues.empty());
  ASSERT_EQ(s.answers.size(), 3u);
  EXPECT_EQ(s.answers.at("y").text, "0.1824");
  EXPECT_EQ(s.answers.at("y").value.literal.decimal_places(), 4);
  EXPECT_EQ(s.answers.at("dE_dw").text, "1/sqrt(13)");
  EXPECT_EQ(s.answers.at("y").where.line, 4);
}

TEST(submission, the_same_answer_twice_is_one_answer) {
  const auto s = grade::parse_submission("z = 1.5\nz = 1.50\nz = 3/2\n", "a.txt", small());
  EXPECT_TRUE(s.issues.empty());
  EXPECT_TRUE(s.answers.at("z").conflicting_text.empty());
}

TEST(submission, reports_unknown_names_duplicates_empty_values_and_malformed_lines_with_their_place) {
  const auto s = grade::parse_submission("z = 1\nq = 2\nz = 3\ny =\nthis is not an answer\nE = 0.5 0.5\nw = 1\n", "a.txt", small());
  EXPECT_TRUE(has_issue(s, 2, "unknown name 'q'"));
  EXPECT_TRUE(has_issue(s, 3, "'z' has two different answers (lines 1 and 3)"));
  EXPECT_EQ(s.answers.at("z").conflicting_text, "3");
  EXPECT_TRUE(has_issue(s, 4, "'y' has no value"));
  EXPECT_TRUE(has_issue(s, 5, "expected 'name = value'"));
  EXPECT_TRUE(has_issue(s, 7, "'w' is given in the problem"));
  ASSERT_TRUE(s.answers.count("E"));
  EXPECT_FALSE(s.answers.at("E").readable);
  EXPECT_NE(s.answers.at("E").problem.find("line 6, column 9"), std::string::npos) << s.answers.at("E").problem;
  EXPECT_EQ(s.answers.at("z").text, "1");  // the first of the duplicates
}

TEST(submission, reads_json_keeping_the_written_digits) {
  const auto s = grade::parse_submission(R"({"z": -1.50, "y": "0.1824", "dE_dx": [0.1, -2], "E": 3})", "a.json", small());
  EXPECT_TRUE(s.issues.empty());
  EXPECT_EQ(s.answers.at("z").text, "-1.50");
  EXPECT_EQ(s.answers.at("z").value.children[0].literal.significant_digits(), 3);
  EXPECT_EQ(s.answers.at("y").text, "0.1824");
  EXPECT_EQ(s.answers.at("dE_dx").text, "[0.1, -2]");
  EXPECT_EQ(s.answers.at("E").text, "3");
}

TEST(submission, a_broken_json_file_is_unreadable_as_a_whole) {
  const auto s = grade::parse_submission("{\"z\": 1,", "a.json", small());
  EXPECT_TRUE(s.unreadable_file);
  EXPECT_FALSE(s.issues.empty());
}

TEST(submission, bounds_its_size_and_line_length) {
  grade::submission_limits limits;
  limits.max_bytes = 100;
  limits.max_line_length = 20;
  EXPECT_TRUE(grade::parse_submission(std::string(200, ' '), "a.txt", small(), limits).unreadable_file);
  const auto s = grade::parse_submission("z = 1 + 1 + 1 + 1 + 1 + 1\ny = 0.2\n", "a.txt", small(), limits);
  EXPECT_TRUE(has_issue(s, 1, "line longer than 20"));
  EXPECT_TRUE(s.answers.count("y"));
}

TEST(submission, lists_at_most_its_limit_of_problems) {
  std::string text;
  for (int k = 0; k < 1000; ++k) text += "nonsense line\n";
  const auto s = grade::parse_submission(text, "a.txt", small());
  ASSERT_EQ(s.issues.size(), 101u);
  EXPECT_EQ(s.issues.back().message, "more problems from here on are not listed");
}

TEST(submission, a_decimal_comma_in_a_scalar_is_a_decimal_point_and_a_list_stays_a_list) {
  const auto s = grade::parse_submission("z = -1,5\ny = 0,1824\ndE_dx = [1,2]\n", "a.txt", small());
  EXPECT_EQ(s.answers.at("z").text, "-1,5");  // shown as written
  ASSERT_EQ(s.answers.at("y").value.kind, expr::node_kind::number);
  EXPECT_EQ(s.answers.at("y").value.literal.decimal_places(), 4);
  EXPECT_EQ(s.answers.at("dE_dx").value.kind, expr::node_kind::list);
}
