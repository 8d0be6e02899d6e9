#include "gradecheck/matrix_form/batch_norm.hpp"

namespace gradecheck::matrix_form {

batch_norm_trace batch_norm_forward(const arma::mat& x, const arma::rowvec& gamma, const arma::rowvec& beta, double eps) {
  batch_norm_trace t;
  t.mu = arma::mean(x, 0);
  const arma::mat centered = x.each_row() - t.mu;
  t.var = arma::mean(arma::square(centered), 0);
  t.sigma = arma::sqrt(t.var + eps);
  t.xhat = centered.each_row() / t.sigma;
  t.y = (t.xhat.each_row() % gamma).each_row() + beta;
  return t;
}

batch_norm_gradients batch_norm_backward(const arma::rowvec& gamma, const batch_norm_trace& t, const arma::mat& dy) {
  const double m = static_cast<double>(dy.n_rows);
  batch_norm_gradients g;
  g.dbeta = arma::sum(dy, 0);
  g.dgamma = arma::sum(dy % t.xhat, 0);
  arma::mat inner = m * dy;
  inner.each_row() -= g.dbeta;
  inner -= t.xhat.each_row() % g.dgamma;
  g.dx = inner.each_row() % (gamma / (m * t.sigma));
  return g;
}

}  // namespace gradecheck::matrix_form
