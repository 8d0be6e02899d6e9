#pragma once
// The tokens of the plain syntax: numbers, names and operator symbols.
// Unicode operators (U+2212 minus, U+00D7 times, superscript digits) become
// the ASCII operators they stand for.

#include "gradecheck/expr/ast.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gradecheck::expr::plain {

enum class token_kind { number, name, symbol, end };

struct token {
  token_kind kind;
  std::string text;
  position where;
};

/// Splits text into tokens; columns count characters, not bytes. Throws parse_error.
std::vector<token> tokenize(std::string_view text, position origin);

}  // namespace gradecheck::expr::plain
