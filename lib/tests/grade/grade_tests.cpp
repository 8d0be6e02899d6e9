#include "gradecheck/grade/grade.hpp"

#include "gradecheck/cases/load.hpp"

#include <gtest/gtest.h>

using namespace gradecheck;

// The small case: w = 0.5, x = [1, -2], t = 0.25; z = w x0 + x1 = -1.5, y = sigmoid(z),
// E = 1/2 (y - t)^2, dE_dw = (y - t) y (1 - y) x0, dE_dx a vector, dy_dz = y (1 - y).
// Tolerances: sigfig 3, and relabs(rtol 0.001) for E. mpmath, 30 digits: y = 0.182425523806356,
// E = 0.00228315491642266 (2E = 0.00456630983284531), y (1 - y) = 0.149146452070333.
namespace {
const cases::case_file& small() {
  static const cases::case_file c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  return c;
}
grade::report grade_text(const std::string& text) {
  static const grade::reference ref = grade::make_reference(small());
  return grade::grade_submission(ref, grade::parse_submission(text, "s.txt", small()));
}
const grade::graded& result(const grade::report& r, const std::string& name) {
  for (const auto& g : r.results)
    if (g.name == name) return g;
  throw std::logic_error("no result " + name);
}
}  // namespace

TEST(grading, verdict_names_are_the_published_interface) {
  const char* names[] = {"correct",      "correct_rounded", "carried_forward", "imprecise", "repeated_mistake", "sign_error",
                         "factor_error", "shape_error",     "known_mistake",   "wrong",     "missing",          "unreadable"};
  for (std::size_t k = 0; k < grade::all_verdicts.size(); ++k) {
    EXPECT_EQ(grade::name_of(grade::all_verdicts[k]), names[k]);
    EXPECT_EQ(grade::verdict_named(names[k]), grade::all_verdicts[k]);
  }
}

TEST(grading, a_value_within_tolerance_is_correct_and_scores_its_points) {
  const auto r = grade_text("z = -1.5\ny = 0.182\n");
  EXPECT_EQ(result(r, "z").outcome, grade::verdict::correct);
  EXPECT_EQ(result(r, "y").outcome, grade::verdict::correct);  // sigfig 3: |0.182 - 0.18243| < 0.51e-3
  EXPECT_EQ(result(r, "z").score, 2);
  EXPECT_EQ(result(r, "E").outcome, grade::verdict::missing);
  EXPECT_EQ(r.max_score, 2 + 2 + 5 + 2 + 2 + 2);
}

TEST(grading, a_rounded_input_carried_on_is_correct_rounded) {
  // y written as 0.18 (2 significant figures where 3 are asked): imprecise. dy_dz = 0.18 (1 - 0.18)
  // = 0.1476 is off the reference 0.149146 at 3 figures, but it is what the step gives from the
  // number written, at the precision asked: correct_rounded.
  const auto r = grade_text("y = 0.18\ndy_dz = 0.1476\n");
  EXPECT_EQ(result(r, "y").outcome, grade::verdict::imprecise);
  EXPECT_EQ(result(r, "y").score, 1);  // half of 2 points
  EXPECT_EQ(result(r, "dy_dz").outcome, grade::verdict::correct_rounded);
  EXPECT_EQ(result(r, "dy_dz").compared.used.at("y"), "0.18");
}

TEST(grading, coarse_inputs_do_not_widen_what_later_steps_accept) {
  // From y = 0.18 the step gives 0.18 (1 - 0.18) = 0.1476. 0.148 is within sigfig 3's band (0.51e-3
  // at 0.149) of it: correct_rounded. 0.1504 is 0.0028 from it: inside what the rounding of 0.18
  // would allow ([0.175, 0.185] gives [0.1444, 0.1508]), but not at the precision asked.
  EXPECT_EQ(result(grade_text("y = 0.18\ndy_dz = 0.148\n"), "dy_dz").outcome, grade::verdict::correct_rounded);
  EXPECT_FALSE(grade::accepted(result(grade_text("y = 0.18\ndy_dz = 0.1504\n"), "dy_dz").outcome));
}

TEST(grading, a_value_from_a_wrong_earlier_answer_is_carried_forward) {
  // y = 0.5 is wrong; 0.5 (1 - 0.5) = 0.25 follows from it.
  const auto r = grade_text("y = 0.5\ndy_dz = 0.25\n");
  EXPECT_EQ(result(r, "y").outcome, grade::verdict::wrong);
  EXPECT_EQ(result(r, "dy_dz").outcome, grade::verdict::carried_forward);
  EXPECT_EQ(result(r, "dy_dz").compared.follows_from, std::vector<std::string>{"y"});
  EXPECT_EQ(result(r, "dy_dz").score, 2);
}

TEST(grading, diagnoses_signs_factors_and_shapes) {
  const auto r = grade_text("z = 1.5\nE = 0.004566\ndE_dx = [0.1, 0.2, 0.3]\ny = 1/0\n");
  EXPECT_EQ(result(r, "z").outcome, grade::verdict::sign_error);
  EXPECT_EQ(result(r, "E").outcome, grade::verdict::factor_error);  // 2 E: the 1/2 forgotten
  EXPECT_EQ(result(r, "dE_dx").outcome, grade::verdict::shape_error);  // 3 entries for 2
  EXPECT_EQ(result(r, "y").outcome, grade::verdict::unreadable);
  EXPECT_TRUE(r.unreadable);
}

TEST(grading, a_number_right_to_fewer_digits_than_asked_is_imprecise) {
  // 0.182425 rounds to 0.2 at one figure: right to the digit written, but 3 are asked
  EXPECT_EQ(result(grade_text("y = 0.2\n"), "y").outcome, grade::verdict::imprecise);
  // 0.3 is not 0.18 to any digit: wrong
  EXPECT_EQ(result(grade_text("y = 0.3\n"), "y").outcome, grade::verdict::wrong);
}

TEST(grading, the_search_finds_a_left_out_factor) {
  // dy_dz = y (1 - y); writing y itself (0.1824) puts the activation where its derivative belongs.
  const auto r = grade_text("dy_dz = 0.1824\n");
  EXPECT_EQ(result(r, "dy_dz").outcome, grade::verdict::wrong);
  ASSERT_FALSE(result(r, "dy_dz").diagnoses.empty());
  EXPECT_EQ(result(r, "dy_dz").diagnoses[0].kind, grade::mistake::value_for_derivative);
}

TEST(grading, every_verdict_records_its_comparison) {
  const auto r = grade_text("y = 0.5\n");
  const auto& g = result(r, "y");
  EXPECT_EQ(g.compared.reference, "0.182425523806");
  EXPECT_EQ(g.compared.tolerance, "sigfig(3)");
  EXPECT_EQ(g.compared.expression, "sigmoid(z)");
  EXPECT_FALSE(g.compared.interval.empty());
}

TEST(grading, credit_per_verdict_is_configurable) {
  grade::grading_options options;
  options.credit.fraction[grade::verdict::sign_error] = 0.5;
  const grade::reference ref = grade::make_reference(small());
  const auto r = grade::grade_submission(ref, grade::parse_submission("z = 1.5\n", "s.txt", small()), options);
  EXPECT_EQ(result(r, "z").score, 1);
}

TEST(grading, parts_sum_the_points_of_their_quantities) {
  const auto c = cases::load_case(std::filesystem::path(GRADECHECK_CASES_DIR) / "mlp-2-2-2-sigmoid-mse");
  const grade::reference ref = grade::make_reference(c);
  const auto r = grade::grade_submission(ref, grade::parse_submission("z1 = 0.3775\nh1 = 0.5933\ndL_dh1 = 0.054\n", "s.txt", c));
  ASSERT_EQ(r.parts.size(), 4u);
  EXPECT_EQ(r.parts[0].name, "forward");
  EXPECT_EQ(r.parts[0].score, 2);
  EXPECT_EQ(r.parts[0].max_score, 9);
  EXPECT_EQ(r.parts[2].name, "hidden_layer_gradients");
  EXPECT_EQ(r.parts[2].score, 0);
}

TEST(grading, a_vector_written_as_a_row_is_the_same_vector) {
  // dE_dx = (y - t) y (1 - y) [w, 1] = [-0.00503924, -0.0100785] (mpmath, 30 digits)
  EXPECT_EQ(result(grade_text("dE_dx = [[-0.00504, -0.0101]]\n"), "dE_dx").outcome, grade::verdict::correct);
  EXPECT_EQ(result(grade_text("dE_dx = [-0.00504, -0.0101]\n"), "dE_dx").outcome, grade::verdict::correct);
}

TEST(grading, a_vector_answer_earns_credit_per_entry) {
  // one entry of two right (2 points): 1 point, with per-entry verdicts
  const auto& g = result(grade_text("dE_dx = [-0.00504, 0.5]\n"), "dE_dx");
  EXPECT_EQ(g.outcome, grade::verdict::wrong);
  EXPECT_EQ(g.score, 1);
  ASSERT_EQ(g.entries.size(), 2u);
  EXPECT_EQ(g.entries[0].outcome, grade::verdict::correct);
  EXPECT_EQ(g.entries[1].outcome, grade::verdict::wrong);
}

TEST(grading, two_different_answers_for_one_quantity_earn_nothing_and_identical_ones_are_fine) {
  EXPECT_EQ(result(grade_text("z = -1.5\nz = 1.5\n"), "z").outcome, grade::verdict::wrong);
  EXPECT_EQ(result(grade_text("z = -1.5\nz = 1.5\n"), "z").diagnoses.at(0).kind, grade::mistake::two_answers);
  EXPECT_EQ(result(grade_text("z = -1.5\nz = -1.50\n"), "z").outcome, grade::verdict::correct);
}

TEST(grading, zero_gets_no_invented_diagnosis) {
  const auto& g = result(grade_text("E = 0\n"), "E");
  EXPECT_EQ(g.outcome, grade::verdict::wrong);
  EXPECT_TRUE(g.diagnoses.empty());
}

TEST(grading, an_unasked_intermediate_that_two_wrong_answers_agree_on_is_charged_once) {
  // delta_o1 doubled (mpmath, 40 digits): dL_dw5 = 2 delta_o1 h1 = 0.164334, dL_dh1 = 2 delta_o1 w5 +
  // delta_o2 w7 = 0.0917497; each alone is a different number, together they name one slip
  const auto c = cases::load_case(std::filesystem::path(GRADECHECK_CASES_DIR) / "mlp-2-2-2-sigmoid-mse");
  const grade::reference ref = grade::make_reference(c);
  const auto r = grade::grade_submission(ref, grade::parse_submission("dL_dw5 = 0.164334\ndL_dh1 = 0.0917497\n", "s.txt", c));
  EXPECT_EQ(result(r, "dL_dw5").outcome, grade::verdict::factor_error);
  EXPECT_EQ(result(r, "dL_dw5").diagnoses.at(0).kind, grade::mistake::inferred_intermediate);
  EXPECT_EQ(result(r, "dL_dw5").diagnoses.at(0).param("factor"), "2");
  EXPECT_EQ(result(r, "dL_dh1").outcome, grade::verdict::carried_forward);
  EXPECT_EQ(result(r, "dL_dh1").compared.charged_at, "dL_dw5");
}
