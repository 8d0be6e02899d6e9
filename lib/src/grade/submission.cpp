#include "gradecheck/grade/submission.hpp"

#include "gradecheck/expr/assignments.hpp"
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

class collector {
 public:
  collector(submission& s, const cases::case_file& c, const submission_limits& limits) : s_(s), c_(c), limits_(limits) {}

  void add_issue(expr::position at, std::string message) { s_.issues.push_back({at, std::move(message)}); }

  // Records `name = text`, parsed from column `value_column` of line `line`.
  void add(const std::string& raw_name, const std::string& raw_text, expr::position name_at, expr::position value_at) {
    const std::string name = expr::canonical_name(raw_name);
    const std::string text = trim(raw_text);
    if (!c_.find(name)) {
      std::string asked;
      for (const auto& a : c_.ask) asked += (asked.empty() ? "" : " ") + a.name;
      add_issue(name_at, "unknown name '" + raw_name + "'; this case asks for: " + asked);
      return;
    }
    if (c_.is_given(name)) {
      add_issue(name_at, "'" + name + "' is given in the problem; it is not an answer");
      return;
    }
    if (s_.answers.count(name)) {
      add_issue(name_at, "'" + name + "' is answered twice; the first answer (line " + std::to_string(s_.answers[name].where.line) +
                             ") is graded");
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
    answer a{name, text, {}, name_at, true, ""};
    try {
      const std::size_t lead = raw_text.find_first_not_of(" \t");
      a.value = expr::parse_expression(text, {value_at.line, value_at.column + static_cast<int>(lead == std::string::npos ? 0 : lead)});
    } catch (const expr::parse_error& e) {
      a.readable = false;
      a.problem = "line " + std::to_string(e.where.line) + ", column " + std::to_string(e.where.column) + ": " + e.message;
    }
    s_.answers[name] = std::move(a);
  }

 private:
  submission& s_;
  const cases::case_file& c_;
  const submission_limits& limits_;
};

void read_text(const std::string& text, collector& out, const submission_limits& limits) {
  std::istringstream in(text);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.size() > limits.max_line_length) {
      out.add_issue({line_no, 1}, "line longer than " + std::to_string(limits.max_line_length) + " characters; skipped");
      continue;
    }
    const std::string_view content = std::string_view(line).substr(0, line.find('#'));
    const std::size_t start = content.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) continue;
    const std::size_t eq = content.find('=');
    std::size_t name_end = start;
    while (name_end < content.size() && (std::isalnum(static_cast<unsigned char>(content[name_end])) || content[name_end] == '_' ||
                                         content[name_end] == '/'))
      ++name_end;
    const bool name_ok = name_end > start && (std::isalpha(static_cast<unsigned char>(content[start])) || content[start] == '_');
    if (!name_ok || eq == std::string_view::npos || trim(content.substr(name_end, eq - name_end)) != "") {
      const int col = static_cast<int>(!name_ok ? start : (eq == std::string_view::npos ? content.size() : name_end)) + 1;
      out.add_issue({line_no, col}, !name_ok ? "expected a name at the start of the line" : "expected 'name = value'");
      continue;
    }
    out.add(std::string(content.substr(start, name_end - start)), std::string(content.substr(eq + 1)), {line_no, static_cast<int>(start) + 1},
            {line_no, static_cast<int>(eq) + 2});
  }
}

// JSON: a top-level object of numbers, strings (expressions) and arrays of
// numbers (vectors, matrices). Numbers keep the text they were written with.
std::string json_value_text(const nlohmann::json& v, int depth) {
  if (depth > 8) throw std::runtime_error("arrays nested deeper than 8 levels");
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_array()) {
    std::string out = "[";
    for (std::size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + json_value_text(v[k], depth + 1);
    return out + "]";
  }
  throw std::runtime_error("expected a number, a string or an array");
}

void read_json(const std::string& text, collector& out) {
  // number_float keeps its source text through the parser callback
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text, nullptr, true, false);
  } catch (const nlohmann::json::parse_error& e) {
    out.add_issue({1, static_cast<int>(e.byte)}, std::string("not valid JSON: ") + e.what());
    throw;
  }
  if (!doc.is_object()) {
    out.add_issue({1, 1}, "expected a JSON object {\"name\": value, ...}");
    throw std::runtime_error("not an object");
  }
  // Re-read the numbers' texts: nlohmann keeps doubles, so find each float literal in the source.
  for (const auto& [key, value] : doc.items()) {
    std::string value_text;
    try {
      if (value.is_number_float()) {
        // the literal as written: locate `"key"` then the number after ':'
        const std::string quoted = "\"" + key + "\"";
        const std::size_t at = text.find(quoted);
        std::size_t p = at == std::string::npos ? std::string::npos : text.find(':', at + quoted.size());
        if (p != std::string::npos) {
          ++p;
          while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p]))) ++p;
          std::size_t q = p;
          while (q < text.size() && (std::isdigit(static_cast<unsigned char>(text[q])) || std::strchr("+-.eE", text[q]))) ++q;
          value_text = text.substr(p, q - p);
        } else {
          value_text = value.dump();
        }
      } else {
        value_text = json_value_text(value, 0);
      }
    } catch (const std::exception& e) {
      out.add_issue({1, 1}, "the value of \"" + key + "\": " + e.what());
      continue;
    }
    out.add(key, value_text, {1, 1}, {1, 1});
  }
}

}  // namespace

submission parse_submission(const std::string& text, const std::filesystem::path& path, const cases::case_file& c,
                            const submission_limits& limits) {
  submission s;
  s.path = path;
  collector out(s, c, limits);
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

submission read_submission(const std::filesystem::path& path, const cases::case_file& c, const submission_limits& limits) {
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
  return parse_submission(text, path, c, limits);
}

}  // namespace gradecheck::grade
