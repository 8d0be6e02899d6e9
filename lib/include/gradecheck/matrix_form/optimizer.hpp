#pragma once
/// One optimizer step in double-precision vector form (see ops/optimizer.hpp).

#include "gradecheck/ops/optimizer.hpp"

#include <armadillo>

namespace gradecheck::matrix_form {

struct optimizer_state {
  arma::vec w, v, s;
  int t = 0;
};

/// Applies one step with gradient g to `state`.
void step(const ops::optimizer<double>& o, optimizer_state& state, const arma::vec& g);

}  // namespace gradecheck::matrix_form
