// Answers accepted at sight must be graded exactly as the whole grader grades them: every report
// made with the shortcut is compared with the one made without it, on every stored submission and
// on random submissions whose numbers sit at and around the ends of the tolerance bands.

#include "gradecheck/grade/acceptance.hpp"

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/report/disclosure.hpp"
#include "gradecheck/report/json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

using namespace gradecheck;

namespace {

const std::filesystem::path cases_dir = GRADECHECK_CASES_DIR;

struct both_ways {
  std::string with_shortcut, without;
  bool accepted_at_sight = false;
};

// The report of `s` as JSON (every field, as a TA's view shows it), graded with and without the shortcut.
both_ways grade_both_ways(const grade::reference& ref, const grade::submission& s) {
  auto how = report::make_view(*ref.c, report::reveal::always);
  how.plain_words = false;
  grade::grading_options fast, whole;
  whole.at_sight = false;
  const auto a = grade::grade_submission(ref, s, fast), b = grade::grade_submission(ref, s, whole);
  // the whole grader counts its search; a submission accepted at sight searched nothing
  const bool at_sight = b.searched_answers == 0 && a.search_evaluations == 0 &&
                        std::all_of(a.results.begin(), a.results.end(), [](const auto& g) { return g.outcome == grade::verdict::correct; });
  return {report::to_json(a, how), report::to_json(b, how), at_sight};
}

}  // namespace

TEST(acceptance, every_stored_submission_is_graded_as_the_whole_grader_grades_it) {
  int files = 0, all_correct = 0;
  for (const auto& dir : std::filesystem::directory_iterator(cases_dir)) {
    if (!std::filesystem::exists(dir.path() / "case.toml")) continue;
    const auto c = cases::load_case(dir.path());
    const auto ref = grade::make_reference(c);
    const auto symbols = cases::latex_symbols_of(c);
    for (const char* folder : {"submissions", "students"}) {
      if (!std::filesystem::is_directory(dir.path() / folder)) continue;
      for (const auto& f : std::filesystem::directory_iterator(dir.path() / folder)) {
        const auto ext = f.path().extension();
        if (ext != ".txt" && ext != ".json") continue;
        const auto s = grade::read_submission(f.path(), c, {}, {expr::syntax::automatic, &symbols});
        const auto got = grade_both_ways(ref, s);
        EXPECT_EQ(got.with_shortcut, got.without) << f.path();
        ++files;
        all_correct += got.accepted_at_sight;
      }
    }
  }
  EXPECT_GT(files, 100);
  EXPECT_GT(all_correct, 0);  // some stored submissions are right throughout (the cases' correct.txt)
}

namespace {

// A number near `r`: at one end of the band [r - w, r + w] moved by a relative `nudge` (in or out),
// or anywhere within two bands; written to `digits` significant digits.
std::string near(const numeric::real50& r, const numeric::real50& w, std::mt19937_64& gen) {
  using numeric::real50;
  static const char* nudges[] = {"0", "1e-3", "-1e-3", "1e-15", "-1e-15", "1e-30", "-1e-30", "1e-45", "-1e-45"};
  const int digits = 4 + static_cast<int>(gen() % 47);
  real50 x;
  switch (gen() % 3) {
    case 0: x = r; break;
    case 1: {
      const real50 side = gen() % 2 ? real50(1) : real50(-1);
      x = r + side * w * (1 + real50(nudges[gen() % 9]));
      break;
    }
    default: x = r + w * (real50(static_cast<double>(gen() % 4001)) / 1000 - 2);
  }
  return numeric::to_significant(x, digits);
}

}  // namespace

TEST(acceptance, numbers_at_the_ends_of_the_bands_are_graded_as_the_whole_grader_grades_them) {
  for (const char* id : {"mlp-2-2-2-sigmoid-mse", "batchnorm-batch-of-4", "mlp-3-4-3-3-tanh-softmax-ce", "jacobian-at-points", "adam-two-steps"}) {
    const auto c = cases::load_case(cases_dir / id);
    const auto ref = grade::make_reference(c);
    const auto symbols = cases::latex_symbols_of(c);
    std::mt19937_64 gen(std::hash<std::string>{}(id) % 1000);
    int at_sight = 0, trials = 400;
    for (int t = 0; t < trials; ++t) {
      // most entries right to 15 digits, so that whole submissions reach the shortcut; the rest near an end
      std::string text;
      for (const auto& a : c.ask) {
        if (c.find_formula(a.name)) continue;
        const auto& v = ref.values.at(a.name);
        const auto& w = ref.bands.at(a.name);
        const auto entry = [&](std::size_t k) { return gen() % (4 * v.size()) ? numeric::to_significant(v.data[k], 15) : near(v.data[k], w[k], gen); };
        std::string value;
        if (v.is_scalar()) {
          value = entry(0);
        } else {
          value = "[";
          for (std::size_t i = 0; i < v.rows; ++i) {
            if (v.cols > 1) value += i ? ", [" : "[";
            for (std::size_t j = 0; j < v.cols; ++j) value += (j || (v.cols == 1 && i) ? ", " : "") + entry(i * v.cols + j);
            if (v.cols > 1) value += "]";
          }
          value += "]";
        }
        text += a.name + " = " + value + "\n";
        // now and then, what a student farming points writes: the same answer twice, differently
        if (gen() % 50 == 0) text += a.name + " = " + value + "1\n";
      }
      const auto s = grade::parse_submission(text, "near.txt", c, {}, {expr::syntax::automatic, &symbols});
      const auto got = grade_both_ways(ref, s);
      EXPECT_EQ(got.with_shortcut, got.without) << id << ":\n" << text;
      at_sight += got.accepted_at_sight;
    }
    // both paths are exercised: some submissions are right throughout, most are not
    EXPECT_GT(at_sight, 0) << id;
    EXPECT_LT(at_sight, trials) << id;
  }
}

TEST(acceptance, a_number_on_the_end_of_its_band_is_left_to_the_grader) {
  // small.toml: y = sigmoid(-1.5), sigfig 3, so the band is 0.51e-3 either way. From mpmath at 70
  // digits: y = 0.182425523806356340392782821343751752453759156419095383389945; y + 0.00051 is
  // 0.182935523806356340392782821343751752453759156419095383389945.
  const auto c = cases::load_case(std::filesystem::path(GRADECHECK_TEST_DATA) / "small.toml");
  const auto ref = grade::make_reference(c);
  std::size_t y = 0;
  while (c.ask[y].name != "y") ++y;
  ASSERT_TRUE(ref.at_sight.answers[y].has_value());
  const auto& sure = *ref.at_sight.answers[y];
  const auto number = [](const char* text) { return expr::parse_expression(text); };
  EXPECT_TRUE(grade::accepted_at_sight(sure, number("0.1829")));
  EXPECT_TRUE(grade::accepted_at_sight(sure, number("0.182")));
  // the end itself, to 60 digits: within the margin, so left to the grader
  EXPECT_FALSE(grade::accepted_at_sight(sure, number("0.182935523806356340392782821343751752453759156419095383389945")));
  // 1e-22 inside either end: beyond the margin (a relative 1e-20 of the band, 5.1e-24), so accepted at sight
  EXPECT_TRUE(grade::accepted_at_sight(sure, number("0.182935523806356340392682821343751752453759156419095383389945")));
  EXPECT_TRUE(grade::accepted_at_sight(sure, number("0.181915523806356340392882821343751752453759156419095383389945")));
  EXPECT_FALSE(grade::accepted_at_sight(sure, number("0.1830")));
  EXPECT_FALSE(grade::accepted_at_sight(sure, number("0.182 + 0")));     // an expression is graded
  EXPECT_FALSE(grade::accepted_at_sight(sure, number("[0.182, 0.1]")));  // of the wrong shape
}

TEST(acceptance, plain_numbers_are_numbers_lists_and_rows) {
  const auto shape = [](const char* text) {
    const auto p = grade::plain_numbers_of(expr::parse_expression(text));
    return p ? std::to_string(p->rows) + "x" + std::to_string(p->cols) : std::string("none");
  };
  EXPECT_EQ(shape("-0.5"), "1x1");
  EXPECT_EQ(shape("[1, -2, 3e-4]"), "3x1");
  EXPECT_EQ(shape("[[1, 2, 3], [4, 5, 6]]"), "2x3");
  EXPECT_EQ(shape("[[1], [2]]"), "none");  // rows of one number: left to the evaluator's reading
  EXPECT_EQ(shape("[[1, 2], [3]]"), "none");
  EXPECT_EQ(shape("[1, sqrt(2)]"), "none");
  EXPECT_EQ(shape("--1"), "none");
  const auto p = grade::plain_numbers_of(expr::parse_expression("[-0.5, 2]"));
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->entries[0].negative);
  EXPECT_EQ(p->entries[0].digits, "5");
}
