#pragma once
/// The built-in functions of the expression language: one table that the
/// evaluator, the plain and LaTeX readers, the printers and the README share.

#include <cstddef>
#include <string_view>
#include <vector>

namespace gradecheck::expr {

/// One built-in function. Its evaluation is looked up by `name` in the
/// evaluator's table of the same functions (expr/evaluate.cpp).
struct function_info {
  std::string_view name;                 ///< the plain spelling: sigmoid
  std::size_t min_arity = 1;
  std::size_t max_arity = 1;             ///< std::numeric_limits<std::size_t>::max() for any number (piecewise)
  std::vector<std::string_view> latex;   ///< LaTeX spellings that call it: "\\sigma", "\\exp", "\\operatorname{diag}";
                                         ///< "|" for abs, whose bars the parser pairs
  std::string_view summary;              ///< one line: what it computes
};

/// Every built-in function, in the order the README lists them.
const std::vector<function_info>& builtin_functions();

/// The function spelled `name` in the plain syntax, or nullptr.
const function_info* find_function(std::string_view name);

/// The function a LaTeX spelling calls ("\\tanh", "\\operatorname{softmax}",
/// "\\mathrm{ReLU}", "\\text{diag}"), or nullptr. Besides the listed spellings,
/// `\operatorname{X}`, `\mathrm{X}`, `\text{X}`, `\textrm{X}` and `\mathit{X}` call
/// the plain function X, compared without case and without spaces.
const function_info* find_latex_function(std::string_view spelling);

}  // namespace gradecheck::expr
