#pragma once
/// Evaluating a case's derivation: the givens, then each derived quantity in
/// order, each seeing the values before it.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/evaluate.hpp"

#include <optional>
#include <string>

namespace gradecheck::cases {

/// A value put in place of a quantity's own definition (for finite differences).
template <class Real>
struct override_value {
  std::string name;
  expr::value<Real> with;
};

/// Returns the value of every given and derived quantity. Throws case_error
/// naming the quantity whose evaluation failed.
template <class Real>
expr::environment<Real> evaluate_case(const case_file& c, const std::optional<override_value<Real>>& replace = std::nullopt);

}  // namespace gradecheck::cases
