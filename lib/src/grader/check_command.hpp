#pragma once
// grader check FILE...: every chain of a write-up checked link by link, with no case.

#include <string>
#include <vector>

namespace gradecheck::cli {

struct check_options {
  std::vector<std::string> files;
  std::string format = "text";  ///< text or json
  bool all = false;             ///< also list the links that hold and those not checked
  std::string expect;           ///< one file: `line:column fails` lines the failing links must be, exactly (exit 1 otherwise)
};

/// Checks each file; returns 0 when no link fails, 1 when one does, 2 when a file cannot be read.
int run_check(const check_options& options);

}  // namespace gradecheck::cli
