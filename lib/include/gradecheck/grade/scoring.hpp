#pragma once
/// Scoring: a mistake charged once, credit per verdict and per entry, and the
/// parts' sums.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/finding.hpp"

#include <vector>

namespace gradecheck::grade {

/// Returns the form of a step: its expression with each name replaced by its place among
/// the step's names ($0, $1, ...), so that w1 - eta*dL_dw1 and b1 - eta*dL_db1 read alike.
std::string form_of(const expr::node& step);

/// Marks as repeated_mistake every answer whose mistake (the same kind, with the
/// same parameters once each step's names are read by their place in it) was
/// already charged in a parallel step of the same part: a step whose expression
/// has the same form (w1 - eta*dL_dw1 and b1 - eta*dL_db1). Without parts, the
/// case is one part. `results` are in the case's ask order.
void charge_repeated_mistakes_once(const cases::case_file& c, std::vector<graded>& results);

/// Sets every result's score and maximum (a vector or matrix answer earns the
/// mean credit of its entries), the parts' sums and the total.
void score(const cases::case_file& c, const credit_policy& credit, report& r);

}  // namespace gradecheck::grade
