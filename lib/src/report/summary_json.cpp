#include "gradecheck/report/summary.hpp"

#include <nlohmann/json.hpp>

namespace gradecheck::report {

namespace {

using json = nlohmann::ordered_json;

json scores_json(const grade::score_distribution& d) {
  auto out = json::array();
  for (const auto& sc : d.scores) out.push_back({{"score", sc.score}, {"count", sc.count}});
  return out;
}

}  // namespace

std::string to_summary_json(const grade::class_summary& s) {
  json doc;
  doc["case"] = s.case_id;
  doc["submissions"] = s.submissions;
  auto quantities = json::array();
  for (const auto& q : s.quantities) {
    json verdicts = json::object();
    for (const auto v : grade::all_verdicts) {
      const auto it = q.verdicts.find(v);
      verdicts[std::string(grade::name_of(v))] = it == q.verdicts.end() ? 0 : it->second;
    }
    auto mistakes = json::array();
    for (const auto& m : q.mistakes) {
      json params = json::object();
      for (const auto& [k, v] : m.what.params) params[k] = v;
      mistakes.push_back({{"diagnosis", {{"kind", std::string(grade::name_of(m.what.kind))}, {"params", params}}},
                          {"count", m.count},
                          {"examples", m.examples}});
    }
    quantities.push_back({{"name", q.name}, {"verdicts", verdicts}, {"mistakes", mistakes}});
  }
  doc["quantities"] = quantities;
  auto parts = json::array();
  for (const auto& p : s.parts) parts.push_back({{"name", p.name}, {"max_score", p.max_score}, {"scores", scores_json(p)}});
  doc["parts"] = parts;
  doc["total"] = {{"max_score", s.total.max_score}, {"scores", scores_json(s.total)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace gradecheck::report
