#pragma once
/// The gradebook of a batch: one row per submission, the verdict of every quantity.

#include "gradecheck/grade/finding.hpp"

#include <string>
#include <vector>

namespace gradecheck::report {

/// Returns the CSV gradebook (RFC 4180 quoting) of the reports, which share one case.
std::string to_csv(const std::vector<grade::report>& reports);

}  // namespace gradecheck::report
