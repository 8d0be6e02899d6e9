#pragma once
/// Softmax and its Jacobian in double-precision matrix form: J = diag(s) - s s^T.

#include <armadillo>

namespace gradecheck::matrix_form {

/// Returns softmax(z) = exp(z - max z) / sum exp(z - max z).
arma::vec softmax(const arma::vec& z);
/// Returns log softmax(z) = z - max z - log sum exp(z - max z).
arma::vec log_softmax(const arma::vec& z);
/// Returns the Jacobian diag(s) - s s^T for s = softmax(z).
arma::mat softmax_jacobian(const arma::vec& s);
/// Returns the Jacobian of log-softmax, I - 1 s^T.
arma::mat log_softmax_jacobian(const arma::vec& s);

}  // namespace gradecheck::matrix_form
