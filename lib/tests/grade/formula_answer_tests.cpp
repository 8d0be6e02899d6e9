#include "gradecheck/grade/formula_answer.hpp"

#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;

namespace {

std::filesystem::path case_dir(const char* id) { return std::filesystem::path(GRADECHECK_CASES_DIR) / id; }

grade::report graded(const char* id, const std::string& answers) {
  static std::map<std::string, std::pair<cases::case_file, std::unique_ptr<grade::reference>>> loaded;
  auto& entry = loaded[id];
  if (!entry.second) {
    entry.first = cases::load_case(case_dir(id));
    entry.second = std::make_unique<grade::reference>(grade::make_reference(entry.first));
  }
  return grade::grade_submission(*entry.second, grade::parse_submission(answers, "answers.txt", entry.first));
}

const grade::graded& result(const grade::report& r, const std::string& name) {
  return *std::find_if(r.results.begin(), r.results.end(), [&](const grade::graded& g) { return g.name == name; });
}

}  // namespace

TEST(formula_answer, a_subscript_written_as_a_name_is_unreadable_with_a_hint) {
  const auto r = graded("softmax-jacobian", "dy_dz = y_i*(delta(i, j) - y_j)\nJ = diag(y) - y*y'\n");
  const auto& g = result(r, "dy_dz");
  EXPECT_EQ(g.outcome, grade::verdict::unreadable);
  EXPECT_NE(g.problem.find("unknown name 'y_i' (write y[i] for entry i of y)"), std::string::npos) << g.problem;
  EXPECT_NE(g.problem.find("the symbols of this question are: K i j z y"), std::string::npos) << g.problem;
  EXPECT_EQ(result(r, "J").outcome, grade::verdict::correct);
  EXPECT_TRUE(r.unreadable);
}

TEST(formula_answer, a_missing_answer_and_a_syntax_error) {
  const auto r = graded("softmax-jacobian", "J = diag(y) - y*y'(\n");
  EXPECT_EQ(result(r, "dy_dz").outcome, grade::verdict::missing);
  EXPECT_EQ(result(r, "J").outcome, grade::verdict::unreadable);
}

TEST(formula_answer, the_feedback_of_a_wrong_formula_has_the_counterexample_and_the_fix) {
  const auto r = graded("softmax-jacobian", "dy_dz = y[i]*(1 - y[j])\nJ = diag(y) - y*y'\n");
  const auto& g = result(r, "dy_dz");
  EXPECT_EQ(g.outcome, grade::verdict::known_mistake);  // the case names y[i](1 - y[j])
  ASSERT_TRUE(g.compared.example.has_value());
  EXPECT_EQ(g.compared.example->got, "0.25");
  EXPECT_EQ(g.compared.example->at.rfind("z = [0, 0]", 0), 0u) << g.compared.example->at;
  ASSERT_EQ(g.diagnoses.size(), 1u);
  EXPECT_EQ(g.diagnoses[0].kind, grade::mistake::named_mistake);
  EXPECT_EQ(g.compared.reference, "y[i]*(delta(i, j) - y[j])");
  EXPECT_EQ(r.score, 1);
}

TEST(formula_answer, an_answer_right_in_terms_of_a_wrong_one_is_carried_forward) {
  const auto r = graded("momentum-update", "V_new = beta*V + dW\nW_new = W - alpha*V_new\n");
  EXPECT_EQ(result(r, "V_new").outcome, grade::verdict::known_mistake);
  const auto& w = result(r, "W_new");
  EXPECT_EQ(w.outcome, grade::verdict::carried_forward);
  EXPECT_EQ(w.compared.follows_from, std::vector<std::string>{"V_new"});
}

TEST(formula_answer, update_rules_that_move_the_weights_as_the_optimizer_does_are_accepted) {
  const auto r = graded("momentum-update", "V_new = beta*V + dW\nW_new = W - alpha*(1 - beta)*V_new\n");
  EXPECT_EQ(result(r, "V_new").outcome, grade::verdict::correct);
  EXPECT_TRUE(result(r, "V_new").compared.same_method_as_optimizer);
  EXPECT_EQ(result(r, "W_new").outcome, grade::verdict::correct);
}

TEST(formula_answer, grading_is_reproducible) {
  const std::string answers = "dL_dbeta = mean(dL_dy)\ndL_dx = dL_dxhat/sqrt(var)\n";
  const auto a = graded("batchnorm-backward", answers), b = graded("batchnorm-backward", answers);
  for (const auto* name : {"dL_dbeta", "dL_dx"}) {
    EXPECT_EQ(result(a, name).outcome, result(b, name).outcome);
    EXPECT_EQ(result(a, name).compared.example.has_value(), result(b, name).compared.example.has_value());
    if (result(a, name).compared.example) {
      EXPECT_EQ(result(a, name).compared.example->at, result(b, name).compared.example->at);
    }
  }
}
