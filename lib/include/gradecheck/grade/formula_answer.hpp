#pragma once
/// Grading formula answers: each is checked by random testing against its
/// question's reference (formula/check.hpp) and the finding becomes a verdict
/// with the shrunk counterexample as feedback. An update rule with a
/// [trajectory] is first run as an optimizer; a formula that is right in
/// terms of another answer that is wrong is carried_forward.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/formula/expected.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/grade/submission.hpp"

#include <map>
#include <string>

namespace gradecheck::grade {

/// The case's formula questions with their points and reference values, by name.
using prepared_formulas = decltype(reference::formulas);

/// Returns the prepared formula questions of c (which must outlive them).
prepared_formulas prepare_formulas(const cases::case_file& c);

/// Returns the grade of every formula question s answers or the case asks, by
/// name (scores are left to the caller). `evaluations` counts formula evaluations.
std::map<std::string, graded> grade_formula_answers(const cases::case_file& c, const prepared_formulas& prepared, const submission& s,
                                                    std::size_t& evaluations);

}  // namespace gradecheck::grade
