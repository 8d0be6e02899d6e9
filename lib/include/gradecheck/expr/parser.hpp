#pragma once
/// A hand-written recursive-descent parser: it knows at every point which
/// tokens could come next, so an error says exactly what was expected, where.
///
///   expr     := choice
///   choice   := compare ('?' choice ':' choice)?     (right-associative)
///   compare  := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?
///   sum      := product (('+' | '-') product)*
///   product  := unary (('*' | '/' | '@' | '.*') unary)*      ('./' is read as '/', '.^' as '^')
///   unary    := ('-' | '+' | U+2212) unary | power
///   power    := postfix ('^' unary)?            (right-associative: -x^2 = -(x^2))
///   postfix  := primary ('[' expr (',' expr)* ']' | "'" | '.T')*
///   primary  := number | name | name '(' [expr (',' expr)*] ')' | '(' expr ')' | '[' [expr (',' expr)*] ']'

#include "gradecheck/expr/ast.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gradecheck::expr {

/// A syntax error at `where`, with what the parser expected there.
struct parse_error : std::runtime_error {
  parse_error(position at, const std::string& text);
  position where;
  std::string message;  ///< without the position
};

/// Returns the tree of the expression in `text`, which must be consumed
/// whole. `origin` is the position of text's first character in its file, so
/// that errors point into the file. Throws parse_error.
node parse_expression(std::string_view text, position origin = {});

/// Returns the tree of `text` when it is a plain number ("0.5933", " -1.2e-3 ": an optional sign,
/// digits with an optional point and exponent, blanks around), the tree parse_expression makes of
/// it; nothing for any other text. The answer nearly every line holds, read without the tokenizer.
std::optional<node> parse_plain_number(std::string_view text, position origin = {});

/// Returns a two-line picture of the error: the source line and a caret under the column.
std::string caret_picture(std::string_view source_line, int column);

}  // namespace gradecheck::expr
