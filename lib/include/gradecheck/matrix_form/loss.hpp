#pragma once
/// Loss gradients in double-precision vector form (see ops/loss.hpp for the formulas).

#include "gradecheck/ops/loss.hpp"

#include <armadillo>

namespace gradecheck::matrix_form {

/// Returns c (p - y) * 2 with c = 1/2 or 1.
arma::vec squared_error_gradient(const arma::vec& p, const arma::vec& y, ops::half_factor half);
/// Returns (2/n)(p - y).
arma::vec mse_gradient(const arma::vec& p, const arma::vec& y);
/// Returns (p - y) / (p (1 - p)).
arma::vec bce_gradient(const arma::vec& p, const arma::vec& y);
/// Returns sigma(z) - y.
arma::vec bce_with_logits_gradient(const arma::vec& z, const arma::vec& y);
/// Returns -y / p.
arma::vec cross_entropy_gradient(const arma::vec& p, const arma::vec& y);
/// Returns softmax(z) sum(y) - y.
arma::vec cross_entropy_with_logits_gradient(const arma::vec& z, const arma::vec& y);

}  // namespace gradecheck::matrix_form
