#pragma once
/// A case's prepared points (expected.hpp) written to a file and read back, so
/// that an autograder prepares them once, at setup, rather than for every
/// submission: drawing the points and evaluating the symbols and reference
/// formulas there is most of the time of grading one formula answer. Every
/// value is written in hexadecimal, exactly. The file carries a fingerprint of
/// what it was made from; a file made from anything else is not used.

#include "gradecheck/formula/expected.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gradecheck::formula {

/// Returns the file's text: the points the questions share, each once, and each question's samples.
std::string write_prepared(const std::map<std::string, prepared_question>& prepared, const std::string& fingerprint);

/// A file that is not one write_prepared wrote.
struct prepared_file_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Returns the prepared questions of `text`, bound to d and all, or nothing when the file was made
/// with another fingerprint. Throws prepared_file_error on anything malformed.
std::optional<std::map<std::string, prepared_question>> read_prepared(std::string_view text, const domain& d, const std::vector<question>& all,
                                                                     const std::string& fingerprint);

}  // namespace gradecheck::formula
