#pragma once
// A class roster as a CSV file (RFC 4180: quoted fields, "" for a quote,
// commas and newlines inside quotes). The student's id is the column named
// email (Gradescope's roster export, and the email Gradescope's
// submission_metadata.json gives the autograder), else sid, id or student,
// else the first column. Rows whose role column says anything but student
// (TAs, instructors) are left out.

#include <string>
#include <vector>

namespace gradecheck::cli {

/// Returns the students' ids in the order of the file. Throws std::runtime_error
/// naming the file, line and column of anything malformed, an empty or repeated id.
std::vector<std::string> read_roster(const std::string& path);

/// Returns the CSV's rows, each a list of fields; `path` names the text in errors.
std::vector<std::vector<std::string>> parse_csv(const std::string& text, const std::string& path);

/// Returns the id as a folder name: letters, digits and @ . _ + - kept, anything else as _.
std::string folder_name(const std::string& id);

}  // namespace gradecheck::cli
