#pragma once
/// Grading one submission against a case, the way a careful TA would:
/// within tolerance is correct; a value the step gives from the student's
/// own written (rounded) inputs is correct_rounded, or carried_forward when
/// one of those inputs was wrong; otherwise the grader looks for the mistake
/// (a sign, a factor, a mistake the case names, one edit of the step's
/// expression) before calling it wrong. Every verdict records the comparison.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/formula/expected.hpp"
#include "gradecheck/grade/submission.hpp"
#include "gradecheck/grade/verdict.hpp"
#include "gradecheck/numeric/real.hpp"

#include <map>
#include <string>
#include <vector>

namespace gradecheck::grade {

/// The case evaluated once, shared by every submission of a batch.
struct reference {
  const cases::case_file* c = nullptr;
  expr::environment<numeric::real50> values;
  std::map<std::string, formula::prepared_question> formulas;  ///< the formula questions' points and reference values
};

/// Returns the reference of case c.
reference make_reference(const cases::case_file& c);

/// The exact comparison behind a verdict, so that anyone can check the grader.
struct comparison {
  std::string reference;          ///< the 50-digit value, to 12 digits
  std::string tolerance;          ///< the case's tolerance, described
  std::string expression;         ///< the step's expression in the case
  std::string interval;           ///< what the step gives from the student's inputs, "[lo, hi]"
  std::string reproduced_by;      ///< the edited expressions that give the student's number, if any
  std::map<std::string, std::string> used;  ///< the student's earlier answers the step used, as written
};

/// The grade of one asked quantity.
struct graded {
  std::string name;
  verdict outcome = verdict::missing;
  double score = 0;
  double max_score = 0;
  std::string student;    ///< the text as written, empty when missing
  std::string feedback;   ///< the reason and the fix
  comparison compared;
};

/// The score of one part of a case ([ask.parts]).
struct part_score {
  std::string name;
  double score = 0;
  double max_score = 0;
};

/// The grade of one submission.
struct report {
  std::string case_id;
  std::string submission;  ///< the file's path as given
  std::vector<graded> results;  ///< in the case's ask order
  std::vector<issue> issues;
  bool unreadable = false;  ///< the file, or at least one answer, could not be read
  double score = 0;
  double max_score = 0;
  std::vector<part_score> parts;  ///< per part, when the case defines parts
  std::size_t searched_answers = 0;    ///< answers for which the one-edit search ran
  std::size_t search_evaluations = 0;  ///< expressions evaluated by that search
};

/// Options of grading.
struct grading_options {
  credit_policy credit = credit_policy::defaults();
  std::size_t max_search = 2000;  ///< evaluations of one-edit variants per wrong answer
};

/// Returns the grade of `s` against the reference.
report grade_submission(const reference& ref, const submission& s, const grading_options& options = {});

}  // namespace gradecheck::grade
