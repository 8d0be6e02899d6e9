#include "gradecheck/matrix_form/optimizer.hpp"

#include <cmath>

namespace gradecheck::matrix_form {

void step(const ops::optimizer<double>& o, optimizer_state& st, const arma::vec& g) {
  const arma::vec gh = g + o.weight_decay * st.w;
  const double lr = o.learning_rate;
  ++st.t;
  switch (o.kind) {
    case ops::optimizer_kind::sgd: st.w -= lr * gh; return;
    case ops::optimizer_kind::momentum_ema: st.v = o.beta1 * st.v + (1 - o.beta1) * gh; st.w -= lr * st.v; return;
    case ops::optimizer_kind::momentum: st.v = o.beta1 * st.v + gh; st.w -= lr * st.v; return;
    case ops::optimizer_kind::nesterov: st.v = o.beta1 * st.v + gh; st.w -= lr * (gh + o.beta1 * st.v); return;
    case ops::optimizer_kind::rmsprop:
      st.s = o.beta1 * st.s + (1 - o.beta1) * arma::square(gh);
      st.w -= lr * gh / (arma::sqrt(st.s) + o.eps);
      return;
    case ops::optimizer_kind::adam: {
      st.v = o.beta1 * st.v + (1 - o.beta1) * gh;
      st.s = o.beta2 * st.s + (1 - o.beta2) * arma::square(gh);
      const arma::vec vh = st.v / (1 - std::pow(o.beta1, st.t));
      const arma::vec sh = st.s / (1 - std::pow(o.beta2, st.t));
      st.w -= lr * vh / (arma::sqrt(sh) + o.eps);
      return;
    }
  }
  throw std::logic_error("matrix_form::step: unknown optimizer");
}

}  // namespace gradecheck::matrix_form
