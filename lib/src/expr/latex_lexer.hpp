#pragma once
// The tokens of LaTeX math. Letters run together into words (the parser
// splits a word through the question's symbols); Unicode Greek letters and
// operators become the commands they stand for; spacing commands vanish.

#include "gradecheck/expr/ast.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gradecheck::expr::latex {

enum class token_kind {
  number,   ///< 0.5933 (a decimal comma written {,} is read as a point)
  word,     ///< a run of letters and digits starting with a letter: h, w5, Loss
  command,  ///< \frac, \sigma, and one-character commands such as \{ and \|
  symbol,   ///< one of + - * / ^ _ { } ( ) [ ] , = < > ' | ! & . : ;
  end,
};

struct token {
  token_kind kind = token_kind::end;
  std::string text;
  position where;
  bool space_before = false;  ///< whitespace (or a spacing command) separates it from the token before
};

/// Splits `text` into tokens; positions count characters from `origin`. Throws parse_error.
std::vector<token> tokenize(std::string_view text, position origin);

}  // namespace gradecheck::expr::latex
