#include "roster.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <stdexcept>

namespace gradecheck::cli {

namespace {

constexpr std::size_t max_roster_bytes = 8 << 20;  // 100,000 students at 80 bytes a row

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& text, const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  int line = 1, column = 0;
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a spreadsheet's byte-order mark
  auto end_row = [&] {
    row.push_back(field);
    field.clear();
    was_quoted = false;
    if (!(row.size() == 1 && row[0].empty())) rows.push_back(row);
    row.clear();
  };
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    ++column;
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        if (ch == '\n') ++line, column = 0;
        field += ch;
      }
      continue;
    }
    if (ch == '"') {
      if (!field.empty() || was_quoted)
        throw std::runtime_error(path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": a quote inside an unquoted field; quote the whole field");
      quoted = was_quoted = true;
    } else if (ch == ',') {
      row.push_back(field);
      field.clear();
      was_quoted = false;
    } else if (ch == '\n') {
      end_row();
      ++line, column = 0;
    } else if (ch != '\r') {
      if (was_quoted)
        throw std::runtime_error(path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": expected a comma or the end of the line after a quoted field");
      field += ch;
    }
  }
  if (quoted) throw std::runtime_error(path + ":" + std::to_string(line) + ": a quoted field is not closed");
  if (!field.empty() || !row.empty()) end_row();
  return rows;
}

std::vector<std::string> read_roster(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the roster");
  std::string text;
  text.resize(max_roster_bytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > max_roster_bytes) throw std::runtime_error(path + ": a roster is at most 8 MiB");
  const auto rows = parse_csv(text, path);
  if (rows.empty()) throw std::runtime_error(path + ":1:1: expected a header line naming the columns (email, sid or id)");
  const auto& header = rows[0];
  std::size_t id_column = 0, role_column = header.size();
  bool found = false;
  for (const char* wanted : {"email", "sid", "id", "student"})
    for (std::size_t k = 0; k < header.size() && !found; ++k)
      if (lowered(header[k]) == wanted) id_column = k, found = true;
  for (std::size_t k = 0; k < header.size(); ++k)
    if (lowered(header[k]) == "role") role_column = k;
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (role_column < row.size() && !lowered(row[role_column]).empty() && lowered(row[role_column]) != "student") continue;
    std::string id = id_column < row.size() ? row[id_column] : "";
    id.erase(0, id.find_first_not_of(" \t"));
    id.erase(id.find_last_not_of(" \t") + 1);
    const std::string where = path + ": row " + std::to_string(r + 1);
    if (id.empty()) throw std::runtime_error(where + ": no " + header[id_column] + " in the column of student ids");
    if (!seen.insert(folder_name(id)).second) throw std::runtime_error(where + ": the student " + id + " is listed twice");
    out.push_back(id);
  }
  if (out.empty()) throw std::runtime_error(path + ": no students in the roster");
  return out;
}

std::string folder_name(const std::string& id) {
  std::string out = id;
  for (auto& ch : out)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '@' || ch == '.' || ch == '_' || ch == '+' || ch == '-')) ch = '_';
  if (out.find_first_not_of('.') == std::string::npos) out = "_" + out;  // never . or ..
  return out;
}

}  // namespace gradecheck::cli
