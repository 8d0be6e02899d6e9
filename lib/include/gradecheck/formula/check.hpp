#pragma once
/// Checking a submitted formula by property-based random testing: it is
/// evaluated in 50 digits at the question's points (fixed ones first) and
/// compared with what it should give there. When it fails, the grader says
/// how (negated, scaled, transposed, of the wrong shape, one of the mistakes
/// it was told to look for, undefined) and shows a counterexample shrunk the
/// way RapidCheck shrinks one: smaller sizes, smaller indices, simpler
/// numbers, as long as the formula still fails there.

#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/formula/counterexample.hpp"
#include "gradecheck/formula/expected.hpp"

#include <optional>

#include <string>
#include <vector>

namespace gradecheck::formula {

/// How a formula relates to the reference.
enum class finding {
  agrees,       ///< at every point
  negated,      ///< is minus the reference at every point
  scaled,       ///< is the reference times a constant or a scalar symbol (factor: "2", "m", "1/m")
  transposed,   ///< is the reference's transpose
  wrong_shape,  ///< has another shape, or cannot be evaluated for its shapes
  alternative,  ///< equals one of the alternatives given at every point
  undefined,    ///< agrees where defined, but is undefined at a point where the reference is not
  differs,      ///< none of the above
};

/// A formula a student may have written instead (the caller knows what each means).
struct alternative {
  expr::node expression;
  bool named = false;  ///< a mistake the case names: tried before negation and scalings, being more specific
};

/// The outcome of a check.
struct result {
  finding what = finding::differs;
  std::string factor;           ///< scaled: "2", "1/2", "10", "1/10", "m", "1/m"
  std::string expected_shape;   ///< transposed, wrong_shape: "3x2" (empty when the shapes clash only for some sizes)
  std::string got_shape;
  std::size_t alternative = 0;  ///< the alternative matched, when what == alternative
  std::optional<counterexample> example;  ///< the shrunk point where the formula fails
  bool too_costly = false;      ///< beyond the operation budget: not checked
  std::size_t points = 0;       ///< points at which the formula was compared
  std::size_t evaluations = 0;  ///< evaluations of the formula, shrinking included
};

/// Bounds of one check: the cost of each evaluation, and of shrinking.
struct check_limits {
  std::size_t max_entries = 100'000;             ///< of any value the answer computes
  std::size_t max_operations = 2'000'000;        ///< over all evaluations of the answer, shrinking included
  std::size_t shrink_steps = 300;                ///< points tried while shrinking
};

/// Returns how `answer` relates to the reference of p's question. Tried in order:
/// a different shape or the transpose, the named alternatives, negation, the
/// scalings 2, 1/2, 10, 1/10 and every scalar symbol of the domain and its
/// inverse, then the other alternatives.
result check(const prepared_question& p, const expr::node& answer, const std::vector<alternative>& alternatives,
             const check_limits& limits = {});

/// Returns the names an expression uses that are not among `symbols`, nor bound by a sum(k, ...).
std::vector<std::string> unknown_names(const expr::node& n, const std::vector<std::string>& symbols);

/// Returns the function names an expression calls that the language does not know.
std::vector<std::string> unknown_functions(const expr::node& n);

}  // namespace gradecheck::formula
