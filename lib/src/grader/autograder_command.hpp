#pragma once
// Gradescope and PrairieLearn: `grader autograde` grades one student's files
// inside the platform's layout; `grader gradescope` and `grader prairielearn`
// package an autograder that builds gradecheck and calls it.

#include <filesystem>
#include <string>
#include <vector>

namespace gradecheck::cli {

struct autograde_options {
  std::vector<std::string> cases;
  std::string format = "gradescope";  ///< gradescope or prairielearn
  std::string submission_dir;         ///< the student's files: <case id>.txt or .json, or the only such file
  std::string results;                ///< results.json to write
  std::string reveal;                 ///< never, after_due_date, always; empty: each case's [grading] reveal
  std::string syntax = "auto";        ///< how answers are read: plain, latex or auto
  std::string student;                ///< whose variant; empty: the platform's metadata says (student_of)
  bool verified_at_setup = false;     ///< the cases' own derivations were verified by setup.sh: not again per submission
  std::string points;                 ///< a folder of the cases' prepared formula points (verify --save-points); empty: prepared here
};

/// Returns the student of a submission in the platform's layout: Gradescope's first user's email in
/// submission_metadata.json beside the submission folder; PrairieLearn's data/data.json beside it,
/// params.gradecheck_student (set by the question's server.py) or else the variant seed. Empty when
/// there is no such file. Throws std::runtime_error when the file is there but unreadable.
std::string student_of(const std::string& format, const std::filesystem::path& submission_dir);

/// Grades the submission against every case and writes one results file; returns 0.
int run_autograde(const autograde_options& options);

struct package_options {
  std::vector<std::string> cases;
  std::string platform = "gradescope";  ///< gradescope or prairielearn
  std::string output;                   ///< a folder; the archive is written into it
  std::string source = ".";             ///< the gradecheck source tree to ship
  std::string reveal;                   ///< passed to autograde; empty: each case's [grading] reveal
};

/// Writes the autograder archive for the platform; returns 0.
int run_package(const package_options& options);

}  // namespace gradecheck::cli
