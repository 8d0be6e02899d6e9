#pragma once
/// The search for the single mistake that reproduces a wrong number: one-edit
/// variants of the step's expression, evaluated on the student's own inputs.
///
/// Edits tried, in this order: negate one additive term; drop one additive
/// term; swap two names of the same kind within the expression (w5 and w7:
/// W where W^T belongs); put another name of the same kind in place of one
/// (w3 for w2); drop a factor (1 - x) beside x (the activation's value in
/// place of its derivative); replace a scalar given by 1 (a forgotten
/// learning rate); use a scalar given twice (eta^2 where eta belongs). Names are of the same kind when they share their letters
/// before the first digit or underscore and have the same shape.

#include "gradecheck/expr/ast.hpp"
#include "gradecheck/grade/finding.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gradecheck::grade {

/// One edited expression and the mistake it stands for.
struct variant {
  expr::node expression;
  diagnosis what;  ///< {swapped, a = w5, b = w7}
};

/// Returns the first letters of a name, before any digit or underscore
/// (w5 -> w, dL_dw5 -> dL): names of one kind share them.
std::string name_kind(const std::string& name);

/// Returns the one-edit variants of `e`, at most `limit` of them. `names_like(n)`
/// returns the other names of the same kind as n; swaps of givens come before
/// swaps of derived quantities; `scalar_givens` are candidates for "left out"
/// (replaced by 1, or used twice).
std::vector<variant> one_edit_variants(const expr::node& e, const std::function<std::vector<std::string>(const std::string&)>& names_like,
                                       const std::function<bool(const std::string&)>& is_given,
                                       const std::vector<std::string>& scalar_givens, std::size_t limit);

}  // namespace gradecheck::grade
