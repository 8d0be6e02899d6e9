#pragma once
/// Grading one submission against a case, the way a careful TA would:
/// within tolerance is correct; a value the step gives from the student's
/// own written inputs is correct_rounded, or carried_forward when one of
/// those inputs was wrong and the step still does the work it asks for; a
/// number right to fewer digits than asked is imprecise; otherwise the
/// grader looks for the mistake (a sign, a factor, a mistake the case names,
/// one edit of the step's expression) before calling it wrong. A mistake
/// repeated in parallel steps of a part is charged once. The findings are
/// data (finding.hpp); reports make the words.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/cases/printed.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/formula/expected.hpp"
#include "gradecheck/grade/acceptance.hpp"
#include "gradecheck/grade/finding.hpp"
#include "gradecheck/grade/submission.hpp"
#include "gradecheck/numeric/real.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace gradecheck::grade {

/// The case evaluated once, shared by every submission of a batch.
struct reference {
  const cases::case_file* c = nullptr;
  expr::environment<numeric::real50> values;
  std::map<std::string, formula::prepared_question> formulas;  ///< the formula questions' points and reference values
  std::map<std::string, std::vector<numeric::real50>> bands;   ///< per derived quantity and entry, the half-width its tolerance accepts
  std::map<std::string, cases::printed> shown;  ///< the asked numbers to 12 digits, as reports print them, each rounding certified
  std::map<std::string, graded> started;        ///< per derived quantity, its grade before its answer is read: the reference as shown, tolerance, step
  acceptance at_sight;                          ///< the answers accepted at sight (acceptance.hpp)
  /// per asked quantity (in the ask list's order), the asked numbers its step reads, directly or
  /// through unasked steps, when every asked number is answered
  std::vector<std::set<std::string>> inputs_when_all_answered;
};

/// Returns the reference of case c.
reference make_reference(const cases::case_file& c);

/// The same, with c's formula questions already prepared (formula::prepare_all, or read back from a file).
reference make_reference(const cases::case_file& c, std::map<std::string, formula::prepared_question> formulas);

/// Options of grading.
struct grading_options {
  credit_policy credit = credit_policy::defaults();
  std::size_t max_search = 2000;  ///< evaluations of one-edit variants per wrong answer
  bool at_sight = true;           ///< a submission of plain numbers all accepted at sight skips the grader (same report)
};

/// Returns the grade of `s` against the reference.
report grade_submission(const reference& ref, const submission& s, const grading_options& options = {});

}  // namespace gradecheck::grade
