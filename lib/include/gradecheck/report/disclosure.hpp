#pragma once
/// What a student may see of the key: the instructor's choice. `never` (the
/// default) shows no reference value, reference formula or fix, only the kind
/// of mistake and where; `after_due_date` shows them in Gradescope tests that
/// become visible after the due date (PrairieLearn has no such tests, so there
/// it is `never`); `always` is the TA's view.

#include "gradecheck/cases/case.hpp"

#include <set>
#include <string>
#include <string_view>

namespace gradecheck::report {

enum class reveal { never, after_due_date, always };

/// Returns the policy called `name` ("never", "after_due_date", "always"); throws std::invalid_argument.
reveal reveal_named(std::string_view name);

/// How a report is written for its reader.
struct view {
  bool show_key = false;          ///< reference values, reference formulas, fixes, intervals
  std::set<std::string> visible;  ///< the names a student has seen: givens, asked quantities, the statement's symbols
  bool plain_words = true;        ///< verdicts in words (student-facing formats); machine names otherwise
};

/// Returns the view of case c's reports under `policy`: the key is shown only
/// for `always` (Gradescope's after_due_date tests ask for it themselves).
view make_view(const cases::case_file& c, reveal policy);

}  // namespace gradecheck::report
