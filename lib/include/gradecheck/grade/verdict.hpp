#pragma once
/// The verdicts, in the order a careful TA tries them. Their names are an
/// interface: they appear verbatim in every machine-readable report.

#include <array>
#include <map>
#include <string>
#include <string_view>

namespace gradecheck::grade {

enum class verdict {
  correct,           ///< within the case's tolerance of the 50-digit reference
  correct_rounded,   ///< right given the precision the student wrote for this step's inputs
  carried_forward,   ///< wrong only because it correctly uses the student's own earlier wrong value, in a step that still does the work
  imprecise,         ///< right to the digits written, but fewer digits than the problem asks for
  repeated_mistake,  ///< a mistake already charged once in this part, repeated in a parallel step
  sign_error,
  factor_error,      ///< off by x2, x1/2, x eta, x m, 1/m ...
  shape_error,       ///< transposed, or the wrong size
  known_mistake,     ///< a mistake the case names, with its feedback
  wrong,
  missing,
  unreadable,        ///< a format error: earns nothing until the line is fixed
};

inline constexpr std::array<verdict, 12> all_verdicts{
    verdict::correct,      verdict::correct_rounded, verdict::carried_forward, verdict::imprecise,
    verdict::repeated_mistake, verdict::sign_error,  verdict::factor_error,    verdict::shape_error,
    verdict::known_mistake, verdict::wrong,          verdict::missing,         verdict::unreadable};

/// Returns the verdict's name: "correct", "correct_rounded", ...
std::string_view name_of(verdict v);
/// Returns the verdict called `name`; throws std::invalid_argument.
verdict verdict_named(std::string_view name);
/// Returns true for the verdicts that take the student's value as right: correct,
/// correct_rounded, carried_forward (later steps may build on it).
bool accepted(verdict v);

/// The fraction of a quantity's points each verdict earns.
struct credit_policy {
  std::map<verdict, double> fraction;
  /// Full credit for correct, correct_rounded, carried_forward and repeated_mistake; half for
  /// imprecise; none otherwise.
  static credit_policy defaults();
  /// Returns the fraction for v.
  [[nodiscard]] double of(verdict v) const;
};

}  // namespace gradecheck::grade
