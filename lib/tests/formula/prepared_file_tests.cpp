// Prepared points written to a file and read back are the points prepared: every environment,
// point and expected value the same, bit for bit; a file of another case's text, or a damaged
// one, is not used.

#include "gradecheck/formula/prepared_file.hpp"

#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/formula_answer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace gradecheck;

namespace {

const std::filesystem::path cases_dir = GRADECHECK_CASES_DIR;

bool same(const formula::value50& a, const formula::value50& b) { return a.rows == b.rows && a.cols == b.cols && a.data == b.data; }

template <class Map>
bool same_values(const Map& a, const Map& b) {
  if (a.size() != b.size()) return false;
  for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
    if (x->first != y->first || !same(x->second, y->second)) return false;
  return true;
}

void expect_same(const std::map<std::string, formula::prepared_question>& a, const std::map<std::string, formula::prepared_question>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, p] : a) {
    const auto& q = b.at(name);
    EXPECT_EQ(p.q, q.q) << name;
    ASSERT_EQ(p.samples.size(), q.samples.size()) << name;
    for (std::size_t k = 0; k < p.samples.size(); ++k) {
      const auto& s = p.samples[k];
      const auto& t = q.samples[k];
      EXPECT_TRUE(same_values(*s.env, *t.env)) << name << " sample " << k;
      EXPECT_EQ(s.at.sizes, t.at.sizes) << name << " sample " << k;
      EXPECT_EQ(s.at.indices, t.at.indices) << name << " sample " << k;
      EXPECT_TRUE(same_values(s.at.variables, t.at.variables)) << name << " sample " << k;
      EXPECT_TRUE(same(s.expected.value, t.expected.value)) << name << " sample " << k;
      EXPECT_EQ(s.expected.allowance, t.expected.allowance) << name << " sample " << k;
    }
  }
}

}  // namespace

TEST(prepared_file, points_read_back_are_the_points_prepared) {
  for (const char* id : {"batchnorm-backward", "two-layer-sigmoid-update", "softmax-jacobian", "momentum-update"}) {
    const auto c = cases::load_case(cases_dir / id);
    const auto prepared = grade::prepare_formulas(c);
    const auto text = formula::write_prepared(prepared, "fp");
    const auto back = formula::read_prepared(text, c.domain, c.formulas, "fp");
    ASSERT_TRUE(back.has_value()) << id;
    expect_same(prepared, *back);
    // the questions share their points in the file as in memory: one environment per point
    const auto& any = back->begin()->second;
    for (const auto& [name, p] : *back)
      for (std::size_t k = 0; k < std::min(p.samples.size(), any.samples.size()); ++k)
        if (same_values(p.samples[k].at.variables, any.samples[k].at.variables)) {
          EXPECT_EQ(p.samples[k].env.get(), any.samples[k].env.get()) << id;
        }
  }
}

TEST(prepared_file, a_file_of_another_fingerprint_is_not_used) {
  const auto c = cases::load_case(cases_dir / "batchnorm-backward");
  const auto text = formula::write_prepared(grade::prepare_formulas(c), "made-from-one-text");
  EXPECT_FALSE(formula::read_prepared(text, c.domain, c.formulas, "made-from-another").has_value());
}

TEST(prepared_file, a_damaged_file_is_refused) {
  const auto c = cases::load_case(cases_dir / "batchnorm-backward");
  const auto text = formula::write_prepared(grade::prepare_formulas(c), "fp");
  const auto refused = [&](const std::string& damaged) {
    try {
      (void)formula::read_prepared(damaged, c.domain, c.formulas, "fp");
    } catch (const formula::prepared_file_error&) {
      return true;
    }
    return false;
  };
  EXPECT_TRUE(refused(text.substr(0, text.size() / 2)));     // cut short
  EXPECT_TRUE(refused("not a file of points\n" + text));      // no header
  std::string bad_number = text;
  bad_number.replace(bad_number.find("0x"), 2, "zz");         // a value that is no number
  EXPECT_TRUE(refused(bad_number));
  std::string other_question = text;
  other_question.replace(other_question.find("\ndL_dbeta "), 10, "\nno_such_q ");
  EXPECT_TRUE(refused(other_question));
}
