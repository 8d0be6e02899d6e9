#pragma once
// The prepared points of a case's formula questions, kept by an autograder's setup in
// DIR/<case id>.points (formula/prepared_file.hpp) and read for every submission.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/grade.hpp"

#include <filesystem>
#include <string>

namespace gradecheck::cli {

/// Writes DIR/<id>.points for a case with formula questions; returns false (and writes nothing) for one without.
bool save_points(const cases::case_file& c, const std::filesystem::path& dir);

/// Returns the reference of c with its formula points read from DIR/<id>.points when that file was
/// made from c's own text; otherwise prepared anew, saying why on standard error.
grade::reference reference_with_points(const cases::case_file& c, const std::filesystem::path& dir);

}  // namespace gradecheck::cli
