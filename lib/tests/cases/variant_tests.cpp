#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/cases/key.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/cases/variant.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/numeric/decimal.hpp"

#include <gtest/gtest.h>

#include <regex>

using namespace gradecheck;
using namespace gradecheck::cases;
using numeric::real50;

namespace {

const std::filesystem::path cases_dir = GRADECHECK_CASES_DIR;

// The cases whose givens vary per student.
const std::vector<std::string> varying = {"mlp-2-2-2-sigmoid-mse", "linear-2-2-1-se", "mlp-2-2-2-sigmoid-bce", "batchnorm-batch-of-4",
                                          "adam-two-steps"};

std::string load_error(const std::string& text) {
  try {
    parse_case(text, "v.toml");
  } catch (const case_error& e) {
    return e.what();
  }
  return "";
}

const char* small_case = R"(id = "v"
title = "t"
source = "s"
statement = "Given a = {{a}} and b."
given = '''
a = 0.5
b = [1, 2]
'''
derive = '''
y = a*b
dy_da = b
'''
[ask]
quantities = "y"
)";

// Every entry of a written given, as the decimal text it is written with.
std::vector<std::string> entries_of(const std::string& text) {
  std::vector<std::string> out;
  const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) out.push_back(it->str());
  return out;
}

}  // namespace

TEST(variants, two_students_get_different_givens_and_different_keys) {
  const auto c = load_case(cases_dir / "mlp-2-2-2-sigmoid-mse");
  const auto alice = variant_for(c, "alice@uni.edu"), bob = variant_for(c, "bob@uni.edu");
  EXPECT_NE(alice.givens, bob.givens);
  const auto a = evaluate_case<real50>(alice.c), b = evaluate_case<real50>(bob.c);
  EXPECT_NE(a.at("dL_dw1").data[0], b.at("dL_dw1").data[0]);
  EXPECT_NE(write_key(alice.c, alice.checks, key_format::text, 50), write_key(bob.c, bob.checks, key_format::text, 50));
  EXPECT_EQ(alice.c.student, "alice@uni.edu");
}

TEST(variants, the_same_student_gets_the_same_numbers_every_time) {
  const auto c = load_case(cases_dir / "adam-two-steps");
  EXPECT_EQ(variant_for(c, "carol").givens, variant_for(load_case(cases_dir / "adam-two-steps"), "carol").givens);
}

TEST(variants, without_a_student_the_case_keeps_its_own_givens) {
  const auto c = load_case(cases_dir / "mlp-2-2-2-sigmoid-mse");
  const auto own = variant_for(c, "");
  EXPECT_TRUE(own.givens.empty());
  ASSERT_EQ(own.c.given.size(), c.given.size());
  for (std::size_t k = 0; k < c.given.size(); ++k) EXPECT_EQ(own.c.given[k].text, c.given[k].text);
  // the numbers of the seed's problem (000 Problem 1), as its statement gives them
  EXPECT_EQ(evaluate_case<real50>(own.c).at("w5").data[0], real50("0.40"));
  EXPECT_EQ(evaluate_case<real50>(own.c).at("t2").data[0], real50("0.99"));
}

// 1000 students per case, drawn without the derivative checks (they are the next test's): every
// drawn entry lies in its range with the decimals declared, the givens not declared keep the case's
// value, and every constraint holds, each evaluated here from its own expression.
TEST(variants, constraints_and_ranges_hold_on_1000_students_per_case) {
  for (const auto& id : varying) {
    const auto c = load_case(cases_dir / id);
    ASSERT_FALSE(c.variants.empty()) << id;
    const auto own = evaluate_case<real50>(c);
    std::size_t redraws = 0;
    for (int s = 0; s < 1000; ++s) {
      const auto v = variant_for(c, "student" + std::to_string(s), verification::unchecked);
      for (const auto& [reason, n] : v.redraws) redraws += n;
      const auto values = evaluate_case<real50>(v.c);
      for (const auto& g : c.variants.givens) {
        const std::string& text = v.givens.at(g.name);
        if (!g.choices.empty()) {
          EXPECT_NE(std::find(g.choices.begin(), g.choices.end(), text), g.choices.end()) << id << " " << g.name << " = " << text;
          continue;
        }
        const auto entries = entries_of(text);
        ASSERT_EQ(entries.size(), own.at(g.name).size()) << id << " " << g.name << " = " << text;
        for (const auto& e : entries) {
          const auto point = e.find('.');
          EXPECT_EQ(point == std::string::npos ? 0 : static_cast<int>(e.size() - point - 1), g.decimals) << id << " " << g.name << " = " << e;
          const real50 x(e);
          EXPECT_GE(x, real50(g.lo) - real50("1e-12")) << id << " " << g.name << " = " << e;
          EXPECT_LE(x, real50(g.hi) + real50("1e-12")) << id << " " << g.name << " = " << e;
        }
      }
      for (const auto& g : c.given) {
        if (v.givens.count(g.name)) continue;
        EXPECT_EQ(values.at(g.name).data, own.at(g.name).data) << id << " " << g.name;
      }
      for (const auto& k : c.variants.constraints) {
        const auto holds = expr::evaluate(k.expression, values);
        for (const auto& x : holds.data) EXPECT_NE(x, 0) << id << " student" << s << ": " << k.name;
      }
    }
    // a constraint that never rejects is not keeping anything away; one that rejects most draws is too tight
    EXPECT_GT(redraws, 0u) << id;
    EXPECT_LT(redraws, 10000u) << id;
  }
}

TEST(variants, every_drawn_variant_passes_its_derivative_checks) {
  for (const auto& id : varying) {
    const auto c = load_case(cases_dir / id);
    for (int s = 0; s < 10; ++s) {
      const auto v = variant_for(c, "checked" + std::to_string(s));
      ASSERT_FALSE(v.checks.empty()) << id;
      for (const auto& k : v.checks) EXPECT_TRUE(k.passed) << id << " checked" << s << ": " << k.name << " " << k.detail;
    }
  }
}

TEST(variants, a_constraint_that_rejects_draws_is_redrawn_and_counted) {
  std::string text = small_case;
  text += "[variants]\na = { range = [-1, 1], digits = 1 }\nconstraints = '''\npositive = a > 0\n'''\n";
  const auto c = parse_case(text, "v.toml");
  std::size_t redrawn = 0;
  for (int s = 0; s < 50; ++s) {
    const auto v = variant_for(c, std::to_string(s));
    EXPECT_GT(real50(v.givens.at("a")), 0);
    redrawn += v.redraws.count("constraint positive") ? v.redraws.at("constraint positive") : 0;
    EXPECT_EQ(v.draws, 1 + (v.redraws.count("constraint positive") ? v.redraws.at("constraint positive") : 0));
  }
  EXPECT_GT(redrawn, 10u);  // 11 of the 21 values of the grid break it: about one draw in two is redrawn
  std::string impossible = small_case;
  impossible += "[variants]\na = { range = [-1, 1], digits = 1 }\nconstraints = '''\nnever = a > 5\n'''\n";
  try {
    variant_for(parse_case(impossible, "v.toml"), "x");
    FAIL() << "an impossible constraint must be an error";
  } catch (const case_error& e) {
    EXPECT_NE(std::string(e.what()).find("constraint never: 1000"), std::string::npos) << e.what();
  }
}

TEST(variants, vector_givens_vary_entry_by_entry_and_the_statement_shows_the_students_numbers) {
  std::string text = small_case;
  text += "[variants]\nb = { range = [2, 9], digits = 0 }\na = { choices = [0.25, \"1/3\"] }\n";
  const auto c = parse_case(text, "v.toml");
  const auto v = variant_for(c, "dora");
  EXPECT_EQ(entries_of(v.givens.at("b")).size(), 2u);
  EXPECT_TRUE(v.givens.at("a") == "0.25" || v.givens.at("a") == "1/3");
  EXPECT_EQ(v.c.written_statement(), "Given a = " + v.givens.at("a") + " and b.");
  EXPECT_EQ(c.written_statement(), "Given a = 0.5 and b.");
  EXPECT_NE(write_template(v.c).find("Your numbers (dora):\n#   a = " + v.givens.at("a") + "\n#   b = " + v.givens.at("b")), std::string::npos)
      << write_template(v.c);
}

TEST(variants, a_wrong_derivation_is_reported_at_once_not_redrawn_1000_times) {
  std::string text = small_case;
  text.replace(text.find("dy_da = b"), 9, "dy_da = 2*b");
  text += "[variants]\na = { range = [0.1, 0.9], digits = 1 }\n";
  try {
    variant_for(parse_case(text, "v.toml"), "erin");
    FAIL() << "a wrong derivative claim must be an error";
  } catch (const case_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot be used for grading"), std::string::npos) << e.what();
  }
}

TEST(variants, declaration_errors_name_the_place) {
  const std::string base = small_case;
  EXPECT_NE(load_error(base + "[variants]\ny = { range = [0, 1] }\n").find("v.toml:16:5: [variants] names 'y', which is not a given"), std::string::npos)
      << load_error(base + "[variants]\ny = { range = [0, 1] }\n");
  EXPECT_NE(load_error(base + "[variants]\na = { range = [1, 0] }\n").find("low end is above"), std::string::npos);
  EXPECT_NE(load_error(base + "[variants]\na = { digits = 2 }\n").find("expected range = [lo, hi]"), std::string::npos);
  EXPECT_NE(load_error(base + "[variants]\na = { choices = [\"1 +\"] }\n").find("is not an expression"), std::string::npos);
  EXPECT_NE(load_error(base + "[variants]\na = { range = [0, 1] }\nconstraints = '''\nk = q > 0\n'''\n").find("uses 'q'"), std::string::npos);
  std::string shows_value = base;
  shows_value.replace(shows_value.find("{{a}}"), 5, "0.5");
  EXPECT_NE(load_error(shows_value + "[variants]\na = { range = [0, 1] }\n").find("write {{a}} there instead"), std::string::npos)
      << load_error(shows_value + "[variants]\na = { range = [0, 1] }\n");
  std::string unknown = base;
  unknown.replace(unknown.find("{{a}}"), 5, "{{zz}}");
  EXPECT_NE(load_error(unknown).find("{{zz}} names no given"), std::string::npos) << load_error(unknown);
}
