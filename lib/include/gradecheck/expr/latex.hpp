#pragma once
/// Reading LaTeX math into the same expression tree as the plain syntax.
///
/// LaTeX counts as mathematics does: `y_1` is the first entry of y and
/// `\sum_{i=1}^{m}` runs over all m entries, while the tree (like the plain
/// syntax) counts from 0, so `y_i` is read as y[i] with i running 0..m-1 and a
/// bare i as (i + 1). Juxtaposition is read through the question's own
/// symbols, longest declared name first; a reading that could go two ways is
/// refused with both readings, never guessed.

#include "gradecheck/expr/ast.hpp"
#include "gradecheck/expr/parser.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gradecheck::expr {

/// What the question declares, through which a LaTeX formula is read.
struct latex_symbols {
  enum class shape { scalar, vector, matrix };
  std::map<std::string, shape, std::less<>> names;             ///< every name a value or formula may use
  std::map<std::string, std::string, std::less<>> indices;     ///< index name (i) -> the size it runs below (m)
  std::map<std::string, std::string, std::less<>> spellings;   ///< a spelling in canonical LaTeX -> the name it stands for

  /// Declares that `latex` (a symbol with its scripts: "v^{(\mathcal{B})}", "\sigma_B^2") means `name`.
  /// Throws parse_error when `latex` is not one symbol.
  void spell(std::string_view latex, const std::string& name);
};

/// A LaTeX formula that reads two ways: both readings, in the plain syntax.
struct ambiguous_latex : parse_error {
  ambiguous_latex(position at, const std::string& why, std::vector<std::string> readings);
  std::vector<std::string> readings;
};

/// Returns the tree of the LaTeX formula in `text` (without `$` delimiters;
/// `origin` is where it starts in its file). Throws parse_error, or
/// ambiguous_latex when two readings remain.
node parse_latex(std::string_view text, const latex_symbols& symbols, position origin = {});

/// What the left-hand side of an answer names: `h_1`, `\frac{\partial L}{\partial w_5}`,
/// `w_5^{\text{new}}`, `\frac{\partial L}{\partial y_i}` (entry i of dL_dy).
struct designation {
  std::string name;           ///< the quantity, in the plain syntax (checked against `symbols` only when it is declared)
  std::vector<node> entry;    ///< the 0-based index positions when an entry is named; empty for the whole quantity
  bool declared = false;      ///< true when `name` is one of the symbols
};

/// Returns what `text` names. Throws parse_error when it is not a name.
designation parse_latex_name(std::string_view text, const latex_symbols& symbols, position origin = {});

/// True when `text` is written in LaTeX: it holds a backslash, `_{`, `^{` or `\(`.
bool looks_like_latex(std::string_view text);

/// Returns `n` written in LaTeX such that parse_latex reads it back as the same
/// tree, given the symbols its names come from (used by the property tests
/// and to show a key in LaTeX).
std::string to_latex(const node& n, const latex_symbols& symbols);

}  // namespace gradecheck::expr
