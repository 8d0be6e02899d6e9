#pragma once
/// A student's variant of a case: the givens of [variants] drawn from a
/// generator seeded by the case id and the student id, everything else as
/// the case has it. A draw is redrawn, deterministically, while its numbers
/// break a constraint, cannot be evaluated, or its derivation fails the
/// derivative checks (cases/verify.hpp), so that no student is graded
/// against an unchecked key.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/cases/verify.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/numeric/real.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace gradecheck::cases {

/// Why draws were thrown away: per reason ("constraint z1_off_the_kink",
/// "evaluation", "verification"), how many times.
using redraw_counts = std::map<std::string, std::size_t>;

/// A student's variant, and what it took to draw it.
struct variant {
  case_file c;                                ///< the case with the student's givens; c.student is set
  std::map<std::string, std::string> givens;  ///< the drawn givens, as written in c
  redraw_counts redraws;
  std::size_t draws = 1;                      ///< draws made, the accepted one included
  std::vector<derivative_check> checks;       ///< the accepted variant's derivative checks (empty when not verified)
};

/// Whether a draw must also pass the derivative checks before it is accepted.
enum class verification { checked, unchecked };

/// Returns the variant of case c for `student`. Without [variants], or for an empty student, the
/// case itself with its own givens (c.student set). Throws case_error when 1000 draws in a row are
/// rejected, or when the derivation fails its checks with the case's own givens too.
variant variant_for(const case_file& c, const std::string& student, verification verify = verification::checked);

/// Returns the constraints of c's [variants] that the values break (their names), in order.
std::vector<std::string> broken_constraints(const case_file& c, const expr::environment<numeric::real50>& values);

}  // namespace gradecheck::cases
