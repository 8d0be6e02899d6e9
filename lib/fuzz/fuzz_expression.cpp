// Fuzz target: the expression parser and evaluator. Any input must either
// parse or raise parse_error, and evaluate or raise evaluation_error, in real50
// and in interval arithmetic; a parsed tree written back as text must parse to
// the same text.
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/numeric/interval.hpp"
#include "gradecheck/numeric/real.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gradecheck;
  if (size > 4096) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  expr::node tree;
  try {
    tree = expr::parse_expression(text);
  } catch (const expr::parse_error&) {
    return 0;
  }
  const std::string written = expr::to_string(tree);
  if (expr::to_string(expr::parse_expression(written)) != written) std::abort();
  const expr::evaluation_limits limits{10'000, 100'000};
  try {
    (void)expr::evaluate<numeric::real50>(tree, {}, limits);
  } catch (const expr::evaluation_error&) {
  }
  try {
    (void)expr::evaluate<numeric::interval>(tree, {}, limits);
  } catch (const expr::evaluation_error&) {
  }
  return 0;
}
