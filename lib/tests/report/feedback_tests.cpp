#include "gradecheck/report/feedback.hpp"

#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;

namespace {
const cases::case_file& mlp() {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_CASES_DIR) / "mlp-2-2-2-sigmoid-mse");
  return c;
}
grade::graded swapped() {
  grade::graded g;
  g.name = "dL_dh1";
  g.outcome = grade::verdict::wrong;
  g.student = "0.054";
  g.diagnoses.push_back({grade::mistake::swapped, {{"a", "w5"}, {"b", "w7"}}});
  g.diagnoses.push_back({grade::mistake::swapped, {{"a", "delta_o1"}, {"b", "delta_o2"}}});
  g.compared.reference = "0.0363503063931";
  g.compared.expression = "delta_o1*w5 + delta_o2*w7";
  return g;
}
}  // namespace

TEST(feedback, with_the_key_hidden_a_mistake_is_told_by_its_kind_only) {
  const auto how = report::make_view(mlp(), report::reveal::never);
  const std::string f = report::feedback(swapped(), how);
  EXPECT_EQ(f, "two quantities of the same kind are swapped in this step");
  EXPECT_EQ(report::fix(swapped(), how), "");
}

TEST(feedback, the_ta_view_names_the_swap_and_hides_names_the_student_never_saw) {
  const auto how = report::make_view(mlp(), report::reveal::always);
  const std::string f = report::feedback(swapped(), how);
  EXPECT_NE(f.find("w5 and w7 are swapped"), std::string::npos) << f;
  EXPECT_EQ(f.find("delta_o1"), std::string::npos) << f;  // not in the statement, not asked
  EXPECT_NE(f.find("expected 0.0363503063931"), std::string::npos);
  EXPECT_EQ(report::fix(swapped(), how), "dL_dh1 = 0.0363503063931");  // the expression names deltas: left out
}

TEST(feedback, an_unreadable_line_says_it_earns_nothing_until_fixed) {
  grade::graded g;
  g.outcome = grade::verdict::unreadable;
  g.problem = "line 3, column 9: expected a number";
  EXPECT_EQ(report::feedback(g, report::make_view(mlp(), report::reveal::never)),
            "line 3, column 9: expected a number; this line earns nothing until it is fixed");
}

TEST(feedback, verdicts_in_plain_words) {
  EXPECT_EQ(report::plain(grade::verdict::carried_forward), "follows from your earlier error");
  EXPECT_EQ(report::file_name("/srv/grading/7/submission/answers.txt"), "answers.txt");
}
