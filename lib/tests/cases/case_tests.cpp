#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/cases/key.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/cases/verify.hpp"

#include "../support/agrees.hpp"

#include <gtest/gtest.h>

using namespace gradecheck::cases;
using gradecheck::numeric::real50;
using gradecheck::testing::agrees;

namespace {
const std::filesystem::path data = GRADECHECK_TEST_DATA;

std::string load_error(const char* file) {
  try {
    load_case(data / file);
  } catch (const case_error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(case_loading, reads_metadata_givens_derivations_and_ask) {
  const auto c = load_case(data / "small.toml");
  EXPECT_EQ(c.id, "small");
  EXPECT_EQ(c.given.size(), 3u);
  EXPECT_EQ(c.derive.size(), 6u);
  EXPECT_EQ(c.derive[0].where.line, 11);  // the line in the file
  ASSERT_EQ(c.ask.size(), 6u);
  EXPECT_EQ(c.ask[0].points, 2);
  EXPECT_EQ(c.ask[0].within.type, tolerance::kind::sigfig);
  EXPECT_EQ(c.ask[2].name, "E");
  EXPECT_EQ(c.ask[2].points, 5);
  EXPECT_EQ(c.ask[2].within.type, tolerance::kind::relabs);
  EXPECT_EQ(c.ask[2].within.rtol, 0.001);
}

TEST(case_loading, a_syntax_error_points_at_the_file_line_and_column) {
  const std::string e = load_error("bad-derive.toml");
  EXPECT_NE(e.find("bad-derive.toml:9:10: derive: expected a number, a name, '(' or '[', found '*'"), std::string::npos) << e;
  EXPECT_NE(e.find("  c = (a + * b\n           ^"), std::string::npos) << e;
}

TEST(case_loading, undefined_asked_names_and_broken_toml_are_reported) {
  EXPECT_NE(load_error("bad-ask.toml").find("ask.quantities names 'c', which the case does not define"), std::string::npos);
  EXPECT_NE(load_error("bad-toml.toml").find("bad-toml.toml:2:"), std::string::npos) << load_error("bad-toml.toml");
  EXPECT_NE(load_error("no-such-file.toml").find("cannot read the case file"), std::string::npos);
}

TEST(case_evaluation, an_evaluation_error_names_the_quantity_and_its_place) {
  const auto c = load_case(data / "bad-eval.toml");
  try {
    evaluate_case<real50>(c);
    FAIL();
  } catch (const case_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad-eval.toml:8:5: in 'b': log of a number that is not positive"), std::string::npos) << e.what();
  }
}

TEST(case_verification, reads_derivative_names_and_checks_them_against_finite_differences) {
  const auto c = load_case(data / "small.toml");
  EXPECT_EQ(derivative_parts(c, "dE_dw"), (std::pair<std::string, std::string>{"E", "w"}));
  EXPECT_EQ(derivative_parts(c, "dy_dz"), (std::pair<std::string, std::string>{"y", "z"}));
  EXPECT_FALSE(derivative_parts(c, "dz_dy"));  // z does not depend on y
  EXPECT_FALSE(derivative_parts(c, "dE_dq"));
  const auto checks = verify_derivatives(c);
  ASSERT_EQ(checks.size(), 3u);
  for (const auto& chk : checks) {
    EXPECT_TRUE(chk.passed) << chk.name << ": " << chk.detail;
    EXPECT_GT(chk.digits, 40) << chk.name;
  }
}

TEST(case_key, the_text_key_is_itself_an_answer_file_with_the_reference_values) {
  const auto c = load_case(data / "small.toml");
  const std::string key = write_key(c, verify_derivatives(c), key_format::text, 50);
  const auto answers = gradecheck::expr::parse_assignments(key);
  ASSERT_EQ(answers.size(), 6u);
  EXPECT_EQ(answers[0].name, "z");
  EXPECT_EQ(answers[0].text, " -1.5000000000000000000000000000000000000000000000000");
  // y = sigmoid(-1.5): mpmath 1/(1+exp(1.5))
  EXPECT_TRUE(agrees(gradecheck::numeric::parse_real<real50>(gradecheck::expr::to_string(answers[1].expression)),
                     "0.182425523806356340392782821343751752453759156419095383389945", 49));
  EXPECT_EQ(answers[4].text.substr(0, 2), " [");  // a vector
}

TEST(case_key, markdown_and_latex_have_one_row_per_asked_quantity) {
  const auto c = load_case(data / "small.toml");
  const auto checks = verify_derivatives(c);
  const std::string md = write_key(c, checks, key_format::markdown, 6);
  EXPECT_NE(md.find("| `y` | 0.182426 | `sigmoid(z)` |  |"), std::string::npos) << md;
  const std::string tex = write_key(c, checks, key_format::latex, 6);
  EXPECT_NE(tex.find("\\texttt{dE\\_dw} & $"), std::string::npos) << tex;
}

TEST(case_key, template_lists_every_asked_name_blank) {
  const std::string t = write_template(load_case(data / "small.toml"));
  EXPECT_NE(t.find("\nz =\ny =\nE =\ndE_dw =\ndE_dx =\ndy_dz =\n"), std::string::npos) << t;
}
