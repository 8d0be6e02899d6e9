#pragma once
// CASE on the command line: a case.toml, a folder holding one, or an id under ./cases.

#include "gradecheck/cases/load.hpp"

#include <filesystem>
#include <string>

namespace gradecheck::cli {

inline std::filesystem::path resolve_case(const std::string& arg) {
  if (std::filesystem::exists(arg)) return arg;
  const std::filesystem::path under_cases = std::filesystem::path("cases") / arg;
  if (std::filesystem::exists(under_cases)) return under_cases;
  throw cases::case_error(arg + ": no such case file, folder, or id under ./cases");
}

}  // namespace gradecheck::cli
