#include "gradecheck/formula/point.hpp"

#include "gradecheck/expr/assignments.hpp"
#include "gradecheck/random/seed.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace gradecheck;
using numeric::real50;
using formula::variable;

namespace {

// K in 2..5 logits z in [-4, 4], an index i below K, y = softmax(z), and a scalar x kept 0.01 from its kink at 0.
formula::domain softmax_domain() {
  formula::domain d;
  d.sizes = {{"K", 2, 5}};
  d.indices = {{"i", "K"}};
  d.variables.push_back({"z", {"K"}, variable::kind::uniform, -4, 4, {}, 0, ""});
  d.variables.push_back({"x", {}, variable::kind::uniform, -1, 1, {0}, 0.01, ""});
  d.define = expr::parse_assignments("y = softmax(z)");
  return d;
}

}  // namespace

TEST(domain, draws_are_reproducible_from_the_ids_and_stay_in_the_domain) {
  const auto d = softmax_domain();
  auto a = random::generator_for("case", "q");
  auto b = random::generator_for("case", "q");
  auto other = random::generator_for("case", "q2");
  bool some_differ = false;
  for (int n = 0; n < 200; ++n) {
    const auto p = formula::draw(d, a), q = formula::draw(d, b), r = formula::draw(d, other);
    EXPECT_EQ(formula::describe(d, p, d.symbols()), formula::describe(d, q, d.symbols()));
    some_differ = some_differ || formula::describe(d, p, d.symbols()) != formula::describe(d, r, d.symbols());
    const long K = p.sizes.at("K");
    EXPECT_GE(K, 2);
    EXPECT_LE(K, 5);
    EXPECT_LT(p.indices.at("i"), K);
    EXPECT_EQ(p.variables.at("z").size(), static_cast<std::size_t>(K));
    for (const auto& zi : p.variables.at("z").data) {
      EXPECT_GE(zi, -4);
      EXPECT_LE(zi, 4);
    }
    using boost::multiprecision::abs;
    EXPECT_GE(abs(p.variables.at("x").data[0]), real50("0.01"));  // off the kink by the margin
  }
  EXPECT_TRUE(some_differ);
}

TEST(domain, fixed_points_cover_zeros_equal_entries_both_sides_of_a_kink_and_every_index) {
  const auto d = softmax_domain();
  const auto points = formula::fixed_points(d);
  bool zeros = false, kink_left = false, kink_right = false;
  std::set<long> indices;
  for (const auto& p : points) {
    EXPECT_EQ(p.sizes.at("K"), 2);  // the smallest size
    const auto& z = p.variables.at("z").data;
    zeros = zeros || (z[0] == 0 && z[1] == 0);
    const auto& x = p.variables.at("x").data[0];
    kink_left = kink_left || x == real50("-0.02");
    kink_right = kink_right || x == real50("0.02");
    indices.insert(p.indices.at("i"));
  }
  EXPECT_TRUE(zeros);
  EXPECT_TRUE(kink_left);
  EXPECT_TRUE(kink_right);
  EXPECT_EQ(indices, (std::set<long>{0, 1}));
}

TEST(domain, bind_evaluates_the_definitions_and_rebind_recomputes_what_follows) {
  auto d = softmax_domain();
  d.define = expr::parse_assignments("y = softmax(z)\ns = sum(y .* z)");
  formula::point p;
  p.sizes["K"] = 2;
  p.indices["i"] = 0;
  p.variables["z"] = expr::value<real50>::column({0, 0});
  p.variables["x"] = expr::value<real50>::scalar(1);
  const auto env = formula::bind(d, p);
  EXPECT_EQ(env.at("y").data, (std::vector<real50>{real50("0.5"), real50("0.5")}));
  EXPECT_EQ(env.at("K").data[0], 2);
  // moving y (a definition) keeps z and recomputes s = y . z only
  const auto moved = formula::rebind(d, env, "y", expr::value<real50>::column({1, 0}));
  EXPECT_EQ(moved.at("s").data[0], 0);
  const auto moved_z = formula::rebind(d, env, "z", expr::value<real50>::column({2, 0}));
  // y = softmax([2, 0]) = [e^2/(e^2 + 1), ...]; s = 2 y0 = 1.76159415595576... (mpmath)
  using boost::multiprecision::abs;
  EXPECT_LT(abs(moved_z.at("s").data[0] - real50("1.7615941559557648881194582826047935904127685972579")), real50("1e-45"));
}

TEST(domain, simpler_points_are_smaller_or_rounder_and_stay_in_the_domain) {
  const auto d = softmax_domain();
  formula::point p;
  p.sizes["K"] = 4;
  p.indices["i"] = 3;
  p.variables["z"] = expr::value<real50>::column({real50("1.37"), real50("-2.5"), real50("0.25"), real50("3")});
  p.variables["x"] = expr::value<real50>::scalar(real50("0.734"));
  const auto candidates = formula::simpler(d, p);
  ASSERT_FALSE(candidates.empty());
  // the first candidates shrink the size, cutting z and moving i into range
  EXPECT_EQ(candidates[0].sizes.at("K"), 2);
  EXPECT_EQ(candidates[0].variables.at("z").data, (std::vector<real50>{real50("1.37"), real50("-2.5")}));
  EXPECT_EQ(candidates[0].indices.at("i"), 1);
  for (const auto& c : candidates) {
    using boost::multiprecision::abs;
    EXPECT_GE(abs(c.variables.at("x").data[0]), real50("0.01"));  // 0 is not offered for x: it is the kink
  }
  const bool offers_zero = std::any_of(candidates.begin(), candidates.end(), [](const auto& c) { return c.variables.at("z").data[0] == 0; });
  const bool offers_integer = std::any_of(candidates.begin(), candidates.end(), [](const auto& c) { return c.variables.at("z").data[0] == 1; });
  EXPECT_TRUE(offers_zero);
  EXPECT_TRUE(offers_integer);
}

TEST(domain, a_point_is_written_with_what_a_formula_depends_on) {
  auto d = softmax_domain();
  formula::point p;
  p.sizes["K"] = 2;
  p.indices["i"] = 1;
  p.variables["z"] = expr::value<real50>::column({0, 1});
  p.variables["x"] = expr::value<real50>::scalar(real50("0.5"));
  EXPECT_EQ(formula::describe(d, p, formula::depends_on(d, {"y", "i"})), "z = [0, 1], i = 1");
  EXPECT_EQ(formula::describe(d, p, {"K", "x"}), "K = 2, x = 0.5");
}
