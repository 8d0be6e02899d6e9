#include "gradecheck/grade/submission.hpp"

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/expr/assignments.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/grade/tolerance.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/expr/parser.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <sstream>

namespace gradecheck::grade {

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// A scalar written with a decimal comma, 0,3775 or -1,5: the same number with a point. Only a
// whole answer of digits, one comma and digits is read so; [1,2] stays a list.
std::string with_decimal_point(std::string text) {
  std::size_t start = 0;
  if (text.rfind("-", 0) == 0 || text.rfind("+", 0) == 0) start = 1;
  else if (text.rfind("\xE2\x88\x92", 0) == 0) start = 3;
  const auto comma = text.find(',', start);
  if (comma == std::string::npos || comma == start || comma + 1 == text.size()) return text;
  for (std::size_t k = start; k < text.size(); ++k)
    if (k != comma && !std::isdigit(static_cast<unsigned char>(text[k]))) return text;
  text[comma] = '.';
  return text;
}

// True when `text` is the same answer as `a`: the same text, the same exact value, or the same number
// restated to more digits.
bool same_value(const answer& a, const std::string& text, const reading_options& how) {
  if (with_decimal_point(a.text) == text) return true;
  if (!a.readable) return false;
  try {
    const expr::evaluation_limits small{answer_max_entries, answer_max_operations};
    const auto x = expr::evaluate<numeric::real50>(a.value, {}, small);
    const auto other = expr::read_expression(text, how.how, *how.symbols).tree;
    if (same_number_restated(a.value, other)) return true;  // 0.59327 after 0.5933
    const auto y = expr::evaluate<numeric::real50>(other, {}, small);
    return x.rows == y.rows && x.cols == y.cols && x.data == y.data;
  } catch (const std::exception&) {
    return false;
  }
}

bool written_in_latex(std::string_view name) { return name.find_first_of("\\_^{}$") != std::string_view::npos; }

class collector {
 public:
  collector(submission& s, const cases::case_file& c, const submission_limits& limits, const reading_options& how)
      : s_(s), c_(c), limits_(limits), how_(how) {
    if (!how_.symbols) {
      owned_symbols_ = cases::latex_symbols_of(c_);
      how_.symbols = &owned_symbols_;
    }
  }

  // A line `name = number` (content, comments and delimiters gone) whose name is an asked number of
  // the case, written as the plain reader writes it, and answered for the first time: recorded at
  // once, as `add` would record it. False, with nothing recorded, for any other line.
  bool add_plain_line(std::string_view content, int line_no) {
    if (!how_.plain_lines_at_once || how_.how == expr::syntax::latex || s_.answers.size() >= limits_.max_answers) return false;
    std::size_t k = 0;
    while (k < content.size() && (content[k] == ' ' || content[k] == '\t')) ++k;
    const std::size_t start = k;
    if (k == content.size() || !(std::isalpha(static_cast<unsigned char>(content[k])) || content[k] == '_')) return false;
    while (k < content.size() && (std::isalnum(static_cast<unsigned char>(content[k])) || content[k] == '_')) ++k;
    const std::string name(content.substr(start, k - start));
    while (k < content.size() && (content[k] == ' ' || content[k] == '\t')) ++k;
    if (k == content.size() || content[k] != '=' || (k + 1 < content.size() && content[k + 1] == '=')) return false;
    const std::size_t eq = k;
    const std::string_view raw = content.substr(eq + 1);
    // the general reading trims blanks and tabs before the number, and \r only after it
    const std::size_t lead = raw.find_first_not_of(" \t");
    if (lead == std::string_view::npos || raw[lead] == '\r') return false;
    if (!c_.find_asked(name) || c_.find_formula(name) || !c_.find(name) || c_.is_given(name) || s_.answers.count(name)) return false;
    auto value = expr::parse_plain_number(raw, {line_no, static_cast<int>(eq) + 2});
    if (!value) return false;
    answer& a = s_.answers[name];
    a.name = name;
    a.text = trim(raw);
    a.where = {line_no, static_cast<int>(start) + 1};
    a.value = std::move(*value);
    return true;
  }

  // An earlier side of a chain h1 = 0.1 = 0.5933: a second answer when it is a number.
  void add_if_number(const std::string& raw_name, const std::string& raw_text, expr::position name_at, expr::position value_at) {
    try {
      const auto n = expr::read_expression(trim(raw_text), how_.how, *how_.symbols).tree;
      if (expr::is_plain_number(n)) add(raw_name, raw_text, name_at, value_at);
    } catch (const std::exception&) {
    }
  }

  void add_issue(expr::position at, std::string message) {
    if (s_.issues.size() < limits_.max_issues) {
      s_.issues.push_back({at, std::move(message)});
    } else if (s_.issues.size() == limits_.max_issues) {
      s_.issues.push_back({at, "more problems from here on are not listed"});
    }
  }

  // Records `name = text`, parsed from column `value_column` of line `line`.
  void add(const std::string& raw_name, const std::string& raw_text, expr::position name_at, expr::position value_at) {
    std::string name = expr::canonical_name(raw_name);
    const std::string text = trim(raw_text);
    const std::string readable = with_decimal_point(text);  // what is parsed; the text stays as written
    if (!c_.find(name) && !c_.find_formula(name) && how_.how != expr::syntax::plain) {
      // h_1, \frac{\partial L}{\partial w_5}, w_5^{new}, Loss: the name in LaTeX
      try {
        const auto d = expr::parse_latex_name(raw_name, *how_.symbols, name_at);
        if (!d.declared) {
          add_issue(name_at, "unknown name '" + raw_name + "'" + (d.name != raw_name ? " (read as " + d.name + ")" : "") +
                                 "; this case asks for: " + asked_names());
          return;
        }
        for (const auto& e : d.entry)
          if (e.kind != expr::node_kind::name || !how_.symbols->indices.count(e.text)) {
            add_issue(name_at, "'" + raw_name + "' names one entry of " + d.name + ": give the whole " + d.name + ", or its entry i with an index");
            return;
          }
        name = d.name;
      } catch (const expr::parse_error& e) {
        if (written_in_latex(raw_name)) {
          add_issue(e.where, "cannot read the name '" + raw_name + "': " + e.message);
        } else {
          add_issue(name_at, "unknown name '" + raw_name + "'; this case asks for: " + asked_names());
        }
        return;
      }
    }
    name = c_.answered_by(name);  // L = loss
    if (!c_.find(name) && !c_.find_formula(name)) {
      add_issue(name_at, "unknown name '" + raw_name + "'; this case asks for: " + asked_names());
      return;
    }
    if (c_.is_given(name)) {
      add_issue(name_at, "'" + name + "' is given in the problem; it is not an answer");
      return;
    }
    if (const auto first = s_.answers.find(name); first != s_.answers.end()) {
      // the same value twice is fine; two different values are two answers, of which only one may stand
      if (!same_value(first->second, readable, how_) && first->second.conflicting_text.empty()) {
        first->second.conflicting_text = text;
        first->second.conflicting_line = name_at.line;
        add_issue(name_at, "'" + name + "' has two different answers (lines " + std::to_string(first->second.where.line) + " and " +
                               std::to_string(name_at.line) + "); only one may stand, so it earns nothing");
      }
      return;
    }
    if (text.empty()) {
      add_issue(value_at, "'" + name + "' has no value; it is graded as missing");
      return;
    }
    if (s_.answers.size() >= limits_.max_answers) {
      add_issue(name_at, "more than " + std::to_string(limits_.max_answers) + " answers; the rest are ignored");
      return;
    }
    answer& a = s_.answers[name];
    a.name = name;
    a.text = text;
    a.where = name_at;
    try {
      const std::size_t lead = raw_text.find_first_not_of(" \t");
      auto r = expr::read_expression(readable, how_.how, *how_.symbols,
                                     {value_at.line, value_at.column + static_cast<int>(lead == std::string::npos ? 0 : lead)});
      a.value = std::move(r.tree);
      a.latex = r.latex;
      if (r.latex) a.read_as = expr::to_string(a.value);
    } catch (const expr::ambiguous_latex& e) {
      a.readable = false;
      a.latex = true;
      a.readings = e.readings;
      a.problem = "line " + std::to_string(e.where.line) + ", column " + std::to_string(e.where.column) + ": " + e.message;
    } catch (const expr::parse_error& e) {
      a.readable = false;
      a.problem = "line " + std::to_string(e.where.line) + ", column " + std::to_string(e.where.column) + ": " + e.message;
    }
  }

 private:
  std::string asked_names() const {
    std::string asked;
    for (const auto& a : c_.ask) asked += (asked.empty() ? "" : " ") + a.name;
    return asked;
  }

  submission& s_;
  const cases::case_file& c_;
  const submission_limits& limits_;
  reading_options how_;
  expr::latex_symbols owned_symbols_;
};

// Blanks math delimiters around a whole line ($h_1 = 0.5933$, \(...\)), keeping the columns.
void blank_line_delimiters(std::string& line) {
  const auto b = line.find_first_not_of(" \t");
  const auto e = line.find_last_not_of(" \t\r");
  if (b == std::string::npos) return;
  static const std::pair<std::string_view, std::string_view> pairs[] = {{"$$", "$$"}, {"\\[", "\\]"}, {"\\(", "\\)"}, {"$", "$"}};
  const std::string_view core = std::string_view(line).substr(b, e - b + 1);
  for (const auto& [open, close] : pairs)
    if (core.size() >= open.size() + close.size() && core.substr(0, open.size()) == open && core.substr(core.size() - close.size()) == close) {
      line.replace(b, open.size(), open.size(), ' ');
      line.replace(e + 1 - close.size(), close.size(), close.size(), ' ');
      return;
    }
}

// The '=' between a name and its value: the first at the top level (outside brackets and LaTeX
// environments such as cases, whose `i = j` is a condition) that is no comparison (==, <=, >=, !=).
std::size_t assignment_sign(std::string_view line, std::size_t from = 0) {
  int depth = 0;
  for (std::size_t k = from; k < line.size(); ++k) {
    const char ch = line[k];
    if (ch == '\\' && line.substr(k, 7) == "\\begin{") ++depth;
    if (ch == '\\' && line.substr(k, 5) == "\\end{") --depth;
    if (ch == '(' || ch == '[' || ch == '{') ++depth;
    if (ch == ')' || ch == ']' || ch == '}') --depth;
    if (ch != '=' || depth != 0) continue;
    const bool comparison = (k + 1 < line.size() && line[k + 1] == '=') || (k > 0 && std::string_view("=<>!").find(line[k - 1]) != std::string_view::npos);
    if (!comparison) return k;
    if (k + 1 < line.size() && line[k + 1] == '=') ++k;
  }
  return std::string_view::npos;
}

// The sides of a chain before its last (from the sign at `eq` to the one at `last`) that are numbers:
// each is a second answer for `name`, so that h1 = 0.1 = 0.5933 hedges nothing.
void earlier_numbers(std::string_view content, std::size_t eq, std::size_t last, const std::string& name, expr::position name_at, int line_no,
                     collector& out) {
  for (std::size_t sign = eq; sign < last;) {
    const std::size_t next = assignment_sign(content, sign + 1);
    out.add_if_number(name, std::string(content.substr(sign + 1, next - sign - 1)), name_at, {line_no, static_cast<int>(sign) + 2});
    sign = next;
  }
}

void read_text(const std::string& text, collector& out, const submission_limits& limits) {
  int line_no = 0;
  std::string line;  // one buffer for every line
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t newline = text.find('\n', from);
    const std::string_view raw = std::string_view(text).substr(from, newline == std::string::npos ? std::string::npos : newline - from);
    from = newline == std::string::npos ? text.size() : newline + 1;
    ++line_no;
    if (raw.size() > limits.max_line_length) {
      out.add_issue({line_no, 1}, "line longer than " + std::to_string(limits.max_line_length) + " characters; skipped");
      continue;
    }
    line.assign(raw.substr(0, raw.find('#')));
    blank_line_delimiters(line);
    const std::string_view content = line;
    const std::size_t start = content.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) continue;
    if (out.add_plain_line(content, line_no)) continue;
    const std::size_t eq = assignment_sign(content);
    // a chain h1 = sigmoid(z1) = 0.5933 answers with its last side
    std::size_t value_from = eq;
    if (eq != std::string_view::npos)
      for (std::size_t next = assignment_sign(content, eq + 1); next != std::string_view::npos; next = assignment_sign(content, next + 1)) value_from = next;
    if (eq != std::string_view::npos && written_in_latex(content.substr(start, eq - start))) {
      const std::string name = trim(content.substr(start, eq - start));
      out.add(name, std::string(content.substr(value_from + 1)), {line_no, static_cast<int>(start) + 1}, {line_no, static_cast<int>(value_from) + 2});
      earlier_numbers(content, eq, value_from, name, {line_no, static_cast<int>(start) + 1}, line_no, out);
      continue;
    }
    std::size_t name_end = start;
    while (name_end < content.size() && (std::isalnum(static_cast<unsigned char>(content[name_end])) || content[name_end] == '_' ||
                                         content[name_end] == '/'))
      ++name_end;
    const bool name_ok = name_end > start && (std::isalpha(static_cast<unsigned char>(content[start])) || content[start] == '_');
    if (!name_ok || eq == std::string_view::npos || content.substr(name_end, eq - name_end).find_first_not_of(" \t\r") != std::string_view::npos) {
      const int col = static_cast<int>(!name_ok ? start : (eq == std::string_view::npos ? content.size() : name_end)) + 1;
      out.add_issue({line_no, col}, !name_ok ? "expected a name at the start of the line" : "expected 'name = value'");
      continue;
    }
    const std::string name(content.substr(start, name_end - start));
    out.add(name, std::string(content.substr(value_from + 1)), {line_no, static_cast<int>(start) + 1}, {line_no, static_cast<int>(value_from) + 2});
    earlier_numbers(content, eq, value_from, name, {line_no, static_cast<int>(start) + 1}, line_no, out);
  }
}

// JSON: a top-level object of numbers, strings (expressions) and arrays of
// them (vectors, matrices). The SAX interface hands over each number's text
// as written, so that "0.50" keeps its two decimals.
class json_reader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit json_reader(collector& out) : out_(out) {}

  bool null() override { return fail("null is not a value"); }
  bool boolean(bool) override { return fail("true and false are not values"); }
  bool number_integer(number_integer_t v) override { return value(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& text) override { return value(text); }
  bool string(string_t& v) override { return value(v); }
  bool binary(binary_t&) override { return fail("binary data is not a value"); }
  bool start_object(std::size_t) override {
    if (depth_ != 0) return fail("nested objects are not values");
    ++depth_;
    return true;
  }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return fail("expected a JSON object {\"name\": value, ...}");
    if (depth_ > 8) return fail("arrays nested deeper than 8 levels");
    separate();
    text_ += "[";
    fresh_ = true;
    ++depth_;
    return true;
  }
  bool end_array() override {
    text_ += "]";
    fresh_ = false;
    if (--depth_ == 1) emit();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    out_.add_issue({1, static_cast<int>(position)}, std::string("not valid JSON: ") + e.what());
    return false;
  }
  bool failed() const { return failed_; }

 private:
  void separate() {
    if (depth_ > 1 && !fresh_) text_ += ", ";
  }
  bool value(const std::string& text) {
    if (depth_ == 0) return fail("expected a JSON object {\"name\": value, ...}");
    separate();
    text_ += text;
    fresh_ = false;
    if (depth_ == 1) emit();
    return true;
  }
  void emit() {
    out_.add(key_, text_, {1, 1}, {1, 1});
    text_.clear();
  }
  bool fail(const std::string& why) {
    out_.add_issue({1, 1}, (key_.empty() ? std::string() : "the value of \"" + key_ + "\": ") + why);
    failed_ = true;
    return false;
  }

  collector& out_;
  std::string key_, text_;
  int depth_ = 0;
  bool fresh_ = true;
  bool failed_ = false;
};

void read_json(const std::string& text, collector& out) {
  json_reader reader(out);
  if (!nlohmann::json::sax_parse(text, &reader) || reader.failed()) throw std::runtime_error("unreadable JSON");
}

}  // namespace

submission parse_submission(const std::string& text, const std::filesystem::path& path, const cases::case_file& c,
                            const submission_limits& limits, const reading_options& how) {
  submission s;
  s.path = path;
  collector out(s, c, limits, how);
  if (text.size() > limits.max_bytes) {
    out.add_issue({1, 1}, "the file is larger than " + std::to_string(limits.max_bytes) + " bytes");
    s.unreadable_file = true;
    return s;
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') {
    try {
      read_json(text, out);
    } catch (const std::exception&) {
      s.unreadable_file = true;
    }
  } else {
    read_text(text, out, limits);
  }
  return s;
}

submission read_submission(const std::filesystem::path& path, const cases::case_file& c, const submission_limits& limits,
                           const reading_options& how) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > limits.max_bytes) {
    submission s;
    s.path = path;
    s.unreadable_file = true;
    s.issues.push_back({{1, 1}, ec ? "cannot read the file (" + ec.message() + ")"
                                   : "the file is larger than " + std::to_string(limits.max_bytes) + " bytes"});
    return s;
  }
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  return parse_submission(text, path, c, limits, how);
}

}  // namespace gradecheck::grade
