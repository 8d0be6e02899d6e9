#pragma once
/// Loading a case file: TOML for the structure, the expression language for
/// givens and derivations. Every error names the file, line and column, with
/// a caret under the place.

#include "gradecheck/cases/case.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace gradecheck::cases {

/// A case that cannot be used, with a message of the form
/// "file:line:column: what was expected" and a picture of the line.
struct case_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Returns a case_error for `path` at `at`: the message and a caret under the place.
case_error error_at(const std::filesystem::path& path, expr::position at, const std::string& message);

/// Returns the case at `path` (a case.toml, or a folder holding one).
/// Throws case_error.
case_file load_case(const std::filesystem::path& path);

/// Returns the case written in `text`, as if read from `path`. Throws case_error.
case_file parse_case(const std::string& text, const std::filesystem::path& path);

}  // namespace gradecheck::cases
