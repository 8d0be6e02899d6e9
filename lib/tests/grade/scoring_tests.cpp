#include "gradecheck/grade/scoring.hpp"

#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;

namespace {
const cases::case_file& mlp() {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_CASES_DIR) / "mlp-2-2-2-sigmoid-mse");
  return c;
}
grade::graded wrong(const char* name, grade::diagnosis d) {
  grade::graded g;
  g.name = name;
  g.outcome = grade::verdict::wrong;
  g.diagnoses.push_back(std::move(d));
  return g;
}
}  // namespace

TEST(scoring, a_mistake_in_parallel_steps_of_a_part_is_charged_once_read_by_place) {
  // w1 - eta*dL_dw1 and b1 - eta*dL_db1 have one form; eta used twice is the same mistake in both
  std::vector<grade::graded> r{wrong("w1_new", {grade::mistake::given_repeated, {{"given", "eta"}}}),
                               wrong("b1_new", {grade::mistake::given_repeated, {{"given", "eta"}}})};
  grade::charge_repeated_mistakes_once(mlp(), r);
  EXPECT_EQ(r[0].outcome, grade::verdict::wrong);
  EXPECT_EQ(r[1].outcome, grade::verdict::repeated_mistake);
  EXPECT_EQ(r[1].compared.charged_at, "w1_new");
}

TEST(scoring, the_same_kind_of_mistake_in_steps_of_another_form_or_part_is_charged_again) {
  // a sign error in loss (forward) and in dL_dw5 (output layer): different parts and forms
  std::vector<grade::graded> r{wrong("loss", {grade::mistake::negated, {}}), wrong("dL_dw5", {grade::mistake::negated, {}})};
  grade::charge_repeated_mistakes_once(mlp(), r);
  EXPECT_EQ(r[1].outcome, grade::verdict::wrong);
  // a different weight swapped in a parallel step: w5/w7 in dL_dh1 and w6/w8 in dL_dh2 are the same places
  std::vector<grade::graded> s{wrong("dL_dh1", {grade::mistake::swapped, {{"a", "w5"}, {"b", "w7"}}}),
                               wrong("dL_dh2", {grade::mistake::term_dropped, {{"term", "delta_o1*w6"}}})};
  grade::charge_repeated_mistakes_once(mlp(), s);
  EXPECT_EQ(s[1].outcome, grade::verdict::wrong);  // another mistake
}

TEST(scoring, an_answer_with_entries_earns_their_mean_credit) {
  grade::report r;
  grade::graded g;
  g.name = "z1";  // 1 point
  g.outcome = grade::verdict::wrong;
  g.entries = {{0, 0, grade::verdict::correct, "", ""}, {1, 0, grade::verdict::imprecise, "", ""}, {2, 0, grade::verdict::wrong, "", ""},
               {3, 0, grade::verdict::correct, "", ""}};
  r.results.push_back(g);
  grade::score(mlp(), grade::credit_policy::defaults(), r);
  EXPECT_DOUBLE_EQ(r.results[0].score, (1 + 0.5 + 0 + 1) / 4.0);
  EXPECT_DOUBLE_EQ(r.score, r.results[0].score);
}
