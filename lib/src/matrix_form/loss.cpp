#include "gradecheck/matrix_form/loss.hpp"

#include "gradecheck/matrix_form/softmax.hpp"

namespace gradecheck::matrix_form {

arma::vec squared_error_gradient(const arma::vec& p, const arma::vec& y, ops::half_factor half) {
  return (half == ops::half_factor::with_half ? 1.0 : 2.0) * (p - y);
}

arma::vec mse_gradient(const arma::vec& p, const arma::vec& y) { return 2.0 / static_cast<double>(p.n_elem) * (p - y); }

arma::vec bce_gradient(const arma::vec& p, const arma::vec& y) { return (p - y) / (p % (1 - p)); }

arma::vec bce_with_logits_gradient(const arma::vec& z, const arma::vec& y) { return 1 / (1 + arma::exp(-z)) - y; }

arma::vec cross_entropy_gradient(const arma::vec& p, const arma::vec& y) { return -y / p; }

arma::vec cross_entropy_with_logits_gradient(const arma::vec& z, const arma::vec& y) {
  return softmax(z) * arma::accu(y) - y;
}

}  // namespace gradecheck::matrix_form
