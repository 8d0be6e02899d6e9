#include "gradecheck/expr/latex.hpp"

#include "gradecheck/expr/functions.hpp"
#include "latex_lexer.hpp"
#include "nesting.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <set>
#include <utility>

namespace gradecheck::expr {

namespace {

using latex::token;
using latex::token_kind;
using shape = latex_symbols::shape;

constexpr int max_depth = 200;  // nesting deeper than this is refused, not a stack overflow

// Commands that take one argument and make a symbol of it: \hat{o}, \mathcal{L}, \text{new}.
constexpr std::string_view accents[] = {"\\hat", "\\bar", "\\tilde", "\\widehat", "\\widetilde", "\\overline", "\\dot"};
constexpr std::string_view fonts[] = {"\\mathcal", "\\mathbf", "\\boldsymbol", "\\bm", "\\vec", "\\mathbb", "\\mathscr", "\\mathsf"};
constexpr std::string_view words[] = {"\\text", "\\mathrm", "\\textrm", "\\mathit", "\\operatorname", "\\textit", "\\textbf"};

constexpr std::string_view greek[] = {"alpha", "beta",  "gamma", "delta",   "epsilon", "varepsilon", "zeta", "eta",   "theta",
                                      "vartheta", "iota", "kappa", "lambda", "mu",      "nu",         "xi",   "pi",    "rho",
                                      "sigma", "tau",   "upsilon", "phi",   "varphi",  "chi",        "psi",  "omega", "Gamma",
                                      "Delta", "Theta", "Lambda",  "Xi",    "Pi",      "Sigma",      "Phi",  "Psi",   "Omega", "ell"};

bool in(std::string_view s, const auto& list) { return std::find(std::begin(list), std::end(list), s) != std::end(list); }

bool is_index_letter_word(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

node make(node_kind kind, std::string text, position where, std::vector<node> children = {}) {
  node n;
  n.kind = kind;
  n.text = std::move(text);
  n.where = where;
  n.children = std::move(children);
  return n;
}

node number_node(long v, position where) {
  if (v < 0) return make(node_kind::negate, "-", where, {number_node(-v, where)});
  node n = make(node_kind::number, std::to_string(v), where);
  n.literal = numeric::parse_decimal(n.text);
  return n;
}

node binary(std::string op, node a, node b) {
  const position at = a.where;
  return make(node_kind::binary, std::move(op), at, {std::move(a), std::move(b)});
}

// The symbol a LaTeX atom is: its key in canonical LaTeX and the plain name it spells by default.
struct base_symbol {
  std::string key;    // "w", "\hat{o}", "\mathcal{L}", "\sigma"
  std::string plain;  // "w", "ohat", "L", "sigma"
  std::string letter; // for an accent, the letter under it ("o"); else empty
  std::string accent; // "hat", "bar", ...
  position where;
};

// A token range [begin, end) of the parser's tokens.
struct span {
  std::size_t begin = 0, end = 0;
  [[nodiscard]] bool empty() const { return begin >= end; }
};

// An index variable in scope, whose value as LaTeX writes it is the tree's value plus `offset`.
struct bound_index {
  std::string name;
  long offset = 1;
};

class parser {
 public:
  parser(std::vector<token> tokens, const latex_symbols& symbols) : tokens_(std::move(tokens)), symbols_(symbols) {
    limit_ = tokens_.size() - 1;
  }

  node parse_whole() {
    node n = expression();
    skip_closing_punctuation();
    if (!at_end()) fail("an operator or the end of the formula");
    return n;
  }

  designation parse_name() {
    designation d = designation_here();
    if (!at_end()) fail("the end of the name");
    return d;
  }

  std::string atom_key_whole() {
    if (const auto close = call_spelling_end(); close && *close + 1 == limit_) return canonical({pos_, limit_});
    const base_symbol b = base();
    const auto [sub, sup, primes] = scripts();
    if (primes != 0) fail("a symbol without primes");
    if (!at_end()) fail("the end of the symbol");
    return key_of(b, sub, sup);
  }

 private:
  // ---- tokens ----
  const token& peek(std::size_t ahead = 0) const {
    const std::size_t k = pos_ + ahead;
    return k < limit_ ? tokens_[k] : end_token();
  }
  const token& end_token() const {
    end_ = tokens_[std::min(limit_, tokens_.size() - 1)];
    end_.kind = token_kind::end;
    end_.text.clear();
    return end_;
  }
  bool at_end() const { return peek().kind == token_kind::end; }
  bool at_symbol(std::string_view s, std::size_t ahead = 0) const {
    return peek(ahead).kind == token_kind::symbol && peek(ahead).text == s;
  }
  bool at_command(std::string_view s, std::size_t ahead = 0) const {
    return peek(ahead).kind == token_kind::command && peek(ahead).text == s;
  }
  bool at_word(std::string_view s) const { return peek().kind == token_kind::word && peek().text == s; }
  token take() {
    token t = peek();
    if (pos_ < limit_) ++pos_;
    return t;
  }
  [[noreturn]] void fail(const std::string& expected) const {
    const token& t = peek();
    throw parse_error(t.where, "expected " + expected + ", found " + (t.kind == token_kind::end ? std::string("the end") : "'" + t.text + "'"));
  }
  void expect_symbol(std::string_view s, const std::string& what) {
    if (!at_symbol(s)) fail(what);
    take();
  }

  // The full stop or comma that ends a display as a sentence ends (`... - y_j).`, `1, & x \geq 0`): no part of the
  // formula. Taken only where the formula (or its cell) ends.
  void skip_closing_punctuation() {
    if ((at_symbol(".") || at_symbol(",") || at_symbol(";")) && peek(1).kind == token_kind::end) take();
  }

  // A span without the punctuation that closes it.
  span without_closing_punctuation(span s) const {
    while (!s.empty() && tokens_[s.end - 1].kind == token_kind::symbol &&
           (tokens_[s.end - 1].text == "." || tokens_[s.end - 1].text == "," || tokens_[s.end - 1].text == ";"))
      --s.end;
    return s;
  }

  // When the next tokens are a function command applied to parentheses, `\sigma(\mathbf{z})`: the position of the ')'.
  std::optional<std::size_t> call_spelling_end() const {
    const token& f = peek();
    if (f.kind != token_kind::command || !at_symbol("(", 1)) return std::nullopt;
    if (find_latex_function(f.text) == nullptr && !in(f.text, words)) return std::nullopt;
    int depth = 0;
    for (std::size_t k = pos_ + 1; k < limit_; ++k) {
      const token& t = tokens_[k];
      if (t.kind != token_kind::symbol) continue;
      if (t.text == "(") ++depth;
      if (t.text == ")" && --depth == 0) return k;
    }
    return std::nullopt;
  }

  // A call the case declares as the spelling of one of its symbols: `\sigma(\mathbf{z})` for y = softmax(z) where
  // sigma is softmax; with a subscript, an entry of it (`\sigma(\mathbf{z})_i`).
  std::optional<node> spelled_call() {
    if (symbols_.spellings.empty()) return std::nullopt;
    const auto close = call_spelling_end();
    if (!close) return std::nullopt;
    const auto it = symbols_.spellings.find(canonical({pos_, *close + 1}));
    if (it == symbols_.spellings.end()) return std::nullopt;
    const position at = peek().where;
    pos_ = *close + 1;
    node n = make(node_kind::name, it->second, at);
    if (at_symbol("_")) {
      take();
      const span sub = group();
      if (!symbols_.names.count(n.text) || symbols_.names.at(n.text) == shape::scalar)
        throw parse_error(at, "cannot read the subscript of " + it->first + ": " + n.text + " is not a vector");
      n = indexed(std::move(n), sub);
    }
    return n;
  }

  nesting_guard nest() { return nesting_guard(depth_, max_depth, peek().where, "formula"); }

  // Parses the tokens of `s` alone with `f`, which must consume them all.
  template <class F>
  auto within(span s, F f, const std::string& what) {
    const std::size_t saved_pos = pos_, saved_limit = limit_;
    pos_ = s.begin;
    limit_ = s.end;
    auto result = f();
    if (!at_end()) fail(what);
    pos_ = saved_pos;
    limit_ = saved_limit;
    return result;
  }

  // The tokens of `{...}` (without the braces), or of the single token (with its own argument) next.
  span group() {
    if (at_symbol("{")) {
      const std::size_t open = pos_;
      take();
      int depth = 1;
      while (!at_end()) {
        if (at_symbol("{")) ++depth;
        if (at_symbol("}") && --depth == 0) {
          const span inside{open + 1, pos_};
          take();
          return inside;
        }
        take();
      }
      throw parse_error(tokens_[open].where, "'{' is never closed: expected '}'");
    }
    if (at_end() || at_symbol("}")) fail("an argument");
    const std::size_t start = pos_;
    const token t = take();
    if (t.kind == token_kind::command && (in(t.text, accents) || in(t.text, fonts) || in(t.text, words))) group();
    return {start, pos_};
  }

  // Returns the canonical LaTeX of the tokens in s: spaces dropped, braces around one token dropped.
  std::string canonical(span s) const {
    std::string out;
    for (std::size_t k = s.begin; k < s.end; ++k) {
      const token& t = tokens_[k];
      if (t.kind == token_kind::symbol && t.text == "{") {
        std::size_t close = k + 1;
        for (int depth = 1; close < s.end; ++close) {
          if (tokens_[close].kind == token_kind::symbol && tokens_[close].text == "{") ++depth;
          if (tokens_[close].kind == token_kind::symbol && tokens_[close].text == "}" && --depth == 0) break;
        }
        const std::string inner = canonical({k + 1, close});
        out += close == k + 2 ? inner : "{" + inner + "}";
        k = close;
        continue;
      }
      if (t.kind == token_kind::command && (in(t.text, accents) || in(t.text, fonts) || in(t.text, words)) && k + 1 < s.end) {
        std::size_t arg_end = k + 2;
        if (tokens_[k + 1].kind == token_kind::symbol && tokens_[k + 1].text == "{") {
          for (int depth = 1; arg_end < s.end; ++arg_end) {
            if (tokens_[arg_end].kind == token_kind::symbol && tokens_[arg_end].text == "{") ++depth;
            if (tokens_[arg_end].kind == token_kind::symbol && tokens_[arg_end].text == "}" && --depth == 0) break;
          }
          out += t.text + "{" + canonical({k + 2, arg_end}) + "}";
          k = arg_end;
        } else {
          out += t.text + "{" + tokens_[k + 1].text + "}";
          k = k + 1;
        }
        continue;
      }
      if (!out.empty() && out.back() != '}' && tokens_[k - (k > s.begin ? 1 : 0)].kind == token_kind::command && k > s.begin &&
          (t.kind == token_kind::word || t.kind == token_kind::number))
        out += ' ';
      out += t.text;
    }
    return out;
  }

  // The plain text of a script: \text{new} -> new, {5,\text{new}} -> 5,new, \mathcal{B} -> B.
  std::string plain_text(span s) const {
    std::string out;
    for (std::size_t k = s.begin; k < s.end; ++k) {
      const token& t = tokens_[k];
      if (t.kind == token_kind::symbol && (t.text == "{" || t.text == "}")) continue;
      if (t.kind == token_kind::command) {
        if (in(t.text, accents) || in(t.text, fonts) || in(t.text, words)) continue;
        if (in(t.text.substr(1), greek)) {
          out += t.text.substr(1);
          continue;
        }
        out += t.text;
        continue;
      }
      out += t.text;
    }
    return out;
  }

  // ---- the grammar ----
  node expression() { return sum(); }

  // a comparison where one may stand: [i = j], the conditions of cases
  node relation() {
    const std::size_t start = pos_;
    node once = relation_once();
    std::set<std::string> unsure;
    unsure_positions(once, unsure);
    static const std::string_view comparisons[] = {"==", "!=", "<", ">", "<=", ">="};
    if (unsure.empty() || once.kind != node_kind::binary || !in(once.text, comparisons) || !holds_index(once)) return once;
    // i = k for an index i and a symbol k of the question: k counted from 1 like i, or a number as written
    const std::size_t end = pos_;
    node as_position = with_positions(unsure, [&] {
      pos_ = start;
      return relation_once();
    });
    pos_ = end;
    throw ambiguous_latex(once.where, names_list(unsure) + " compared with an index: a number as written, or a position counted like the index",
                          {to_string(once), to_string(as_position)});
  }

  node relation_once() {
    node left = sum();
    static const std::pair<std::string_view, std::string_view> ops[] = {
        {"=", "=="}, {"\\neq", "!="}, {"\\ne", "!="}, {"<", "<"}, {">", ">"}, {"\\le", "<="}, {"\\leq", "<="},
        {"\\ge", ">="}, {"\\geq", ">="}, {"\\lt", "<"}, {"\\gt", ">"}, {"\\leqslant", "<="}, {"\\geqslant", ">="}};
    for (const auto& [latex_op, plain_op] : ops) {
      const bool here = latex_op.front() == '\\' ? at_command(latex_op) : at_symbol(latex_op);
      if (here) {
        take();
        return binary(std::string(plain_op), std::move(left), sum());
      }
    }
    return left;
  }

  node sum() {
    node left = term();
    while (at_symbol("+") || at_symbol("-")) {
      const token op = take();
      node right = term();
      left = make(node_kind::binary, op.text, op.where, {std::move(left), std::move(right)});
    }
    return left;
  }

  // A product of factors: explicit (\cdot \times * / \odot) or written side by side.
  node term() {
    node left = signed_factor();
    for (;;) {
      std::string op;
      if (at_command("\\cdot") || at_command("\\times") || at_symbol("*") || at_command("\\ast")) op = "*";
      else if (at_command("\\odot") || at_command("\\circ") || at_command("\\otimes")) op = ".*";
      else if (at_symbol("/") || at_command("\\div")) op = "/";
      if (!op.empty()) {
        const token t = take();
        node right = signed_factor();
        if (op == "/" && starts_factor()) {
          // a/bc: (a/b)c or a/(bc)? Both are written; neither is guessed.
          std::vector<node> tail;
          while (starts_factor()) tail.push_back(factor());
          node over = right, after = make(node_kind::binary, "/", t.where, {left, right});
          for (auto& f : tail) {
            over = binary("*", std::move(over), f);
            after = binary("*", std::move(after), std::move(f));
          }
          throw ambiguous_latex(t.where, "'/' followed by a product written side by side",
                                {to_string(after), to_string(make(node_kind::binary, "/", t.where, {left, over}))});
        }
        left = make(node_kind::binary, op, t.where, {std::move(left), std::move(right)});
      } else if (starts_factor()) {
        // [-121.21 \quad 121.48] is a row of numbers, 0.5 0.3 a missing operator: neither is a product
        if (peek().kind == token_kind::number)
          throw parse_error(peek().where, "a number written after a factor with no operator: write \\cdot, or a list [a, b]");
        const position at = peek().where;
        node right = factor();
        left = make(node_kind::binary, "*", at, {std::move(left), std::move(right)});
      } else {
        return left;
      }
    }
  }

  // Signs before a factor, read in a loop: ------x nests no deeper than x.
  node signed_factor() {
    std::vector<position> minus;
    while (at_symbol("-") || at_symbol("+")) {
      const token t = take();
      if (t.text == "-") minus.push_back(t.where);
    }
    node n = factor();
    for (auto at = minus.rbegin(); at != minus.rend(); ++at) n = make(node_kind::negate, "-", *at, {std::move(n)});
    return n;
  }

  // True when the next token can begin a factor written side by side with the one before.
  bool starts_factor() const {
    const token& t = peek();
    switch (t.kind) {
      case token_kind::number:
      case token_kind::word: return true;
      case token_kind::symbol: return t.text == "(" || t.text == "[" || (t.text == "|" && abs_depth_ == 0) || t.text == "{";
      case token_kind::command: {
        static const std::string_view not_factors[] = {"\\cdot", "\\times", "\\odot", "\\circ", "\\div", "\\right", "\\end", "\\\\",
                                                       "\\neq", "\\ne", "\\le", "\\leq", "\\ge", "\\geq", "\\lt", "\\gt", "\\approx",
                                                       "\\rvert", "\\rVert", "\\}", "\\ast", "\\otimes", "\\leqslant", "\\geqslant",
                                                       "\\quad", "\\text"};
        if (t.text == "\\text") return true;
        if (t.text == "\\|") return norm_depth_ == 0;
        return !in(t.text, not_factors);
      }
      case token_kind::end: return false;
    }
    return false;
  }

  // A primary with its powers, primes and transposes.
  node factor() {
    node n = primary();
    return power_of(std::move(n));
  }

  node power_of(node n) {
    for (;;) {
      if (at_symbol("'")) {
        const token t = take();
        n = make(node_kind::transpose, "'", t.where, {std::move(n)});
      } else if (at_symbol("^")) {
        const token t = take();
        n = superscript(std::move(n), group(), t.where);
      } else if (at_symbol("_") && n.kind == node_kind::call && (n.text == "softmax" || n.text == "log_softmax" || n.text == "sigmoid")) {
        // \operatorname{softmax}(z)_j: entry j of the softmax
        const token t = take();
        const std::string f = n.text;
        node entry = indexed(n, group());
        if (f == "sigmoid") {
          // \sigma(z)_j: the sigmoid entry by entry, or softmax, which many write sigma
          node other = entry;
          other.children[0].text = "softmax";
          throw ambiguous_latex(t.where, "\\sigma with an entry after it: the sigmoid, or softmax written sigma",
                                {to_string(entry), to_string(other)});
        }
        n = std::move(entry);
      } else if (at_symbol("_")) {
        fail("an operator (a subscript belongs to a symbol)");
      } else {
        return n;
      }
    }
  }

  // x^{...}: a transpose, or a power.
  node superscript(node base_node, span s, position at) {
    const std::string key = canonical(s);
    if (key == "T" || key == "\\top" || key == "\\intercal" || key == "\\mathsf{T}" || key == "\\mathrm{T}") {
      if (key == "T" && symbols_.names.count("T"))
        throw ambiguous_latex(at, "T is a symbol of the question", {to_string(make(node_kind::transpose, "'", at, {base_node})),
                                                                    to_string(binary("^", base_node, make(node_kind::name, "T", at)))});
      return make(node_kind::transpose, "'", at, {std::move(base_node)});
    }
    if (s.end == s.begin + 1 && tokens_[s.begin].kind == token_kind::number && tokens_[s.begin].text.find('.') != std::string::npos &&
        !(s.begin > 0 && tokens_[s.begin - 1].kind == token_kind::symbol && tokens_[s.begin - 1].text == "{"))
      // x^.3 or x^0.5: LaTeX raises to the first character alone
      throw parse_error(tokens_[s.begin].where, "a decimal exponent needs braces: x^{" + tokens_[s.begin].text + "}");
    if (s.end == s.begin + 1 && (tokens_[s.begin].kind == token_kind::number || tokens_[s.begin].kind == token_kind::word) &&
        tokens_[s.begin].text.size() > 1 && !(s.begin > 0 && tokens_[s.begin - 1].kind == token_kind::symbol && tokens_[s.begin - 1].text == "{")) {
      // x^23 is x^{2}3 to LaTeX and x^{23} to its writer
      const token& t = tokens_[s.begin];
      node whole = binary("^", base_node, single_token_value(t, t.text));
      node split = binary("*", binary("^", base_node, single_token_value(t, t.text.substr(0, 1))), single_token_value(t, t.text.substr(1)));
      throw ambiguous_latex(t.where, "a superscript of several characters without braces", {to_string(whole), to_string(split)});
    }
    node exponent = within(s, [&] { return expression(); }, "the end of the superscript");
    return make(node_kind::binary, "^", at, {std::move(base_node), std::move(exponent)});
  }

  // The value of one number or word token's text (for the readings of x^23).
  node single_token_value(const token& t, const std::string& text) const {
    if (t.kind == token_kind::number) {
      node n = make(node_kind::number, text, t.where);
      try {
        n.literal = numeric::parse_decimal(text);
      } catch (const numeric::decimal_parse_error& e) {
        throw parse_error(t.where, std::string("malformed number: ") + e.what());
      }
      return n;
    }
    return make(node_kind::name, text, t.where);
  }

  // Every nesting (brackets, groups, arguments, scripts) goes through here: its depth is counted here.
  node primary() {
    const auto guard = nest();
    const token& t = peek();
    switch (t.kind) {
      case token_kind::number: return number();
      case token_kind::word: return word();
      case token_kind::symbol:
        if (t.text == "(") return parenthesised("(", ")");
        if (t.text == "[") return bracketed(false);
        if (t.text == "{") {
          const span s = group();
          return within(s, [&] { return expression(); }, "the end of the group");
        }
        if (t.text == "|") return absolute_value();
        fail("a number, a symbol or '('");
      case token_kind::command: return command();
      case token_kind::end: fail("a number, a symbol or '('");
    }
    fail("a number, a symbol or '('");
  }

  node number() {
    const token t = take();
    node n = make(node_kind::number, t.text, t.where);
    try {
      n.literal = numeric::parse_decimal(t.text);
    } catch (const numeric::decimal_parse_error& e) {
      throw parse_error(t.where, std::string("malformed number: ") + e.what());
    }
    if (at_symbol("%")) {
      take();
      n.literal.exponent -= 2;  // 85\% is 85e-2, with the digits written
      n.text = n.literal.digits + "e" + std::to_string(n.literal.exponent);
      if (n.literal.negative) n.text = "-" + n.text;
    }
    return n;
  }

  node parenthesised(std::string_view open, std::string_view close) {
    const token o = take();
    node inner = expression();
    if (!at_symbol(close)) fail("'" + std::string(close) + "' to close the '" + std::string(open) + "' at column " + std::to_string(o.where.column));
    take();
    return inner;
  }

  // [a, b] is a vector, [i = j] is 1 when i = j (Iverson), [a + b] is a bracket.
  node bracketed(bool left_right) {
    const token o = take();
    std::vector<node> items{relation()};
    while (at_symbol(",")) {
      take();
      items.push_back(relation());
    }
    if (left_right) {
      if (!at_command("\\right")) fail("\\right] to close the \\left[");
      take();
    }
    if (!at_symbol("]")) fail("']' to close the '['");
    take();
    if (items.size() == 1) return std::move(items[0]);
    return make(node_kind::list, "[]", o.where, std::move(items));
  }

  node absolute_value() {
    const token o = take();
    ++abs_depth_;
    node inner = expression();
    --abs_depth_;
    if (!at_symbol("|")) fail("'|' to close the '|' at column " + std::to_string(o.where.column));
    take();
    return make(node_kind::call, "abs", o.where, {std::move(inner)});
  }

  node command() {
    const token t = peek();
    const std::string& c = t.text;
    if (auto spelled = spelled_call()) return std::move(*spelled);
    if (c == "\\left") return left_right();
    if (c == "\\frac" || c == "\\dfrac" || c == "\\tfrac" || c == "\\cfrac") return fraction();
    if (c == "\\sqrt") return square_root();
    if (c == "\\sum") return summation();
    if (c == "\\partial") return derivative_name_value();
    if (c == "\\begin") return environment_value();
    if (c == "\\lvert" || c == "\\vert") return delimited("abs", "\\rvert", "\\vert");
    if (c == "\\lVert" || c == "\\Vert" || c == "\\|") return delimited("norm", "\\rVert", c == "\\|" ? "\\|" : "\\Vert");
    if (c == "\\{") {
      take();
      node inner = expression();
      if (!at_command("\\}")) fail("\\} to close the \\{");
      take();
      return inner;
    }
    if (c == "\\dots" || c == "\\cdots" || c == "\\ldots" || c == "\\vdots" || c == "\\ddots")
      throw parse_error(t.where, "terms left out ('" + c + "') cannot be evaluated: write every term, or use \\sum");
    if (c == "\\infty") throw parse_error(t.where, "infinity is not a value that can be checked");
    if (c == "\\pi" && !symbols_.names.count("pi")) {
      take();
      node n = make(node_kind::number, "3.14159265358979323846264338327950288419716939937510582097494", t.where);
      n.literal = numeric::parse_decimal(n.text);
      return n;
    }
    if (c == "\\mathbb" || c == "\\mathbf") {
      if (const auto one = indicator()) return *one;
    }
    if (c == "\\delta") {
      if (const auto kronecker = kronecker_delta()) return *kronecker;
    }
    if (in(c, words)) return word_command();
    if (const auto* f = find_latex_function(c); f != nullptr && c != "\\sum" && c != "\\delta")
      if (c != "\\sigma" || calls_next(1)) return function_call(*f);
    return atom();
  }

  // \left( ... \right), \left[ ... \right], \left| ... \right|, \left\| ... \right\|
  node left_right() {
    const token l = take();
    const token d = peek();
    if (d.kind == token_kind::symbol && d.text == "[") return bracketed(true);
    take();
    std::string close, call;
    if (d.kind == token_kind::symbol && d.text == "(") close = ")";
    else if (d.kind == token_kind::symbol && d.text == "|") close = "|", call = "abs";
    else if (d.kind == token_kind::command && (d.text == "\\|" || d.text == "\\lVert" || d.text == "\\Vert")) close = "norm", call = "norm";
    else if (d.kind == token_kind::command && (d.text == "\\lvert" || d.text == "\\vert")) close = "abs", call = "abs";
    else if (d.kind == token_kind::command && d.text == "\\{") close = "\\}";
    else if (d.kind == token_kind::symbol && d.text == ".") close = ".";
    else throw parse_error(d.where, "expected a delimiter after \\left: ( [ | \\| \\{ or .");
    const int saved_abs = abs_depth_, saved_norm = norm_depth_;
    abs_depth_ = 0;
    norm_depth_ = 0;
    // \left\{ \begin{array}{ll} z & \text{if } z > 0 \\ 0 & \text{if } z \le 0 \end{array} \right.: the cases of a function
    const bool brace_array = close == "\\}" && at_command("\\begin") && at_symbol("{", 1) && peek(2).text == "array" && at_symbol("}", 3);
    node inner = brace_array ? environment_value(true) : expression();
    abs_depth_ = saved_abs;
    norm_depth_ = saved_norm;
    if (!at_command("\\right")) fail("\\right to close the \\left at column " + std::to_string(l.where.column));
    take();
    const token r = take();
    const bool matches = (close == ")" && r.text == ")") || (close == "|" && r.text == "|") || (close == "\\}" && r.text == "\\}") ||
                         (close == "norm" && (r.text == "\\|" || r.text == "\\rVert" || r.text == "\\Vert")) ||
                         (close == "abs" && (r.text == "\\rvert" || r.text == "\\vert" || r.text == "|")) || close == "." || r.text == ".";
    if (!matches) throw parse_error(r.where, "this \\right does not match the \\left at column " + std::to_string(l.where.column));
    if (call.empty()) return inner;
    return make(node_kind::call, call, l.where, {std::move(inner)});
  }

  node delimited(const std::string& call, std::string_view close, std::string_view close_alt) {
    const token o = take();
    int& depth = call == "abs" ? abs_depth_ : norm_depth_;
    ++depth;
    node inner = expression();
    --depth;
    if (!at_command(close) && !at_command(close_alt)) fail(std::string(close) + " to close the " + o.text);
    take();
    return make(node_kind::call, call, o.where, {std::move(inner)});
  }

  // \frac{a}{b}: a quotient, a derivative designation (\frac{\partial L}{\partial w_5}) or an operator (\frac{d}{dz}).
  node fraction() {
    const token f = take();
    span num, den;
    if (peek().kind == token_kind::number && peek().text.size() == 2 && peek().text.find('.') == std::string::npos) {
      // \frac12 is one half: LaTeX takes one digit per argument
      const token d = take();
      node a = single_token_value(d, d.text.substr(0, 1)), b = single_token_value(d, d.text.substr(1));
      return make(node_kind::binary, "/", f.where, {std::move(a), std::move(b)});
    }
    num = group();
    den = group();
    if (const auto d = derivative_parts(num, den)) {
      if (d->operand.empty()) {
        // \frac{d}{dz} f: a derivative claim, checked by finite differences, never evaluated
        node operand = term();
        return make(node_kind::call, "derivative", f.where, {make(node_kind::name, d->with_respect_to.name, f.where), std::move(operand)});
      }
      return designation_node(derivative_designation(*d), f.where);
    }
    node a = within(num, [&] { return expression(); }, "the end of the numerator");
    node b = within(den, [&] { return expression(); }, "the end of the denominator");
    return make(node_kind::binary, "/", f.where, {std::move(a), std::move(b)});
  }

  node square_root() {
    const token s = take();
    std::optional<node> degree;
    if (at_symbol("[")) {
      take();
      degree = expression();
      expect_symbol("]", "']' to close the degree of the root");
    }
    node inner = within(group(), [&] { return expression(); }, "the end of the root");
    if (!degree) return make(node_kind::call, "sqrt", s.where, {std::move(inner)});
    return make(node_kind::binary, "^", s.where, {std::move(inner), binary("/", number_node(1, s.where), std::move(*degree))});
  }

  // \sum v, \sum_k body, \sum_{k=1}^{K} body: the body is the product that follows.
  node summation() {
    const token s = take();
    std::optional<span> below, above;
    for (int k = 0; k < 2; ++k) {
      if (at_symbol("_") && !below) {
        take();
        below = group();
      } else if (at_symbol("^") && !above) {
        take();
        above = group();
      }
    }
    if (!below) {
      if (above) throw parse_error(s.where, "\\sum with an upper limit needs an index below it: \\sum_{k=1}^{K}");
      node body = term();
      return make(node_kind::call, "sum", s.where, {std::move(body)});
    }
    // the index and its lower limit
    const token& first = tokens_[below->begin];
    if (first.kind != token_kind::word || !is_index_letter_word(first.text) || first.text.size() > 2)
      throw parse_error(first.where, "expected the index of the sum below it: \\sum_{k} or \\sum_{k=1}^{K}");
    const std::string index = first.text;
    long lower = 1;
    if (below->end > below->begin + 1) {
      const token& eq = tokens_[below->begin + 1];
      if (!(eq.kind == token_kind::symbol && eq.text == "=") || below->end != below->begin + 3 || tokens_[below->begin + 2].kind != token_kind::number ||
          tokens_[below->begin + 2].text.find('.') != std::string::npos || tokens_[below->begin + 2].text.size() > 6)
        throw parse_error(eq.where, "expected \\sum_{" + index + "=1}: an index from a whole number (sums over conditions such as j \\neq i are not read)");
      lower = std::stol(tokens_[below->begin + 2].text);
    }
    std::optional<node> count;
    if (above) {
      node upper = within(*above, [&] { return expression(); }, "the end of the upper limit");
      const auto names = free_names(upper);
      const bool known = std::all_of(names.begin(), names.end(), [&](const std::string& n) { return symbols_.names.count(n) > 0; });
      if (known) {
        count = lower == 1 ? std::move(upper) : binary("+", std::move(upper), number_node(1 - lower, s.where));
      } else if (lower != 1) {
        throw parse_error(tokens_[above->begin].where, "the upper limit of a sum from " + std::to_string(lower) + " must be a symbol of the question or a number");
      }
      // an unknown upper limit from 1 runs over every entry: the length of what the body indexes
    } else if (lower != 1) {
      throw parse_error(s.where, "a sum from " + std::to_string(lower) + " needs its upper limit");
    }
    bound_.push_back({index, lower});
    node body = term();
    bound_.pop_back();
    std::vector<node> children{make(node_kind::name, index, first.where)};
    if (count) children.push_back(std::move(*count));
    children.push_back(std::move(body));
    return make(node_kind::call, "sum", s.where, std::move(children));
  }

  // \delta_{ij}: the Kronecker delta of two indices; \delta with another subscript is a symbol.
  std::optional<node> kronecker_delta() {
    if (!at_symbol("_", 1)) return std::nullopt;
    const std::size_t saved = pos_;
    const token d = take();
    take();
    const span s = group();
    std::vector<std::string> letters;
    for (std::size_t k = s.begin; k < s.end; ++k) {
      const token& t = tokens_[k];
      if (t.kind == token_kind::symbol && t.text == ",") continue;
      if (t.kind != token_kind::word || !is_index_letter_word(t.text)) {
        letters.clear();
        break;
      }
      for (char ch : t.text) letters.emplace_back(1, ch);
    }
    const bool indices = letters.size() == 2 && std::all_of(letters.begin(), letters.end(), [&](const std::string& l) { return is_index(l); });
    if (!indices) {
      pos_ = saved;
      return std::nullopt;
    }
    return make(node_kind::call, "delta", d.where,
                {internal_index(index_value(make(node_kind::name, letters[0], d.where))),
                 internal_index(index_value(make(node_kind::name, letters[1], d.where)))});
  }

  // \mathbb{1}[i = j], \mathbb{1}_{i = j}, \mathbb{1}\{i = j\}: 1 where the condition holds.
  std::optional<node> indicator() {
    if (!(at_symbol("{", 1) && peek(2).kind == token_kind::number && peek(2).text == "1" && at_symbol("}", 3)) &&
        !(peek(1).kind == token_kind::number && peek(1).text == "1"))
      return std::nullopt;
    const std::size_t start = pos_;
    const token one = take();
    group();
    if (!at_symbol("_") && !at_symbol("[") && !at_symbol("(") && !at_command("\\{") && !at_command("\\left")) {
      pos_ = start;  // \mathbf{1} alone: the number
      return std::nullopt;
    }
    node condition;
    if (at_symbol("_")) {
      take();
      condition = within(group(), [&] { return relation(); }, "the end of the condition");
    } else if (at_symbol("[") || at_symbol("(")) {
      const bool square = at_symbol("[");
      take();
      condition = relation();
      expect_symbol(square ? "]" : ")", square ? "']' to close the condition" : "')' to close the condition");
    } else if (at_command("\\{")) {
      take();
      condition = relation();
      if (!at_command("\\}")) fail("\\} to close the condition");
      take();
    } else if (at_command("\\left")) {
      condition = left_right();
    } else {
      fail("the condition of the indicator: \\mathbb{1}[i = j]");
    }
    return make(node_kind::binary, "!=", one.where, {std::move(condition), number_node(0, one.where)});
  }

  // True when the token `ahead` opens the arguments of a call: (, \left( or a prime.
  bool calls_next(std::size_t ahead = 0) const {
    return at_symbol("(", ahead) || (at_command("\\left", ahead) && at_symbol("(", ahead + 1)) || at_symbol("'", ahead);
  }

  // \exp(x), \tanh x, \max(0, x), \sigma(z), \sigma'(z)
  node function_call(const function_info& f) {
    const token t = take();
    std::string name(f.name);
    if (name == "sigmoid" && symbols_.names.count("sigma") && calls_next()) {
      // sigma is both the question's symbol and the sigmoid
      const std::size_t saved = pos_;
      node args = call_arguments(t, 1, 1)[0];
      pos_ = saved;
      throw ambiguous_latex(t.where, "\\sigma is a symbol of the question and the sigmoid",
                            {"sigmoid(" + to_string(args) + ")", "sigma*(" + to_string(args) + ")"});
    }
    int primes = 0;
    while (at_symbol("'")) {
      take();
      ++primes;
    }
    if (at_symbol("^") && !(at_symbol("{", 1) && peek(2).text == "-" && peek(3).text == "1")) {
      // \tanh^2(x) is (tanh x)^2
      take();
      const span power = group();
      node arg = call_arguments(t, f.min_arity, f.max_arity)[0];
      node called = make(node_kind::call, name, t.where, {std::move(arg)});
      return superscript(std::move(called), power, t.where);
    }
    std::vector<node> args = call_arguments(t, f.min_arity, f.max_arity);
    if (primes == 0) return call_of(name, std::move(args), t.where);
    if (primes > 1 || args.size() != 1) throw parse_error(t.where, "only a first derivative of a function of one argument is read: \\sigma'(z)");
    return derivative_of_function(name, std::move(args[0]), t.where);
  }

  // sigma'(z) = sigma(z)(1 - sigma(z)), tanh'(z) = 1 - tanh(z)^2, relu'(z) = [z > 0]
  node derivative_of_function(const std::string& f, node z, position at) {
    const auto call = [&](const std::string& g) { return make(node_kind::call, g, at, {z}); };
    if (f == "sigmoid") return binary("*", call("sigmoid"), binary("-", number_node(1, at), call("sigmoid")));
    if (f == "tanh") return binary("-", number_node(1, at), binary("^", call("tanh"), number_node(2, at)));
    if (f == "relu") return binary(">", z, number_node(0, at));
    if (f == "exp") return call("exp");
    if (f == "log" || f == "ln") return binary("/", number_node(1, at), z);
    throw parse_error(at, "the derivative of " + f + " is not read; write it out");
  }

  // The arguments of a call: (a, b), \left(a, b\right), \{a, b\} or one factor without parentheses.
  std::vector<node> call_arguments(const token& f, std::size_t lo, std::size_t hi) {
    std::vector<node> args;
    const bool paren = at_symbol("("), left = at_command("\\left"), brace = at_command("\\{");
    if (paren || left || brace) {
      take();
      if (left) {
        if (!at_symbol("(") && !at_symbol("[") && !at_command("\\{")) fail("'(' after \\left");
        take();
      }
      args.push_back(expression());
      while (at_symbol(",")) {
        take();
        args.push_back(expression());
      }
      if (left) {
        if (!at_command("\\right")) fail("\\right) to close the arguments of " + f.text);
        take();
        take();
      } else if (brace) {
        if (!at_command("\\}")) fail("\\} to close the arguments of " + f.text);
        take();
      } else {
        expect_symbol(")", "',' or ')' to close the arguments of " + f.text);
      }
    } else if (at_symbol("{")) {
      args.push_back(within(group(), [&] { return expression(); }, "the end of the argument"));
    } else {
      if (!starts_factor()) fail("the argument of " + f.text);
      args.push_back(factor());
      if (starts_factor() && !at_command("\\text")) {
        // \log x y: log(xy) or log(x) y?
        std::vector<node> tail;
        while (starts_factor()) tail.push_back(factor());
        node inside = args[0], outside = make(node_kind::call, std::string(find_latex_function(f.text)->name), f.where, {args[0]});
        for (auto& t : tail) {
          inside = binary("*", std::move(inside), t);
          outside = binary("*", std::move(outside), std::move(t));
        }
        throw ambiguous_latex(f.where, f.text + " without parentheses, followed by a product",
                              {std::string(find_latex_function(f.text)->name) + "(" + to_string(inside) + ")", to_string(outside)});
      }
    }
    if (args.size() < lo || args.size() > hi)
      throw parse_error(f.where, f.text + " takes " + std::to_string(lo) + (lo == hi ? "" : " to " + std::to_string(hi)) + " argument" +
                                     (hi == 1 ? "" : "s") + ", got " + std::to_string(args.size()));
    return args;
  }

  // \text{softmax}(z), \mathrm{ReLU}(x): a function; \text{loss}: a name.
  node word_command() {
    const token t = peek();
    const std::size_t start = pos_;
    take();
    const std::string content = plain_text(group());
    const auto* f = find_latex_function(t.text + "{" + content + "}");
    if (f != nullptr && symbols_.names.count(content) == 0 && calls_next()) return function_call_after(*f, t);
    pos_ = start;
    return atom();
  }

  node function_call_after(const function_info& f, const token& t) {
    std::vector<node> args = call_arguments(t, f.min_arity, f.max_arity);
    return call_of(std::string(f.name), std::move(args), t.where);
  }

  // The call f(args). Softmax of one entry, \text{softmax}(z_j), is the j-th output of softmax(z), as a write-up
  // defines it (Softmax(z_j) = exp(z_j) / sum_i exp(z_i)): softmax of a single number would be 1 whatever it is.
  node call_of(const std::string& f, std::vector<node> args, position at) const {
    if ((f == "softmax" || f == "log_softmax") && args.size() == 1 && args[0].kind == node_kind::index && args[0].children.size() == 2 &&
        args[0].children[0].kind == node_kind::name && symbols_.names.count(args[0].children[0].text) &&
        symbols_.names.at(args[0].children[0].text) == shape::vector) {
      node whole = make(node_kind::call, f, at, {args[0].children[0]});
      return make(node_kind::index, "[]", at, {std::move(whole), args[0].children[1]});
    }
    // softmax(\theta_j^T x), the j-th logit of a linear layer: entry j of softmax(Theta x)
    if ((f == "softmax" || f == "log_softmax") && args.size() == 1 && args[0].kind == node_kind::binary && args[0].text == "*") {
      const node& row = args[0].children[0];
      if (row.kind == node_kind::transpose && row.children[0].kind == node_kind::index && row.children[0].children.size() == 2 &&
          row.children[0].children[0].kind == node_kind::name && symbols_.names.count(row.children[0].children[0].text) &&
          symbols_.names.at(row.children[0].children[0].text) == shape::matrix) {
        node logits = binary("*", row.children[0].children[0], args[0].children[1]);
        node whole = make(node_kind::call, f, at, {std::move(logits)});
        return make(node_kind::index, "[]", at, {std::move(whole), row.children[0].children[1]});
      }
    }
    return make(node_kind::call, f, at, std::move(args));
  }

  // \begin{bmatrix} ... \end{bmatrix} and \begin{cases} ... \end{cases}
  // `in_brace`: the environment stands alone between \left\{ and \right. (an array there is a cases).
  node environment_value(bool in_brace = false) {
    const token b = take();
    const std::string env = plain_text(group());
    if (env == "array") {
      // \begin{array}{ll}: the column layout
      if (!at_symbol("{")) fail("the columns of the array, such as {ll}");
      group();
    }
    const std::size_t body_start = pos_;
    int depth = 1;
    while (!at_end()) {
      if (at_command("\\begin")) ++depth;
      if (at_command("\\end") && --depth == 0) break;
      take();
    }
    if (at_end()) throw parse_error(b.where, "\\begin{" + env + "} is never closed: expected \\end{" + env + "}");
    const span body{body_start, pos_};
    take();
    if (plain_text(group()) != env) throw parse_error(b.where, "\\begin{" + env + "} is closed by another \\end");
    const auto rows = split_rows(body);
    if (env == "bmatrix" || env == "pmatrix" || env == "matrix" || env == "Bmatrix" || env == "smallmatrix")
      return matrix(rows, b.where);
    if (env == "cases") return cases(rows, b.where);
    if (env == "array") return in_brace ? cases(rows, b.where) : matrix(rows, b.where);
    throw parse_error(b.where, "the environment '" + env + "' is not read here; expected bmatrix, pmatrix, array or cases");
  }

  // The rows (split at \\) and cells (split at &) of an environment body, at its top level.
  std::vector<std::vector<span>> split_rows(span body) const {
    std::vector<std::vector<span>> rows(1);
    std::size_t cell_start = body.begin;
    int braces = 0, envs = 0;
    for (std::size_t k = body.begin; k < body.end; ++k) {
      const token& t = tokens_[k];
      if (t.kind == token_kind::symbol && t.text == "{") ++braces;
      if (t.kind == token_kind::symbol && t.text == "}") --braces;
      if (t.kind == token_kind::command && t.text == "\\begin") ++envs;
      if (t.kind == token_kind::command && t.text == "\\end") --envs;
      if (braces != 0 || envs != 0) continue;
      if (t.kind == token_kind::symbol && t.text == "&") {
        rows.back().push_back({cell_start, k});
        cell_start = k + 1;
      } else if (t.kind == token_kind::command && t.text == "\\\\") {
        rows.back().push_back({cell_start, k});
        cell_start = k + 1;
        rows.emplace_back();
      }
    }
    rows.back().push_back({cell_start, body.end});
    // a trailing \\ leaves an empty last row
    if (rows.size() > 1 && rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
  }

  node matrix(const std::vector<std::vector<span>>& rows, position at) {
    std::vector<node> out;
    for (const auto& row : rows) {
      std::vector<node> cells;
      for (const auto& cell : row) {
        if (cell.empty()) throw parse_error(at, "an empty entry in the matrix");
        cells.push_back(within(cell, [&] { return expression(); }, "'&', '\\\\' or the end of the entry"));
      }
      out.push_back(cells.size() == 1 ? std::move(cells[0]) : make(node_kind::list, "[]", at, std::move(cells)));
    }
    const bool column = std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.size() == 1; });
    if (rows.size() == 1 && !column) return make(node_kind::list, "[]", at, {std::move(out[0])});  // one row: a 1 x n matrix
    if (column && rows.size() == 1) return std::move(out[0]);
    return make(node_kind::list, "[]", at, std::move(out));
  }

  // \begin{cases} v1 & \text{if } c1 \\ v2 & \text{otherwise} \end{cases} -> piecewise(c1, v1, v2)
  node cases(const std::vector<std::vector<span>>& rows, position at) {
    std::vector<node> args;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto& row = rows[r];
      if (row.size() != 2) throw parse_error(at, "row " + std::to_string(r + 1) + " of cases needs a value and a condition: v & \\text{if } x > 0");
      // `y_i(1 - y_i), & \text{if } i = j, \\`: the punctuation of the sentence closes the value and the condition
      node value = within(without_closing_punctuation(row[0]), [&] { return expression(); }, "'&' after the value");
      span condition = without_closing_punctuation(row[1]);
      const std::string text = plain_text(condition);
      std::string words_only;
      for (char ch : text)
        if (!std::isspace(static_cast<unsigned char>(ch)) && ch != ',' && ch != '.') words_only += ch;
      if (words_only == "otherwise" || words_only == "else" || words_only.empty()) {
        if (r + 1 != rows.size()) throw parse_error(at, "'otherwise' must be the last row of cases");
        args.push_back(std::move(value));
        return make(node_kind::call, "piecewise", at, std::move(args));
      }
      // drop a leading "if", "for", "when" (as \text or as a word) and a leading comma
      while (!condition.empty()) {
        const token& t = tokens_[condition.begin];
        if (t.kind == token_kind::symbol && t.text == ",") {
          ++condition.begin;
        } else if (t.kind == token_kind::word && (t.text == "if" || t.text == "for" || t.text == "when")) {
          ++condition.begin;
        } else if (t.kind == token_kind::command && in(t.text, words)) {
          const std::size_t saved = pos_;
          pos_ = condition.begin + 1;
          const std::size_t saved_limit = limit_;
          limit_ = condition.end;
          const span g = group();
          const std::size_t after = pos_;
          pos_ = saved;
          limit_ = saved_limit;
          std::string w = plain_text(g);
          w.erase(std::remove_if(w.begin(), w.end(), [](char ch) { return std::isspace(static_cast<unsigned char>(ch)) || ch == ','; }), w.end());
          if (w != "if" && w != "for" && w != "when") break;
          condition.begin = after;
        } else {
          break;
        }
      }
      args.push_back(within(condition, [&] { return relation(); }, "the end of the condition"));
      args.push_back(std::move(value));
    }
    // every row has a condition: the last row's value stands where none of the others holds
    node last = std::move(args.back());
    args.pop_back();
    args.pop_back();
    args.push_back(std::move(last));
    if (args.size() == 1) return std::move(args[0]);
    return make(node_kind::call, "piecewise", at, std::move(args));
  }

  // ---- symbols ----
  bool is_index(const std::string& name) const {
    return symbols_.indices.count(name) > 0 || positions_.count(name) > 0 ||
           std::any_of(bound_.begin(), bound_.end(), [&](const bound_index& b) { return b.name == name; });
  }
  long offset_of(const std::string& name) const {
    for (auto b = bound_.rbegin(); b != bound_.rend(); ++b)
      if (b->name == name) return b->offset;
    return 1;
  }

  // The tree's value of an index as LaTeX writes it: i is i + 1 (mathematics counts from 1).
  node index_value(node n) const {
    if (n.kind == node_kind::name && is_index(n.text)) {
      const long off = offset_of(n.text);
      return off == 0 ? n : binary("+", std::move(n), number_node(off, n.where));
    }
    for (auto& c : n.children) c = index_value(std::move(c));
    return n;
  }

  // Returns index + c as a name and a constant when it is one: i + 1 -> {i, 1}; 3 -> {"", 3}.
  std::optional<std::pair<std::string, long>> linear(const node& n) const {
    if (n.kind == node_kind::number) {
      if (n.literal.exponent < 0 || n.literal.digits.size() > 9) return std::nullopt;
      long v = std::stol(n.literal.digits);
      for (int e = 0; e < n.literal.exponent; ++e) v *= 10;
      return std::pair<std::string, long>{"", n.literal.negative ? -v : v};
    }
    if (n.kind == node_kind::name && is_index(n.text)) return std::pair<std::string, long>{n.text, 0};  // the tree's own index
    if (n.kind == node_kind::binary && (n.text == "+" || n.text == "-")) {
      const auto a = linear(n.children[0]), b = linear(n.children[1]);
      if (!a || !b || (!a->first.empty() && !b->first.empty()) || (n.text == "-" && !b->first.empty())) return std::nullopt;
      return std::pair<std::string, long>{a->first.empty() ? b->first : a->first, n.text == "+" ? a->second + b->second : a->second - b->second};
    }
    return std::nullopt;
  }

  // The 0-based position of an index LaTeX writes 1-based: y_1 -> 0, y_i -> i, y_{i+1} -> i + 1.
  // `written` has its indices as values already (i + 1 for i).
  node internal_index(const node& written) const {
    if (const auto l = linear(written)) {
      const long c = l->second - 1;
      if (l->first.empty()) {
        if (c < 0) throw parse_error(written.where, "index " + std::to_string(c + 1) + ": LaTeX entries count from 1");
        return number_node(c, written.where);
      }
      node v = make(node_kind::name, l->first, written.where);
      if (c == 0) return v;
      return c > 0 ? binary("+", std::move(v), number_node(c, written.where)) : binary("-", std::move(v), number_node(-c, written.where));
    }
    return binary("-", written, number_node(1, written.where));
  }

  base_symbol base() {
    const token t = take();
    base_symbol b;
    b.where = t.where;
    if (t.kind == token_kind::word) {
      b.key = b.plain = t.text;
      return b;
    }
    if (t.kind != token_kind::command) throw parse_error(t.where, "expected a symbol, found '" + t.text + "'");
    if (in(t.text, accents) || in(t.text, fonts) || in(t.text, words)) {
      const span inner = group();
      const std::string content = plain_text(inner);
      b.key = t.text + "{" + canonical(inner) + "}";
      if (in(t.text, accents)) {
        b.letter = content;
        b.accent = t.text == "\\widehat" ? "hat" : t.text == "\\widetilde" ? "tilde" : t.text == "\\overline" ? "bar" : t.text.substr(1);
        b.plain = content + b.accent;
      } else {
        b.plain = content;
        b.plain.erase(std::remove_if(b.plain.begin(), b.plain.end(), [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); }),
                      b.plain.end());
      }
      return b;
    }
    if (in(t.text.substr(1), greek)) {
      b.key = t.text;
      b.plain = t.text.substr(1);
      return b;
    }
    throw parse_error(t.where, "unknown command '" + t.text + "'");
  }

  struct script_parts {
    std::optional<span> sub, sup;
    int primes = 0;
  };

  script_parts scripts() {
    script_parts s;
    for (;;) {
      if (at_symbol("_")) {
        if (s.sub) fail("one subscript (write x_{ab} for a subscript of several characters)");
        const token mark = take();
        s.sub = group();
        if (s.sub->empty()) throw parse_error(mark.where, "an empty subscript");
      } else if (at_symbol("^") && !s.sup) {
        const token mark = take();
        s.sup = group();
        if (s.sup->empty()) throw parse_error(mark.where, "an empty superscript");
      } else if (at_symbol("'") && !s.sup && !s.sub) {
        break;  // a prime is a transpose, read after the symbol
      } else {
        return s;
      }
    }
    return s;
  }

  std::string key_of(const base_symbol& b, const std::optional<span>& sub, const std::optional<span>& sup) const {
    std::string key = b.key;
    if (sub) key += "_{" + canonical(*sub) + "}";
    if (sup) key += "^{" + canonical(*sup) + "}";
    return key;
  }

  // The names a symbol with subscript `sub` may stand for, most likely first: w_5 -> w5, w_5;
  // w_{5,\text{new}} -> w5_new; \hat{o}_1 -> ohat1, o1hat.
  std::vector<std::string> candidates(const base_symbol& b, const std::string& sub) const {
    if (sub.empty()) return {b.plain};
    std::vector<std::string> parts;
    std::string cur;
    for (char ch : sub) {
      if (ch == ',') {
        parts.push_back(cur);
        cur.clear();
      } else if (!std::isspace(static_cast<unsigned char>(ch))) {
        cur += ch;
      }
    }
    parts.push_back(cur);
    std::string rest;
    for (std::size_t k = 1; k < parts.size(); ++k) rest += "_" + parts[k];
    std::vector<std::string> out{b.plain + parts[0] + rest, b.plain + "_" + parts[0] + rest};
    if (!b.letter.empty()) out.push_back(b.letter + parts[0] + b.accent + rest);
    return out;
  }

  // The label a superscript may be: new in w^{new}, w^{\text{new}}, w^{(new)}.
  static bool is_new_label(const std::string& plain) { return plain == "new" || plain == "(new)" || plain == "+"; }

  std::optional<std::string> declared(const std::vector<std::string>& names) const {
    for (const auto& n : names)
      if (symbols_.names.count(n)) return n;
    return std::nullopt;
  }

  // A symbol with its scripts: a name, an entry of a vector (y_i, x^{(i)}), a power, a transpose.
  node atom() {
    const base_symbol b = base();
    if (!b.plain.empty() && std::all_of(b.plain.begin(), b.plain.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      return single_token_value({token_kind::number, "", b.where, false}, b.plain);  // \mathbf{0}, \mathbf{1}: the number
    script_parts s = scripts();
    return resolve(b, s);
  }

  node resolve(const base_symbol& b, script_parts s) {
    // 1. spellings the case declares
    const auto spelled = [&](const std::optional<span>& sub, const std::optional<span>& sup) -> const std::string* {
      const auto it = symbols_.spellings.find(key_of(b, sub, sup));
      return it == symbols_.spellings.end() ? nullptr : &it->second;
    };
    std::optional<node> n;
    bool sub_used = false, sup_used = false;
    if (const auto* name = spelled(s.sub, s.sup); name != nullptr && (s.sub || s.sup)) {
      n = make(node_kind::name, *name, b.where);
      sub_used = sup_used = true;
    } else if (const auto* name2 = spelled(s.sub, std::nullopt); name2 != nullptr && s.sub) {
      n = make(node_kind::name, *name2, b.where);
      sub_used = true;
    } else if (const auto* name4 = spelled(std::nullopt, s.sup); name4 != nullptr && s.sup && s.sub) {
      // z_i^{[2]} with z^{[2]} declared: entry i of it
      n = make(node_kind::name, *name4, b.where);
      sup_used = true;
    } else if (const auto* name3 = spelled(std::nullopt, std::nullopt); name3 != nullptr) {
      n = make(node_kind::name, *name3, b.where);
    }
    const std::string sub_plain = s.sub ? plain_text(*s.sub) : "";
    const std::string sup_plain = s.sup ? plain_text(*s.sup) : "";
    // 2. names: w_5 is w5, w_5^{new} is w5_new
    if (!n) {
      const auto names = candidates(b, sub_plain);
      std::vector<std::string> with_new;
      if (s.sup && is_new_label(sup_plain))
        for (const auto& c : names) with_new.push_back(c + "_new");
      if (const auto found = declared(with_new)) {
        n = make(node_kind::name, *found, b.where);
        sub_used = sup_used = true;
      } else if (s.sub) {
        const auto found_name = declared(names);
        const bool vector_base = symbols_.names.count(b.plain) && symbols_.names.at(b.plain) != shape::scalar;
        if (found_name && vector_base && sub_is_index(*s.sub))
          throw ambiguous_latex(b.where, b.plain + " is a vector and " + *found_name + " a symbol of the question",
                                {*found_name, to_string(indexed(make(node_kind::name, b.plain, b.where), *s.sub))});
        if (found_name) {
          n = make(node_kind::name, *found_name, b.where);
          sub_used = true;
        } else if (vector_base) {
          n = indexed(make(node_kind::name, b.plain, b.where), *s.sub);
          sub_used = true;
        } else if (s.sup && is_new_label(sup_plain)) {
          n = make(node_kind::name, with_new.front(), b.where);
          sub_used = sup_used = true;
        } else {
          n = make(node_kind::name, names.front(), b.where);  // not a symbol of the question: said when it is evaluated
          sub_used = true;
        }
      } else if (s.sup && is_new_label(sup_plain)) {
        n = make(node_kind::name, with_new.front(), b.where);
        sup_used = true;
      } else if (b.plain == "e" && !symbols_.names.count("e")) {
        // Euler's number; e^{x} is exp(x)
        if (s.sup) {
          node x = within(*s.sup, [&] { return expression(); }, "the end of the exponent");
          n = make(node_kind::call, "exp", b.where, {std::move(x)});
          sup_used = true;
        } else {
          n = make(node_kind::call, "exp", b.where, {number_node(1, b.where)});
        }
      } else if (is_index(b.plain)) {
        n = index_value(make(node_kind::name, b.plain, b.where));
      } else {
        n = make(node_kind::name, b.plain, b.where);
      }
    }
    if (!sub_used && s.sub) {
      if (n->kind == node_kind::name && symbols_.names.count(n->text) && symbols_.names.at(n->text) != shape::scalar) {
        n = indexed(std::move(*n), *s.sub);
      } else {
        throw parse_error(b.where, "cannot read the subscript of " + key_of(b, s.sub, std::nullopt) + ": it is not a symbol of the question");
      }
    }
    if (n->kind == node_kind::name && !is_identifier(n->text))
      throw parse_error(b.where, "cannot read " + key_of(b, s.sub, std::nullopt) + " as a name: a name is letters, digits and _");
    if (!sup_used && s.sup) {
      // x^{(i)}: entry i, as CS229 writes examples
      const span sup = *s.sup;
      const bool parenthesised = sup.end >= sup.begin + 3 && tokens_[sup.begin].text == "(" && tokens_[sup.end - 1].text == ")";
      if (parenthesised && n->kind == node_kind::name && symbols_.names.count(n->text) && symbols_.names.at(n->text) != shape::scalar &&
          sub_is_index({sup.begin + 1, sup.end - 1})) {
        n = indexed(std::move(*n), {sup.begin + 1, sup.end - 1});
      } else if (parenthesised) {
        // theta^{(0)}, W^{(l)}: an iteration or a layer, not a power (and no entry of a vector)
        throw parse_error(b.where, "cannot read " + key_of(b, s.sub, s.sup) + ": a label in parentheses needs a spelling declared by the case");
      } else {
        if (b.plain == "e" && symbols_.names.count("e")) {
          node x = within(sup, [&] { return expression(); }, "the end of the exponent");
          throw ambiguous_latex(b.where, "e is a symbol of the question", {"e^(" + to_string(x) + ")", "exp(" + to_string(x) + ")"});
        }
        n = superscript(std::move(*n), sup, b.where);
      }
    }
    if (n->kind == node_kind::name && !is_identifier(n->text))
      throw parse_error(b.where, "cannot read " + key_of(b, s.sub, s.sup) + " as a name: a name is letters, digits and _");
    return *n;
  }

  static bool is_identifier(const std::string& name) {
    return !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) &&
           std::all_of(name.begin(), name.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; });
  }

  // True when the tokens of s read as index positions: 1, i, ij, i+1, i,j.
  bool sub_is_index(span s) const {
    if (s.empty()) return false;
    for (std::size_t k = s.begin; k < s.end; ++k) {
      const token& t = tokens_[k];
      if (t.kind == token_kind::number) continue;
      if (t.kind == token_kind::symbol && (t.text == "," || t.text == "+" || t.text == "-" || t.text == "{" || t.text == "}")) continue;
      if (t.kind == token_kind::word && std::all_of(t.text.begin(), t.text.end(), [&](char ch) { return is_index(std::string(1, ch)); })) continue;
      return false;
    }
    return true;
  }

  // v indexed by the positions written in s (1-based): y_i, W_{ij}, W_{i,j}, W_{12}.
  node indexed(node v, span s) {
    node once = indexed_once(v, s);
    std::set<std::string> unsure;
    for (std::size_t k = 1; k < once.children.size(); ++k) unsure_positions(once.children[k], unsure);
    if (unsure.empty()) return once;
    // y_k for a symbol k of the question that is neither an index nor a size: the k-th entry counted from 1, as
    // LaTeX counts (k a number), or the entry at k as the question numbers its entries (k a position, as a label's
    // class is). The question does not say which k is.
    node as_position = with_positions(unsure, [&] { return indexed_once(v, s); });
    throw ambiguous_latex(v.where, names_list(unsure) + " in a subscript: a number counted from 1, or a position as the question numbers it",
                          {to_string(once), to_string(as_position)});
  }

  // The scalar symbols in `n` that are neither indices nor the size of one: their role as a position is unknown.
  void unsure_positions(const node& n, std::set<std::string>& out) const {
    if (n.kind == node_kind::name && !is_index(n.text) && symbols_.names.count(n.text) && symbols_.names.at(n.text) == shape::scalar &&
        std::none_of(symbols_.indices.begin(), symbols_.indices.end(), [&](const auto& index) { return index.second == n.text; }))
      out.insert(n.text);
    for (const auto& c : n.children) unsure_positions(c, out);
  }

  // True when `n` holds an index of the question or of a sum.
  bool holds_index(const node& n) const {
    if (n.kind == node_kind::name && is_index(n.text)) return true;
    return std::any_of(n.children.begin(), n.children.end(), [&](const node& c) { return holds_index(c); });
  }

  // f() read with the symbols in `names` taken as positions, counted from 1 like an index.
  template <class F>
  node with_positions(const std::set<std::string>& names, F f) {
    const auto saved_positions = positions_;
    const std::size_t saved_pos = pos_, saved_limit = limit_;
    positions_.insert(names.begin(), names.end());
    node n = f();
    positions_ = saved_positions;
    pos_ = saved_pos;
    limit_ = saved_limit;
    return n;
  }

  static std::string names_list(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  node indexed_once(node v, span s) {
    std::vector<node> positions;
    const bool matrix_base = symbols_.names.count(v.text) && symbols_.names.at(v.text) == shape::matrix;
    const bool one_word = s.end == s.begin + 1 && tokens_[s.begin].kind == token_kind::word;
    if (one_word && tokens_[s.begin].text.size() == 2 && matrix_base) {
      const token& t = tokens_[s.begin];
      positions.push_back(internal_index(index_value(make(node_kind::name, t.text.substr(0, 1), t.where))));
      positions.push_back(internal_index(index_value(make(node_kind::name, t.text.substr(1, 1), t.where))));
    } else if (s.end == s.begin + 1 && tokens_[s.begin].kind == token_kind::number && tokens_[s.begin].text.size() == 2 && matrix_base) {
      const token& t = tokens_[s.begin];
      positions.push_back(internal_index(single_token_value(t, t.text.substr(0, 1))));
      positions.push_back(internal_index(single_token_value(t, t.text.substr(1, 1))));
    } else {
      std::size_t start = s.begin;
      for (std::size_t k = s.begin; k <= s.end; ++k) {
        if (k == s.end || (tokens_[k].kind == token_kind::symbol && tokens_[k].text == ",")) {
          node written = within({start, k}, [&] { return expression(); }, "',' or the end of the index");
          positions.push_back(internal_index(written));
          start = k + 1;
        }
      }
    }
    std::vector<node> children{std::move(v)};
    for (auto& p : positions) children.push_back(std::move(p));
    const position at = children[0].where;
    return make(node_kind::index, "[]", at, std::move(children));
  }

  // The one declared name that is `w` but for the case of its letters (words of two letters or more).
  std::optional<std::string> declared_ignoring_case(const std::string& w) const {
    if (w.size() < 2) return std::nullopt;
    const auto lower = [](std::string x) {
      for (auto& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return x;
    };
    std::optional<std::string> found;
    for (const auto& [name, kind] : symbols_.names)
      if (name.size() == w.size() && lower(name) == lower(w)) {
        if (found) return std::nullopt;
        found = name;
      }
    return found;
  }

  // A word is read through the question's symbols, longest declared name first: xy is x*y unless xy is declared.
  node word() {
    const token t = take();
    const std::string& w = t.text;
    std::vector<node> factors;
    std::size_t p = 0;
    // dL/dw_5 and \frac{dL}{dw_5} are derivatives unless d is a symbol
    if (w.size() > 1 && w[0] == 'd' && !symbols_.names.count(w) && !symbols_.names.count("d") && at_symbol("/") &&
        peek(1).kind == token_kind::word && peek(1).text.size() > 1 && peek(1).text[0] == 'd') {
      const std::size_t saved = pos_;
      pos_ -= 1;
      const designation d = slash_derivative();
      (void)saved;
      return designation_node(d, t.where);
    }
    if (w.size() > 1 && (at_symbol("_") || at_symbol("^"))) {
      // zh_2, declared as a spelling: the whole word is the symbol, not z times h_2
      const std::size_t saved = pos_;
      base_symbol whole;
      whole.key = whole.plain = w;
      whole.where = t.where;
      script_parts s = scripts();
      if (symbols_.spellings.count(key_of(whole, s.sub, s.sup)) || (s.sub && symbols_.spellings.count(key_of(whole, s.sub, std::nullopt))))
        return resolve(whole, s);
      pos_ = saved;
    }
    if (const auto same = declared_ignoring_case(w); same && !symbols_.names.count(w) && !at_symbol("_") && !at_symbol("^")) {
      // Loss for loss: a whole word that is a declared name but for its case, and only one
      return make(node_kind::name, *same, t.where);
    }
    while (p < w.size()) {
      position at{t.where.line, t.where.column + static_cast<int>(p)};
      const std::string rest = w.substr(p);
      if (p == 0 && find_function(rest) && calls_next() && !symbols_.names.count(rest)) {
        factors.push_back(function_call_after(*find_function(rest), t));
        p = w.size();
        break;
      }
      std::size_t best = 0;
      for (std::size_t len = rest.size(); len >= 1 && best == 0; --len)
        if (symbols_.names.count(rest.substr(0, len)) || is_index(rest.substr(0, len))) best = len;
      if (best == 0 && std::isdigit(static_cast<unsigned char>(rest[0]))) {
        std::size_t len = 0;
        while (len < rest.size() && std::isdigit(static_cast<unsigned char>(rest[len]))) ++len;
        factors.push_back(single_token_value({token_kind::number, "", at, false}, rest.substr(0, len)));
        p += len;
        continue;
      }
      if (best == 0) best = 1;
      const std::string name = rest.substr(0, best);
      p += best;
      if (p == w.size()) {
        // the last symbol of the word takes the scripts that follow
        base_symbol b;
        b.key = b.plain = name;
        b.where = at;
        if (w.size() > best) b.key = name;
        script_parts s = scripts();
        factors.push_back(resolve(b, s));
      } else if (is_index(name)) {
        factors.push_back(index_value(make(node_kind::name, name, at)));
      } else if (name == "e" && !symbols_.names.count("e")) {
        factors.push_back(make(node_kind::call, "exp", at, {number_node(1, at)}));
      } else {
        factors.push_back(make(node_kind::name, name, at));
      }
    }
    node out = std::move(factors[0]);
    for (std::size_t k = 1; k < factors.size(); ++k) out = binary("*", std::move(out), std::move(factors[k]));
    return out;
  }

  // ---- derivatives ----
  struct derivative_parts_t {
    designation of;             // the numerator's symbol (L)
    designation with_respect_to;
    std::string operand;        // empty for an operator \frac{d}{dz}
  };

  // The numerator and denominator of \frac as a derivative: \partial X / \partial Y or dX / dY.
  std::optional<derivative_parts_t> derivative_parts(span num, span den) {
    const auto differential = [&](span s) -> std::optional<span> {
      if (s.empty()) return std::nullopt;
      const token& t = tokens_[s.begin];
      if (t.kind == token_kind::command && t.text == "\\partial") return span{s.begin + 1, s.end};
      if (t.kind == token_kind::command && (t.text == "\\mathrm" || t.text == "\\text") && s.end >= s.begin + 2 && tokens_[s.begin + 1].text == "d")
        return span{s.begin + 2, s.end};
      if (t.kind == token_kind::command && (t.text == "\\mathrm" || t.text == "\\text") && s.end >= s.begin + 4 && tokens_[s.begin + 1].text == "{" &&
          tokens_[s.begin + 2].text == "d" && tokens_[s.begin + 3].text == "}")
        return span{s.begin + 4, s.end};
      if (t.kind == token_kind::word && t.text[0] == 'd' && !symbols_.names.count("d") && !symbols_.names.count(t.text)) return span{s.begin, s.end};
      return std::nullopt;
    };
    const auto n = differential(num), d = differential(den);
    if (!n || !d) return std::nullopt;
    derivative_parts_t out;
    out.with_respect_to = differential_symbol(*d, den);
    if (n->empty() || (n->end == n->begin + 1 && tokens_[n->begin].kind == token_kind::word && tokens_[n->begin].text == "d")) {
      out.operand.clear();  // \frac{\partial}{\partial z} or \frac{d}{dz}
      return out;
    }
    out.of = differential_symbol(*n, num);
    out.operand = out.of.name;
    return out;
  }

  // The symbol after a differential: \partial w_5 -> w5; dw_5 (a word starting with d) -> w5.
  designation differential_symbol(span s, span whole) {
    const bool word_d = tokens_[s.begin].kind == token_kind::word && tokens_[s.begin].text[0] == 'd' && s.begin == whole.begin;
    if (word_d) {
      // dL is d then L: read the rest of the word as the symbol
      token rest = tokens_[s.begin];
      rest.text = rest.text.substr(1);
      if (rest.text.empty()) return within({s.begin + 1, s.end}, [&] { return designation_here(); }, "one symbol after d");
      std::vector<token> copy(tokens_.begin() + static_cast<long>(s.begin), tokens_.begin() + static_cast<long>(s.end));
      copy[0] = rest;
      copy.push_back({token_kind::end, "", rest.where, false});
      parser sub(std::move(copy), symbols_);
      sub.bound_ = bound_;
      return sub.parse_name();
    }
    return within(s, [&] { return designation_here(); }, "one symbol after the differential");
  }

  // dL/dw_5 and \partial L / \partial w_5 written on one line
  designation slash_derivative() {
    const std::size_t start = pos_;
    // numerator: up to the '/'
    std::size_t slash = start;
    while (slash < limit_ && !(tokens_[slash].kind == token_kind::symbol && tokens_[slash].text == "/")) ++slash;
    std::size_t end = slash + 1;
    // denominator: the differential and one symbol with its scripts
    if (end < limit_ && tokens_[end].kind == token_kind::command && tokens_[end].text == "\\partial") ++end;
    if (end < limit_) ++end;
    while (end + 1 < limit_ && tokens_[end].kind == token_kind::symbol && (tokens_[end].text == "_" || tokens_[end].text == "^")) {
      pos_ = end + 1;
      group();
      end = pos_;
    }
    const auto parts = derivative_parts({start, slash}, {slash + 1, end});
    if (!parts || parts->operand.empty()) throw parse_error(tokens_[start].where, "expected a derivative such as dL/dw_5");
    pos_ = end;
    return derivative_designation(*parts);
  }

  node derivative_name_value() {
    const token t = peek();
    const designation d = slash_derivative();
    return designation_node(d, t.where);
  }

  // dL_dw5 from L and w5: the loss may be written L, \mathcal{L}, E, J, C or Loss.
  designation derivative_designation(const derivative_parts_t& parts) {
    designation out;
    const std::string& of = parts.of.name;
    const std::string& by = parts.with_respect_to.name;
    std::vector<std::string> names{"d" + of + "_d" + by};
    static const std::string_view losses[] = {"L", "E", "J", "C", "Loss", "loss", "ell", "l", "Error", "Cost"};
    if (in(of, losses)) names.push_back("dL_d" + by);
    out.entry = parts.with_respect_to.entry;
    if (const auto found = declared(names)) {
      out.name = *found;
      out.declared = true;
    } else if (const auto same = declared_ignoring_case_of(of, by)) {
      // \frac{\partial c}{\partial z} where only dC_dz is declared: the one name it is but for the case of c
      out.name = *same;
      out.declared = true;
    } else {
      out.name = names.back();
    }
    return out;
  }

  // The one declared d<X>_d<by> where X is `of` but for the case of its letters.
  std::optional<std::string> declared_ignoring_case_of(const std::string& of, const std::string& by) const {
    const auto lower = [](std::string x) {
      for (auto& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return x;
    };
    const std::string tail = "_d" + by;
    std::optional<std::string> found;
    for (const auto& [name, kind] : symbols_.names) {
      if (name.size() != 1 + of.size() + tail.size() || name[0] != 'd' || name.compare(1 + of.size(), tail.size(), tail) != 0) continue;
      if (lower(name.substr(1, of.size())) != lower(of)) continue;
      if (found) return std::nullopt;
      found = name;
    }
    return found;
  }

  node designation_node(const designation& d, position at) const {
    node n = make(node_kind::name, d.name, at);
    if (d.entry.empty()) return n;
    std::vector<node> children{std::move(n)};
    for (const auto& e : d.entry) children.push_back(e);
    return make(node_kind::index, "[]", at, std::move(children));
  }

  // The name of the derivative of the function applied next, f(x) (f'(x) when `primed`), with respect to `by`
  // (for a prime, the argument): d<f>_d<x>, where f is the function's name or its spelling (dsigmoid_dz for
  // \sigma'(z), delu_dx for \frac{d}{dx}\text{ELU}(x)). Only a declared name: none, else.
  std::optional<designation> function_derivative_name(const std::string& by, bool primed) {
    if (peek().kind != token_kind::command) return std::nullopt;
    const token f = take();
    std::vector<std::string> spellings;
    const auto lower = [](std::string x) {
      for (auto& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return x;
    };
    if (in(f.text, words)) {
      if (!at_symbol("{")) return std::nullopt;
      const std::string content = plain_text(group());
      if (const auto* fn = find_latex_function(f.text + "{" + content + "}")) spellings.emplace_back(fn->name);
      spellings.push_back(content);
      spellings.push_back(lower(content));
    } else if (const auto* fn = find_latex_function(f.text)) {
      spellings.emplace_back(fn->name);
      spellings.push_back(f.text.substr(1));
    } else {
      return std::nullopt;
    }
    if (primed) {
      if (!at_symbol("'")) return std::nullopt;
      take();
    }
    if (!at_symbol("(")) return std::nullopt;
    take();
    if (at_end() || (peek().kind != token_kind::word && peek().kind != token_kind::command)) return std::nullopt;
    const designation arg = designation_here();
    if (!at_symbol(")") || !arg.entry.empty()) return std::nullopt;
    take();
    const std::string x = primed ? arg.name : by;
    if (x != arg.name) return std::nullopt;  // d/dx of f(z): not the derivative of f
    for (const auto& name : spellings)
      if (symbols_.names.count("d" + name + "_d" + x)) return designation{"d" + name + "_d" + x, {}, true};
    return std::nullopt;
  }

  // What one symbol with its scripts names: a quantity, or an entry of one.
  designation designation_here() {
    if (at_command("\\frac") || at_command("\\dfrac") || at_command("\\tfrac")) {
      const token f = take();
      const span num = group(), den = group();
      const auto parts = derivative_parts(num, den);
      if (parts && parts->operand.empty() && parts->with_respect_to.entry.empty()) {
        // \frac{d}{dx}\text{ELU}(x): the derivative of a function, named d<function>_d<x>
        if (auto d = function_derivative_name(parts->with_respect_to.name, false)) return std::move(*d);
      }
      if (!parts || parts->operand.empty()) throw parse_error(f.where, "expected a name, such as \\frac{\\partial L}{\\partial w_5}");
      return derivative_designation(*parts);
    }
    if (peek().kind == token_kind::word && at_symbol("'", 1) && at_symbol("(", 2)) {
      // C'(a): the derivative of C as a function of a, named dC_da
      const token f = take();
      take();
      take();
      const std::size_t arg_at = pos_;
      if (peek().kind == token_kind::word || peek().kind == token_kind::command) {
        const designation arg = designation_here();
        const std::string name = "d" + f.text + "_d" + arg.name;
        if (arg.entry.empty() && at_symbol(")") && symbols_.names.count(name)) {
          take();
          return designation{name, {}, true};
        }
      }
      pos_ = arg_at;
      throw parse_error(f.where, "expected a name, such as C'(a) for the derivative dC_da");
    }
    if (peek().kind == token_kind::command && (find_latex_function(peek().text) != nullptr || in(peek().text, words))) {
      // \sigma'(z), \tanh'(z), \mathrm{ReLU}'(z): the derivative of a function, named d<function>_d<z>
      const std::size_t saved = pos_;
      if (auto d = function_derivative_name("", true)) return std::move(*d);
      pos_ = saved;
    }
    if (at_command("\\partial") || (peek().kind == token_kind::word && peek().text.size() > 1 && peek().text[0] == 'd' && at_symbol("/", 1)))
      return slash_derivative();
    if (peek().kind != token_kind::word && peek().kind != token_kind::command) fail("a name");
    node n = peek().kind == token_kind::word ? word() : atom();
    designation d;
    if (n.kind == node_kind::index && n.children[0].kind == node_kind::name) {
      d.name = n.children[0].text;
      d.entry.assign(n.children.begin() + 1, n.children.end());
    } else if (n.kind == node_kind::name) {
      d.name = n.text;
    } else {
      throw parse_error(n.where, "expected a name, found the formula " + to_string(n));
    }
    d.declared = symbols_.names.count(d.name) > 0;
    return d;
  }

  std::vector<token> tokens_;
  const latex_symbols& symbols_;
  std::size_t pos_ = 0;
  std::size_t limit_ = 0;
  mutable token end_;
  int depth_ = 0;
  int abs_depth_ = 0;
  int norm_depth_ = 0;
  std::vector<bound_index> bound_;
  std::set<std::string> positions_;  // symbols read as positions, for the second reading of y_k
};

// True when the backslash at `k` starts a command (it is not the second of `\\`).
bool command_at(std::string_view s, std::size_t k) {
  std::size_t run = 0;
  while (k >= run + 1 && s[k - run - 1] == '\\') ++run;
  return run % 2 == 0;
}

// `16`, `1.3`, `2a`, `A.1`: an equation number, a short word of letters, digits and `.` with a digit in it.
bool is_tag_text(std::string_view t) {
  if (t.empty() || t.size() > 16 || !std::isalnum(static_cast<unsigned char>(t.front()))) return false;
  bool digit = false;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '\'' && c != '*' && c != ':') return false;
  }
  return digit;
}

// The text with an equation number at its very end blanked (columns kept): `\quad (16)`, `\qquad(1.3)`,
// `\tag{16}`, `\tag*{A.1}`. The number labels the display a student copied; it is no factor of the answer.
std::string without_trailing_tag(std::string_view text) {
  std::string out(text);
  std::size_t e = out.size();
  while (e > 0 && std::isspace(static_cast<unsigned char>(out[e - 1]))) --e;
  const auto blank = [&](std::size_t from) {
    for (std::size_t k = from; k < e; ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  if (e > 0 && out[e - 1] == '}') {
    // \tag{..} or \tag*{..}
    const std::size_t open = out.rfind('{', e - 1);
    if (open == std::string::npos || out.find_first_of("{}", open + 1) != e - 1) return out;
    std::size_t name_end = open;
    if (name_end > 0 && out[name_end - 1] == '*') --name_end;
    if (name_end >= 4 && out.compare(name_end - 4, 4, "\\tag") == 0 && command_at(out, name_end - 4)) blank(name_end - 4);
    return out;
  }
  if (e == 0 || out[e - 1] != ')') return out;
  const std::size_t open = out.rfind('(', e - 1);
  if (open == std::string::npos || !is_tag_text(std::string_view(out).substr(open + 1, e - 2 - open))) return out;
  // one or more \quad or \qquad (spaces and ~ between) before the parenthesis
  std::size_t begin = open;
  for (;;) {
    std::size_t q = begin;
    while (q > 0 && (std::isspace(static_cast<unsigned char>(out[q - 1])) || out[q - 1] == '~')) --q;
    std::size_t start = q;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(out[start - 1]))) --start;
    const std::string_view name = std::string_view(out).substr(start, q - start);
    if (start > 0 && out[start - 1] == '\\' && command_at(out, start - 1) && (name == "quad" || name == "qquad")) {
      begin = start - 1;
      continue;
    }
    break;
  }
  if (begin != open) blank(begin);
  return out;
}

}  // namespace

ambiguous_latex::ambiguous_latex(position at, const std::string& why, std::vector<std::string> r)
    : parse_error(at, [&] {
        std::string text = "ambiguous (" + why + "): it reads as";
        for (std::size_t k = 0; k < r.size(); ++k) text += (k == 0 ? " " : " or as ") + r[k];
        return text;
      }()),
      readings(std::move(r)) {}

void latex_symbols::spell(std::string_view latex, const std::string& name) {
  parser p(latex::tokenize(latex, {}), *this);
  spellings[p.atom_key_whole()] = name;
}

node parse_latex(std::string_view text, const latex_symbols& symbols, position origin) {
  return parser(latex::tokenize(without_trailing_tag(text), origin), symbols).parse_whole();
}

designation parse_latex_name(std::string_view text, const latex_symbols& symbols, position origin) {
  return parser(latex::tokenize(text, origin), symbols).parse_name();
}

bool looks_like_latex(std::string_view text) {
  return text.find('\\') != std::string_view::npos || text.find("_{") != std::string_view::npos ||
         text.find("^{") != std::string_view::npos;
}

}  // namespace gradecheck::expr
