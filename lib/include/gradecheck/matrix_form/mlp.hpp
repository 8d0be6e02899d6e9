#pragma once
/// The multilayer perceptron in double-precision matrix form:
///   forward  z_l = W_l a_{l-1} + b_l,  a_l = f(z_l)
///   backward delta_l = (W_{l+1}^T delta_{l+1}) % f'(z_l),  dW_l = delta_l a_{l-1}^T

#include "gradecheck/ops/activation.hpp"

#include <armadillo>
#include <vector>

namespace gradecheck::matrix_form {

/// One layer; a bias with one entry is shared by every unit.
struct layer {
  arma::mat W;
  arma::vec b;
  ops::activation<double> f;
};

/// z[l] and a[l + 1] of layer l; a[0] = x.
struct mlp_trace {
  std::vector<arma::vec> z;
  std::vector<arma::vec> a;
};

/// dW[l], db[l], dz[l] of layer l; da[l] = dL/da_l for l = 0..L.
struct mlp_gradients {
  std::vector<arma::mat> dW;
  std::vector<arma::vec> db;
  std::vector<arma::vec> dz;
  std::vector<arma::vec> da;
};

/// Returns the forward trace on input x.
mlp_trace mlp_forward(const std::vector<layer>& layers, const arma::vec& x);
/// Returns every gradient given the trace and the upstream gradient dL/da_L.
mlp_gradients mlp_backward(const std::vector<layer>& layers, const mlp_trace& trace, const arma::vec& dL_doutput);

}  // namespace gradecheck::matrix_form
