// The grader is right about formulas: mutation tests over every formula case.
//
// With every other answer the reference formula, each asked formula is
// replaced by its reference (must be correct), minus it (sign_error), twice
// it (factor_error), it plus 1 (never accepted) and, for a matrix that is
// not square, its transpose (shape_error). A mutant equal to the reference
// at every point (minus a Jacobian that is 0, the transpose of a symmetric
// one) is counted apart, as is one the case names as a mistake (known_mistake).

#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/grade.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

using namespace gradecheck;

namespace {

std::vector<std::filesystem::path> formula_cases() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(GRADECHECK_CASES_DIR))
    if (e.is_directory() && std::filesystem::exists(e.path() / "case.toml") && !cases::load_case(e.path()).formulas.empty())
      out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool accepted_here(grade::verdict v) { return v == grade::verdict::correct || v == grade::verdict::carried_forward; }

class every_formula_case : public ::testing::TestWithParam<std::filesystem::path> {};

}  // namespace

TEST_P(every_formula_case, references_are_correct_and_mutants_are_caught_with_the_right_verdict) {
  const auto c = cases::load_case(GetParam());
  const auto ref = grade::make_reference(c);
  const auto answers_with = [&](const std::string& name, const std::string& text) {
    std::string out;
    for (const auto& a : c.ask) {
      const auto* f = c.find_formula(a.name);
      if (!f || !f->reference) continue;
      out += a.name + " = " + (a.name == name ? text : f->reference->text) + "\n";
    }
    return grade::grade_submission(ref, grade::parse_submission(out, "mutant.txt", c));
  };
  const auto verdict_of = [](const grade::report& r, const std::string& name) {
    return std::find_if(r.results.begin(), r.results.end(), [&](const grade::graded& g) { return g.name == name; })->outcome;
  };
  int tried = 0, apart = 0;
  for (const auto& a : c.ask) {
    const auto* f = c.find_formula(a.name);
    if (!f || !f->reference) continue;
    const std::string r = "(" + f->reference->text + ")";
    EXPECT_EQ(verdict_of(answers_with(a.name, f->reference->text), a.name), grade::verdict::correct) << c.id << " " << a.name;
    const auto& value = ref.formulas.at(a.name).samples.front().expected.value;
    struct mutant {
      std::string text;
      grade::verdict expected;
    };
    std::vector<mutant> mutants{{"-" + r, grade::verdict::sign_error}, {"2*" + r, grade::verdict::factor_error}, {r + " + 1", grade::verdict::wrong}};
    if (value.rows != value.cols) mutants.push_back({r + "'", grade::verdict::shape_error});
    for (const auto& m : mutants) {
      const auto v = verdict_of(answers_with(a.name, m.text), a.name);
      ++tried;
      if (v == grade::verdict::correct || v == grade::verdict::known_mistake) {
        ++apart;  // equal to the reference everywhere, or a mistake the case names
        continue;
      }
      EXPECT_FALSE(accepted_here(v)) << c.id << " " << a.name << " = " << m.text;
      if (m.expected != grade::verdict::wrong) {
        EXPECT_EQ(v, m.expected) << c.id << " " << a.name << " = " << m.text;
      }
    }
  }
  std::printf("%s: %d mutants, %d equal to the reference or named by the case\n", c.id.c_str(), tried, apart);
}

INSTANTIATE_TEST_SUITE_P(cases, every_formula_case, ::testing::ValuesIn(formula_cases()), [](const auto& param_info) {
  std::string name = param_info.param.filename().string();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});
