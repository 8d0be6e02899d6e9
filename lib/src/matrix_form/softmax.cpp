#include "gradecheck/matrix_form/softmax.hpp"

namespace gradecheck::matrix_form {

arma::vec softmax(const arma::vec& z) {
  const arma::vec e = arma::exp(z - z.max());
  return e / arma::accu(e);
}

arma::vec log_softmax(const arma::vec& z) {
  const arma::vec shifted = z - z.max();
  return shifted - std::log(arma::accu(arma::exp(shifted)));
}

arma::mat softmax_jacobian(const arma::vec& s) { return arma::diagmat(s) - s * s.t(); }

arma::mat log_softmax_jacobian(const arma::vec& s) {
  return arma::eye(s.n_elem, s.n_elem) - arma::ones(s.n_elem) * s.t();
}

}  // namespace gradecheck::matrix_form
