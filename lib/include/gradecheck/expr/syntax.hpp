#pragma once
/// Choosing the reader of an answer: the plain syntax, LaTeX, or whichever
/// the answer is written in.

#include "gradecheck/expr/ast.hpp"
#include "gradecheck/expr/latex.hpp"

#include <string>
#include <string_view>

namespace gradecheck::expr {

/// `automatic` reads an answer as LaTeX when it looks like LaTeX (a backslash,
/// `_{`, `^{`, or math delimiters), and also when the plain syntax cannot read
/// it but LaTeX can (`w_5 h_1`).
enum class syntax { plain, latex, automatic };

/// Returns the syntax called "plain", "latex" or "auto". Throws std::invalid_argument.
syntax syntax_named(std::string_view name);

/// An answer as read.
struct reading {
  node tree;
  bool latex = false;  ///< read by the LaTeX reader: the report echoes how
};

/// Reads `text` (math delimiters $...$, $$...$$, \(...\), \[...\] around it are
/// dropped) starting at `origin`. Throws parse_error, or ambiguous_latex.
reading read_expression(std::string_view text, syntax how, const latex_symbols& symbols, position origin = {});

}  // namespace gradecheck::expr
