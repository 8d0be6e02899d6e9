#include "gradecheck/matrix_form/activation.hpp"

namespace gradecheck::matrix_form {

namespace {
arma::vec sigmoid(const arma::vec& z) { return 1 / (1 + arma::exp(-z)); }
arma::vec positive(const arma::vec& z) { return arma::conv_to<arma::vec>::from(z > 0); }
}  // namespace

arma::vec apply(const ops::activation<double>& f, const arma::vec& z) {
  const arma::vec on = positive(z);
  switch (f.kind) {
    case ops::activation_kind::identity: return z;
    case ops::activation_kind::sigmoid: return sigmoid(z);
    case ops::activation_kind::tanh: return arma::tanh(z);
    case ops::activation_kind::relu: return on % z;
    case ops::activation_kind::leaky_relu: return on % z + (1 - on) % (f.alpha * z);
    case ops::activation_kind::elu: return on % z + (1 - on) % (f.alpha * (arma::exp(z) - 1));
    case ops::activation_kind::softplus: return arma::log(1 + arma::exp(z));
  }
  throw std::logic_error("matrix_form::apply: unknown activation");
}

arma::vec derivative(const ops::activation<double>& f, const arma::vec& z) {
  const arma::vec on = positive(z);
  switch (f.kind) {
    case ops::activation_kind::identity: return arma::ones(z.n_elem);
    case ops::activation_kind::sigmoid: {
      const arma::vec s = sigmoid(z);
      return s % (1 - s);
    }
    case ops::activation_kind::tanh: return 1 - arma::square(arma::tanh(z));
    case ops::activation_kind::relu: return on;
    case ops::activation_kind::leaky_relu: return on + (1 - on) * f.alpha;
    case ops::activation_kind::elu: return on + (1 - on) % (f.alpha * arma::exp(z));
    case ops::activation_kind::softplus: return sigmoid(z);
  }
  throw std::logic_error("matrix_form::derivative: unknown activation");
}

}  // namespace gradecheck::matrix_form
