#include "gradecheck/report/csv.hpp"

#include "gradecheck/numeric/format.hpp"

namespace gradecheck::report {

namespace {
std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
std::string number(double x) { return numeric::to_general(x); }
}  // namespace

std::string to_csv(const std::vector<grade::report>& reports) {
  std::string out = "submission,score,max_score,unreadable";
  if (!reports.empty())
    for (const auto& g : reports.front().results) out += "," + quoted(g.name);
  out += "\n";
  for (const auto& r : reports) {
    out += quoted(r.submission) + "," + number(r.score) + "," + number(r.max_score) + "," + (r.unreadable ? "yes" : "no");
    for (const auto& g : r.results) out += "," + std::string(grade::name_of(g.outcome));
    out += "\n";
  }
  return out;
}

}  // namespace gradecheck::report
