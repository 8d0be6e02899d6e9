#include "latex_lexer.hpp"

#include "gradecheck/expr/parser.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace gradecheck::expr::latex {

namespace {

// UTF-8 glyphs students paste into LaTeX, and the command (or symbol) each stands for.
constexpr std::pair<std::string_view, std::string_view> glyphs[] = {
    {"\xCF\x83", "\\sigma"},   {"\xCE\xB1", "\\alpha"},  {"\xCE\xB2", "\\beta"},   {"\xCE\xB3", "\\gamma"},  {"\xCE\xBC", "\\mu"},
    {"\xCE\xB7", "\\eta"},     {"\xCE\xB4", "\\delta"},  {"\xCE\xB8", "\\theta"},  {"\xCE\xBB", "\\lambda"}, {"\xCE\xB5", "\\epsilon"},
    {"\xCF\x84", "\\tau"},     {"\xCF\x86", "\\phi"},    {"\xCF\x80", "\\pi"},     {"\xCE\xA3", "\\sum"},    {"\xE2\x88\x91", "\\sum"},
    {"\xE2\x88\x82", "\\partial"}, {"\xE2\x88\x9A", "\\sqrt"}, {"\xC2\xB7", "\\cdot"}, {"\xE2\x8B\x85", "\\cdot"}, {"\xC3\x97", "\\times"},
    {"\xE2\x8A\x99", "\\odot"}, {"\xE2\x88\x98", "\\circ"}, {"\xE2\x89\xA4", "\\le"}, {"\xE2\x89\xA5", "\\ge"}, {"\xE2\x89\xA0", "\\neq"},
    {"\xE2\x89\x88", "\\approx"}, {"\xE2\x88\x9E", "\\infty"}, {"\xE2\x80\xA6", "\\dots"}, {"\xE2\x8B\xAF", "\\cdots"},
};
constexpr std::string_view unicode_minus = "\xE2\x88\x92";
constexpr std::string_view unicode_prime = "\xE2\x80\xB2";

// Commands that only space or size what follows: they separate tokens and mean nothing.
constexpr std::string_view spacing[] = {"quad", "qquad", "displaystyle", "textstyle", "scriptstyle", "big", "Big", "bigg", "Bigg",
                                        "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "limits", "nolimits",
                                        "medspace", "thinspace", "negthinspace", "enspace"};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t utf8_length(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4; }

}  // namespace

std::vector<token> tokenize(std::string_view text, position origin) {
  std::vector<token> out;
  position at = origin;
  std::size_t i = 0;
  bool space = false;
  const auto advance = [&](std::size_t bytes) {
    for (std::size_t k = 0; k < bytes && i < text.size(); ++k, ++i) {
      if (text[i] == '\n') {
        ++at.line;
        at.column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++at.column;
      }
    }
  };
  const auto emit = [&](token_kind kind, std::string t, position where) {
    out.push_back({kind, std::move(t), where, space});
    space = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    const position start = at;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '~') {
      space = true;
      advance(1);
    } else if (c == '%') {
      // a comment runs to the end of the line
      while (i < text.size() && text[i] != '\n') advance(1);
      space = true;
    } else if (c == '\\') {
      if (i + 1 >= text.size()) throw parse_error(start, "a backslash at the end, expected a command such as \\frac");
      std::size_t j = i + 1;
      if (is_letter(text[j])) {
        while (j < text.size() && is_letter(text[j])) ++j;
      } else {
        j = i + 1 + utf8_length(static_cast<unsigned char>(text[i + 1]));
      }
      const std::string name(text.substr(i + 1, j - i - 1));
      advance(j - i);
      if (name == "," || name == ";" || name == "!" || name == ":" || name == " " || name == ">" ||
          std::find(std::begin(spacing), std::end(spacing), name) != std::end(spacing)) {
        space = true;
      } else if (name == "%") {
        emit(token_kind::symbol, "%", start);
      } else {
        emit(token_kind::command, "\\" + name, start);
      }
    } else if (is_digit(c) || (c == '.' && i + 1 < text.size() && is_digit(text[i + 1]))) {
      std::string number;
      while (i < text.size()) {
        if (is_digit(text[i])) {
          number += text[i];
          advance(1);
        } else if (text[i] == '.' && i + 1 < text.size() && is_digit(text[i + 1]) && number.find('.') == std::string::npos) {
          number += '.';
          advance(1);
        } else if (text.substr(i, 3) == "{,}" && i + 3 < text.size() && is_digit(text[i + 3]) && number.find('.') == std::string::npos) {
          number += '.';  // 0{,}5: the decimal comma as LaTeX typesets it
          advance(3);
        } else {
          break;
        }
      }
      emit(token_kind::number, number, start);
    } else if (is_letter(c)) {
      std::size_t j = i;
      while (j < text.size() && (is_letter(text[j]) || is_digit(text[j]))) ++j;
      const std::string word(text.substr(i, j - i));
      advance(j - i);
      emit(token_kind::word, word, start);
    } else if (text.substr(i, unicode_minus.size()) == unicode_minus) {
      emit(token_kind::symbol, "-", start);
      advance(unicode_minus.size());
    } else if (text.substr(i, unicode_prime.size()) == unicode_prime) {
      emit(token_kind::symbol, "'", start);
      advance(unicode_prime.size());
    } else if (std::string_view("+-*/^_{}()[],=<>'|!&.:;").find(c) != std::string_view::npos) {
      emit(token_kind::symbol, std::string(1, c), start);
      advance(1);
    } else if (const auto g = std::find_if(std::begin(glyphs), std::end(glyphs),
                                           [&](const auto& p) { return text.substr(i, p.first.size()) == p.first; });
               g != std::end(glyphs)) {
      emit(token_kind::command, std::string(g->second), start);
      advance(g->first.size());
    } else {
      const std::size_t len = std::min(utf8_length(static_cast<unsigned char>(c)), text.size() - i);
      throw parse_error(start, "unexpected character '" + std::string(text.substr(i, len)) + "'");
    }
  }
  out.push_back({token_kind::end, "", at, space});
  return out;
}

}  // namespace gradecheck::expr::latex
