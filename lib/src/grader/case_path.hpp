#pragma once
// CASE on the command line: a case.toml, a folder holding one, or an id under ./cases.

#include "gradecheck/cases/load.hpp"
#include "gradecheck/cases/verify.hpp"

#include <filesystem>
#include <string>

namespace gradecheck::cli {

inline std::filesystem::path resolve_case(const std::string& arg) {
  if (std::filesystem::exists(arg)) return arg;
  const std::filesystem::path under_cases = std::filesystem::path("cases") / arg;
  if (std::filesystem::exists(under_cases)) return under_cases;
  throw cases::case_error(arg + ": no such case file, folder, or id under ./cases");
}

/// Returns the case at `arg`, refusing one whose own derivation fails its derivative checks:
/// nobody should be graded against a wrong key.
inline cases::case_file load_verified_case(const std::string& arg) {
  auto c = cases::load_case(resolve_case(arg));
  for (const auto& chk : cases::verify_derivatives(c))
    if (!chk.passed)
      throw cases::case_error(c.path.string() + ":" + std::to_string(chk.line) + ": " + chk.name + " is not " + chk.claim + ": " + chk.detail + "; the case cannot be used for grading");
  return c;
}

}  // namespace gradecheck::cli
