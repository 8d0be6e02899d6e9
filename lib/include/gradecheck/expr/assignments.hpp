#pragma once
/// Blocks of `name = expression` lines: the givens and derivations of case
/// files, and the answers of submissions. `#` starts a comment; blank lines
/// are skipped. A name may be written `dL/dw5` for `dL_dw5`.

#include "gradecheck/expr/ast.hpp"
#include "gradecheck/expr/parser.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gradecheck::expr {

/// One line `name = expression`, with the text of the expression as written.
struct assignment {
  std::string name;
  std::string text;
  node expression;
  position where;  ///< of the name
};

/// Returns the expression of `a` as written, without the spaces around it ("0.15", "[0.5, -1]").
std::string written_value(const assignment& a);

/// Returns `name` with every '/' replaced by '_' ("dL/dw5" -> "dL_dw5").
std::string canonical_name(std::string_view name);

/// Returns the assignments of `block`, whose first line is line `first_line`
/// of its file. Throws parse_error at the first malformed line.
std::vector<assignment> parse_assignments(std::string_view block, int first_line = 1);

}  // namespace gradecheck::expr
