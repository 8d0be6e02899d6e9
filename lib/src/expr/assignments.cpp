#include "gradecheck/expr/assignments.hpp"

#include <cctype>

namespace gradecheck::expr {

std::string written_value(const assignment& a) {
  const std::size_t first = a.text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return a.text.substr(first, a.text.find_last_not_of(" \t\r") + 1 - first);
}

std::string canonical_name(std::string_view name) {
  std::string out(name);
  for (auto& c : out)
    if (c == '/') c = '_';
  return out;
}

std::vector<assignment> parse_assignments(std::string_view block, int first_line) {
  std::vector<assignment> out;
  int line_no = first_line;
  std::size_t start = 0;
  while (start <= block.size()) {
    const std::size_t end = std::min(block.find('\n', start), block.size());
    std::string_view line = block.substr(start, end - start);
    const std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    std::size_t i = 0;
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i < line.size()) {
      const std::size_t name_start = i;
      if (!(std::isalpha(static_cast<unsigned char>(line[i])) || line[i] == '_'))
        throw parse_error({line_no, static_cast<int>(i) + 1}, "expected a name at the start of the line");
      while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '/')) ++i;
      const std::string name = canonical_name(line.substr(name_start, i - name_start));
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i >= line.size() || line[i] != '=')
        throw parse_error({line_no, static_cast<int>(i) + 1}, "expected '=' after " + name);
      ++i;
      const std::string_view text = line.substr(i);
      if (text.find_first_not_of(" \t\r") == std::string_view::npos)
        throw parse_error({line_no, static_cast<int>(i) + 1}, "expected a value after '='");
      out.push_back({name, std::string(text), parse_expression(text, {line_no, static_cast<int>(i) + 1}), {line_no, static_cast<int>(name_start) + 1}});
    }
    if (end == block.size()) break;
    start = end + 1;
    ++line_no;
  }
  return out;
}

}  // namespace gradecheck::expr
