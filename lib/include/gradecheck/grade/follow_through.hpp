#pragma once
/// Follow-through that rewards work done. A step earns carried_forward from a
/// wrong earlier value only if, on the student's own values, it is still the
/// computation the problem asks for. It is not when
/// - its result is 0 where the reference's is not (loss = 0 from o1 = t1);
/// - it no longer responds to an input it visibly responds to at the
///   reference: moving the input by its own size (or, at 0, by the
///   reference's size) either way changes the reference result by the
///   problem's tolerance or more, and the student's by less than a millionth
///   of that (z3 = w5 h1 + w6 h2 + b2 with h1 = h2 = 0 ignores w5 and w6); a
///   whole move, not a derivative, so that y (1 - y) at y = 1/2 still counts;
/// - it leaves one of its inputs where it was when the reference moves it
///   (w5_new = w5 after dL_dw5 = 0).
/// Inputs are the givens and the student's own answers: quantities the
/// student did not write down are replaced by their definitions first.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/finding.hpp"
#include "gradecheck/grade/tolerance.hpp"

#include <functional>
#include <optional>

namespace gradecheck::grade {

/// Returns `step` with every derived quantity for which `is_input` is false
/// replaced by its definition, recursively (at most `max_nodes` nodes: beyond,
/// names are left as they are).
expr::node inlined(const expr::node& step, const cases::case_file& c, const std::function<bool(const std::string&)>& is_input,
                   std::size_t max_nodes = 20'000);

/// Returns the reason an inlined step no longer does its work at the `student`
/// values (a trivial_step naming the input whose effect vanished, empty when
/// the result is 0, or an unchanged_update naming the input it returns), or nothing. `half_widths`
/// holds the tolerance of each entry of the step's value.
std::optional<diagnosis> removes_the_work(const expr::node& step, const expr::environment<numeric::real50>& student,
                                          const expr::environment<numeric::real50>& reference,
                                          const std::vector<numeric::real50>& half_widths);

}  // namespace gradecheck::grade
