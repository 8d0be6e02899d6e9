#pragma once
/// Activations applied to whole vectors in double precision with Armadillo.

#include "gradecheck/ops/activation.hpp"

#include <armadillo>

namespace gradecheck::matrix_form {

/// Returns f(z) element-wise.
arma::vec apply(const ops::activation<double>& f, const arma::vec& z);
/// Returns f'(z) element-wise, written as vector expressions (sigma (1 - sigma), 1 - tanh^2, ...).
arma::vec derivative(const ops::activation<double>& f, const arma::vec& z);

}  // namespace gradecheck::matrix_form
