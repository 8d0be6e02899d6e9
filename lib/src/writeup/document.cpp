#include "gradecheck/writeup/document.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <string_view>
#include <utility>

namespace gradecheck::writeup {

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::string place_prefix(place at) {
  std::string out;
  if (at.cell > 0) out = "cell " + std::to_string(at.cell) + ", ";
  return out + "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": ";
}

}  // namespace

read_error::read_error(place at, const std::string& text) : std::runtime_error(place_prefix(at) + text), where(at), message(text) {}

format format_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  if (ext == ".tex") return format::latex;
  if (ext == ".ipynb") return format::notebook;
  return format::markdown;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }  // whitespace within a line
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
bool starts_at(std::string_view s, std::size_t at, std::string_view what) { return s.substr(at, what.size()) == what; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// --- Places -------------------------------------------------------------------------------------

// Maps byte offsets of one text (a file, or a notebook cell's source) to lines and columns in
// logarithmic time: the starts of the lines, and the number of code points before every 64th byte.
class position_map {
 public:
  position_map(std::string_view text, int cell) : text_(text), cell_(cell), bom_(starts_at(text, 0, "\xEF\xBB\xBF") ? 3 : 0) {
    line_starts_.push_back(0);
    checkpoints_.reserve(text.size() / 64 + 2);
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i % 64 == 0) checkpoints_.push_back(count);
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
    if (text.size() % 64 == 0) checkpoints_.push_back(count);
  }

  place at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
    std::size_t start = *(next - 1);
    if (line == 1 && bom_ > 0) {  // a byte order mark is not a character of the first line
      if (offset < bom_) return {cell_, 1, 1};
      start = bom_;
    }
    return {cell_, static_cast<int>(line), static_cast<int>(1 + code_points_before(offset) - code_points_before(start))};
  }

  // The position of the newline ending the line that `offset` is on, or the text's size.
  std::size_t line_end(std::size_t offset) const {
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return next == line_starts_.end() ? text_.size() : *next - 1;
  }

  int cell() const { return cell_; }

 private:
  std::size_t code_points_before(std::size_t offset) const {
    std::size_t count = checkpoints_[offset / 64];
    for (std::size_t i = offset / 64 * 64; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
    return count;
  }

  std::string_view text_;
  int cell_;
  std::size_t bom_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> checkpoints_;
};

// --- LaTeX tokens inside math -------------------------------------------------------------------

// The end of the command starting with the backslash at `i`: `\name` or a control symbol `\,`.
std::size_t command_end(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size()) return s.size();
  if (!is_letter(s[i + 1])) return i + 2;
  std::size_t j = i + 1;
  while (j < s.size() && is_letter(s[j])) ++j;
  return j;
}

std::string_view command_name(std::string_view s, std::size_t i) { return s.substr(i + 1, command_end(s, i) - i - 1); }

// Whether the character at `p` follows an odd number of backslashes (not before `lo`).
bool escaped(std::string_view s, std::size_t lo, std::size_t p) {
  std::size_t n = 0;
  while (p > lo && s[p - 1] == '\\') --p, ++n;
  return n % 2 == 1;
}

std::size_t skip_spaces(std::string_view s, std::size_t j) {
  while (j < s.size() && is_space(s[j])) ++j;
  return j;
}

// The position after the `{..}` group opening at `j`, or npos when there is none or it is not closed.
std::size_t group_end(std::string_view s, std::size_t j, std::size_t longest = npos) {
  if (j >= s.size() || s[j] != '{') return npos;
  int depth = 0;
  const std::size_t last = longest == npos ? s.size() : std::min(s.size(), j + longest);
  for (std::size_t k = j; k < last; ++k) {
    if (s[k] == '\\') {
      ++k;
    } else if (s[k] == '{') {
      ++depth;
    } else if (s[k] == '}' && --depth == 0) {
      return k + 1;
    }
  }
  return npos;
}

// The position after an environment's name `{aligned}` at `j`, or npos.
std::size_t environment_name_end(std::string_view s, std::size_t j) {
  if (j >= s.size() || s[j] != '{') return npos;
  for (std::size_t k = j + 1; k < s.size() && k <= j + 40; ++k) {
    if (s[k] == '}') return k > j + 1 ? k + 1 : npos;
    if (!is_letter(s[k]) && s[k] != '*') return npos;
  }
  return npos;
}

// The position after the `[..]` optional argument opening at `j` (no nesting), or npos.
std::size_t optional_end(std::string_view s, std::size_t j, std::size_t longest = 64) {
  if (j >= s.size() || s[j] != '[') return npos;
  for (std::size_t k = j + 1; k < s.size() && k <= j + longest; ++k) {
    if (s[k] == ']') return k + 1;
    if (s[k] == '[' || s[k] == '\n') return npos;
  }
  return npos;
}

bool is_spacing_command(std::string_view name) {
  static constexpr std::array<std::string_view, 17> names{
      "quad", "qquad", ",", ";", "!", ":", ">", " ", "enspace", "thinspace", "medspace", "thickspace", "negthinspace",
      "negmedspace", "negthickspace", "hfill", "\t"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Whether a spacing command with an argument (\hspace{1em}) starts at `i`; returns its end or npos.
std::size_t spacing_with_argument_end(std::string_view s, std::size_t i) {
  const std::string_view name = command_name(s, i);
  if (name != "hspace" && name != "hskip" && name != "kern" && name != "phantom" && name != "hphantom") return npos;
  std::size_t j = command_end(s, i);
  if (j < s.size() && s[j] == '*') ++j;
  return group_end(s, skip_spaces(s, j));
}

// Cuts whitespace and spacing commands at both ends of s[a, b), and a trailing `.`, `,` or `;`.
std::pair<std::size_t, std::size_t> trim_math(std::string_view s, std::size_t a, std::size_t b) {
  bool changed = true;
  while (changed && a < b) {
    changed = false;
    while (a < b && is_space(s[a])) ++a;
    if (a < b && s[a] == '~') {
      ++a;
      changed = true;
      continue;
    }
    if (a < b && s[a] == '\\') {
      const std::size_t e = command_end(s, a);
      if (e <= b && is_spacing_command(command_name(s, a))) {
        a = e;
        changed = true;
        continue;
      }
      if (const std::size_t g = spacing_with_argument_end(s, a); g != npos && g <= b) {
        a = g;
        changed = true;
        continue;
      }
    }
    while (a < b && is_space(s[b - 1])) {
      if (b - 1 > a && escaped(s, a, b - 1)) {  // `\ `
        b -= 2;
      } else {
        --b;
      }
      changed = true;
    }
    if (a >= b) break;
    const char c = s[b - 1];
    const bool after_backslash = b - 1 > a && escaped(s, a, b - 1);
    if (after_backslash && (c == ',' || c == ';' || c == '!' || c == ':' || c == '>' || c == '.')) {
      b -= 2;
      changed = true;
      continue;
    }
    if (!after_backslash && c == '~') {
      --b;
      changed = true;
      continue;
    }
    if (!after_backslash && (c == ',' || c == ';' || (c == '.' && !(b - 1 > a && s[b - 2] == '.')))) {
      --b;
      changed = true;
      continue;
    }
    if (is_letter(c)) {
      std::size_t start = b;
      while (start > a && is_letter(s[start - 1])) --start;
      if (start > a && s[start - 1] == '\\' && !escaped(s, a, start - 1) && is_spacing_command(s.substr(start, b - start))) {
        b = start - 1;
        changed = true;
        continue;
      }
    }
  }
  return {a, std::max(a, b)};
}

std::string_view relation_command(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> table{{
      {"approx", "approx"}, {"neq", "neq"},  {"ne", "neq"},  {"lt", "<"},  {"gt", ">"},        {"le", "le"},
      {"leq", "le"},        {"leqslant", "le"}, {"leqq", "le"}, {"ge", "ge"}, {"geq", "ge"},     {"geqslant", "ge"},
      {"geqq", "ge"},       {"equiv", "equiv"}, {"coloneqq", ":="}, {"coloneq", ":="},
  }};
  for (const auto& [command, relation] : table)
    if (command == name) return relation;
  return {};
}

bool is_statement_arrow(std::string_view name) {
  static constexpr std::array<std::string_view, 11> names{"Rightarrow", "Longrightarrow", "implies", "to",      "rightarrow", "longrightarrow",
                                                          "iff",        "Leftrightarrow", "Longleftrightarrow", "therefore", "because"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_text_command(std::string_view name) { return name == "text" || name == "mbox" || name == "textrm" || name == "textnormal"; }

// Environments whose rows (split at `\\`) are separate statements, or continue the one before.
bool is_row_environment(std::string_view name) {
  static constexpr std::array<std::string_view, 16> names{"aligned",  "align",  "align*",   "split",    "gathered", "gather",
                                                          "gather*",  "eqnarray", "eqnarray*", "alignat", "alignat*", "alignedat",
                                                          "flalign", "flalign*", "xalignat", "xalignat*"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Environments that only wrap math: transparent inside `$$`, their `\\` only break a long line.
bool is_wrapper_environment(std::string_view name) {
  static constexpr std::array<std::string_view, 7> names{"equation", "equation*", "multline", "multline*", "displaymath", "math", "subequations"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The math environments that open a block in prose: the wrappers and the row environments of amsmath.
bool is_display_environment(std::string_view name) {
  return (is_wrapper_environment(name) && name != "subequations" && name != "math") ||
         (is_row_environment(name) && name != "aligned" && name != "split" && name != "gathered" && name != "alignedat");
}

// --- Tags ---------------------------------------------------------------------------------------

// `1.3`, `12`, `1.3a`, `A.1`: a short word of letters, digits, `.`, `-`, `'`, `*` with a digit in it.
bool is_tag_text(std::string_view t) {
  if (t.empty() || t.size() > 16 || !is_alnum(t.front())) return false;
  bool digit = false;
  for (char c : t) {
    if (is_digit(c)) digit = true;
    if (!is_alnum(c) && c != '.' && c != '-' && c != '\'' && c != '*' && c != ':') return false;
  }
  return digit;
}

struct found_tag {
  std::string text;
  std::size_t begin = npos;  // where the tag with its spacing starts
  std::size_t end = npos;
};

// A tag at the very end of s[lo, hi): `\quad (1.3)`, `\qquad(12)`, `\tag{1.3}`, `\tag*{A}`.
found_tag trailing_tag(std::string_view s, std::size_t lo, std::size_t hi) {
  std::size_t e = hi;
  while (e > lo && is_space(s[e - 1])) --e;
  if (e <= lo) return {};
  if (s[e - 1] == '}') {
    // \tag{..} or \tag*{..}: find the group's opening brace
    int depth = 0;
    std::size_t k = e;
    while (k > lo) {
      --k;
      if (escaped(s, lo, k)) continue;
      if (s[k] == '}') ++depth;
      if (s[k] == '{' && --depth == 0) break;
    }
    if (depth != 0 || s[k] != '{') return {};
    std::size_t name_end = k;
    if (name_end > lo && s[name_end - 1] == '*') --name_end;
    if (name_end >= lo + 4 && s.substr(name_end - 4, 4) == "\\tag" && !escaped(s, lo, name_end - 4))
      return {std::string(trimmed(s.substr(k + 1, e - k - 2))), name_end - 4, e};
    return {};
  }
  if (s[e - 1] != ')') return {};
  std::size_t open = e - 1;
  while (open > lo && s[open - 1] != '(' && e - open < 18) --open;
  if (open <= lo || s[open - 1] != '(') return {};
  const std::string_view text = s.substr(open, e - 1 - open);
  if (!is_tag_text(text)) return {};
  // one or more of \quad, \qquad, \hfill (or ~) before the parenthesis
  std::size_t begin = open - 1;
  bool spaced = false;
  for (;;) {
    std::size_t q = begin;
    while (q > lo && (is_space(s[q - 1]) || s[q - 1] == '~')) --q;
    std::size_t start = q;
    while (start > lo && is_letter(s[start - 1])) --start;
    if (start > lo && s[start - 1] == '\\' && !escaped(s, lo, start - 1)) {
      const std::string_view name = s.substr(start, q - start);
      if (name == "quad" || name == "qquad" || name == "hfill") {
        begin = start - 1;
        spaced = true;
        continue;
      }
    }
    break;
  }
  if (!spaced) return {};
  return {std::string(text), begin, e};
}

void blank(std::string& s, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b && i < s.size(); ++i)
    if (s[i] != '\n') s[i] = ' ';
}

bool all_space(std::string_view s, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i)
    if (!is_space(s[i])) return false;
  return true;
}

// `\text{where } Z`, `\text{for } i`: a side starting with a connective word starts after it.
std::pair<std::size_t, std::size_t> without_connective(std::string_view s, std::pair<std::size_t, std::size_t> span) {
  static constexpr std::array<std::string_view, 24> words{"where", "for", "for all", "and", "with", "if", "when", "since",
                                                          "so", "then", "hence", "thus", "or", "as", "because", "but",
                                                          "given", "such that", "s.t.", "i.e.", "e.g.", "otherwise", "let", "therefore"};
  const auto [a, b] = span;
  if (a >= b || s[a] != '\\' || !is_text_command(command_name(s, a))) return span;
  const std::size_t g = skip_spaces(s, command_end(s, a));
  const std::size_t e = group_end(s, g);
  if (e == npos || e > b) return span;
  std::string word(trimmed(s.substr(g + 1, e - g - 2)));
  while (!word.empty() && (word.back() == ',' || word.back() == ':')) word.pop_back();
  std::transform(word.begin(), word.end(), word.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  if (std::find(words.begin(), words.end(), word) == words.end()) return span;
  const auto rest = trim_math(s, e, b);
  return rest.first < rest.second ? rest : span;
}

// --- The structure of one math block -------------------------------------------------------------

enum class mark_kind {
  relation,       // a relation between two sides
  row_break,      // `\\` between rows of an aligned environment
  split,          // between two statements: `, \quad`, `\Rightarrow`
  split_if_both,  // between two statements when both state a relation: `\quad`
};

struct mark {
  mark_kind kind;
  std::size_t begin;
  std::size_t end;
  std::string_view relation;  // for relations: "=", "approx", ...
};

struct tag_mark {
  std::size_t at;
  std::string text;
  bool in_rows;  // inside an aligned environment: the tag of its row
};

struct structure {
  std::vector<mark> marks;
  std::vector<std::pair<std::size_t, std::size_t>> not_math;  // tags and labels: blanked in the block's text too
  std::vector<std::pair<std::size_t, std::size_t>> layout;    // `&`, `\\`, `\begin{aligned}`: blanked in the sides
  std::vector<tag_mark> tags;
  bool rows = false;  // rows exist: the block is or has an aligned environment
};

// After `,` or `;` at `i`: the end of a following `\quad`, `\qquad`, `\;` or `\text{and}` (with
// other spacing around them), or npos when none follows.
std::size_t statement_spacer_end(std::string_view s, std::size_t i) {
  std::size_t j = i;
  bool spacer = false;
  for (;;) {
    j = skip_spaces(s, j);
    if (j >= s.size()) break;
    if (s[j] == '~') {
      ++j;
      continue;
    }
    if (s[j] != '\\') break;
    const std::string_view name = command_name(s, j);
    if (name == "quad" || name == "qquad" || name == ";") {
      spacer = true;
      j = command_end(s, j);
      continue;
    }
    if (is_spacing_command(name)) {
      j = command_end(s, j);
      continue;
    }
    if (is_text_command(name)) {
      const std::size_t g = skip_spaces(s, command_end(s, j));
      const std::size_t e = group_end(s, g);
      if (e != npos && trimmed(s.substr(g + 1, e - g - 2)) == "and") {
        spacer = true;
        j = e;
        continue;
      }
    }
    break;
  }
  return spacer ? j : npos;
}

// The relation written in a group's text, as in `\overset{def}{=}`, or "".
std::string_view relation_in(std::string_view group) {
  group = trimmed(group);
  if (group == "=") return "=";
  if (group == "<") return "<";
  if (group == ">") return ">";
  if (group.size() > 1 && group.front() == '\\' && command_end(group, 0) == group.size()) return relation_command(group.substr(1));
  return {};
}

structure read_structure(std::string_view s, bool outer_rows) {
  structure out;
  out.rows = outer_rows;
  struct environment {
    std::string_view name;
    bool transparent;
    bool rows;
  };
  int braces = 0;
  int delimiters = 0;  // ( [ \{ \left: restarts inside each brace group
  int nested = 0;      // environments such as cases, matrix: everything inside is nested
  std::vector<int> saved_delimiters;
  std::vector<environment> environments;
  const auto top = [&] { return braces == 0 && delimiters == 0 && nested == 0; };
  const auto in_rows = [&] { return environments.empty() ? outer_rows : environments.back().rows; };  // at the top level
  const auto add = [&](mark_kind kind, std::size_t b, std::size_t e, std::string_view relation = {}) {
    out.marks.push_back({kind, b, e, relation});
  };
  // The end of the delimiter token after \left, \right, \middle at `j`.
  const auto delimiter_end = [&](std::size_t j) {
    j = skip_spaces(s, j);
    if (j >= s.size()) return j;
    if (s[j] == '\\') return command_end(s, j);
    return j + 1;
  };

  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\') {
      if (i + 1 >= s.size()) break;
      const std::size_t e = command_end(s, i);
      const std::string_view name = s.substr(i + 1, e - i - 1);
      if (!is_letter(s[i + 1])) {  // a control symbol
        if (name == "\\") {
          std::size_t end = e;
          if (end < s.size() && s[end] == '*') ++end;
          if (const std::size_t o = optional_end(s, end, 16); o != npos) end = o;
          if (top()) {
            if (in_rows()) {
              add(mark_kind::row_break, i, end);
              out.layout.emplace_back(i, end);
            } else {
              out.layout.emplace_back(i, end);  // a line break inside one statement
            }
          }
          i = end;
          continue;
        }
        if (name == "{") ++delimiters;
        if (name == "}") delimiters = std::max(0, delimiters - 1);
        i = e;
        continue;
      }
      if (name == "begin" || name == "end") {
        const std::size_t g = skip_spaces(s, e);
        const std::size_t ge = environment_name_end(s, g);
        if (ge == npos) {
          i = e;
          continue;
        }
        const std::string_view env = s.substr(g + 1, ge - g - 2);
        if (name == "begin") {
          if (top() && (is_row_environment(env) || is_wrapper_environment(env))) {
            std::size_t end = ge;
            // \begin{aligned}[t], \begin{alignedat}{2}
            if (const std::size_t o = optional_end(s, end, 8); o != npos) end = o;
            if (env.starts_with("alignat") || env.starts_with("alignedat") || env.starts_with("xalignat"))
              if (const std::size_t a = group_end(s, skip_spaces(s, end)); a != npos) end = a;
            environments.push_back({env, true, is_row_environment(env)});
            if (is_row_environment(env)) out.rows = true;
            out.layout.emplace_back(i, end);
            i = end;
            continue;
          }
          environments.push_back({env, false, false});
          ++nested;
        } else if (!environments.empty() && environments.back().name == env) {
          if (environments.back().transparent) {
            out.layout.emplace_back(i, ge);
          } else {
            --nested;
          }
          environments.pop_back();
        }
        i = ge;
        continue;
      }
      if (name == "left" || name == "right" || name == "middle") {
        if (name == "left") ++delimiters;
        if (name == "right") delimiters = std::max(0, delimiters - 1);
        i = delimiter_end(e);
        continue;
      }
      if (name == "langle") ++delimiters;
      if (name == "rangle") delimiters = std::max(0, delimiters - 1);
      if ((name == "label" || name == "tag") && top()) {
        std::size_t j = e;
        if (name == "tag" && j < s.size() && s[j] == '*') ++j;
        const std::size_t g = skip_spaces(s, j);
        const std::size_t ge = group_end(s, g);
        if (ge != npos) {
          if (name == "tag") out.tags.push_back({i, std::string(trimmed(s.substr(g + 1, ge - g - 2))), in_rows()});
          out.not_math.emplace_back(i, ge);
          i = ge;
          continue;
        }
      }
      if (name == "notag" || name == "nonumber") {
        out.not_math.emplace_back(i, e);
        i = e;
        continue;
      }
      if (top()) {
        if (const std::string_view relation = relation_command(name); !relation.empty()) {
          add(mark_kind::relation, i, e, relation);
          i = e;
          continue;
        }
        if (name == "not") {
          // \not= is "neq"; \not before another relation is no relation of ours
          const std::size_t j = skip_spaces(s, e);
          if (j < s.size() && s[j] == '=') {
            add(mark_kind::relation, i, j + 1, "neq");
            i = j + 1;
            continue;
          }
          if (j < s.size() && s[j] == '\\' && !relation_command(command_name(s, j)).empty()) {
            i = command_end(s, j);
            continue;
          }
          if (j < s.size() && (s[j] == '<' || s[j] == '>')) {
            i = j + 1;
            continue;
          }
        }
        if (is_statement_arrow(name)) {
          add(mark_kind::split, i, e);
          i = e;
          continue;
        }
        if (name == "quad" || name == "qquad") {
          add(mark_kind::split_if_both, i, e);
          i = e;
          continue;
        }
        if (is_text_command(name)) {
          const std::size_t g = skip_spaces(s, e);
          const std::size_t ge = group_end(s, g);
          if (ge != npos && trimmed(s.substr(g + 1, ge - g - 2)) == "and") {
            add(mark_kind::split_if_both, i, ge);
            i = ge;
            continue;
          }
        }
        if (name == "overset" || name == "stackrel" || name == "underset") {
          const std::size_t g1 = skip_spaces(s, e);
          const std::size_t e1 = group_end(s, g1);
          const std::size_t g2 = e1 == npos ? npos : skip_spaces(s, e1);
          const std::size_t e2 = g2 == npos ? npos : group_end(s, g2);
          if (e2 != npos) {
            if (const std::string_view relation = relation_in(s.substr(g2 + 1, e2 - g2 - 2)); !relation.empty()) {
              add(mark_kind::relation, i, e2, relation);
              i = e2;
              continue;
            }
          }
        }
      }
      i = e;
      continue;
    }
    switch (c) {
      case '{':
        ++braces;
        saved_delimiters.push_back(delimiters);
        delimiters = 0;
        break;
      case '}':
        if (braces > 0) {
          --braces;
          delimiters = saved_delimiters.back();
          saved_delimiters.pop_back();
        }
        break;
      case '(':
      case '[': ++delimiters; break;
      case ')':
      case ']': delimiters = std::max(0, delimiters - 1); break;
      case '&':
        if (top()) out.layout.emplace_back(i, i + 1);
        break;
      case '=':
        if (top()) {
          std::size_t end = i + 1;
          while (end < s.size() && s[end] == '=') ++end;  // `==` is "="
          add(mark_kind::relation, i, end, "=");
          i = end;
          continue;
        }
        break;
      case '<':
      case '>':
        if (top()) {
          if (i + 1 < s.size() && s[i + 1] == '=') {
            add(mark_kind::relation, i, i + 2, c == '<' ? "le" : "ge");
            i += 2;
          } else {
            add(mark_kind::relation, i, i + 1, c == '<' ? "<" : ">");
            ++i;
          }
          continue;
        }
        break;
      case ':':
        if (top() && i + 1 < s.size() && s[i + 1] == '=') {
          add(mark_kind::relation, i, i + 2, ":=");
          i += 2;
          continue;
        }
        break;
      case ',':
      case ';':
        if (top()) {
          if (const std::size_t end = statement_spacer_end(s, i + 1); end != npos) {
            add(mark_kind::split, i, end);
            i = end;
            continue;
          }
          // \gamma_1 = 0.01, \gamma_2 = 0.99: two statements when both pieces state a relation
          add(mark_kind::split_if_both, i, i + 1);
          ++i;
          continue;
        }
        break;
      default: break;
    }
    ++i;
  }
  return out;
}

// `1. x`, `4) x`, `(2) \qquad x` at the start of a display block: a list item's number.
void blank_item_number(std::string& s) {
  std::size_t j = skip_spaces(s, 0);
  const std::size_t start = j;
  const bool parenthesized = j < s.size() && s[j] == '(';
  if (parenthesized) ++j;
  const std::size_t digits = j;
  while (j < s.size() && is_digit(s[j])) ++j;
  if (j == digits) {
    if (j < s.size() && is_letter(s[j]) && j + 1 < s.size() && s[j + 1] == ')') {
      ++j;
    } else {
      return;
    }
  }
  if (j >= s.size()) return;
  if (parenthesized ? s[j] != ')' : (s[j] != '.' && s[j] != ')')) return;
  if (!parenthesized && s[j] == '.' && !is_digit(s[digits])) return;  // `a.` is no item number
  ++j;
  const std::size_t k = skip_spaces(s, j);
  if (k < s.size() && s[k] == '\\' && (command_name(s, k) == "quad" || command_name(s, k) == "qquad")) {
    blank(s, start, command_end(s, k));
  } else if (!parenthesized && k > j && k < s.size()) {
    blank(s, start, j);  // `1. \delta^L = ..`: a number with a point or parenthesis and a space after it
  }
}

// `%` to the end of the line, unless escaped: blanked (LaTeX files).
void blank_comments(std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      if (i + 1 < s.size() && s[i + 1] != '\n') ++i;
    } else if (s[i] == '%') {
      std::size_t e = s.find('\n', i);
      if (e == std::string::npos) e = s.size();
      blank(s, i, e);
      i = e;
    }
  }
}

// --- The document being read ---------------------------------------------------------------------

struct region {
  std::size_t open;   // the opening delimiter
  std::size_t begin;  // the math
  std::size_t end;
  bool display;
  std::string_view environment;  // for \begin{..}; "" for the other delimiters
};

// The chain a row or block starting with a relation takes up.
struct open_chain {
  int index = -1;              // into document::chains, -1 for none
  int block = -1;              // the block its last side is in
  std::size_t side_begin = 0;  // where its last side starts in that block's math
};

class reader {
 public:
  reader(document& doc, const document_limits& limits) : doc_(doc), limits_(limits) {}

  void add_heading(int level, std::string title, place where) {
    doc_.headings.push_back({level, std::move(title), where});
    last_display_ = {};
  }

  void add_math(std::string_view text, const position_map& places, const region& r, bool latex);

 private:
  document& doc_;
  const document_limits& limits_;
  open_chain last_display_;  // the last chain of the previous display block
};

void reader::add_math(std::string_view text, const position_map& places, const region& r, bool latex) {
  const std::size_t length = r.end - r.begin;
  if (length > limits_.max_block_bytes)
    throw read_error(places.at(r.open), "the math block opened here is longer than " + std::to_string(limits_.max_block_bytes) + " bytes");
  if (doc_.blocks.size() >= limits_.max_blocks)
    throw read_error(places.at(r.open), "the write-up has more than " + std::to_string(limits_.max_blocks) + " math blocks");
  const auto at = [&](std::size_t offset) { return places.at(r.begin + offset); };

  std::string w(text.substr(r.begin, length));
  if (latex) blank_comments(w);
  const bool outer_rows = is_row_environment(r.environment);
  if (r.environment.starts_with("alignat") || r.environment.starts_with("xalignat"))
    if (const std::size_t a = group_end(w, skip_spaces(w, 0)); a != npos) blank(w, 0, a);

  // The block's own tag at its end; a block that is only a tag: `$$(1.41)$$`.
  std::string block_tag;
  if (r.display && !outer_rows) {
    if (found_tag t = trailing_tag(w, 0, w.size()); t.begin != npos) {
      block_tag = std::move(t.text);
      blank(w, t.begin, t.end);
    } else if (const auto [a, b] = trim_math(w, 0, w.size()); b - a >= 3 && w[a] == '(' && w[b - 1] == ')' &&
                                                               is_tag_text(std::string_view(w).substr(a + 1, b - a - 2))) {
      block_tag = w.substr(a + 1, b - a - 2);
      blank(w, a, b);
    }
  }
  if (r.display) blank_item_number(w);

  structure st = read_structure(w, outer_rows);
  std::string w0 = w;  // the block's text
  for (const auto& [a, b] : st.not_math) blank(w0, a, b);
  std::string w1 = w0;  // the sides' text
  for (const auto& [a, b] : st.layout) blank(w1, a, b);

  // Rows, each with its tag.
  struct row {
    std::size_t begin;
    std::size_t end;
    std::string tag;
  };
  std::vector<row> rows;
  {
    std::size_t begin = 0;
    for (const mark& m : st.marks)
      if (m.kind == mark_kind::row_break) {
        rows.push_back({begin, m.begin, {}});
        begin = m.end;
      }
    rows.push_back({begin, w.size(), {}});
  }
  for (const tag_mark& t : st.tags) {
    if (!t.in_rows) {
      block_tag = t.text;
      continue;
    }
    for (row& rw : rows)
      if (t.at >= rw.begin && t.at < rw.end) rw.tag = t.text;
  }
  std::vector<std::pair<std::size_t, std::size_t>> tag_ranges;
  if (r.display && st.rows) {
    for (row& rw : rows) {
      found_tag t = trailing_tag(w1, rw.begin, rw.end);
      if (t.begin == npos) continue;
      rw.tag = std::move(t.text);
      blank(w0, t.begin, t.end);
      blank(w1, t.begin, t.end);
      tag_ranges.emplace_back(t.begin, t.end);
    }
  }
  if (!tag_ranges.empty()) {
    std::erase_if(st.marks, [&](const mark& m) {
      return std::any_of(tag_ranges.begin(), tag_ranges.end(), [&](const auto& t) { return m.begin >= t.first && m.begin < t.second; });
    });
  }

  math_block block;
  {
    // only whitespace is trimmed: the block keeps its punctuation
    std::size_t a = 0, b = w0.size();
    while (a < b && is_space(w0[a])) ++a;
    while (b > a && is_space(w0[b - 1])) --b;
    if (a == b) a = b = 0;  // nothing left: the place of the math's start
    block.text = w0.substr(a, b - a);
    block.where = at(a);
  }
  block.display = r.display;
  block.tag = block_tag;
  if (block.tag.empty())
    for (const row& rw : rows)
      if (!rw.tag.empty()) block.tag = rw.tag;
  block.section = static_cast<int>(doc_.headings.size()) - 1;
  block.opening = places.at(r.open);
  const int block_index = static_cast<int>(doc_.blocks.size());
  const bool empty_block = block.text.empty();
  doc_.blocks.push_back(std::move(block));
  if (empty_block) return;  // a tag alone, or nothing: it neither states nor breaks a chain

  const std::string_view v = w1;
  open_chain previous_row;  // the last chain of the row before
  open_chain block_last;
  bool first_row = true;
  std::size_t mark_index = 0;
  for (const row& rw : rows) {
    // this row's marks
    std::vector<const mark*> marks;
    while (mark_index < st.marks.size() && st.marks[mark_index].begin < rw.begin) ++mark_index;
    for (std::size_t k = mark_index; k < st.marks.size() && st.marks[k].begin < rw.end; ++k)
      if (st.marks[k].kind != mark_kind::row_break) marks.push_back(&st.marks[k]);
    if (all_space(v, rw.begin, rw.end)) continue;
    const std::string& tag = rw.tag.empty() ? block_tag : rw.tag;

    // statements: split at `\Rightarrow`, `, \quad`; at `\quad` when both sides state a relation
    struct statement {
      std::size_t begin;
      std::size_t end;
      std::vector<const mark*> relations;
    };
    std::vector<statement> statements;
    {
      struct segment {
        std::size_t begin;
        std::size_t end;
        std::vector<const mark*> relations;
        bool hard;  // a hard split comes before it
      };
      std::vector<segment> segments{{rw.begin, rw.end, {}, true}};
      for (const mark* m : marks) {
        if (m->kind == mark_kind::relation) {
          segments.back().relations.push_back(m);
        } else {
          segments.back().end = m->begin;
          segments.push_back({m->end, rw.end, {}, m->kind == mark_kind::split});
        }
      }
      for (segment& sg : segments) {
        // nothing between two spacers (`\quad \text{and} \quad`): they are one place to split at
        if (const auto [a, b] = trim_math(v, sg.begin, sg.end); !sg.hard && sg.relations.empty() && a >= b) continue;
        if (!statements.empty() && !sg.hard) {
          statement& last = statements.back();
          if (last.relations.empty() || sg.relations.empty()) {
            last.end = sg.end;
            last.relations.insert(last.relations.end(), sg.relations.begin(), sg.relations.end());
            continue;
          }
        }
        statements.push_back({sg.begin, sg.end, std::move(sg.relations)});
      }
    }

    open_chain row_last;
    bool first_statement = true;
    for (const statement& sm : statements) {
      const bool is_first = first_statement;
      first_statement = false;
      // the sides, trimmed
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      std::size_t from = sm.begin;
      for (const mark* m : sm.relations) {
        spans.push_back(trim_math(v, from, m->begin));
        from = m->end;
      }
      spans.push_back(trim_math(v, from, sm.end));
      spans.front() = without_connective(v, spans.front());
      const auto empty = [](const std::pair<std::size_t, std::size_t>& p) { return p.first >= p.second; };
      const auto make_side = [&](const std::pair<std::size_t, std::size_t>& p) {
        return side{std::string(v.substr(p.first, p.second - p.first)), at(p.first)};
      };
      if (sm.relations.empty() && empty(spans.front())) continue;  // nothing between two splits

      // A row of an aligned environment continuing the last side of the row before: `& + c`.
      if (is_first && !first_row && previous_row.index >= 0 && previous_row.block == block_index && !empty(spans.front())) {
        std::size_t k = skip_spaces(w, rw.begin);
        if (k < rw.end && w[k] == '&') {
          auto [a, b] = trim_math(v, spans.front().first, spans.front().second);
          while (a < b && v[a] == '\\' && spacing_with_argument_end(v, a) != npos) a = trim_math(v, spacing_with_argument_end(v, a), b).first;
          const bool operator_first =
              a < b && (v[a] == '+' || v[a] == '-' ||
                        (v[a] == '\\' && (command_name(v, a) == "cdot" || command_name(v, a) == "times" || command_name(v, a) == "pm" ||
                                          command_name(v, a) == "mp")));
          if (operator_first && std::none_of(spans.begin() + 1, spans.end(), empty)) {
            chain& ch = doc_.chains[static_cast<std::size_t>(previous_row.index)];
            const auto joined = trim_math(v, previous_row.side_begin, spans.front().second);
            ch.sides.back() = make_side(joined);
            for (std::size_t k2 = 0; k2 < sm.relations.size(); ++k2) {
              ch.relations.emplace_back(sm.relations[k2]->relation);
              ch.sides.push_back(make_side(spans[k2 + 1]));
            }
            ch.continued = true;
            if (!tag.empty()) ch.tag = tag;
            row_last = {previous_row.index, block_index, sm.relations.empty() ? previous_row.side_begin : spans.back().first};
            continue;
          }
        }
      }
      if (sm.relations.empty()) continue;

      if (empty(spans.front())) {
        // A statement starting with a relation: only the first of a row continues a chain.
        if (!is_first) {
          row_last = {};
          continue;
        }
        open_chain target;
        if (!first_row) {
          target = previous_row;
        } else if (r.display && (sm.relations.front()->relation == "=" || sm.relations.front()->relation == "approx")) {
          target = last_display_;
        } else {
          row_last = {};
          continue;  // `$= 5$`, `$$\le 3$$`: an empty side
        }
        if (std::any_of(spans.begin() + 1, spans.end(), empty)) {
          row_last = {};
          continue;
        }
        if (target.index >= 0) {
          chain& ch = doc_.chains[static_cast<std::size_t>(target.index)];
          for (std::size_t k = 0; k < sm.relations.size(); ++k) {
            ch.relations.emplace_back(sm.relations[k]->relation);
            ch.sides.push_back(make_side(spans[k + 1]));
          }
          ch.continued = true;
          if (!tag.empty()) ch.tag = tag;
          row_last = {target.index, block_index, spans.back().first};
          continue;
        }
        // nothing to continue: the chain starts after the relation
        if (sm.relations.size() < 2) {
          row_last = {};
          continue;
        }
        chain ch;
        for (std::size_t k = 1; k < spans.size(); ++k) ch.sides.push_back(make_side(spans[k]));
        for (std::size_t k = 1; k < sm.relations.size(); ++k) ch.relations.emplace_back(sm.relations[k]->relation);
        ch.tag = tag;
        ch.section = static_cast<int>(doc_.headings.size()) - 1;
        ch.display = r.display;
        ch.continued = true;
        ch.block = block_index;
        doc_.chains.push_back(std::move(ch));
        row_last = {static_cast<int>(doc_.chains.size()) - 1, block_index, spans.back().first};
        continue;
      }
      if (std::any_of(spans.begin(), spans.end(), empty)) {
        row_last = {};
        continue;
      }
      chain ch;
      for (const auto& p : spans) ch.sides.push_back(make_side(p));
      for (const mark* m : sm.relations) ch.relations.emplace_back(m->relation);
      ch.tag = tag;
      ch.section = static_cast<int>(doc_.headings.size()) - 1;
      ch.display = r.display;
      ch.block = block_index;
      doc_.chains.push_back(std::move(ch));
      row_last = {static_cast<int>(doc_.chains.size()) - 1, block_index, spans.back().first};
    }
    previous_row = row_last;
    block_last = row_last;
    first_row = false;
  }
  if (r.display) last_display_ = block_last;
}

// --- Reading prose: where the math is ------------------------------------------------------------

class scanner {
 public:
  scanner(std::string_view text, const position_map& places, bool latex, reader& out)
      : t_(text), places_(places), latex_(latex), out_(out) {
    code_fail_.fill(0);
  }

  void run();

 private:
  std::size_t line_end(std::size_t i) const { return places_.line_end(i); }
  bool ends_paragraph(std::size_t line_start) const;
  std::size_t skip_fence(std::size_t i) const;
  std::size_t read_markdown_heading(std::size_t i);
  std::size_t read_latex_heading(std::size_t i, std::string_view name);
  std::size_t find_display_dollars(std::size_t from) const;
  std::size_t find_inline_dollar(std::size_t from);
  std::size_t find_escaped_close(std::size_t from, char close, bool inline_math);
  std::size_t find_end(std::size_t from, std::string_view closing) const;
  std::size_t find_code_close(std::size_t from, std::size_t ticks);
  [[noreturn]] void unclosed(std::size_t open, const std::string& what, const std::string& expected) const {
    throw read_error(places_.at(open), "the " + what + " opened here is not closed: expected " + expected);
  }
  void emit(std::size_t open, std::size_t begin, std::size_t end, bool display, std::string_view environment = {}) {
    out_.add_math(t_, places_, {open, begin, end, display, environment}, latex_);
  }

  std::string_view t_;
  const position_map& places_;
  bool latex_;
  reader& out_;
  // An inline search that failed at a paragraph's end fails from any later start before that end.
  std::size_t dollar_fail_ = 0;
  std::size_t paren_fail_ = 0;
  std::array<std::size_t, 33> code_fail_{};
};

// Whether the line starting at `p` ends the paragraph before it: a blank line, or in Markdown a
// heading or a fence.
bool scanner::ends_paragraph(std::size_t p) const {
  std::size_t j = p;
  while (j < t_.size() && is_blank(t_[j])) ++j;
  if (j >= t_.size() || t_[j] == '\n') return true;
  if (latex_) return false;
  if (j - p > 3) return false;
  if (t_[j] == '#') {
    std::size_t k = j;
    while (k < t_.size() && t_[k] == '#') ++k;
    return k - j <= 6 && (k >= t_.size() || is_space(t_[k]));
  }
  if (t_[j] == '`' || t_[j] == '~') return starts_at(t_, j, t_[j] == '`' ? "```" : "~~~");
  return false;
}

// A fenced code block starting at line start `i`: returns the position after its closing fence
// (or the end of the text when it is not closed), npos when no fence starts here.
std::size_t scanner::skip_fence(std::size_t i) const {
  std::size_t j = i;
  while (j < t_.size() && is_blank(t_[j])) ++j;
  if (j >= t_.size() || (t_[j] != '`' && t_[j] != '~')) return npos;
  const char fence = t_[j];
  std::size_t k = j;
  while (k < t_.size() && t_[k] == fence) ++k;
  const std::size_t length = k - j;
  if (length < 3) return npos;
  const std::size_t eol = line_end(k);
  if (fence == '`' && t_.substr(k, eol - k).find('`') != npos) return npos;  // ```code``` is a code span
  std::size_t p = eol < t_.size() ? eol + 1 : t_.size();
  while (p < t_.size()) {
    const std::size_t e = line_end(p);
    std::size_t q = p;
    while (q < e && is_blank(t_[q])) ++q;
    std::size_t r = q;
    while (r < e && t_[r] == fence) ++r;
    if (r - q >= length && all_space(t_, r, e)) return e < t_.size() ? e + 1 : t_.size();
    p = e < t_.size() ? e + 1 : t_.size();
  }
  return t_.size();
}

// An ATX heading at line start `i`: adds it and returns the position after its #'s, or npos.
std::size_t scanner::read_markdown_heading(std::size_t i) {
  std::size_t j = i;
  while (j < t_.size() && t_[j] == ' ' && j - i < 3) ++j;
  if (j >= t_.size() || t_[j] != '#') return npos;
  std::size_t k = j;
  while (k < t_.size() && t_[k] == '#') ++k;
  const std::size_t level = k - j;
  if (level > 6 || (k < t_.size() && !is_space(t_[k]))) return npos;
  std::string_view title = t_.substr(k, line_end(k) - k);
  title = trimmed(title);
  // a closing sequence of #'s, after a space (or the whole title)
  std::size_t h = title.size();
  while (h > 0 && title[h - 1] == '#') --h;
  if (h < title.size() && (h == 0 || is_blank(title[h - 1]))) title = trimmed(title.substr(0, h));
  out_.add_heading(static_cast<int>(level), std::string(title), places_.at(j));
  return k;
}

// \section{..} and its kin at the backslash `i`: adds the heading; returns the end of the command name.
std::size_t scanner::read_latex_heading(std::size_t i, std::string_view name) {
  constexpr std::size_t longest_title = 1000;  // bounds the search for an unbalanced brace
  static constexpr std::array<std::pair<std::string_view, int>, 7> levels{
      {{"part", 1}, {"chapter", 1}, {"section", 1}, {"subsection", 2}, {"subsubsection", 3}, {"paragraph", 4}, {"subparagraph", 5}}};
  const std::size_t e = command_end(t_, i);
  int level = 0;
  for (const auto& [n, l] : levels)
    if (n == name) level = l;
  if (level == 0) return e;
  std::size_t j = e;
  if (j < t_.size() && t_[j] == '*') ++j;
  j = skip_spaces(t_, j);
  if (j < t_.size() && t_[j] == '[') {
    // [short title]: balanced brackets
    int depth = 0;
    std::size_t k = j;
    const std::size_t last = std::min(t_.size(), j + longest_title);
    for (; k < last; ++k) {
      if (t_[k] == '\\') {
        ++k;
        continue;
      }
      if (t_[k] == '[') ++depth;
      if (t_[k] == ']' && --depth == 0) break;
    }
    if (k >= last) return e;
    j = skip_spaces(t_, k + 1);
  }
  const std::size_t g = group_end(t_, j, longest_title);
  if (g == npos) return e;
  out_.add_heading(level, std::string(trimmed(t_.substr(j + 1, g - j - 2))), places_.at(i));
  return e;
}

std::size_t scanner::find_display_dollars(std::size_t from) const {
  for (std::size_t j = from; j < t_.size(); ++j) {
    const char c = t_[j];
    if (c == '\\') {
      ++j;
    } else if (c == '%' && latex_) {
      j = line_end(j);
    } else if (c == '$' && j + 1 < t_.size() && t_[j + 1] == '$') {
      return j;
    }
  }
  return npos;
}

std::size_t scanner::find_inline_dollar(std::size_t from) {
  if (from < dollar_fail_) return npos;
  std::size_t j = from;
  while (j < t_.size()) {
    const char c = t_[j];
    if (c == '\\') {
      j += j + 1 < t_.size() && t_[j + 1] != '\n' ? 2 : 1;
      continue;
    }
    if (c == '$') {
      // in Markdown, `$5` is no closing dollar: "costs $5 and $10"
      if (!latex_ && j + 1 < t_.size() && is_digit(t_[j + 1])) {
        ++j;
        continue;
      }
      return j;
    }
    if (c == '%' && latex_) {
      j = line_end(j);
      continue;
    }
    if (c == '\n' && ends_paragraph(j + 1)) break;
    ++j;
  }
  dollar_fail_ = std::max(j, from + 1);
  return npos;
}

// `\)` (inline, not across a paragraph's end) or `\]` (display): the position of its backslash.
std::size_t scanner::find_escaped_close(std::size_t from, char close, bool inline_math) {
  if (inline_math && from < paren_fail_) return npos;
  std::size_t j = from;
  while (j < t_.size()) {
    const char c = t_[j];
    if (c == '\\') {
      if (j + 1 < t_.size() && t_[j + 1] == close) return j;
      j += j + 1 < t_.size() && t_[j + 1] != '\n' ? 2 : 1;
      continue;
    }
    if (c == '%' && latex_) {
      j = line_end(j);
      continue;
    }
    if (inline_math && c == '\n' && ends_paragraph(j + 1)) break;
    ++j;
  }
  if (inline_math) paren_fail_ = std::max(j, from + 1);
  return npos;
}

// `\end{name}`: the position of its backslash.
std::size_t scanner::find_end(std::size_t from, std::string_view closing) const {
  for (std::size_t j = from; j < t_.size(); ++j) {
    const char c = t_[j];
    if (c == '\\') {
      if (starts_at(t_, j, closing)) return j;
      ++j;
    } else if (c == '%' && latex_) {
      j = line_end(j);
    }
  }
  return npos;
}

// The closing run of exactly `ticks` backticks of a code span, not across a paragraph's end.
std::size_t scanner::find_code_close(std::size_t from, std::size_t ticks) {
  if (from < code_fail_[ticks]) return npos;
  std::size_t j = from;
  while (j < t_.size()) {
    if (t_[j] == '`') {
      std::size_t k = j;
      while (k < t_.size() && t_[k] == '`') ++k;
      if (k - j == ticks) return j;
      j = k;
      continue;
    }
    if (t_[j] == '\n' && ends_paragraph(j + 1)) break;
    ++j;
  }
  code_fail_[ticks] = std::max(j, from + 1);
  return npos;
}

void scanner::run() {
  std::size_t i = starts_at(t_, 0, "\xEF\xBB\xBF") ? 3 : 0;
  bool line_start = true;
  while (i < t_.size()) {
    if (line_start && !latex_) {
      line_start = false;
      if (const std::size_t f = skip_fence(i); f != npos) {
        i = f;
        line_start = true;
        continue;
      }
      if (const std::size_t h = read_markdown_heading(i); h != npos) {
        i = h;
        continue;
      }
    }
    const char c = t_[i];
    if (c == '\n') {
      line_start = true;
      ++i;
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= t_.size()) break;
      const char d = t_[i + 1];
      if (d == '(') {
        const std::size_t close = find_escaped_close(i + 2, ')', true);
        if (close == npos) {
          i += 2;
          continue;
        }
        emit(i, i + 2, close, false);
        i = close + 2;
        continue;
      }
      if (d == '[') {
        const std::size_t close = find_escaped_close(i + 2, ']', false);
        if (close == npos) unclosed(i, "display math \\[", "\\]");
        emit(i, i + 2, close, true);
        i = close + 2;
        continue;
      }
      if (is_letter(d)) {
        const std::size_t e = command_end(t_, i);
        const std::string_view name = t_.substr(i + 1, e - i - 1);
        if (name == "begin") {
          const std::size_t g = skip_spaces(t_, e);
          const std::size_t ge = environment_name_end(t_, g);
          if (ge != npos) {
            const std::string_view environment = t_.substr(g + 1, ge - g - 2);
            const std::string closing = "\\end{" + std::string(environment) + "}";
            if (is_display_environment(environment) || environment == "math") {
              const std::size_t close = find_end(ge, closing);
              if (close == npos) unclosed(i, "environment " + std::string(environment), closing);
              emit(i, ge, close, environment != "math", environment);
              i = close + closing.size();
              continue;
            }
            if (latex_ && (environment == "verbatim" || environment == "verbatim*" || environment == "lstlisting" || environment == "minted" ||
                           environment == "comment")) {
              const std::size_t close = find_end(ge, closing);
              i = close == npos ? t_.size() : close + closing.size();
              continue;
            }
          }
        } else if (latex_ && name == "verb") {
          // \verb|..| on one line
          std::size_t j = e;
          if (j < t_.size() && t_[j] == '*') ++j;
          if (j < t_.size() && t_[j] != '\n') {
            const std::size_t close = t_.substr(0, line_end(j)).find(t_[j], j + 1);
            if (close != npos) {
              i = close + 1;
              continue;
            }
          }
        } else if (latex_) {
          i = read_latex_heading(i, name);
          continue;
        }
        i = e;
        continue;
      }
      i += d == '\n' ? 1 : 2;  // an escaped character: \$ \% \` \\ ..
      continue;
    }
    if (c == '$') {
      if (i + 1 < t_.size() && t_[i + 1] == '$') {
        const std::size_t close = find_display_dollars(i + 2);
        if (close == npos) unclosed(i, "display math $$", "$$");
        emit(i, i + 2, close, true);
        i = close + 2;
        continue;
      }
      const std::size_t close = find_inline_dollar(i + 1);
      if (close == npos) {
        ++i;
        continue;
      }
      emit(i, i + 1, close, false);
      i = close + 1;
      continue;
    }
    if (c == '`' && !latex_) {
      std::size_t k = i;
      while (k < t_.size() && t_[k] == '`') ++k;
      const std::size_t ticks = k - i;
      if (ticks < code_fail_.size()) {
        const std::size_t close = find_code_close(k, ticks);
        if (close != npos) {
          i = close + ticks;
          continue;
        }
      }
      i = k;
      continue;
    }
    if (c == '%' && latex_) {
      i = line_end(i);
      continue;
    }
    ++i;
  }
}

// --- Notebooks ----------------------------------------------------------------------------------

const char* const notebook_expected = "expected a Jupyter notebook: a JSON object with a \"cells\" array (nbformat 4)";

// Refuses JSON nested deeper than a notebook ever is, before building it.
void check_json_depth(const std::string& text) {
  constexpr int deepest = 512;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest)
        throw read_error(position_map(text, 0).at(i), "the JSON is nested more than " + std::to_string(deepest) + " deep; " + notebook_expected);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

std::vector<std::pair<int, std::string>> markdown_cells(const std::string& text, const document_limits& limits) {
  check_json_depth(text);
  nlohmann::json notebook;
  try {
    notebook = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string why = e.what();
    if (const std::size_t p = why.find("parse error"); p != std::string::npos) {
      const std::size_t colon = why.find(": ", p);
      if (colon != std::string::npos) why = why.substr(colon + 2);
    }
    const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    throw read_error(position_map(text, 0).at(byte), std::string("the notebook is not valid JSON (") + why + "); " + notebook_expected);
  } catch (const nlohmann::json::exception& e) {
    throw read_error({}, std::string("the notebook is not valid JSON (") + e.what() + "); " + notebook_expected);
  }
  if (!notebook.is_object()) throw read_error({}, std::string("the JSON is not an object; ") + notebook_expected);
  const auto cells = notebook.find("cells");
  if (cells == notebook.end() || !cells->is_array()) throw read_error({}, std::string("the JSON has no \"cells\" array; ") + notebook_expected);
  if (cells->size() > limits.max_cells)
    throw read_error({}, "the notebook has more than " + std::to_string(limits.max_cells) + " cells");
  std::vector<std::pair<int, std::string>> out;
  int index = 0;
  for (const nlohmann::json& cell : *cells) {
    ++index;
    const place here{index, 1, 1};
    if (!cell.is_object()) throw read_error(here, "expected the cell to be a JSON object");
    const auto type = cell.find("cell_type");
    if (type == cell.end() || !type->is_string()) throw read_error(here, "expected the cell to have a \"cell_type\" string");
    if (type->get_ref<const std::string&>() != "markdown") continue;
    std::string source;
    if (const auto s = cell.find("source"); s != cell.end()) {
      if (s->is_string()) {
        source = s->get<std::string>();
      } else if (s->is_array()) {
        for (const nlohmann::json& line : *s) {
          if (!line.is_string()) throw read_error(here, "expected the cell's \"source\" to be a string or an array of strings");
          source += line.get_ref<const std::string&>();
        }
      } else {
        throw read_error(here, "expected the cell's \"source\" to be a string or an array of strings");
      }
    }
    out.emplace_back(index, std::move(source));
  }
  return out;
}

}  // namespace

document read_document(const std::string& text, format kind, const document_limits& limits) {
  if (text.size() > limits.max_bytes) throw read_error({}, "the file is larger than " + std::to_string(limits.max_bytes) + " bytes");
  document doc;
  doc.kind = kind;
  reader out(doc, limits);
  if (kind == format::notebook) {
    for (const auto& [index, source] : markdown_cells(text, limits)) {
      const position_map places(source, index);
      scanner(source, places, false, out).run();
    }
  } else {
    const position_map places(text, 0);
    scanner(text, places, kind == format::latex, out).run();
  }
  return doc;
}

document read_document_file(const std::filesystem::path& path, const document_limits& limits) {
  const std::string name = path.string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw read_error({}, "cannot read " + name + ": it is a folder; expected a file");
  const auto size = std::filesystem::file_size(path, error);
  if (!error && size > limits.max_bytes) throw read_error({}, "the file is larger than " + std::to_string(limits.max_bytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw read_error({}, "cannot read " + name + ": expected a readable Markdown, LaTeX or notebook file");
  std::string text;
  std::array<char, 65536> buffer{};
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > limits.max_bytes) throw read_error({}, "the file is larger than " + std::to_string(limits.max_bytes) + " bytes");
  }
  if (in.bad()) throw read_error({}, "cannot read " + name + ": expected a readable Markdown, LaTeX or notebook file");
  return read_document(text, format_of(path), limits);
}

}  // namespace gradecheck::writeup
