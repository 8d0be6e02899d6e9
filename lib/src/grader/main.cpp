// grader: the command line of gradecheck.
//
//   grader gradcheck [--digits N] [--seed S]     every reference op against finite differences
//   grader verify CASE... [--student ID] [--save-points DIR]   check every derivative a case claims (and keep its formula points)
//   grader key CASE [--digits N] [--format F] [--student ID]   the answer key (text, markdown, latex, json)
//   grader key CASE --compare FILE               fail on any byte of difference from FILE
//   grader template CASE [--student ID]          the blank answer file, with the student's numbers
//   grader template CASE --roster FILE.csv -o DIR   one sheet per student of the roster
//   grader grade CASE SUBMISSION... [--format F] [-o OUT] [--csv FILE] [--expect FILE] [--credit V=F] [--reveal R] [--syntax S]
//                [--summary FILE.json|FILE.html] [--student ID | --student-from-file-name]
//   grader solve CASE [--round N] [--set name=value] [--student ID]   a step-by-step student's answers
//   grader check FILE... [--format F] [--all]    every chain of a write-up (.md, .tex, .ipynb) checked link by link
//   grader gradescope|prairielearn CASE... -o DIR   an autograder archive for the platform
//   grader autograde CASE... --format F --submission DIR --results FILE [--verified-at-setup] [--points DIR]   (run inside the platform)
//
// CASE is a case.toml, a folder holding one, or an id under ./cases.
// Exit status: 0 done, 1 a check failed or a key differs, 2 unusable command line or case.

#include "gradecheck/cases/key.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/cases/verify.hpp"
#include "gradecheck/diff/gradient_check.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/ops/catalog.hpp"
#include "autograder_command.hpp"
#include "check_command.hpp"
#include "case_path.hpp"
#include "grade_command.hpp"
#include "prepared_points.hpp"
#include "sheet_command.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

namespace cases = gradecheck::cases;
using gradecheck::cli::resolve_case;
using gradecheck::numeric::real50;


int gradcheck(int digits, std::uint64_t seed) {
  bool all_passed = true;
  for (const auto& op : gradecheck::ops::op_catalog<real50>(seed)) {
    const auto report = gradecheck::diff::check_jacobian(op.value, op.point, op.jacobian(op.point));
    all_passed = all_passed && report.passed();
    std::cout << "== " << op.name << " (" << gradecheck::numeric::to_fixed(report.worst_digits(), 1) << " digits agree at worst)\n"
              << gradecheck::diff::to_table(report, digits) << "\n";
  }
  std::cout << (all_passed ? "all ops passed\n" : "SOME OPS FAILED\n");
  return all_passed ? 0 : 1;
}

// Prints each derivative check of the case; returns true when all pass.
bool report_checks(const cases::case_file& c, const std::vector<cases::derivative_check>& checks, std::ostream& out) {
  bool ok = true;
  for (const auto& chk : checks) {
    ok = ok && chk.passed;
    if (!chk.passed)
      out << c.path.string() << ":" << chk.line << ": " << chk.name << " is not " << chk.claim
          << ": " << chk.detail << "\n";
  }
  return ok;
}

// "2 redraws (constraint z1_off_the_kink: 1, verification: 1)", or "no redraws".
std::string redraws_text(const cases::redraw_counts& counts) {
  std::size_t total = 0;
  std::string why;
  for (const auto& [reason, n] : counts) {
    total += n;
    why += (why.empty() ? "" : ", ") + reason + ": " + std::to_string(n);
  }
  if (total == 0) return "no redraws";
  return std::to_string(total) + (total == 1 ? " redraw (" : " redraws (") + why + ")";
}

int verify(const std::vector<std::string>& ids, const std::string& student, const std::string& save_points) {
  bool all = true;
  for (const auto& id : ids) {
    const auto v = gradecheck::cli::load_variant(id, student);
    const auto& c = v.c;
    const auto& checks = v.checks;
    const bool ok = report_checks(c, checks, std::cout);
    if (ok && !save_points.empty() && gradecheck::cli::save_points(c, save_points))
      std::cout << c.id << ": the formula questions' points saved in " << save_points << "/" << c.id << ".points\n";
    double least = 50;
    for (const auto& chk : checks) least = std::min(least, chk.digits);
    const std::string text = checks.empty() ? "no derivative quantities to check"
                                            : std::to_string(checks.size()) + (checks.size() == 1 ? " derivative" : " derivatives") + " checked, least agreement " +
                                                  gradecheck::numeric::to_fixed(least, 1) + " digits";
    std::cout << c.id << (student.empty() ? "" : " for student " + student) << ": " << (ok ? "ok, " : "FAILED, ") << text;
    if (!student.empty() && !c.variants.empty()) std::cout << "; " << redraws_text(v.redraws);
    std::cout << "\n";
    all = all && ok;
  }
  return all ? 0 : 1;
}

int key(const std::string& id, const std::string& student, int digits, const std::string& format, const std::string& compare_with) {
  const auto v = gradecheck::cli::load_variant(id, student);
  const auto& c = v.c;
  const auto& checks = v.checks;
  if (!report_checks(c, checks, std::cerr)) {
    std::cerr << c.id << ": the derivation is wrong; no key is written\n";
    return 1;
  }
  const auto f = format == "markdown" ? cases::key_format::markdown
                 : format == "latex"  ? cases::key_format::latex
                 : format == "json"   ? cases::key_format::json
                                      : cases::key_format::text;
  const std::string text = cases::write_key(c, checks, f, digits);
  if (compare_with.empty()) {
    std::cout << text;
    return 0;
  }
  std::ifstream in(compare_with, std::ios::binary);
  if (!in) throw cases::case_error(compare_with + ": cannot read the stored key");
  const std::string stored{std::istreambuf_iterator<char>(in), {}};
  if (stored == text) return 0;
  std::istringstream a(stored), b(text);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) break;
    if (la != lb || ga != gb) {
      std::cerr << compare_with << ":" << line << ": the stored key differs from the regenerated one\n  stored:      " << (ga ? la : "(end)")
                << "\n  regenerated: " << (gb ? lb : "(end)") << "\nrefresh with: bash ci/refresh-keys.sh\n";
      break;
    }
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gradecheck: 50-digit reference answers and gradient checks for neural-network homework", "grader"};
  app.require_subcommand(1);

  int digits = 12;
  std::uint64_t seed = 2025;
  auto* gc = app.add_subcommand("gradcheck", "check every reference op's analytic derivative against finite differences in 50 digits");
  gc->add_option("--digits", digits, "significant digits printed")->check(CLI::Range(1, 50));
  gc->add_option("--seed", seed, "seed of the sample points");

  std::vector<std::string> ids;
  std::string student;
  auto* ver = app.add_subcommand("verify", "check every derivative quantity of the cases against finite differences");
  ver->add_option("CASE", ids, "case files, folders or ids")->required();
  ver->add_option("--student", student, "verify this student's variant of the cases (and say how many draws it took)");
  std::string save_points;
  ver->add_option("--save-points", save_points, "save each verified case's formula points in this folder, for autograde --points");

  std::string id, format = "text", compare_with;
  int key_digits = 50;
  auto* k = app.add_subcommand("key", "print the answer key of a case");
  k->add_option("CASE", id, "case file, folder or id")->required();
  k->add_option("--digits", key_digits, "significant digits")->check(CLI::Range(1, 50));
  k->add_option("--format", format, "text, markdown, latex or json (the key as data)")->check(CLI::IsMember({"text", "markdown", "latex", "json"}));
  k->add_option("--student", student, "the key of this student's variant");
  k->add_option("--compare", compare_with, "compare with a stored key instead of printing; exit 1 on any difference");

  auto* t = app.add_subcommand("template", "print the blank answer file of a case");
  gradecheck::cli::sheet_options so_sheets;
  t->add_option("CASE", id, "case file, folder or id")->required();
  t->add_option("--student", student, "the sheet of this student's variant: the statement with their numbers");
  t->add_option("--roster", so_sheets.roster, "a CSV of students (an email, sid or id column): one sheet per student, written under -o");
  t->add_option("-o,--output", so_sheets.output, "with --roster: the folder of the sheets");

  gradecheck::cli::grade_options go;
  auto* gr = app.add_subcommand("grade", "grade submitted answer files against a case");
  gr->add_option("CASE", go.case_path, "case file, folder or id")->required();
  gr->add_option("SUBMISSION", go.submissions, "answer files, or folders of them")->required();
  gr->add_option("--format", go.format, "text, json, gradescope, prairielearn or html")
      ->check(CLI::IsMember({"text", "json", "gradescope", "prairielearn", "html"}));
  gr->add_option("-o,--output", go.output, "write the report to this file (a folder for several submissions)");
  gr->add_option("--csv", go.csv, "write a CSV gradebook");
  gr->add_option("--expect", go.expect, "a file of 'name = verdict' lines the grades must match (exit 1 otherwise)");
  gr->add_option("--credit", go.credit, "credit of a verdict, e.g. sign_error=0.5 (repeatable; over the case's [grading] credit)");
  gr->add_option("--reveal", go.reveal, "what a student sees of the key: never, after_due_date or always (default: the case's, else never)")
      ->check(CLI::IsMember({"never", "after_due_date", "always"}));
  gr->add_option("--syntax", go.syntax, "how answers are read: plain, latex or auto (default: auto, each answer as it looks)")
      ->check(CLI::IsMember({"plain", "latex", "auto"}));
  gr->add_option("--section", go.section, "a write-up of several problems: the heading to grade, e.g. \"Problem 1\" (default: the case's section)");
  gr->add_option("--jobs", go.jobs, "threads (default: every core)");
  gr->add_option("--student", go.student, "grade against this student's variant of the case");
  gr->add_flag("--student-from-file-name", go.student_per_file, "each submission is graded against the variant of the student its file is named after (alice@uni.edu.txt)");
  gr->add_option("--roster", go.roster, "with --student-from-file-name: refuse a file named after no student of this CSV (a typo would grade against another variant)");
  gr->add_option("--summary", go.summary, "write a class summary of the batch: FILE.json (data) or FILE.html (a page for the instructor)");

  gradecheck::cli::check_options co;
  auto* ck = app.add_subcommand("check", "check every chain a = b = c of write-ups (.md, .tex, .ipynb) link by link, with no case");
  ck->add_option("FILE", co.files, "write-ups")->required();
  ck->add_option("--format", co.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  ck->add_flag("--all", co.all, "also list the links that hold and those not checked");
  ck->add_option("--expect", co.expect, "a file of 'line:column fails' lines: the failing links must be exactly these (exit 1 otherwise)");

  gradecheck::cli::solve_options so;
  auto* sv = app.add_subcommand("solve", "print the answers of a student who rounds every answer as they write it down");
  sv->add_option("CASE", so.case_path, "case file, folder or id")->required();
  sv->add_option("--round", so.significant, "significant digits of every written answer")->check(CLI::Range(1, 50));
  sv->add_option("--student", so.student, "solve this student's variant");
  sv->add_option("--set", so.set, "use this value for a quantity and carry on from it (name=value, repeatable)");

  gradecheck::cli::package_options po;
  auto* gs = app.add_subcommand("gradescope", "write a Gradescope autograder (autograder.zip) for the cases");
  auto* pl = app.add_subcommand("prairielearn", "write a PrairieLearn external grader (prairielearn-grader.zip) for the cases");
  for (auto* sub : {gs, pl}) {
    sub->add_option("CASE", po.cases, "case files, folders or ids")->required();
    sub->add_option("-o,--output", po.output, "the folder to write the archive into")->required();
    sub->add_option("--source", po.source, "the gradecheck source tree to ship (default: .)");
    sub->add_option("--reveal", po.reveal, "what students see of the key: never, after_due_date or always (default: each case's)")
        ->check(CLI::IsMember({"never", "after_due_date", "always"}));
  }
  gradecheck::cli::autograde_options ao;
  auto* ag = app.add_subcommand("autograde", "grade one student's files inside Gradescope's or PrairieLearn's layout");
  ag->add_option("CASE", ao.cases, "case files, folders or ids")->required();
  ag->add_option("--format", ao.format, "gradescope or prairielearn")->check(CLI::IsMember({"gradescope", "prairielearn"}));
  ag->add_option("--submission", ao.submission_dir, "the folder of the student's files")->required();
  ag->add_option("--results", ao.results, "the results.json to write")->required();
  ag->add_option("--reveal", ao.reveal, "never, after_due_date or always (default: each case's, else never)")
      ->check(CLI::IsMember({"never", "after_due_date", "always"}));
  ag->add_flag("--verified-at-setup", ao.verified_at_setup, "the cases were verified when the autograder was set up (setup.sh does): do not verify them again");
  ag->add_option("--student", ao.student, "the student (default: the platform's: Gradescope's submission_metadata.json, PrairieLearn's data.json)");
  ag->add_option("--points", ao.points, "the folder of the cases' formula points that verify --save-points wrote (setup.sh does)");
  ag->add_option("--syntax", ao.syntax, "how answers are read: plain, latex or auto (default: auto)")->check(CLI::IsMember({"plain", "latex", "auto"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (*gc) return gradcheck(digits, seed);
    if (*ver) return verify(ids, student, save_points);
    if (*k) return key(id, student, key_digits, format, compare_with);
    if (*t) {
      so_sheets.case_path = id;
      so_sheets.student = student;
      return gradecheck::cli::run_template(so_sheets);
    }
    if (*gr) return gradecheck::cli::run_grade(go);
    if (*gs || *pl) {
      po.platform = *gs ? "gradescope" : "prairielearn";
      return gradecheck::cli::run_package(po);
    }
    if (*ag) return gradecheck::cli::run_autograde(ao);
    if (*sv) return gradecheck::cli::run_solve(so);
    if (*ck) return gradecheck::cli::run_check(co);
  } catch (const cases::case_error& e) {
    std::cerr << "grader: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "grader: " << e.what() << "\n";
    return 2;
  }
  return 2;
}
