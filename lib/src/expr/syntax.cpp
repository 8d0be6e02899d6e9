#include "gradecheck/expr/syntax.hpp"

#include "gradecheck/expr/parser.hpp"

#include <stdexcept>

namespace gradecheck::expr {

syntax syntax_named(std::string_view name) {
  if (name == "plain") return syntax::plain;
  if (name == "latex") return syntax::latex;
  if (name == "auto") return syntax::automatic;
  throw std::invalid_argument("unknown syntax '" + std::string(name) + "': expected plain, latex or auto");
}

namespace {

// Drops math delimiters around the whole text; `origin` moves past the opening one.
std::string_view without_delimiters(std::string_view text, position& origin, bool& delimited) {
  static const std::pair<std::string_view, std::string_view> pairs[] = {{"$$", "$$"}, {"\\[", "\\]"}, {"\\(", "\\)"}, {"$", "$"}};
  const auto b = text.find_first_not_of(" \t");
  const auto e = text.find_last_not_of(" \t\r");
  if (b == std::string_view::npos) return text;
  const std::string_view core = text.substr(b, e - b + 1);
  for (const auto& [open, close] : pairs)
    if (core.size() >= open.size() + close.size() && core.substr(0, open.size()) == open && core.substr(core.size() - close.size()) == close) {
      origin.column += static_cast<int>(b + open.size());
      delimited = true;
      return core.substr(open.size(), core.size() - open.size() - close.size());
    }
  return text;
}

}  // namespace

reading read_expression(std::string_view text, syntax how, const latex_symbols& symbols, position origin) {
  bool delimited = false;
  const std::string_view inner = without_delimiters(text, origin, delimited);
  if (how == syntax::latex || (how == syntax::automatic && (delimited || looks_like_latex(inner))))
    return {parse_latex(inner, symbols, origin), true};
  if (how == syntax::plain) return {parse_expression(inner, origin), false};
  try {
    return {parse_expression(inner, origin), false};
  } catch (const parse_error&) {
    try {
      return {parse_latex(inner, symbols, origin), true};
    } catch (const ambiguous_latex&) {
      throw;
    } catch (const parse_error&) {
    }
    throw;  // the plain reader's own message
  }
}

}  // namespace gradecheck::expr
