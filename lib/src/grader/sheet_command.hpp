#pragma once
// `grader template CASE [--student ID]` and `grader template CASE --roster FILE.csv -o DIR`.

#include <string>

namespace gradecheck::cli {

struct sheet_options {
  std::string case_path;
  std::string student;  ///< one student's sheet; empty: the case's own givens
  std::string roster;   ///< a CSV of students: one sheet each, under `output`
  std::string output;   ///< the folder of the sheets
};

/// Prints the sheet (the blank answer file with the statement and the student's numbers), or
/// writes one per student of the roster: DIR/<student>/<case id>.txt, and DIR/variants.json, every
/// student's givens as data (for a PrairieLearn question's server.py). Returns the exit status.
int run_template(const sheet_options& options);

}  // namespace gradecheck::cli
