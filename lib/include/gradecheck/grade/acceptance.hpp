#pragma once
/// Answers accepted at sight. Per asked quantity and entry, an open interval of
/// decimals that lies inside the band its tolerance accepts, drawn in from the
/// band's ends by far more than the rounding of a 50-digit computation: a plain
/// number written inside it is within tolerance however the band is computed,
/// which one exact comparison of decimals decides. A submission whose every
/// answer is such a number is correct throughout, and costs a parse and a
/// comparison per answer; any other goes through the whole grader.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/ast.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/numeric/decimal.hpp"
#include "gradecheck/numeric/real.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradecheck::grade {

/// The decimals strictly between lo and hi.
struct sure_interval {
  numeric::decimal lo, hi;
  [[nodiscard]] bool holds(const numeric::decimal& x) const;
};

/// One asked quantity's intervals, one per entry (row-major), with its shape.
struct sure_answer {
  std::size_t rows = 1, cols = 1;
  bool any_orientation = false;  ///< a vector that may be written as a row or a column
  std::vector<sure_interval> entries;
};

/// The intervals of every asked number of a case, in the order of its ask list; a formula, or a
/// quantity whose band is too narrow to draw in (a tolerance of a relative 1e-40 or less), has
/// none and is always graded.
struct acceptance {
  std::vector<std::optional<sure_answer>> answers;
};

/// Returns the intervals of the asked numbers of c, from their values and half-widths.
acceptance make_acceptance(const cases::case_file& c, const expr::environment<numeric::real50>& values,
                           const std::map<std::string, std::vector<numeric::real50>>& half_widths);

/// Returns the entries of an answer written as a plain number (-0.5933), a list of them
/// ([1, 2], a column) or a list of rows of two or more ([[1, 2], [3, 4]]), with its shape;
/// nothing for any other expression.
struct plain_numbers {
  std::size_t rows = 1, cols = 1;
  std::vector<numeric::decimal> entries;  ///< row-major, with their signs
};
std::optional<plain_numbers> plain_numbers_of(const expr::node& answer);

/// True when `answer` is a plain answer of the quantity's shape, every entry inside its interval.
bool accepted_at_sight(const sure_answer& sure, const expr::node& answer);

}  // namespace gradecheck::grade
