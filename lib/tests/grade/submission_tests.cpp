#include "gradecheck/grade/submission.hpp"

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <random>

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

namespace {

// A submission as text: every answer with everything read of it, every issue.
std::string described(const grade::submission& s) {
  std::string out = s.unreadable_file ? "unreadable\n" : "";
  const std::function<std::string(const expr::node&)> tree = [&](const expr::node& n) {
    std::string t = std::to_string(static_cast<int>(n.kind)) + "'" + n.text + "'" + n.literal.canonical() + "@" + std::to_string(n.where.line) + ":" +
                    std::to_string(n.where.column) + "(";
    for (const auto& c : n.children) t += tree(c) + ",";
    return t + ")";
  };
  for (const auto& [name, a] : s.answers)
    out += name + "|" + a.name + "|" + a.text + "|" + tree(a.value) + "|" + std::to_string(a.where.line) + ":" + std::to_string(a.where.column) +
           "|" + std::to_string(a.readable) + "|" + a.problem + "|" + a.conflicting_text + "|" + std::to_string(a.conflicting_line) + "|" +
           std::to_string(a.latex) + "|" + a.read_as + "\n";
  for (const auto& i : s.issues) out += "issue " + std::to_string(i.where.line) + ":" + std::to_string(i.where.column) + " " + i.message + "\n";
  return out;
}

std::string read_both_ways(const std::string& text, const cases::case_file& c, const expr::latex_symbols& symbols, expr::syntax how,
                           std::string& general) {
  grade::reading_options at_once{how, &symbols}, every_line{how, &symbols};
  every_line.plain_lines_at_once = false;
  general = described(grade::parse_submission(text, "s.txt", c, {}, every_line));
  return described(grade::parse_submission(text, "s.txt", c, {}, at_once));
}

}  // namespace

// Plain `name = number` lines are read at once; what is read must be what the general reading
// reads, on every stored submission and on random lines built of names, signs, blanks and numbers.
TEST(submission, plain_lines_read_at_once_read_as_every_line_is_read) {
  const std::filesystem::path cases_dir = GRADECHECK_CASES_DIR;
  int files = 0;
  for (const auto& dir : std::filesystem::directory_iterator(cases_dir)) {
    if (!std::filesystem::exists(dir.path() / "case.toml") || !std::filesystem::is_directory(dir.path() / "submissions")) continue;
    const auto c = cases::load_case(dir.path());
    const auto symbols = cases::latex_symbols_of(c);
    for (const auto& f : std::filesystem::directory_iterator(dir.path() / "submissions")) {
      if (f.path().extension() != ".txt") continue;
      std::ifstream in(f.path(), std::ios::binary);
      const std::string text{std::istreambuf_iterator<char>(in), {}};
      for (const auto how : {expr::syntax::automatic, expr::syntax::plain, expr::syntax::latex}) {
        std::string general;
        EXPECT_EQ(read_both_ways(text, c, symbols, how, general), general) << f.path();
      }
      ++files;
    }
  }
  EXPECT_GT(files, 100);

  const auto c = cases::load_case(cases_dir / "mlp-2-2-2-sigmoid-mse");
  const auto symbols = cases::latex_symbols_of(c);
  const char* pieces[] = {"h1", "dL_dw5", "dL/dw5", "w1", "loss", "L", "o_1", "nope", " ", "\t", "\r", "=", "==", "<=", "-", "+",
                          "0.5933", "1e-3", ".5", "2.", "1,5", "#", "$", "(", "[", "0.5, 1", "sqrt(2)", "\xE2\x88\x92"};
  std::mt19937_64 gen(42);
  int answered = 0;
  for (int k = 0; k < 3000; ++k) {
    std::string text;
    for (int line = 0; line < 6; ++line) {
      // most lines are well formed, so that many are read at once; the rest are anything
      if (gen() % 3) {
        text += std::string(gen() % 2 ? "" : " ") + pieces[gen() % 8] + (gen() % 2 ? " = " : "=") + (gen() % 2 ? "-" : "") + pieces[16 + gen() % 5] +
                (gen() % 4 ? "" : " \r");
      } else {
        for (int j = 0; j < 5; ++j) text += pieces[gen() % std::size(pieces)];
      }
      text += "\n";
    }
    std::string general;
    const auto got = read_both_ways(text, c, symbols, expr::syntax::automatic, general);
    EXPECT_EQ(got, general) << text;
    answered += got.find("|1|") != std::string::npos;  // a readable answer
  }
  EXPECT_GT(answered, 1000);
}
