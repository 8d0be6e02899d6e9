#include "gradecheck/report/json.hpp"

#include "gradecheck/report/feedback.hpp"
#include "gradecheck/report/text.hpp"
#include "gradecheck/numeric/format.hpp"

#include <nlohmann/json.hpp>

namespace gradecheck::report {

namespace {

using json = nlohmann::ordered_json;

std::string dumped(const json& doc) { return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

json issues_of(const grade::report& r) {
  auto out = json::array();
  for (const auto& i : r.issues) out.push_back({{"line", i.where.line}, {"column", i.where.column}, {"message", i.message}});
  return out;
}

json diagnosis_json(const grade::diagnosis& d) {
  json out = {{"kind", std::string(grade::name_of(d.kind))}};
  for (const auto& [k, v] : d.params) out[k] = v;
  return out;
}

std::string test_output(const grade::graded& g, const view& how) {
  std::string out = verdict_text(g.outcome, how);
  if (!g.student.empty()) out += ": you wrote " + as_written(g);
  if (const std::string f = feedback(g, how); !f.empty()) out += "\n" + f;
  out += "\ntolerance " + g.compared.tolerance;
  if (how.show_key) {
    out += ", reference " + g.compared.reference;
    if (!g.compared.interval.empty()) out += ", this step from your inputs gives " + g.compared.interval;
    if (const std::string line = fix(g, how); !line.empty() && g.score < g.max_score) out += "\nfix: " + line;
  }
  return out;
}

// The one-line summary a student sees: their file's name, no folders of the grading machine.
std::string summary(const grade::report& r) { return file_name(r.submission) + to_line(r).substr(r.submission.size()); }

}  // namespace

std::string to_json(const grade::report& r, const view& how) {
  json doc;
  doc["case"] = r.case_id;
  doc["submission"] = r.submission;
  doc["score"] = r.score;
  doc["max_score"] = r.max_score;
  doc["unreadable"] = r.unreadable;
  doc["key_shown"] = how.show_key;
  auto parts = json::array();
  for (const auto& p : r.parts) parts.push_back({{"name", p.name}, {"score", p.score}, {"max_score", p.max_score}});
  doc["parts"] = parts;
  auto results = json::array();
  for (const auto& g : r.results) {
    json used = json::object();
    for (const auto& [name, text] : g.compared.used) used[name] = text;
    json entries = json::array();
    for (const auto& e : g.entries) {
      json entry = {{"row", e.row}, {"col", e.col}, {"verdict", std::string(grade::name_of(e.outcome))}, {"student", e.student}};
      if (how.show_key) entry["reference"] = e.reference;
      entries.push_back(entry);
    }
    json also = json::array();
    for (std::size_t k = 1; k < g.diagnoses.size(); ++k) also.push_back(diagnosis_json(g.diagnoses[k]));
    results.push_back({{"name", g.name},
                       {"verdict", std::string(grade::name_of(g.outcome))},
                       {"score", g.score},
                       {"max_score", g.max_score},
                       {"student", g.student},
                       {"read_as", g.read_as.empty() ? json(nullptr) : json(g.read_as)},
                       {"readings", g.readings},
                       {"where", g.student.empty() ? json(nullptr)
                                                   : g.cell ? json{{"cell", g.cell}, {"line", g.where.line}, {"column", g.where.column}}
                                                            : json{{"line", g.where.line}, {"column", g.where.column}}},
                       {"reference", how.show_key ? g.compared.reference : ""},
                       {"feedback", feedback(g, how)},
                       {"diagnosis", g.diagnoses.empty() ? json(nullptr) : diagnosis_json(g.diagnoses.front())},
                       {"other_diagnoses", also},
                       {"entries", entries},
                       {"comparison",
                        {{"tolerance", g.compared.tolerance},
                         {"expression", how.show_key ? g.compared.expression : ""},
                         {"interval", how.show_key ? g.compared.interval : ""},
                         {"reproduced_by", how.show_key ? g.compared.reproduced_by : ""},
                         {"used", used},
                         {"follows_from", g.compared.follows_from},
                         {"charged_at", g.compared.charged_at}}}});
  }
  doc["results"] = results;
  doc["issues"] = issues_of(r);
  if (!r.bindings.empty() || !r.unbound.empty() || !r.section.empty()) {
    json bindings = json::array(), unbound = json::array();
    for (const auto& b : r.bindings)
      bindings.push_back({{"quantity", b.quantity}, {"written", b.written}, {"how", b.how}, {"line", b.where.line}, {"column", b.where.column}, {"cell", b.cell}});
    for (const auto& u : r.unbound)
      unbound.push_back({{"written", u.written}, {"why", u.why}, {"line", u.where.line}, {"column", u.where.column}, {"cell", u.cell}});
    doc["writeup"] = {{"section", r.section}, {"bindings", bindings}, {"unbound", unbound}};
  }
  return dumped(doc);
}

std::string to_gradescope(const grade::report& r, const view& how, reveal policy) {
  json doc;
  doc["score"] = r.score;
  doc["output"] = summary(r) + (r.issues.empty() ? "" : "\n" + std::to_string(r.issues.size()) + " problem(s) in the file: see the first test");
  doc["visibility"] = "visible";
  doc["stdout_visibility"] = "hidden";
  auto tests = json::array();
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
                     {"output", test_output(g, how)},
                     {"visibility", "visible"}});
  if (policy == reveal::after_due_date) {
    view key = how;
    key.show_key = true;
    for (const auto& g : r.results)
      tests.push_back({{"name", g.name + ": the worked answer"},
                       {"score", 0},
                       {"max_score", 0},
                       {"output", test_output(g, key)},
                       {"visibility", "after_due_date"}});
  }
  doc["tests"] = tests;
  return dumped(doc);
}

std::string to_prairielearn(const grade::report& r, const view& how) {
  json doc;
  doc["gradable"] = true;
  doc["score"] = r.max_score > 0 ? r.score / r.max_score : 0.0;
  doc["message"] = summary(r);
  std::string output;
  for (const auto& i : r.issues) output += "line " + std::to_string(i.where.line) + ", column " + std::to_string(i.where.column) + ": " + i.message + "\n";
  doc["output"] = output;
  auto tests = json::array();
  for (const auto& g : r.results)
    tests.push_back({{"name", g.name},
                     {"description", verdict_text(g.outcome, how)},
                     {"points", g.score},
                     {"max_points", g.max_score},
                     {"message", feedback(g, how)},
                     {"output", test_output(g, how)}});
  doc["tests"] = tests;
  return dumped(doc);
}

}  // namespace gradecheck::report
