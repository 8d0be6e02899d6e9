#pragma once
/// Batch normalization in double-precision matrix form, x of size m x d (one
/// row per example). The backward pass uses the compact form
///   dx = (1/m) (gamma / sigma) (m dy - sum_i dy - xhat sum_i(dy % xhat)),
/// which must agree with the six-step index form of ops/batch_norm.hpp.

#include <armadillo>

namespace gradecheck::matrix_form {

struct batch_norm_trace {
  arma::rowvec mu, var, sigma;  ///< per feature; sigma = sqrt(var + eps)
  arma::mat xhat, y;
};

struct batch_norm_gradients {
  arma::rowvec dbeta, dgamma;
  arma::mat dx;
};

/// Returns the forward trace.
batch_norm_trace batch_norm_forward(const arma::mat& x, const arma::rowvec& gamma, const arma::rowvec& beta, double eps);
/// Returns dL/dbeta, dL/dgamma and dL/dx given dy = dL/dy.
batch_norm_gradients batch_norm_backward(const arma::rowvec& gamma, const batch_norm_trace& t, const arma::mat& dy);

}  // namespace gradecheck::matrix_form
