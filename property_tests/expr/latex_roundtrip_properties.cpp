// Properties of writing a tree in LaTeX (to_latex) and reading it back (parse_latex),
// on random formulas over the symbols of a small question (scalars w1, w2, h1,
// eta; vectors x, y): decimals, + - * / ^ (small integer exponents), .*, unary
// minus, sigmoid exp tanh log sqrt abs, transposes of vectors, and a comparison
// at the top at most:
//   - the formula read back is the same tree (expr::same_tree);
//   - it evaluates, in real50, to exactly the same value, or both evaluations
//     raise evaluation_error.
// The formulas are generated as plain-syntax text (shown in a counterexample,
// so that it can be typed back in), shrinking toward fewer and simpler nodes.

#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/expr/latex.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/numeric/real.hpp"
#include "support/generators.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace gradecheck;
using numeric::real50;
using property::decimal_in;

namespace {

const expr::latex_symbols& symbols() {
  static const expr::latex_symbols s = [] {
    expr::latex_symbols out;
    using sh = expr::latex_symbols::shape;
    for (const char* n : {"w1", "w2", "h1", "eta"}) out.names[n] = sh::scalar;
    for (const char* n : {"x", "y"}) out.names[n] = sh::vector;
    return out;
  }();
  return s;
}

std::string parenthesised(const std::string& s) { return "(" + s + ")"; }

// A non-negative decimal with up to 4 decimals, as written: "3", "0.25", "12.0500".
rc::Gen<std::string> number() {
  return rc::gen::apply(
      [](int whole, int places, int digits) {
        if (places == 0) return std::to_string(whole);
        int unit = 1;
        for (int p = 0; p < places; ++p) unit *= 10;
        std::string fraction = std::to_string(digits % unit);
        fraction.insert(0, static_cast<std::size_t>(places) - fraction.size(), '0');
        return std::to_string(whole) + "." + fraction;
      },
      rc::gen::inRange(0, 100), rc::gen::inRange(0, 5), rc::gen::inRange(0, 10000));
}

// A small integer exponent, negative ones in parentheses: "2", "(-3)".
rc::Gen<std::string> exponent() {
  return rc::gen::map(rc::gen::inRange(-3, 4), [](int k) { return k < 0 ? "(" + std::to_string(k) + ")" : std::to_string(k); });
}

// One of `gens`, shrinking toward the first (rc::gen::oneOf does not shrink its choice).
rc::Gen<std::string> one_of(std::vector<rc::Gen<std::string>> gens) {
  const std::size_t n = gens.size();
  return rc::gen::join(rc::gen::map(rc::gen::inRange<std::size_t>(0, n), [gens = std::move(gens)](std::size_t k) { return gens[k]; }));
}

// One of `words`, shrinking toward the first.
rc::Gen<std::string> pick(std::vector<std::string> words) {
  const std::size_t n = words.size();
  return rc::gen::map(rc::gen::inRange<std::size_t>(0, n), [words = std::move(words)](std::size_t k) { return words[k]; });
}

rc::Gen<std::string> function() { return pick({"sigmoid", "exp", "tanh", "log", "sqrt", "abs"}); }

rc::Gen<std::string> infix(const rc::Gen<std::string>& a, rc::Gen<std::string> op, const rc::Gen<std::string>& b) {
  return rc::gen::apply([](const std::string& x, const std::string& o, const std::string& y) { return parenthesised(x) + o + parenthesised(y); },
                        a, std::move(op), b);
}

// The formulas of at most `depth` levels of operators, scalar and vector (a column of the length of x and
// y), built bottom-up. Every alternative lists the leaves first: one_of shrinks toward its first
// generator, so a counterexample shrinks toward fewer operators and simpler leaves.
struct formulas {
  std::vector<rc::Gen<std::string>> scalar, vector;

  explicit formulas(int depth) {
    scalar.push_back(one_of({number(), pick({"w1", "w2", "h1", "eta"})}));
    vector.push_back(pick({"x", "y"}));
    for (int d = 1; d <= depth; ++d) {
      const auto s = scalar.back(), v = vector.back();
      scalar.push_back(one_of({
          scalar[0], infix(s, pick({"+", "-", "*", "/"}), s),
          rc::gen::apply([](const std::string& a, const std::string& k) { return parenthesised(a) + "^" + k; }, s, exponent()),
          rc::gen::map(s, [](const std::string& a) { return "-" + parenthesised(a); }),
          rc::gen::apply([](const std::string& f, const std::string& a) { return f + parenthesised(a); }, function(), s),
          // the inner product of two vectors: a transposed vector times a vector
          rc::gen::apply([](const std::string& a, const std::string& b) { return parenthesised(parenthesised(a) + "'") + "*" + parenthesised(b); },
                         v, v)}));
      vector.push_back(one_of({
          vector[0], infix(v, pick({"+", "-", ".*"}), v),
          infix(s, rc::gen::just<std::string>("*"), v), infix(v, pick({"*", "/", "+"}), s),
          rc::gen::apply([](const std::string& a, const std::string& k) { return parenthesised(a) + "^" + k; }, v, exponent()),
          rc::gen::map(v, [](const std::string& a) { return "-" + parenthesised(a); }),
          rc::gen::apply([](const std::string& f, const std::string& a) { return f + parenthesised(a); }, function(), v),
          // the transpose of a row
          rc::gen::map(v, [](const std::string& a) { return parenthesised(parenthesised(a) + "'") + "'"; })}));
    }
  }
};

// A formula, scalar or vector, with at most one comparison, at the top: of at most 4 levels, fewer
// in the first tests (of small size), so that a failure is first met in a small formula.
rc::Gen<std::string> formula() {
  static const formulas all(4);
  return rc::gen::withSize([](int size) {
    const auto depth = static_cast<std::size_t>(std::min(4, size / 12));
    const auto compared = [](const rc::Gen<std::string>& side) {
      return one_of({side, infix(side, pick({"<", "<=", ">", ">=", "==", "!="}), side)});
    };
    return one_of({compared(all.scalar[depth]), compared(all.vector[depth])});
  });
}

// The formula read back from its LaTeX; fails the property when it cannot be read.
expr::node read_back(const expr::node& tree, std::string& latex) {
  latex = expr::to_latex(tree, symbols());
  RC_LOG() << "LaTeX: " << latex << "\n";
  try {
    return expr::parse_latex(latex, symbols());
  } catch (const expr::parse_error& e) {
    RC_FAIL("to_latex wrote what parse_latex does not read: " + latex + "\n  " + e.what());
    return {};
  }
}

std::optional<expr::value<real50>> value_of(const expr::node& n, const expr::environment<real50>& env, std::string& error) {
  try {
    return expr::evaluate<real50>(n, env);
  } catch (const expr::evaluation_error& e) {
    error = e.what();
    return std::nullopt;
  }
}

bool same_number(const real50& a, const real50& b) {
  using boost::multiprecision::isnan;
  return a == b || (isnan(a) && isnan(b));
}

}  // namespace

RC_GTEST_PROP(latex_roundtrip, a_tree_written_in_latex_reads_back_as_the_same_tree, ()) {
  const std::string plain = *formula().as("formula");
  const expr::node tree = expr::parse_expression(plain);
  std::string latex;
  const expr::node back = read_back(tree, latex);
  RC_ASSERT(expr::same_tree(back, tree));
}

RC_GTEST_PROP(latex_roundtrip, a_tree_read_back_from_latex_has_exactly_the_same_value, ()) {
  const std::string plain = *formula().as("formula");
  const std::size_t n = *rc::gen::inRange<std::size_t>(2, 4).as("length of x and y");
  expr::environment<real50> env;
  for (const char* s : {"w1", "w2", "h1", "eta"}) env[s] = expr::value<real50>::scalar(*decimal_in(-2, 2).as(s));
  for (const char* v : {"x", "y"}) env[v] = expr::value<real50>::column(*property::decimals(n, -2, 2).as(v));

  const expr::node tree = expr::parse_expression(plain);
  std::string latex;
  const expr::node back = read_back(tree, latex);
  std::string error, error_back;
  const auto a = value_of(tree, env, error);
  const auto b = value_of(back, env, error_back);
  RC_TAG(a && b ? "evaluates" : "raises evaluation_error");
  if (!a || !b) {
    if (a || b) RC_FAIL("one evaluation failed and the other did not: " + (a ? "read back: " + error_back : "original: " + error));
    RC_SUCCEED("both raise evaluation_error");
  }
  RC_ASSERT(a->rows == b->rows);
  RC_ASSERT(a->cols == b->cols);
  for (std::size_t k = 0; k < a->size(); ++k)
    if (!same_number(a->data[k], b->data[k]))
      RC_FAIL("entry " + std::to_string(k) + ": " + numeric::to_significant(a->data[k], 50) + " != " +
              numeric::to_significant(b->data[k], 50) + " (they differ by " + numeric::to_significant(a->data[k] - b->data[k], 5) + ")");
}
