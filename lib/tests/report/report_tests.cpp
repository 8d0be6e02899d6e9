#include "gradecheck/report/csv.hpp"
#include "gradecheck/report/html.hpp"
#include "gradecheck/report/json.hpp"
#include "gradecheck/report/text.hpp"

#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace gradecheck;

namespace {
grade::report sample() {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  static const grade::reference ref = grade::make_reference(c);
  return grade::grade_submission(ref, grade::parse_submission("z = 1.5\ny = 0.182\nq = 1\n", "student,1.txt", c));
}
}  // namespace

TEST(report_json, has_one_object_per_asked_quantity_with_the_required_fields) {
  const auto doc = nlohmann::json::parse(report::to_json(sample()));
  ASSERT_EQ(doc["results"].size(), 6u);
  for (const auto& r : doc["results"])
    for (const char* key : {"name", "verdict", "score", "max_score", "student", "reference", "feedback", "comparison"})
      EXPECT_TRUE(r.contains(key)) << key;
  EXPECT_EQ(doc["results"][0]["verdict"], "sign_error");
  EXPECT_EQ(doc["results"][0]["student"], "1.5");
  EXPECT_EQ(doc["issues"].size(), 1u);
}

TEST(report_gradescope, has_a_test_per_quantity_with_score_status_output_and_visibility) {
  const auto doc = nlohmann::json::parse(report::to_gradescope(sample()));
  EXPECT_EQ(doc["score"], 2);
  const auto& tests = doc["tests"];
  ASSERT_EQ(tests.size(), 7u);  // the file's problems first, then the six quantities
  EXPECT_EQ(tests[0]["name"], "format of the answer file");
  EXPECT_EQ(tests[1]["name"], "z");
  EXPECT_EQ(tests[1]["status"], "failed");
  EXPECT_EQ(tests[2]["status"], "passed");
  for (const auto& t : tests)
    for (const char* key : {"name", "score", "max_score", "status", "output", "visibility"}) EXPECT_TRUE(t.contains(key)) << key;
}

TEST(report_prairielearn, scores_in_zero_to_one_and_is_gradable) {
  const auto doc = nlohmann::json::parse(report::to_prairielearn(sample()));
  EXPECT_EQ(doc["gradable"], true);
  EXPECT_DOUBLE_EQ(doc["score"].get<double>(), 2.0 / 15.0);
  EXPECT_EQ(doc["tests"].size(), 6u);
  EXPECT_EQ(doc["tests"][1]["points"], 2);
}

TEST(report_csv, quotes_fields_and_lists_verdicts) {
  const std::string csv = report::to_csv({sample()});
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "submission,score,max_score,unreadable,z,y,E,dE_dw,dE_dx,dy_dz");
  EXPECT_NE(csv.find("\"student,1.txt\",2,15,no,sign_error,correct,missing"), std::string::npos) << csv;
}

TEST(report_text, puts_what_is_wrong_first) {
  const std::string text = report::to_text(sample());
  EXPECT_LT(text.find("What is wrong"), text.find("Every answer"));
  EXPECT_NE(text.find("z: sign_error (you wrote 1.5)"), std::string::npos) << text;
  EXPECT_NE(text.find("unknown name 'q'"), std::string::npos);
}

TEST(report_json, invalid_utf8_in_an_answer_is_replaced_not_thrown) {
  // found by fuzzing: a submission's bytes are copied into the report
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  static const grade::reference ref = grade::make_reference(c);
  const auto r = grade::grade_submission(ref, grade::parse_submission("z = 1\xff\n", "s.txt", c));
  EXPECT_NO_THROW(report::to_json(r));
  EXPECT_NO_THROW(report::to_gradescope(r));
  EXPECT_NE(report::to_json(r).find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

TEST(report_html, the_graph_has_an_arrow_per_input_and_asked_quantities_coloured_by_verdict) {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  const std::string dot = report::to_dot(c, sample());
  EXPECT_NE(dot.find("\"z\" -> \"y\";"), std::string::npos) << dot;   // y = sigmoid(z)
  EXPECT_NE(dot.find("\"w\" [shape=box"), std::string::npos);        // a given
  EXPECT_NE(dot.find("\"z\" [shape=ellipse, fillcolor=\"#f9d3a9\", label=\"z\\nsign_error\"]"), std::string::npos) << dot;
}

TEST(report_html, the_page_is_one_file_with_a_row_per_quantity_and_escaped_text) {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  static const grade::reference ref = grade::make_reference(c);
  const auto r = grade::grade_submission(ref, grade::parse_submission("z = <b>1\ny = 0.182\n", "s.txt", c));
  const std::string html = report::to_html(c, r);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  std::size_t rows = 0;
  for (std::size_t at = html.find("<tr>"); at != std::string::npos; at = html.find("<tr>", at + 1)) ++rows;
  EXPECT_EQ(rows, 7u);  // the header and six quantities
  EXPECT_EQ(html.find("<b>1"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;1"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);  // nothing to fetch or run
}
