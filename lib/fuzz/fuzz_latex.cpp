// Fuzz target: the LaTeX reader. Any input must either read or raise
// parse_error (as a formula and as the name of a quantity), and a formula read
// must evaluate or raise evaluation_error. A formula read and written back with
// to_latex must read to the same tree, when it has no index positions, sums,
// Kronecker deltas or index names (those are written 1-based and read back
// through the indices in scope, so their text is not compared here).
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/expr/latex.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace gradecheck;

// The symbols of a small question, as in lib/tests/expr/latex_tests.cpp.
expr::latex_symbols question() {
  expr::latex_symbols s;
  using sh = expr::latex_symbols::shape;
  for (const char* n : {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "i1", "i2", "t1", "t2", "eta", "h1", "h2", "o1",
                        "o2", "z1", "z2", "z3", "z4", "loss", "L", "dL_dw5", "dL_dh1", "w5_new", "b2_new", "V_new", "mu", "var", "gamma",
                        "beta", "m", "K", "dL_dvar", "dL_dmu"})
    s.names[n] = sh::scalar;
  for (const char* n : {"y", "x", "dL_dy", "xhat", "dL_dxhat", "dL_dx", "p"}) s.names[n] = sh::vector;
  s.names["W"] = sh::matrix;
  s.indices["i"] = "m";
  s.indices["j"] = "m";
  s.indices["k"] = "m";
  s.spell("\\sigma_B^2", "var");
  s.spell("\\hat{o}_1", "o1");
  return s;
}

// True when the tree writes an index position, a sum or delta, or an index name.
bool uses_indices(const expr::node& n, const expr::latex_symbols& s) {
  if (n.kind == expr::node_kind::index) return true;
  if (n.kind == expr::node_kind::call && (n.text == "sum" || n.text == "delta")) return true;
  if (n.kind == expr::node_kind::name && s.indices.count(n.text)) return true;
  for (const auto& c : n.children)
    if (uses_indices(c, s)) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  static const expr::latex_symbols symbols = question();
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)expr::parse_latex_name(text, symbols);
  } catch (const expr::parse_error&) {
  }
  expr::node tree;
  try {
    tree = expr::parse_latex(text, symbols);
  } catch (const expr::parse_error&) {
    return 0;
  }
  const expr::evaluation_limits limits{10'000, 100'000};
  try {
    (void)expr::evaluate<double>(tree, {}, limits);
  } catch (const expr::evaluation_error&) {
  }
  if (!uses_indices(tree, symbols)) {
    const std::string latex = expr::to_latex(tree, symbols);
    expr::node again;
    try {
      again = expr::parse_latex(latex, symbols);
    } catch (const expr::parse_error&) {
      std::abort();
    }
    if (!expr::same_tree(again, tree)) std::abort();
  }
  return 0;
}
