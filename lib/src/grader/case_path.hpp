#pragma once
// CASE on the command line: a case.toml, a folder holding one, or an id under ./cases.

#include "gradecheck/cases/load.hpp"
#include "gradecheck/cases/variant.hpp"
#include "gradecheck/cases/verify.hpp"

#include <filesystem>
#include <iostream>
#include <string>

namespace gradecheck::cli {

inline std::filesystem::path resolve_case(const std::string& arg) {
  if (std::filesystem::exists(arg)) return arg;
  const std::filesystem::path under_cases = std::filesystem::path("cases") / arg;
  if (std::filesystem::exists(under_cases)) return under_cases;
  throw cases::case_error(arg + ": no such case file, folder, or id under ./cases");
}

/// Returns case c with `student`'s givens (empty: its own), verified. A case without [variants]
/// gives every student its own givens, and says so on stderr unless `quiet`.
inline cases::variant variant_of(const cases::case_file& c, const std::string& student,
                                 cases::verification verify = cases::verification::checked, bool quiet = false) {
  if (!student.empty() && c.variants.empty() && !quiet)
    std::cerr << "grader: note: " << c.id << " declares no [variants]; student " << student << " gets the case's own givens\n";
  return cases::variant_for(c, student, verify);
}

/// Returns the case at `arg` for `student`, as variant_of does.
inline cases::variant load_variant(const std::string& arg, const std::string& student,
                                   cases::verification verify = cases::verification::checked) {
  return variant_of(cases::load_case(resolve_case(arg)), student, verify);
}

/// Returns case c for `student` (empty: its own givens), refusing it when its derivation fails its
/// derivative checks: nobody should be graded against a wrong key. `verified_before`: the case's
/// own givens were verified when the autograder was set up (a student's variant is still verified,
/// since its numbers are drawn now). `quiet`: a student named for a case without variants is no news.
inline cases::case_file verified_case(const cases::case_file& c, const std::string& student, bool verified_before = false, bool quiet = false) {
  const bool own = student.empty() || c.variants.empty();
  auto v = variant_of(c, student, verified_before && own ? cases::verification::unchecked : cases::verification::checked, quiet);
  for (const auto& chk : v.checks)
    if (!chk.passed)
      throw cases::case_error(v.c.path.string() + ":" + std::to_string(chk.line) + ": " + chk.name + " is not " + chk.claim + ": " + chk.detail +
                              "; the case cannot be used for grading");
  return std::move(v.c);
}

/// Returns the case at `arg` for `student`, as verified_case does.
inline cases::case_file load_verified_case(const std::string& arg, const std::string& student = "") {
  return verified_case(cases::load_case(resolve_case(arg)), student);
}

}  // namespace gradecheck::cli
