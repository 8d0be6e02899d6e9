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

/// Returns the case at `arg` with `student`'s givens (empty: the case's own), verified; a case
/// without [variants] gives every student its own givens, and says so on stderr.
inline cases::variant load_variant(const std::string& arg, const std::string& student,
                                   cases::verification verify = cases::verification::checked) {
  const auto c = cases::load_case(resolve_case(arg));
  if (!student.empty() && c.variants.empty())
    std::cerr << "grader: note: " << c.id << " declares no [variants]; student " << student << " gets the case's own givens\n";
  return cases::variant_for(c, student, verify);
}

/// Returns the case at `arg` for `student` (empty: its own givens), refusing one whose derivation
/// fails its derivative checks: nobody should be graded against a wrong key. `verified_before`:
/// the case's own givens were verified when the autograder was set up (a student's variant is
/// still verified, since its numbers are drawn now).
inline cases::case_file load_verified_case(const std::string& arg, const std::string& student = "", bool verified_before = false) {
  const bool own = student.empty() || cases::load_case(resolve_case(arg)).variants.empty();
  auto v = load_variant(arg, student, verified_before && own ? cases::verification::unchecked : cases::verification::checked);
  for (const auto& chk : v.checks)
    if (!chk.passed)
      throw cases::case_error(v.c.path.string() + ":" + std::to_string(chk.line) + ": " + chk.name + " is not " + chk.claim + ": " + chk.detail +
                              "; the case cannot be used for grading");
  return std::move(v.c);
}

}  // namespace gradecheck::cli
