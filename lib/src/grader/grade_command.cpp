#include "grade_command.hpp"

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/expr/assignments.hpp"
#include "gradecheck/grade/class_summary.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/grade/simulate.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/report/csv.hpp"
#include "gradecheck/report/feedback.hpp"
#include "gradecheck/report/html.hpp"
#include "gradecheck/report/json.hpp"
#include "gradecheck/report/summary.hpp"
#include "gradecheck/report/text.hpp"
#include "gradecheck/writeup/bind.hpp"
#include "case_path.hpp"
#include "output_file.hpp"
#include "roster.hpp"

#include <mpfr.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <thread>

namespace gradecheck::cli {

namespace {

// A student's variant of the case and its reference, made once for all of the student's files.
struct student_case {
  explicit student_case(cases::case_file variant) : c(std::move(variant)), ref(grade::make_reference(c)) {}
  student_case(const student_case&) = delete;
  cases::case_file c;
  grade::reference ref;  // points into c
};

std::vector<std::filesystem::path> expand(const std::vector<std::string>& args) {
  std::vector<std::filesystem::path> out;
  for (const auto& a : args) {
    if (std::filesystem::is_directory(a)) {
      std::vector<std::filesystem::path> inside;
      // a folder's answer files: .txt and .json (other files, such as expected verdicts, are skipped)
      for (const auto& e : std::filesystem::directory_iterator(a))
        if (e.is_regular_file() && (e.path().extension() == ".txt" || e.path().extension() == ".json")) inside.push_back(e.path());
      std::sort(inside.begin(), inside.end());
      out.insert(out.end(), inside.begin(), inside.end());
    } else {
      out.emplace_back(a);
    }
  }
  return out;
}

// `how` is the case's view under `policy`, made once for the batch.
std::string render(const grade::report& r, const std::string& format, const cases::case_file& c, report::reveal policy, const report::view& how) {
  if (format == "html") return report::to_html(c, r, how);
  if (format == "gradescope") return report::to_gradescope(r, how, policy);
  if (format == "prairielearn") return report::to_prairielearn(r, how);
  if (format == "json") {
    auto machine = how;
    machine.plain_words = false;
    return report::to_json(r, machine);
  }
  return report::to_text(r, how);
}

// Compares the verdicts with a file of `name = verdict` lines, and the total with a line
// `score: X / Y` when there is one; prints every difference.
bool matches_expected(const grade::report& r, const std::string& path, const cases::case_file& c) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the expected verdicts");
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  std::map<std::string, std::string> expected;
  std::string expected_score;
  int line_no = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    ++line_no;
    line = line.substr(0, line.find('#'));
    const auto eq = line.find('=');
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (const auto at = line.find("score:"); at != std::string::npos && eq == std::string::npos) {
      expected_score = line.substr(at + 6);
      expected_score.erase(0, expected_score.find_first_not_of(" \t"));
      expected_score.erase(expected_score.find_last_not_of(" \t\r") + 1);
      continue;
    }
    if (eq == std::string::npos) throw std::runtime_error(path + ":" + std::to_string(line_no) + ": expected 'name = verdict' or 'score: X / Y'");
    auto trim = [](std::string s) {
      s.erase(0, s.find_first_not_of(" \t\r"));
      s.erase(s.find_last_not_of(" \t\r") + 1);
      return s;
    };
    expected[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
  }
  bool ok = true;
  auto how = report::make_view(c, report::reveal::always);  // a test's failures are read by the TA
  how.plain_words = false;
  for (const auto& g : r.results) {
    const auto it = expected.find(g.name);
    const std::string got(grade::name_of(g.outcome));
    if (it == expected.end()) {
      std::cerr << path << ": no expected verdict for " << g.name << " (graded " << got << ")\n";
      ok = false;
    } else if (it->second != got) {
      std::cerr << path << ": " << g.name << " expected " << it->second << ", graded " << got << " (" << report::feedback(g, how) << ")\n";
      ok = false;
    }
  }
  const std::string got_score = numeric::to_general(r.score) + " / " + numeric::to_general(r.max_score);
  if (!expected_score.empty() && expected_score != got_score) {
    std::cerr << path << ": score expected " << expected_score << ", graded " << got_score << "\n";
    ok = false;
  }
  return ok;
}

}  // namespace

grade::credit_policy credit_from(const cases::case_file& c, const std::vector<std::string>& specs) {
  auto policy = grade::credit_policy::defaults();
  for (const auto& [name, f] : c.grading.credit) policy.fraction[grade::verdict_named(name)] = f;
  for (const auto& s : specs) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("--credit expects verdict=fraction, got \"" + s + "\"");
    const double f = std::stod(s.substr(eq + 1));
    if (!(f >= 0 && f <= 1)) throw std::invalid_argument("--credit fraction must lie in [0, 1], got \"" + s + "\"");
    policy.fraction[grade::verdict_named(s.substr(0, eq))] = f;
  }
  return policy;
}

report::reveal reveal_from(const cases::case_file& c, const std::string& option) {
  return report::reveal_named(option.empty() ? c.grading.reveal : option);
}

namespace {

// A .txt file most of whose lines are no `name = value` and which holds display math is a write-up.
bool reads_as_writeup(const std::string& file, const grade::submission& as_answers) {
  if (as_answers.unreadable_file || as_answers.issues.size() <= as_answers.answers.size()) return false;
  std::ifstream in(file, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  return text.find("$$") != std::string::npos || text.find("\\[") != std::string::npos || text.find("\\begin{") != std::string::npos;
}

grade::submission read_writeup(const std::string& file, const cases::case_file& c, const expr::latex_symbols& symbols, const std::string& section) {
  try {
    return writeup::bind(writeup::read_document_file(file), file, c, symbols, section);
  } catch (const writeup::read_error& e) {
    grade::submission s;
    s.path = file;
    s.unreadable_file = true;
    s.issues.push_back({{e.where.line, e.where.column}, e.message});
    return s;
  }
}

}  // namespace

grade::submission read_any(const std::string& file, const cases::case_file& c, const grade::reading_options& reading, const std::string& section) {
  if (writeup::is_writeup(file)) return read_writeup(file, c, *reading.symbols, section);
  auto s = grade::read_submission(file, c, {}, reading);
  if (reading.how != expr::syntax::plain && reads_as_writeup(file, s)) return read_writeup(file, c, *reading.symbols, section);
  return s;
}

int run_grade(const grade_options& o) {
  const std::string summary_format = std::filesystem::path(o.summary).extension().string();
  if (!o.summary.empty() && summary_format != ".json" && summary_format != ".html")
    throw std::invalid_argument("--summary writes FILE.json or FILE.html, not \"" + o.summary + "\"");
  if (o.student_per_file && !o.student.empty()) throw std::invalid_argument("--student and --student-from-file-name do not go together");
  const auto files = expand(o.submissions);
  if (files.empty()) throw std::invalid_argument("no submission files");
  if (!o.roster.empty()) {
    if (!o.student_per_file) throw std::invalid_argument("--roster goes with --student-from-file-name");
    std::set<std::string> known;
    for (const auto& s : read_roster(o.roster)) known.insert(folder_name(s));
    for (const auto& f : files)
      if (!known.count(f.stem().string()))
        throw std::invalid_argument(f.string() + ": named after no student of " + o.roster + "; rename it to <student>" + f.extension().string());
  }
  // one verified case and reference per student; without --student, everyone's is the case's own
  const auto base = cases::load_case(resolve_case(o.case_path));
  std::map<std::string, std::unique_ptr<student_case>> variants;
  std::vector<const student_case*> case_of;
  for (const auto& f : files) {
    const std::string student = o.student_per_file ? f.stem().string() : o.student;
    auto& slot = variants[student];
    if (!slot) slot = std::make_unique<student_case>(verified_case(base, student, false, variants.size() > 1));
    case_of.push_back(slot.get());
  }
  const auto& c = variants.begin()->second->c;
  grade::grading_options options;
  options.credit = credit_from(c, o.credit);
  const auto policy = reveal_from(c, o.reveal);
  const auto how = report::make_view(c, policy);
  const auto symbols = cases::latex_symbols_of(c);
  const grade::reading_options reading{expr::syntax_named(o.syntax), &symbols};

  // A batch that only prints a line per file keeps the lines, not the reports (a report of 31
  // answers takes some 30 KB; a class of thousands would hold them all to the end).
  const bool keep_reports = files.size() == 1 || !o.output.empty() || !o.csv.empty() || !o.summary.empty() || !o.expect.empty();
  std::vector<grade::report> reports(keep_reports ? files.size() : 0);
  std::vector<std::string> lines(files.size());
  std::vector<char> unreadable(files.size(), 0);
  std::atomic<std::size_t> next{0};
  const unsigned jobs = std::max(1u, std::min<unsigned>(o.jobs ? o.jobs : std::thread::hardware_concurrency(),
                                                        static_cast<unsigned>(files.size())));
  auto work = [&] {
    for (std::size_t k = next++; k < files.size(); k = next++) {
      auto r = grade::grade_submission(case_of[k]->ref, read_any(files[k], case_of[k]->c, reading, o.section), options);
      lines[k] = report::to_line(r);
      unreadable[k] = r.unreadable;
      if (keep_reports) reports[k] = std::move(r);
    }
    mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);  // MPFR keeps per-thread caches of constants: free them before the thread ends
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  const bool any_unreadable = std::find(unreadable.begin(), unreadable.end(), 1) != unreadable.end();
  if (files.size() == 1) {
    const std::string text = render(reports[0], o.format, case_of[0]->c, policy, how);
    if (o.output.empty()) std::cout << text;
    else write_whole(o.output, text);
  } else {
    for (const auto& line : lines) std::cout << line << "\n";
    if (!o.output.empty()) {
      std::filesystem::create_directories(o.output);
      const std::string ext = o.format == "text" ? ".txt" : (o.format == "html" ? ".html" : ".json");
      for (std::size_t k = 0; k < reports.size(); ++k)
        write_whole(std::filesystem::path(o.output) / (std::filesystem::path(reports[k].submission).stem().string() + ext),
                    render(reports[k], o.format, case_of[k]->c, policy, how));
    }
  }
  if (!o.csv.empty()) write_whole(o.csv, report::to_csv(reports));
  if (!o.summary.empty()) {
    const auto summary = grade::summarize(c, reports);
    // the summary's reader is the instructor: mistakes are named as a TA reads them ("w5 and w7 are swapped"),
    // which names no reference value
    write_whole(o.summary, summary_format == ".json" ? report::to_summary_json(summary)
                                                     : report::to_summary_html(c, summary, report::make_view(c, report::reveal::always)));
  }
  if (!o.expect.empty()) {
    // a test of the grader: the status says whether the verdicts are the expected ones
    if (reports.size() != 1) throw std::invalid_argument("--expect takes exactly one submission");
    return matches_expected(reports[0], o.expect, c) ? 0 : 1;
  }
  return any_unreadable ? 1 : 0;
}

int run_solve(const solve_options& o) {
  using numeric::real50;
  const auto c = load_verified_case(o.case_path, o.student);
  std::map<std::string, expr::value<real50>> set;
  for (const auto& s : o.set) {
    const auto parsed = expr::parse_assignments(s, 1);
    if (parsed.size() != 1 || !c.find(parsed[0].name)) throw std::invalid_argument("--set expects name=value for a quantity of the case");
    set[parsed[0].name] = expr::evaluate<real50>(parsed[0].expression, {});
  }
  const int digits = o.significant > 0 ? o.significant : 50;
  std::string comment = c.id + (o.student.empty() ? "" : " (student " + o.student + ")") + ": every answer rounded to " + std::to_string(digits) +
                        " significant digits as it is written down";
  for (const auto& s : o.set) comment += "; " + s;
  std::cout << grade::answer_file(c, grade::simulate_student(c, digits, set), comment);
  return 0;
}

}  // namespace gradecheck::cli
