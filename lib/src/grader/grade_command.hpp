#pragma once
// `grader grade CASE SUBMISSION...` and `grader solve CASE`.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/submission.hpp"
#include "gradecheck/grade/verdict.hpp"
#include "gradecheck/report/disclosure.hpp"

#include <map>
#include <string>
#include <vector>

namespace gradecheck::cli {

struct grade_options {
  std::string case_path;
  std::vector<std::string> submissions;  ///< files, or folders of them
  std::string format = "text";           ///< text, json, gradescope, prairielearn
  std::string output;                    ///< a file (one submission) or a folder (several)
  std::string csv;
  std::string expect;                    ///< a file of `name = verdict` lines the grades must match
  std::vector<std::string> credit;       ///< verdict=fraction, over the case's [grading] credit
  std::string reveal;                    ///< never, after_due_date, always; empty: the case's [grading] reveal
  std::string syntax = "auto";           ///< how answers are read: plain, latex or auto
  std::string section;                   ///< a write-up: the heading to grade ("Problem 1"); empty: the case's section
  unsigned jobs = 0;                     ///< 0: every core
  std::string summary;                   ///< a class summary of the batch: FILE.json or FILE.html
  std::string student;                   ///< grade against this student's variant of the case
  bool student_per_file = false;         ///< each submission's student is its file name (without extension)
  std::string roster;                    ///< with student_per_file: every file must be named after a student of this CSV
};

/// Reads an answer file, or a write-up (.md, .tex, .ipynb, or a .txt of Markdown with display math) bound to the case.
grade::submission read_any(const std::string& file, const cases::case_file& c, const grade::reading_options& reading, const std::string& section);

/// Returns the credit policy: the defaults, then the case's [grading] credit, then `specs` (verdict=fraction).
grade::credit_policy credit_from(const cases::case_file& c, const std::vector<std::string>& specs);

/// Returns the disclosure policy: `option` when given, the case's [grading] reveal otherwise.
report::reveal reveal_from(const cases::case_file& c, const std::string& option);

/// Grades the submissions; returns the exit status (0 graded, 1 some unreadable or unexpected).
int run_grade(const grade_options& options);

struct solve_options {
  std::string case_path;
  int significant = 0;                      ///< round every asked quantity to this many digits (0: 50)
  std::vector<std::string> set;             ///< name=value: a student's own (wrong) value, carried on
  std::string student;                      ///< this student's variant of the case
};

/// Prints the answers of a student who works step by step, rounding each answer they write down.
int run_solve(const solve_options& options);

}  // namespace gradecheck::cli
