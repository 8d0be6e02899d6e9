#pragma once
/// The readable report: what is wrong first, each with its reason (and, when
/// the key may be shown, the fix), then every answer in the case's order.

#include "gradecheck/grade/finding.hpp"
#include "gradecheck/report/disclosure.hpp"

#include <string>

namespace gradecheck::report {

/// Returns the report as text for a person.
std::string to_text(const grade::report& r, const view& how);

/// Returns the one-line summary used in batch mode: "file: score / max (n wrong, m missing)".
std::string to_line(const grade::report& r);

}  // namespace gradecheck::report
