#pragma once
/// The syntax tree of the expression language shared by case files,
/// submitted values and submitted formulas.

#include "gradecheck/numeric/decimal.hpp"

#include <set>
#include <string>
#include <vector>

namespace gradecheck::expr {

/// A place in the source text: 1-based line and column (in characters).
struct position {
  int line = 1;
  int column = 1;
};

enum class node_kind {
  number,     ///< a decimal literal, kept exactly with its written precision
  name,       ///< a quantity or given
  negate,     ///< unary minus
  binary,     ///< text is the operator: + - * / ^ @ .* and the comparisons < <= > >= == !=
  call,       ///< text is the function name; children are the arguments
  index,      ///< children[0] indexed by children[1..]
  list,       ///< [a, b, ...]: a vector, or a matrix when the entries are vectors
  transpose,  ///< x' or x.T
  choice,     ///< cond ? a : b
};

/// One node of the tree. `text` holds the name, operator or function; the
/// literal of a number is in `literal`.
struct node {
  node_kind kind = node_kind::number;
  std::string text;
  numeric::decimal literal;
  std::vector<node> children;
  position where;
};

/// Returns the expression written back as text, fully parenthesised where
/// precedence needs it (used in keys and feedback).
std::string to_string(const node& n);

/// True when `a` and `b` are the same formula: the same structure, names and operators, and
/// numbers equal as written decimals (0.85 and 85e-2 are one number, with the same digits).
bool same_tree(const node& a, const node& b);

/// True when n is a number as written, or a negated one ("0.5933", "-0.5933").
inline bool is_plain_number(const node& n) {
  return n.kind == node_kind::number || (n.kind == node_kind::negate && n.children.size() == 1 && n.children[0].kind == node_kind::number);
}

/// Returns the names the expression uses, except the indices its sum(k, ...) bind.
std::set<std::string> free_names(const node& n);

}  // namespace gradecheck::expr
