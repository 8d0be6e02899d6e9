#include "gradecheck/expr/functions.hpp"

#include "../support/agrees.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/numeric/interval.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

using gradecheck::numeric::interval;
using gradecheck::numeric::real50;
using gradecheck::testing::agrees;
using namespace gradecheck::expr;

namespace {

// ln 2, to 60 digits (Abramowitz and Stegun, table 4.2; also mpmath.log(2)).
constexpr const char* ln2 = "0.693147180559945309417232121458176568075500134360255254120680";
constexpr const char* minus_ln2 = "-0.693147180559945309417232121458176568075500134360255254120680";

struct sample {
  std::string call;                   ///< the function at its least arity, on an argument where it is defined
  std::vector<const char*> expected;  ///< the entries of its value, derived by hand
};

// One call per built-in function; a function added to the table without a sample fails the test below.
const std::map<std::string, sample, std::less<>>& samples() {
  static const std::map<std::string, sample, std::less<>> table{
      {"exp", {"exp(0)", {"1"}}},
      {"log", {"log(1)", {"0"}}},
      {"ln", {"ln(1)", {"0"}}},
      {"sqrt", {"sqrt(4)", {"2"}}},
      {"abs", {"abs([-3, 2])", {"3", "2"}}},
      {"sigmoid", {"sigmoid(0)", {"0.5"}}},                  // 1 / (1 + e^0)
      {"tanh", {"tanh(0)", {"0"}}},
      {"relu", {"relu([-2, 3])", {"0", "3"}}},
      {"softplus", {"softplus(0)", {ln2}}},                  // log(1 + e^0) = log 2
      {"leaky_relu", {"leaky_relu([-2, 3], 0.5)", {"-1", "3"}}},
      {"elu", {"elu(ln(0.5), 2)", {"-1"}}},                  // 2 (e^ln(1/2) - 1) = 2 (1/2 - 1)
      {"min", {"min([3, 1, 2])", {"1"}}},
      {"max", {"max([3, 1, 2])", {"3"}}},
      {"sum", {"sum([1, 2, 3])", {"6"}}},
      {"mean", {"mean([1, 2, 3])", {"2"}}},
      {"var", {"var([1, 3])", {"1"}}},                       // mean 2: ((1 - 2)^2 + (3 - 2)^2) / 2
      {"dot", {"dot([1, 2], [3, 4])", {"11"}}},              // 3 + 8
      {"norm", {"norm([3, 4])", {"5"}}},
      {"transpose", {"transpose([1, 2])", {"1", "2"}}},
      {"softmax", {"softmax([0, 0])", {"0.5", "0.5"}}},
      {"log_softmax", {"log_softmax([0, 0])", {minus_ln2, minus_ln2}}},  // log(1/2)
      {"mse", {"mse([1, 3], [0, 0])", {"5"}}},               // (1 + 9) / 2
      {"bce", {"bce([0.5], [1])", {ln2}}},                   // -log(1/2)
      {"cross_entropy", {"cross_entropy([0.5], [1])", {ln2}}},
      {"squared_error", {"squared_error([3], [1])", {"2"}}},  // (1/2) (3 - 1)^2
      {"ones", {"ones(2)", {"1", "1"}}},
      {"zeros", {"zeros(2)", {"0", "0"}}},
      {"eye", {"eye(2)", {"1", "0", "0", "1"}}},
      {"diag", {"diag([2, 3])", {"2", "0", "0", "3"}}},
      {"outer", {"outer([1, 2], [3, 4])", {"3", "4", "6", "8"}}},
      {"delta", {"delta(1, 1)", {"1"}}},
      {"piecewise", {"piecewise(1 > 0, 7, 8)", {"7"}}},
  };
  return table;
}

std::size_t arity_of(const std::string& call) {
  return parse_expression(call).children.size();
}

template <class Real>
std::string error_kind_and_message(const std::string& text, error_kind& kind) {
  try {
    evaluate<Real>(parse_expression(text), {});
  } catch (const evaluation_error& e) {
    kind = e.kind;
    return e.message;
  }
  return "";
}

std::string eval_error(const std::string& text) {
  error_kind kind{};
  return error_kind_and_message<real50>(text, kind);
}

std::string call_with_ones(std::string_view name, std::size_t count) {
  std::string text = std::string(name) + "(";
  for (std::size_t k = 0; k < count; ++k) text += k == 0 ? "1" : ", 1";
  return text + ")";
}

}  // namespace

TEST(functions, names_are_unique_and_found) {
  std::set<std::string_view> names;
  for (const auto& f : builtin_functions()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_EQ(find_function(f.name), &f);
    EXPECT_LE(f.min_arity, f.max_arity) << f.name;
    EXPECT_FALSE(f.summary.empty()) << f.name;
  }
  EXPECT_EQ(find_function("frob"), nullptr);
  EXPECT_EQ(find_function("Exp"), nullptr);  // the plain syntax is case-sensitive
}

TEST(functions, function_names_lists_the_table_in_its_order) {
  std::vector<std::string> from_table;
  for (const auto& f : builtin_functions()) from_table.emplace_back(f.name);
  EXPECT_EQ(function_names(), from_table);
  EXPECT_EQ(function_names().size(), 32u);  // the 32 functions of the README
}

TEST(functions, the_special_forms_have_their_arities) {
  EXPECT_EQ(find_function("sum")->min_arity, 1u);  // sum(v)
  EXPECT_EQ(find_function("sum")->max_arity, 3u);  // sum(k, n, expr)
  EXPECT_EQ(find_function("piecewise")->min_arity, 3u);
  EXPECT_EQ(find_function("piecewise")->max_arity, std::numeric_limits<std::size_t>::max());
}

TEST(functions, every_function_evaluates_at_its_least_arity) {
  for (const auto& f : builtin_functions()) {
    const auto it = samples().find(f.name);
    ASSERT_NE(it, samples().end()) << "no sample call of " << f.name;
    const sample& s = it->second;
    EXPECT_EQ(arity_of(s.call), f.min_arity) << s.call;
    const auto v = evaluate<real50>(parse_expression(s.call), {});
    ASSERT_EQ(v.size(), s.expected.size()) << s.call;
    for (std::size_t k = 0; k < v.size(); ++k) EXPECT_TRUE(agrees(v.data[k], s.expected[k], 45)) << s.call << " entry " << k;
    EXPECT_NO_THROW(evaluate<double>(parse_expression(s.call), {})) << s.call;
    EXPECT_NO_THROW(evaluate<interval>(parse_expression(s.call), {})) << s.call;
  }
  EXPECT_EQ(samples().size(), builtin_functions().size());
}

TEST(functions, the_special_forms_are_reached_through_the_table) {
  EXPECT_TRUE(agrees(evaluate<real50>(parse_expression("sum(k, 3, k)"), {}).data[0], "3", 45));  // 0 + 1 + 2
  EXPECT_TRUE(agrees(evaluate<real50>(parse_expression("sum(k, [1, 2][k])"), {}).data[0], "3", 45));
  EXPECT_TRUE(agrees(evaluate<real50>(parse_expression("piecewise(1 < 0, log(-1), 2)"), {}).data[0], "2", 45));
  EXPECT_NE(eval_error("piecewise()").find("condition, value pairs"), std::string::npos);
  EXPECT_NE(eval_error("piecewise(1, 2, 3, 4)").find("condition, value pairs"), std::string::npos);
}

TEST(functions, arity_errors_come_from_the_table) {
  EXPECT_EQ(eval_error("exp(1, 2)"), "exp() takes 1 argument, got 2");
  EXPECT_EQ(eval_error("dot([1])"), "dot() takes 2 arguments, got 1");
  EXPECT_EQ(eval_error("min(1, 2, 3)"), "min() takes 1 to 2 arguments, got 3");
  EXPECT_EQ(eval_error("sum()"), "sum() takes 1 to 3 arguments, got 0");
  EXPECT_EQ(eval_error("sum(1, 2, 3, 4)"), "sum() takes 1 to 3 arguments, got 4");
  for (const auto& f : builtin_functions()) {
    if (f.max_arity == std::numeric_limits<std::size_t>::max()) continue;  // piecewise checks its own pairs
    const std::string prefix = std::string(f.name) + "() takes ";
    for (const std::size_t count : {f.min_arity - 1, f.max_arity + 1}) {
      if (count == std::numeric_limits<std::size_t>::max()) continue;  // min_arity 0
      error_kind kind{};
      const std::string message = error_kind_and_message<real50>(call_with_ones(f.name, count), kind);
      EXPECT_EQ(message.rfind(prefix, 0), 0u) << message;
      EXPECT_NE(message.find(", got " + std::to_string(count)), std::string::npos) << message;
      EXPECT_EQ(kind, error_kind::other) << message;
    }
  }
}

TEST(functions, an_error_inside_an_argument_is_reported_before_the_call_is_judged) {
  error_kind kind{};
  EXPECT_EQ(error_kind_and_message<real50>("exp(y, 2)", kind), "unknown name 'y'");
  EXPECT_EQ(error_kind_and_message<real50>("frob(y)", kind), "unknown name 'y'");
  EXPECT_EQ(error_kind_and_message<real50>("frob(1)", kind), "unknown function 'frob'");
  EXPECT_EQ(kind, error_kind::name);
}

TEST(functions, latex_spellings_call_their_functions) {
  const auto named = [](std::string_view spelling) -> std::string_view {
    const function_info* f = find_latex_function(spelling);
    return f ? f->name : "(none)";
  };
  EXPECT_EQ(named("\\sigma"), "sigmoid");
  EXPECT_EQ(named("\\exp"), "exp");
  EXPECT_EQ(named("\\sum"), "sum");
  EXPECT_EQ(named("|"), "abs");
  EXPECT_EQ(named("\\lVert"), "norm");
  EXPECT_EQ(named("\\operatorname{ReLU}"), "relu");
  EXPECT_EQ(named("\\operatorname{softmax}"), "softmax");
  EXPECT_EQ(named("\\mathrm{ReLU}"), "relu");
  EXPECT_EQ(named("\\text{Softmax}"), "softmax");
  EXPECT_EQ(named("\\textrm{tanh}"), "tanh");
  EXPECT_EQ(named("\\mathit{mse}"), "mse");
  EXPECT_EQ(named("\\text{ diag }"), "diag");
  EXPECT_EQ(named("\\operatorname{leaky_relu}"), "leaky_relu");
  EXPECT_EQ(named("\\operatorname{foo}"), "(none)");
  EXPECT_EQ(named("\\alpha"), "(none)");
  EXPECT_EQ(named("\\Sigma"), "(none)");        // listed spellings are exact
  EXPECT_EQ(named("\\textbf{relu}"), "(none)");  // not an upright-name command
  EXPECT_EQ(named("\\text{}"), "(none)");
  EXPECT_EQ(named("\\text{relu"), "(none)");
  EXPECT_EQ(named("relu"), "(none)");
}

TEST(functions, latex_spellings_are_unique) {
  std::set<std::string_view> spellings;
  for (const auto& f : builtin_functions())
    for (const auto& s : f.latex) {
      EXPECT_TRUE(spellings.insert(s).second) << s;
      EXPECT_EQ(find_latex_function(s), &f) << s;
    }
}
