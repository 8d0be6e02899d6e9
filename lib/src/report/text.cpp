#include "gradecheck/report/text.hpp"

#include "gradecheck/numeric/format.hpp"
#include <sstream>

namespace gradecheck::report {

namespace {

std::string number(double x) { return numeric::to_general(x); }

bool full_credit(const grade::graded& g) { return g.score >= g.max_score; }

}  // namespace

std::string to_line(const grade::report& r) {
  int wrong = 0, missing = 0, unreadable = 0;
  for (const auto& g : r.results) {
    if (g.outcome == grade::verdict::missing) ++missing;
    else if (g.outcome == grade::verdict::unreadable) ++unreadable;
    else if (!full_credit(g)) ++wrong;
  }
  std::string line = r.submission + ": " + number(r.score) + " / " + number(r.max_score);
  line += " (" + std::to_string(wrong) + " wrong, " + std::to_string(missing) + " missing";
  if (unreadable) line += ", " + std::to_string(unreadable) + " unreadable";
  if (r.unreadable && unreadable == 0) line += ", file unreadable";
  return line + ")";
}

std::string to_text(const grade::report& r) {
  std::ostringstream out;
  out << "case " << r.case_id << ", submission " << r.submission << "\n";
  out << "score " << number(r.score) << " / " << number(r.max_score) << "\n";
  for (const auto& p : r.parts) out << "  " << p.name << ": " << number(p.score) << " / " << number(p.max_score) << "\n";
  if (!r.issues.empty()) {
    out << "\nProblems in the file (line:column):\n";
    for (const auto& i : r.issues) out << "  " << i.where.line << ":" << i.where.column << "  " << i.message << "\n";
  }
  bool any = false;
  for (const auto& g : r.results) {
    if (full_credit(g) && g.outcome != grade::verdict::carried_forward) continue;
    if (g.outcome == grade::verdict::carried_forward) continue;
    if (!any) out << "\nWhat is wrong, in the order of the derivation:\n";
    any = true;
    out << "  " << g.name << ": " << grade::name_of(g.outcome) << (g.student.empty() ? "" : " (you wrote " + g.student + ")") << "\n";
    out << "      " << g.feedback << "\n";
    // a formula answer's reference is itself a formula; a number's is the step's expression and its value
    out << "      fix: " << g.name << " = " << (g.compared.expression.empty() ? "" : g.compared.expression + " = ") << g.compared.reference << "\n";
  }
  std::string carried;
  for (const auto& g : r.results)
    if (g.outcome == grade::verdict::carried_forward) carried += " " + g.name;
  if (!carried.empty())
    out << "\nCarried forward from an earlier error, not charged again:" << carried
        << "\n  (each follows correctly from your own earlier numbers; fix the earlier error and they change with it)\n";
  if (!any && carried.empty() && r.issues.empty()) out << "\nEverything is right.\n";

  out << "\nEvery answer:\n";
  std::size_t width = 4;
  for (const auto& g : r.results) width = std::max(width, g.name.size());
  for (const auto& g : r.results) {
    std::string name = g.name + std::string(width - g.name.size(), ' ');
    std::string verdict(grade::name_of(g.outcome));
    verdict += std::string(verdict.size() < 16 ? 16 - verdict.size() : 1, ' ');
    out << "  " << name << "  " << verdict << number(g.score) << "/" << number(g.max_score) << "   "
        << (g.student.empty() ? "-" : g.student) << "   (reference " << g.compared.reference << ")\n";
  }
  return out.str();
}

}  // namespace gradecheck::report
