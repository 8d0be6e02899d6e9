#include "lexer.hpp"

#include "gradecheck/expr/parser.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

namespace gradecheck::expr::plain {

namespace {

constexpr std::string_view unicode_minus = "\xE2\x88\x92";  // U+2212

// What students type for a product: U+00D7 (times), U+00B7 (middle dot), U+22C5 (dot operator).
constexpr std::string_view unicode_times[] = {"\xC3\x97", "\xC2\xB7", "\xE2\x8B\x85"};

// Superscript digits and signs (10\u207B\u00B3 is 10^-3): U+2070, U+00B9, U+00B2, U+00B3, U+2074..U+2079, U+207B, U+207A.
constexpr std::pair<std::string_view, char> superscripts[] = {
    {"\xE2\x81\xB0", '0'}, {"\xC2\xB9", '1'},     {"\xC2\xB2", '2'},     {"\xC2\xB3", '3'},     {"\xE2\x81\xB4", '4'},
    {"\xE2\x81\xB5", '5'}, {"\xE2\x81\xB6", '6'}, {"\xE2\x81\xB7", '7'}, {"\xE2\x81\xB8", '8'}, {"\xE2\x81\xB9", '9'},
    {"\xE2\x81\xBB", '-'}, {"\xE2\x81\xBA", '+'}};

// Returns the ASCII character superscript `text` starts with, and its length in bytes; 0 when none.
std::pair<char, std::size_t> superscript_at(std::string_view text) {
  for (const auto& [glyph, ascii] : superscripts)
    if (text.substr(0, glyph.size()) == glyph) return {ascii, glyph.size()};
  return {0, 0};
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<token> tokenize(std::string_view text, position origin) {
  std::vector<token> out;
  position at = origin;
  std::size_t i = 0;
  const auto advance = [&](std::size_t bytes) {
    for (std::size_t k = 0; k < bytes; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) ++at.column;
    i += bytes;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      advance(1);
    } else if (c == '\n') {
      ++i;
      ++at.line;
      at.column = 1;
    } else if (text.substr(i, unicode_minus.size()) == unicode_minus) {
      out.push_back({token_kind::symbol, "-", at});
      advance(unicode_minus.size());
    } else if (const auto times = std::find_if(std::begin(unicode_times), std::end(unicode_times),
                                               [&](std::string_view t) { return text.substr(i, t.size()) == t; });
               times != std::end(unicode_times)) {
      out.push_back({token_kind::symbol, "*", at});
      advance(times->size());
    } else if (superscript_at(text.substr(i)).first != 0) {
      // a run of superscripts is a power: x\u00B2 is x^2, 10\u207B\u00B3 is 10^-3
      out.push_back({token_kind::symbol, "^", at});
      std::string digits;
      const position start = at;
      for (auto s = superscript_at(text.substr(i)); s.first != 0; s = superscript_at(text.substr(i))) {
        if (s.first == '-' || s.first == '+') {
          if (!digits.empty()) throw parse_error(at, "a sign inside a superscript number");
          if (s.first == '-') out.push_back({token_kind::symbol, "-", at});
        } else {
          digits += s.first;
        }
        advance(s.second);
      }
      if (digits.empty()) throw parse_error(start, "a superscript sign without digits");
      out.push_back({token_kind::number, digits, start});
    } else if (is_digit(c) || (c == '.' && i + 1 < text.size() && is_digit(text[i + 1]))) {
      std::size_t j = i;
      while (j < text.size() && is_digit(text[j])) ++j;
      if (j < text.size() && text[j] == '.' && !(j + 1 < text.size() && (text[j + 1] == '*' || text[j + 1] == 'T'))) {
        ++j;
        while (j < text.size() && is_digit(text[j])) ++j;
      }
      if (j < text.size() && (text[j] == 'e' || text[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
        if (k < text.size() && is_digit(text[k])) {
          while (k < text.size() && is_digit(text[k])) ++k;
          j = k;
        }
      }
      std::string number(text.substr(i, j - i));
      const position start = at;
      advance(j - i);
      if (i < text.size() && text[i] == '%') {
        // 85% is 85e-2: a hundredth, with the digits written (so 85% stands for 84.5% to 85.5%)
        const auto e = number.find_first_of("eE");
        long exponent = 0;
        if (e != std::string::npos) {
          const std::string written = number.substr(e + 1);
          // an exponent of more digits than a long holds is refused, as the decimal reader refuses it
          if (written.size() > 9) throw parse_error(start, "malformed number: the exponent " + written + " is too large");
          exponent = std::stol(written);
        }
        number = number.substr(0, e) + "e" + std::to_string(exponent - 2);
        advance(1);
      }
      out.push_back({token_kind::number, number, start});
    } else if (is_name_start(c)) {
      std::size_t j = i;
      while (j < text.size() && is_name_char(text[j])) ++j;
      out.push_back({token_kind::name, std::string(text.substr(i, j - i)), at});
      advance(j - i);
    } else if ((c == '<' || c == '>' || c == '=' || c == '!') && i + 1 < text.size() && text[i + 1] == '=') {
      out.push_back({token_kind::symbol, std::string(text.substr(i, 2)), at});
      advance(2);
    } else if (c == '.' && i + 1 < text.size() && (text[i + 1] == '*' || text[i + 1] == 'T')) {
      out.push_back({token_kind::symbol, std::string(text.substr(i, 2)), at});
      advance(2);
    } else if (c == '.' && i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '^')) {
      out.push_back({token_kind::symbol, std::string(1, text[i + 1]), at});  // Matlab's ./ and .^: / and ^ are element-wise already
      advance(2);
    } else if (std::string_view("+-*/^@()[],'<>?:").find(c) != std::string_view::npos) {
      out.push_back({token_kind::symbol, std::string(1, c), at});
      advance(1);
    } else {
      const std::size_t len = (static_cast<unsigned char>(c) & 0x80) == 0 ? 1 : ((static_cast<unsigned char>(c) & 0xE0) == 0xC0 ? 2 : ((static_cast<unsigned char>(c) & 0xF0) == 0xE0 ? 3 : 4));
      throw parse_error(at, "unexpected character '" + std::string(text.substr(i, std::min(len, text.size() - i))) + "'");
    }
  }
  out.push_back({token_kind::end, "", at});
  return out;
}

}  // namespace gradecheck::expr::plain
