#include "gradecheck/expr/parser.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>
#include <vector>

namespace gradecheck::expr {

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
constexpr int max_depth = 200;  // nesting deeper than this is refused, not a stack overflow

enum class token_kind { number, name, symbol, end };

struct token {
  token_kind kind;
  std::string text;
  position where;
};

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Splits text into tokens; columns count characters, not bytes.
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

class parser {
 public:
  explicit parser(std::vector<token> tokens) : tokens_(std::move(tokens)) {}

  node parse_whole() {
    node n = choice();
    if (peek().kind != token_kind::end) fail("an operator or the end of the expression");
    return n;
  }

 private:
  const token& peek() const { return tokens_[pos_]; }
  bool at_symbol(std::string_view s) const { return peek().kind == token_kind::symbol && peek().text == s; }
  token take() { return tokens_[pos_++]; }
  [[noreturn]] void fail(const std::string& expected) const {
    const token& t = peek();
    const std::string found = t.kind == token_kind::end ? "the end" : "'" + t.text + "'";
    throw parse_error(t.where, "expected " + expected + ", found " + found);
  }
  void expect(std::string_view s, const std::string& what) {
    if (!at_symbol(s)) fail(what);
    ++pos_;
  }

  struct depth_guard {
    explicit depth_guard(parser& p) : p_(p) {
      if (++p_.depth_ > max_depth) throw parse_error(p_.peek().where, "expression nested deeper than " + std::to_string(max_depth) + " levels");
    }
    ~depth_guard() { --p_.depth_; }
    depth_guard(const depth_guard&) = delete;
    depth_guard& operator=(const depth_guard&) = delete;
    parser& p_;
  };

  static node make(node_kind kind, std::string text, position where, std::vector<node> children = {}) {
    node n;
    n.kind = kind;
    n.text = std::move(text);
    n.where = where;
    n.children = std::move(children);
    return n;
  }

  node choice() {
    depth_guard guard(*this);
    node condition = compare();
    if (!at_symbol("?")) return condition;
    const token q = take();
    node if_true = choice();
    expect(":", "':' and the value when the condition is false");
    node if_false = choice();
    return make(node_kind::choice, "?", q.where, {std::move(condition), std::move(if_true), std::move(if_false)});
  }

  node compare() {
    node left = sum();
    for (const char* op : {"<", "<=", ">", ">=", "==", "!="})
      if (at_symbol(op)) {
        const token t = take();
        return make(node_kind::binary, t.text, t.where, {std::move(left), sum()});
      }
    return left;
  }

  node sum() {
    node left = product();
    while (at_symbol("+") || at_symbol("-")) {
      const token op = take();
      left = make(node_kind::binary, op.text, op.where, {std::move(left), product()});
    }
    return left;
  }

  node product() {
    node left = unary();
    for (;;) {
      if (at_symbol("*") || at_symbol("/") || at_symbol("@") || at_symbol(".*")) {
        const token op = take();
        left = make(node_kind::binary, op.text, op.where, {std::move(left), unary()});
      } else if (implicit_product()) {
        left = make(node_kind::binary, "*", peek().where, {std::move(left), unary()});
      } else {
        return left;
      }
    }
  }

  // A parenthesis right after a number or a closing parenthesis multiplies, as written on paper:
  // (1/2)(0.809)^2, 2(3 + 1). After a name it stays a call: sigmoid(z).
  bool implicit_product() const {
    if (!at_symbol("(") || pos_ == 0) return false;
    const token& before = tokens_[pos_ - 1];
    return before.kind == token_kind::number || (before.kind == token_kind::symbol && before.text == ")");
  }

  node unary() {
    depth_guard guard(*this);
    if (at_symbol("-")) {
      const token op = take();
      return make(node_kind::negate, "-", op.where, {unary()});
    }
    if (at_symbol("+")) {
      take();
      return unary();
    }
    return power();
  }

  node power() {
    node base = postfix();
    if (at_symbol("^")) {
      const token op = take();
      return make(node_kind::binary, "^", op.where, {std::move(base), unary()});
    }
    return base;
  }

  node postfix() {
    node n = primary();
    for (;;) {
      if (at_symbol("[")) {
        const token open = take();
        std::vector<node> children{std::move(n)};
        for (auto& position : comma_separated()) children.push_back(std::move(position));
        expect("]", "',' or ']' to close the index");
        n = make(node_kind::index, "[]", open.where, std::move(children));
      } else if (at_symbol("'") || at_symbol(".T")) {
        const token t = take();
        n = make(node_kind::transpose, "'", t.where, {std::move(n)});
      } else {
        return n;
      }
    }
  }

  // expr (',' expr)*
  std::vector<node> comma_separated() {
    std::vector<node> out{choice()};
    while (at_symbol(",")) {
      take();
      out.push_back(choice());
    }
    return out;
  }

  node primary() {
    const token& t = peek();
    if (t.kind == token_kind::number) {
      node n = make(node_kind::number, t.text, t.where);
      try {
        n.literal = numeric::parse_decimal(t.text);
      } catch (const numeric::decimal_parse_error& e) {
        throw parse_error({t.where.line, t.where.column + static_cast<int>(e.column) - 1}, "malformed number: " + std::string(e.what()));
      }
      ++pos_;
      return n;
    }
    if (t.kind == token_kind::name) {
      const token name = take();
      if (!at_symbol("(")) return make(node_kind::name, name.text, name.where);
      take();
      std::vector<node> args = at_symbol(")") ? std::vector<node>{} : comma_separated();
      expect(")", "',' or ')' to close the arguments of " + name.text);
      return make(node_kind::call, name.text, name.where, std::move(args));
    }
    if (at_symbol("(")) {
      take();
      node inner = choice();
      expect(")", "')'");
      return inner;
    }
    if (at_symbol("[")) {
      const token open = take();
      std::vector<node> items = at_symbol("]") ? std::vector<node>{} : comma_separated();
      expect("]", "',' or ']' to close the list");
      if (items.empty()) throw parse_error(open.where, "an empty list has no value");
      return make(node_kind::list, "[]", open.where, std::move(items));
    }
    fail("a number, a name, '(' or '['");
  }

  std::vector<token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

bool is_comparison(const std::string& op) { return op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!="; }

bool needs_parentheses(const node& child, const std::string& parent_op, bool right) {
  if (child.kind == node_kind::choice) return true;
  if (child.kind != node_kind::binary) return child.kind == node_kind::negate && parent_op == "^";
  const auto rank = [](const std::string& op) {
    return is_comparison(op) ? 0 : (op == "+" || op == "-" ? 1 : (op == "^" ? 3 : 2));
  };
  if (is_comparison(parent_op) && is_comparison(child.text)) return true;  // comparisons do not chain
  if (rank(child.text) < rank(parent_op)) return true;
  if (rank(child.text) == rank(parent_op)) return parent_op == "^" ? !right : right;
  return false;
}

}  // namespace

parse_error::parse_error(position at, const std::string& text)
    : std::runtime_error("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + text), where(at), message(text) {}

node parse_expression(std::string_view text, position origin) { return parser(tokenize(text, origin)).parse_whole(); }

std::string caret_picture(std::string_view source_line, int column) {
  std::string caret;
  int col = 1;
  for (std::size_t i = 0; i < source_line.size() && col < column; ++i) {
    if ((static_cast<unsigned char>(source_line[i]) & 0xC0) == 0x80) continue;
    caret += source_line[i] == '\t' ? '\t' : ' ';
    ++col;
  }
  return "  " + std::string(source_line) + "\n  " + caret + "^";
}

namespace {
void collect_free_names(const node& n, std::set<std::string>& bound, std::set<std::string>& out) {
  if (n.kind == node_kind::name) {
    if (!bound.count(n.text)) out.insert(n.text);
    return;
  }
  if (n.kind == node_kind::call && n.text == "sum" && n.children.size() >= 2 && n.children[0].kind == node_kind::name) {
    const bool was_bound = bound.count(n.children[0].text) > 0;
    bound.insert(n.children[0].text);
    for (std::size_t k = 1; k < n.children.size(); ++k) collect_free_names(n.children[k], bound, out);
    if (!was_bound) bound.erase(n.children[0].text);
    return;
  }
  for (const auto& c : n.children) collect_free_names(c, bound, out);
}
}  // namespace

std::set<std::string> free_names(const node& n) {
  std::set<std::string> bound, out;
  collect_free_names(n, bound, out);
  return out;
}

std::string to_string(const node& n) {
  const auto wrap = [](const node& child, bool paren) { return paren ? "(" + to_string(child) + ")" : to_string(child); };
  switch (n.kind) {
    case node_kind::number:
    case node_kind::name: return n.text;
    case node_kind::negate:
      return "-" + wrap(n.children[0], n.children[0].kind == node_kind::binary || n.children[0].kind == node_kind::choice);
    case node_kind::choice:
      return wrap(n.children[0], n.children[0].kind == node_kind::choice) + " ? " + wrap(n.children[1], n.children[1].kind == node_kind::choice) +
             " : " + to_string(n.children[2]);
    case node_kind::binary: {
      const bool spaced = n.text == "+" || n.text == "-" || is_comparison(n.text);
      const std::string op = spaced ? " " + n.text + " " : n.text;
      return wrap(n.children[0], needs_parentheses(n.children[0], n.text, false)) + op +
             wrap(n.children[1], needs_parentheses(n.children[1], n.text, true));
    }
    case node_kind::call:
    case node_kind::list:
    case node_kind::index: {
      // an index binds tighter than any operator: (-x)[0] keeps its parentheses
      const bool operand_base = n.kind == node_kind::index && (n.children[0].kind == node_kind::binary || n.children[0].kind == node_kind::negate ||
                                                             n.children[0].kind == node_kind::choice);
      std::string out = n.kind == node_kind::call ? n.text + "(" : (n.kind == node_kind::list ? "[" : wrap(n.children[0], operand_base) + "[");
      for (std::size_t k = n.kind == node_kind::index ? 1 : 0; k < n.children.size(); ++k)
        out += (k > (n.kind == node_kind::index ? 1u : 0u) ? ", " : "") + to_string(n.children[k]);
      return out + (n.kind == node_kind::call ? ")" : "]");
    }
    case node_kind::transpose:
      return wrap(n.children[0], n.children[0].kind == node_kind::binary || n.children[0].kind == node_kind::negate ||
                                     n.children[0].kind == node_kind::choice) +
             "'";
  }
  return "?";
}

}  // namespace gradecheck::expr
