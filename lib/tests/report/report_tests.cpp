#include "gradecheck/report/csv.hpp"
#include "gradecheck/report/html.hpp"
#include "gradecheck/report/json.hpp"
#include "gradecheck/report/text.hpp"

#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/grade.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace gradecheck;

namespace {
const cases::case_file& small() {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  return c;
}
report::view ta() { return report::make_view(small(), report::reveal::always); }
report::view student() { return report::make_view(small(), report::reveal::never); }
grade::report sample() {
  const cases::case_file& c = small();
  static const grade::reference ref = grade::make_reference(c);
  return grade::grade_submission(ref, grade::parse_submission("z = 1.5\ny = 0.182\nq = 1\n", "student,1.txt", c));
}
}  // namespace

TEST(report_json, has_one_object_per_asked_quantity_with_the_required_fields) {
  const auto doc = nlohmann::json::parse(report::to_json(sample(), ta()));
  ASSERT_EQ(doc["results"].size(), 6u);
  for (const auto& r : doc["results"])
    for (const char* key : {"name", "verdict", "score", "max_score", "student", "reference", "feedback", "comparison"})
      EXPECT_TRUE(r.contains(key)) << key;
  EXPECT_EQ(doc["results"][0]["verdict"], "sign_error");
  EXPECT_EQ(doc["results"][0]["student"], "1.5");
  EXPECT_EQ(doc["issues"].size(), 1u);
}

TEST(report_gradescope, has_a_test_per_quantity_with_score_status_output_and_visibility) {
  const auto doc = nlohmann::json::parse(report::to_gradescope(sample(), student(), report::reveal::never));
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
  const auto doc = nlohmann::json::parse(report::to_prairielearn(sample(), student()));
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
  const std::string text = report::to_text(sample(), ta());
  EXPECT_LT(text.find("What is wrong"), text.find("Every answer"));
  EXPECT_NE(text.find("z: wrong sign (you wrote 1.5)"), std::string::npos) << text;
  EXPECT_NE(text.find("unknown name 'q'"), std::string::npos);
}

TEST(report_json, invalid_utf8_in_an_answer_is_replaced_not_thrown) {
  // found by fuzzing: a submission's bytes are copied into the report
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  static const grade::reference ref = grade::make_reference(c);
  const auto r = grade::grade_submission(ref, grade::parse_submission("z = 1\xff\n", "s.txt", c));
  EXPECT_NO_THROW(report::to_json(r, ta()));
  EXPECT_NO_THROW(report::to_gradescope(r, ta(), report::reveal::always));
  EXPECT_NE(report::to_json(r, ta()).find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

TEST(report_html, the_graph_has_an_arrow_per_asked_input_and_givens_as_labels) {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  const std::string dot = report::to_dot(c, sample(), ta());
  EXPECT_NE(dot.find("\"z\" -> \"y\";"), std::string::npos) << dot;  // y = sigmoid(z)
  EXPECT_EQ(dot.find("\"w\" ["), std::string::npos) << dot;           // a given is no node of its own...
  EXPECT_NE(dot.find("\"z\" [fillcolor=\"#f9d3a9\", label=\"z\\nwrong sign\\n(w x)\"]"), std::string::npos) << dot;  // ...but a label
}

TEST(report_html, the_graph_has_a_column_per_part_and_no_unasked_intermediate) {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / ".." / ".." / ".." / "cases" / "mlp-2-2-2-sigmoid-mse");
  const auto r = grade::grade_submission(grade::make_reference(c), grade::parse_submission("", "s.txt", c));
  const std::string dot = report::to_dot(c, r, report::make_view(c, report::reveal::never));
  EXPECT_NE(dot.find("label=\"forward\""), std::string::npos);
  EXPECT_LT(dot.find("label=\"forward\""), dot.find("label=\"updates\""));
  EXPECT_EQ(dot.find("delta_o1"), std::string::npos);  // never named to the student
  EXPECT_NE(dot.find("\"o1\" -> \"dL_dw5\";"), std::string::npos) << dot;  // through delta_o1
  EXPECT_EQ(dot.find("\"eta\""), std::string::npos);
}

TEST(report_html, the_page_is_one_file_with_a_row_per_quantity_and_escaped_text) {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  static const grade::reference ref = grade::make_reference(c);
  const auto r = grade::grade_submission(ref, grade::parse_submission("z = <b>1\ny = 0.182\n", "s.txt", c));
  const std::string html = report::to_html(c, r, ta());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  std::size_t rows = 0;
  for (std::size_t at = html.find("<tr>"); at != std::string::npos; at = html.find("<tr>", at + 1)) ++rows;
  EXPECT_EQ(rows, 7u);  // the header and six quantities
  EXPECT_EQ(html.find("<b>1"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;1"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);  // nothing to fetch or run
}

// A blank upload must not hand out the key: no reference value in any student-facing format.
TEST(report_disclosure, an_empty_submission_shows_no_reference_value_by_default) {
  const cases::case_file& c = small();
  static const grade::reference ref = grade::make_reference(c);
  const auto r = grade::grade_submission(ref, grade::parse_submission("", "blank.txt", c));
  // the references to 4 significant digits, as any format would write them: -1.5, 0.1824, ...
  const std::vector<std::string> key{"-1.5", "0.1824", "0.002283", "-0.01008", "-0.00504", "0.1491"};
  const auto how = student();
  for (const auto& out : {report::to_text(r, how), report::to_gradescope(r, how, report::reveal::never), report::to_prairielearn(r, how),
                          report::to_html(c, r, how), report::to_json(r, how)})
    for (const auto& k : key) {
      EXPECT_EQ(out.find(k), std::string::npos) << k << " in\n" << out;
    }
  // the TA's view has them
  EXPECT_NE(report::to_text(r, ta()).find("0.1824"), std::string::npos);
}

TEST(report_disclosure, after_the_due_date_gradescope_carries_the_key_in_hidden_tests_only) {
  const auto doc = nlohmann::json::parse(report::to_gradescope(sample(), student(), report::reveal::after_due_date));
  std::size_t with_key = 0;
  for (const auto& t : doc["tests"]) {
    const bool shows = t["output"].get<std::string>().find("reference") != std::string::npos;
    if (t["visibility"] == "visible") {
      EXPECT_FALSE(shows) << t["output"];
    }
    if (t["visibility"] == "after_due_date") with_key += shows;
  }
  EXPECT_EQ(with_key, 6u);
}

TEST(report_text, says_verdicts_in_plain_words_and_no_folders) {
  const auto r = grade::grade_submission(grade::make_reference(small()), grade::parse_submission("z = 1.5\n", "/home/ta/secret/s.txt", small()));
  const std::string text = report::to_text(r, student());
  EXPECT_EQ(text.find("/home/ta"), std::string::npos);
  EXPECT_EQ(text.find("sign_error"), std::string::npos);
  EXPECT_NE(text.find("wrong sign"), std::string::npos);
}
