#include "gradecheck/matrix_form/mlp.hpp"

#include "gradecheck/matrix_form/activation.hpp"

namespace gradecheck::matrix_form {

namespace {
arma::vec broadcast(const arma::vec& b, arma::uword n) { return b.n_elem == 1 ? arma::vec(n, arma::fill::value(b(0))) : b; }
}  // namespace

mlp_trace mlp_forward(const std::vector<layer>& layers, const arma::vec& x) {
  mlp_trace t;
  t.a.push_back(x);
  for (const auto& L : layers) {
    t.z.push_back(L.W * t.a.back() + broadcast(L.b, L.W.n_rows));
    t.a.push_back(apply(L.f, t.z.back()));
  }
  return t;
}

mlp_gradients mlp_backward(const std::vector<layer>& layers, const mlp_trace& trace, const arma::vec& dL_doutput) {
  const std::size_t depth = layers.size();
  mlp_gradients g{std::vector<arma::mat>(depth), std::vector<arma::vec>(depth), std::vector<arma::vec>(depth),
                  std::vector<arma::vec>(depth + 1)};
  g.da[depth] = dL_doutput;
  for (std::size_t l = depth; l-- > 0;) {
    g.dz[l] = g.da[l + 1] % derivative(layers[l].f, trace.z[l]);
    g.dW[l] = g.dz[l] * trace.a[l].t();
    g.db[l] = layers[l].b.n_elem == 1 ? arma::vec{arma::accu(g.dz[l])} : g.dz[l];
    g.da[l] = layers[l].W.t() * g.dz[l];
  }
  return g;
}

}  // namespace gradecheck::matrix_form
