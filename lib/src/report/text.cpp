#include "gradecheck/report/text.hpp"

#include "gradecheck/numeric/format.hpp"
#include "gradecheck/report/feedback.hpp"

#include <sstream>

namespace gradecheck::report {

namespace {

std::string number(double x) { return numeric::to_general(x); }

bool full_credit(const grade::graded& g) { return g.score >= g.max_score; }

bool not_charged(grade::verdict v) {
  return v == grade::verdict::correct || v == grade::verdict::correct_rounded || v == grade::verdict::carried_forward ||
         v == grade::verdict::repeated_mistake;
}

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

std::string to_text(const grade::report& r, const view& how) {
  std::ostringstream out;
  out << "case " << r.case_id << ", submission " << file_name(r.submission) << "\n";
  out << "score " << number(r.score) << " / " << number(r.max_score) << "\n";
  for (const auto& p : r.parts) out << "  " << p.name << ": " << number(p.score) << " / " << number(p.max_score) << "\n";
  if (!r.issues.empty()) {
    out << "\nProblems in the file (line:column):\n";
    for (const auto& i : r.issues) out << "  " << i.where.line << ":" << i.where.column << "  " << i.message << "\n";
  }
  bool any = false;
  for (const auto& g : r.results) {
    if (not_charged(g.outcome)) continue;
    if (!any) out << "\nWhat is wrong, in the order of the derivation:\n";
    any = true;
    out << "  " << g.name << ": " << verdict_text(g.outcome, how) << (g.student.empty() ? "" : " (you wrote " + as_written(g) + ")") << "\n";
    if (const std::string f = feedback(g, how); !f.empty()) out << "      " << f << "\n";
    if (const std::string line = fix(g, how); !line.empty()) out << "      fix: " << line << "\n";
  }
  std::string carried, repeated;
  for (const auto& g : r.results) {
    if (g.outcome == grade::verdict::carried_forward) carried += " " + g.name;
    if (g.outcome == grade::verdict::repeated_mistake) repeated += " " + g.name + " (as in " + g.compared.charged_at + ")";
  }
  if (!carried.empty())
    out << "\nCarried forward from an earlier error, not charged again:" << carried
        << "\n  (each follows correctly from your own earlier numbers; fix the earlier error and they change with it)\n";
  if (!repeated.empty()) out << "\nThe same mistake repeated, charged once:" << repeated << "\n";
  if (!any && carried.empty() && repeated.empty() && r.issues.empty()) out << "\nEverything is right.\n";

  if (!r.bindings.empty() || !r.unbound.empty() || !r.section.empty()) {
    const auto at = [](const expr::position& p, int cell) {
      return (cell ? "cell " + std::to_string(cell) + ", " : std::string()) + "line " + std::to_string(p.line);
    };
    out << "\nRead from the write-up" << (r.section.empty() ? "" : " (section \"" + r.section + "\")") << ":\n";
    for (const auto& b : r.bindings)
      out << "  " << b.quantity << " = " << b.written << " (" << at(b.where, b.cell) << (b.how == "given" ? ", a given restated: bound by its value" : b.how == "inside" ? ", read inside the function" : "") << ")\n";
    if (!r.unbound.empty()) out << "Not bound to a quantity:\n";
    for (const auto& u : r.unbound) out << "  " << at(u.where, u.cell) << ": " << u.written << ": " << u.why << "\n";
  }

  out << "\nEvery answer:\n";
  std::size_t width = 4, verdict_width = 8;
  for (const auto& g : r.results) {
    width = std::max(width, g.name.size());
    verdict_width = std::max(verdict_width, verdict_text(g.outcome, how).size());
  }
  for (const auto& g : r.results) {
    const std::string name = g.name + std::string(width - g.name.size(), ' ');
    std::string verdict = verdict_text(g.outcome, how);
    verdict += std::string(verdict_width + 2 - verdict.size(), ' ');
    out << "  " << name << "  " << verdict << number(g.score) << "/" << number(g.max_score) << "   " << (g.student.empty() ? "-" : as_written(g))
        << (how.show_key ? "   (reference " + g.compared.reference + ")" : "") << "\n";
  }
  return out.str();
}

}  // namespace gradecheck::report
