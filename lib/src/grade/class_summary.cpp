#include "gradecheck/grade/class_summary.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace gradecheck::grade {

namespace {

// Scores are sums of fractions of points: two students with the same marks may differ in the
// last bits of their sums, so a score is counted to 1e-9 of a point.
double counted(double score) { return std::round(score * 1e9) / 1e9; }

std::vector<score_count> spread(const std::map<double, std::size_t>& counts) {
  std::vector<score_count> out;
  for (const auto& [score, n] : counts) out.push_back({score, n});
  return out;
}

double points_of(const cases::case_file& c, const std::vector<std::string>& names) {
  double sum = 0;
  for (const auto& n : names)
    if (const auto* a = c.find_asked(n)) sum += a->points;
  return sum;
}

double part_score_of(const report& r, const cases::part& p) {
  for (const auto& ps : r.parts)
    if (ps.name == p.name) return ps.score;
  double sum = 0;  // a report scored without the case's parts
  for (const auto& g : r.results)
    if (std::find(p.quantities.begin(), p.quantities.end(), g.name) != p.quantities.end()) sum += g.score;
  return sum;
}

}  // namespace

std::size_t quantity_summary::not_accepted() const {
  std::size_t n = 0;
  for (const auto& [v, count] : verdicts)
    if (!accepted(v)) n += count;
  return n;
}

diagnosis as_counted(const diagnosis& d) {
  diagnosis out = d;
  if (d.kind == mistake::two_answers) {
    out.params.erase("lines");
    out.params.erase("other");
  } else if (d.kind == mistake::inferred_intermediate) {
    out.params.erase("value");
  }
  return out;
}

class_summary summarize(const cases::case_file& c, const std::vector<report>& reports, std::size_t top, std::size_t examples) {
  class_summary s;
  s.case_id = c.id;
  s.submissions = reports.size();
  for (const auto& a : c.ask) {
    quantity_summary q;
    q.name = a.name;
    for (const auto v : all_verdicts) q.verdicts[v] = 0;
    for (const auto& r : reports) {
      const auto g = std::find_if(r.results.begin(), r.results.end(), [&](const graded& x) { return x.name == a.name; });
      if (g == r.results.end()) continue;
      ++q.submissions;
      ++q.verdicts[g->outcome];
      if (g->diagnoses.empty()) continue;
      const diagnosis d = as_counted(g->diagnoses.front());
      auto m = std::find_if(q.mistakes.begin(), q.mistakes.end(), [&](const mistake_count& x) { return x.what == d; });
      if (m == q.mistakes.end()) m = q.mistakes.insert(q.mistakes.end(), mistake_count{d, 0, {}});
      ++m->count;
      if (m->examples.size() < examples) m->examples.push_back(std::filesystem::path(r.submission).filename().string());
    }
    // stable: of two mistakes made equally often, the one found first stays first
    std::stable_sort(q.mistakes.begin(), q.mistakes.end(), [](const mistake_count& x, const mistake_count& y) { return x.count > y.count; });
    if (q.mistakes.size() > top) q.mistakes.resize(top);
    s.quantities.push_back(std::move(q));
  }
  for (const auto& p : c.parts) {
    std::map<double, std::size_t> counts;
    for (const auto& r : reports) ++counts[counted(part_score_of(r, p))];
    s.parts.push_back({p.name, points_of(c, p.quantities), spread(counts)});
  }
  std::vector<std::string> all;
  for (const auto& a : c.ask) all.push_back(a.name);
  std::map<double, std::size_t> totals;
  for (const auto& r : reports) ++totals[counted(r.score)];
  s.total = {"", points_of(c, all), spread(totals)};
  return s;
}

}  // namespace gradecheck::grade
