#include "gradecheck/expr/parser.hpp"

#include "lexer.hpp"
#include "nesting.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace gradecheck::expr {

namespace {

constexpr int max_depth = 200;  // nesting deeper than this is refused, not a stack overflow

using plain::token;
using plain::token_kind;

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

  nesting_guard nest() { return nesting_guard(depth_, max_depth, peek().where, "expression"); }

  static node make(node_kind kind, std::string text, position where, std::vector<node> children = {}) {
    node n;
    n.kind = kind;
    n.text = std::move(text);
    n.where = where;
    n.children = std::move(children);
    return n;
  }

  node choice() {
    const auto guard = nest();
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
    const auto guard = nest();
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

}  // namespace

parse_error::parse_error(position at, const std::string& text)
    : std::runtime_error("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + text), where(at), message(text) {}

namespace {

bool digit_at(std::string_view text, std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; }

}  // namespace

// ASCII only, so that a column is a byte; anything else is left to the parser.
std::optional<node> parse_plain_number(std::string_view text, position origin) {
  const auto blank = [&](std::size_t k) { return text[k] == ' ' || text[k] == '\t' || text[k] == '\r'; };
  std::size_t k = 0;
  while (k < text.size() && blank(k)) ++k;
  const std::size_t sign_at = k;
  const bool sign = k < text.size() && (text[k] == '-' || text[k] == '+');
  if (sign) ++k;
  const std::size_t start = k;
  while (digit_at(text, k)) ++k;
  const bool whole = k > start;
  if (k < text.size() && text[k] == '.' && (whole || digit_at(text, k + 1))) {
    ++k;
    while (digit_at(text, k)) ++k;
  }
  if (k == start) return std::nullopt;
  if (k < text.size() && (text[k] == 'e' || text[k] == 'E')) {
    std::size_t e = k + 1;
    if (e < text.size() && (text[e] == '-' || text[e] == '+')) ++e;
    if (!digit_at(text, e)) return std::nullopt;
    while (digit_at(text, e)) ++e;
    k = e;
  }
  const std::size_t end = k;
  while (k < text.size() && blank(k)) ++k;
  if (k != text.size()) return std::nullopt;
  node number;
  number.text = std::string(text.substr(start, end - start));
  number.where = {origin.line, origin.column + static_cast<int>(start)};
  try {
    number.literal = numeric::parse_decimal(number.text);
  } catch (const numeric::decimal_parse_error&) {
    return std::nullopt;  // the parser says what is wrong
  }
  if (!sign || text[sign_at] == '+') return number;
  node negated;
  negated.kind = node_kind::negate;
  negated.text = "-";
  negated.where = {origin.line, origin.column + static_cast<int>(sign_at)};
  negated.children.push_back(std::move(number));
  return negated;
}

node parse_expression(std::string_view text, position origin) {
  if (auto n = parse_plain_number(text, origin)) return std::move(*n);
  return parser(plain::tokenize(text, origin)).parse_whole();
}

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

}  // namespace gradecheck::expr
