#pragma once
/// How a case's givens vary from student to student ([variants]): per given a
/// range and the decimals its values are written with, or a list of choices;
/// and constraints on the derived quantities that every student's numbers
/// must meet (a pre-activation a margin away from a kink, a gradient far
/// enough from 0 that a sign error shows). Givens not named keep their value.

#include "gradecheck/expr/assignments.hpp"

#include <string>
#include <vector>

namespace gradecheck::cases {

/// One given that varies.
struct varied_given {
  std::string name;
  double lo = 0, hi = 0;             ///< the range every entry is drawn from, when there are no choices
  int decimals = 2;                  ///< digits after the point of a drawn entry
  std::vector<std::string> choices;  ///< otherwise: the values to choose from, as written ("0.5", "[1, 0]")
  expr::position where;              ///< of its line in the case file
};

/// The variants of a case. Empty: every student gets the case's own givens.
struct variant_rules {
  std::vector<varied_given> givens;
  std::vector<expr::assignment> constraints;  ///< name = condition on givens and derived quantities; every entry non-zero

  [[nodiscard]] bool empty() const { return givens.empty(); }
};

}  // namespace gradecheck::cases
