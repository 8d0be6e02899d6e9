#include "gradecheck/report/json.hpp"

#include "gradecheck/report/text.hpp"

#include <nlohmann/json.hpp>

namespace gradecheck::report {

namespace {

nlohmann::ordered_json issues_of(const grade::report& r) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& i : r.issues) out.push_back({{"line", i.where.line}, {"column", i.where.column}, {"message", i.message}});
  return out;
}

std::string test_output(const grade::graded& g) {
  std::string out = std::string(grade::name_of(g.outcome));
  if (!g.student.empty()) out += ": you wrote " + g.student;
  if (!g.feedback.empty()) out += "\n" + g.feedback;
  out += "\nreference " + g.compared.reference + ", tolerance " + g.compared.tolerance;
  if (!g.compared.interval.empty()) out += ", this step from your inputs gives " + g.compared.interval;
  return out;
}

}  // namespace

std::string to_json(const grade::report& r) {
  nlohmann::ordered_json doc;
  doc["case"] = r.case_id;
  doc["submission"] = r.submission;
  doc["score"] = r.score;
  doc["max_score"] = r.max_score;
  doc["unreadable"] = r.unreadable;
  auto parts = nlohmann::ordered_json::array();
  for (const auto& p : r.parts) parts.push_back({{"name", p.name}, {"score", p.score}, {"max_score", p.max_score}});
  doc["parts"] = parts;
  auto results = nlohmann::ordered_json::array();
  for (const auto& g : r.results) {
    nlohmann::ordered_json used = nlohmann::ordered_json::object();
    for (const auto& [name, text] : g.compared.used) used[name] = text;
    results.push_back({{"name", g.name},
                       {"verdict", std::string(grade::name_of(g.outcome))},
                       {"score", g.score},
                       {"max_score", g.max_score},
                       {"student", g.student},
                       {"reference", g.compared.reference},
                       {"feedback", g.feedback},
                       {"comparison",
                        {{"tolerance", g.compared.tolerance},
                         {"expression", g.compared.expression},
                         {"interval", g.compared.interval},
                         {"reproduced_by", g.compared.reproduced_by},
                         {"used", used}}}});
  }
  doc["results"] = results;
  doc["issues"] = issues_of(r);
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string to_gradescope(const grade::report& r) {
  nlohmann::ordered_json doc;
  doc["score"] = r.score;
  doc["output"] = to_line(r) + (r.issues.empty() ? "" : "\n" + std::to_string(r.issues.size()) + " problem(s) in the file: see the first test");
  doc["visibility"] = "visible";
  doc["stdout_visibility"] = "hidden";
  auto tests = nlohmann::ordered_json::array();
  if (!r.issues.empty()) {
    std::string text;
    for (const auto& i : r.issues) text += "line " + std::to_string(i.where.line) + ", column " + std::to_string(i.where.column) + ": " + i.message + "\n";
    tests.push_back({{"name", "format of the answer file"}, {"score", 0}, {"max_score", 0}, {"status", "failed"}, {"output", text}, {"visibility", "visible"}});
  }
  for (const auto& g : r.results)
    tests.push_back({{"name", g.name},
                     {"score", g.score},
                     {"max_score", g.max_score},
                     {"status", g.score >= g.max_score ? "passed" : "failed"},
                     {"output", test_output(g)},
                     {"visibility", "visible"}});
  doc["tests"] = tests;
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string to_prairielearn(const grade::report& r) {
  nlohmann::ordered_json doc;
  doc["gradable"] = true;
  doc["score"] = r.max_score > 0 ? r.score / r.max_score : 0.0;
  doc["message"] = to_line(r);
  std::string output;
  for (const auto& i : r.issues) output += "line " + std::to_string(i.where.line) + ", column " + std::to_string(i.where.column) + ": " + i.message + "\n";
  doc["output"] = output;
  auto tests = nlohmann::ordered_json::array();
  for (const auto& g : r.results)
    tests.push_back({{"name", g.name},
                     {"description", std::string(grade::name_of(g.outcome))},
                     {"points", g.score},
                     {"max_points", g.max_score},
                     {"message", g.feedback},
                     {"output", test_output(g)}});
  doc["tests"] = tests;
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace gradecheck::report
