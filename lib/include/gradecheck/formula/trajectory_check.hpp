#pragma once
/// Checking an update rule by what it does: the submitted pair of equations
/// (new velocity, new parameter) is run for a few steps on random gradients
/// from the velocity at 0, and the parameter must follow the reference
/// optimizer of ops/optimizer.hpp step by step. Conventions that scale the
/// velocity differently but move the parameter the same way pass.

#include "gradecheck/formula/point.hpp"
#include "gradecheck/formula/question.hpp"

#include <string>

namespace gradecheck::formula {

struct trajectory_result {
  bool matches = false;
  std::string counterexample;  ///< the first run and step at which the parameter parts from the optimizer's
  std::size_t runs = 0;
  double digits = 0;  ///< when it matches: the least digits to which the parameter agrees with the optimizer's, over every step
};

/// Returns whether the rules `new_velocity` and `new_parameter` (which may use the
/// name t.new_velocity) reproduce t's optimizer on the domain, drawing from random::generator_for(case_id, "trajectory").
trajectory_result check_trajectory(const domain& d, const trajectory& t, const expr::node& new_velocity, const expr::node& new_parameter,
                                   const std::string& case_id);

}  // namespace gradecheck::formula
