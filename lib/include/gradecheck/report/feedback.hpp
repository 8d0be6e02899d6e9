#pragma once
/// The words of a finding: what a student (or a TA) reads about one answer.
/// Made here, from the structured finding, under the view's disclosure: with
/// the key hidden, feedback says what kind of mistake it is and where, never
/// the reference value, formula or fix; it names only what the student saw.

#include "gradecheck/grade/finding.hpp"
#include "gradecheck/report/disclosure.hpp"

#include <string>

namespace gradecheck::report {

/// Returns the verdict in plain words: "right", "follows from your earlier error", ...
std::string plain(grade::verdict v);

/// Returns the verdict as the view says it: plain words, or the machine name.
std::string verdict_text(grade::verdict v, const view& how);

/// Returns what g's diagnosis means, in one clause ("w5 and w7 are swapped").
std::string describe(const grade::diagnosis& d, const view& how);

/// Returns the feedback on g: the reason, the mistake, and (when the view shows
/// the key) the expected value.
std::string feedback(const grade::graded& g, const view& how);

/// Returns the fix line, "dL_dh1 = delta_o1*w5 + delta_o2*w7 = 0.0363503063931",
/// or an empty string when the view hides the key (the expression is left out
/// when it names what the student never saw).
std::string fix(const grade::graded& g, const view& how);

/// Returns the submission's name as a student may see it: the file name, no folders.
std::string file_name(const std::string& submission);

/// Returns what the student wrote, with how a LaTeX answer was read: "\\sigma(z_1), read as sigmoid(z1)".
std::string as_written(const grade::graded& g);

}  // namespace gradecheck::report
