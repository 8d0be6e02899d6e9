#include "gradecheck/ops/optimizer.hpp"

#include "support/generators.hpp"
#include "support/precisions.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;

namespace {
template <class Real>
ops::optimizer<Real> any_optimizer(ops::optimizer_kind kind) {
  return {kind, *decimal_in<Real>(0.0001, 0.5).as("learning rate"), *decimal_in<Real>(0.5, 0.99).as("beta1"),
          *decimal_in<Real>(0.9, 0.9999).as("beta2"), *rc::gen::element(Real(0), Real("1e-8")).as("eps"),
          *rc::gen::element(Real(0), Real("0.01")).as("weight decay")};
}
}  // namespace

GRADECHECK_PROPERTY_SUITE(optimizer);

// The update is element-wise, so dw_new/dg is diagonal; its diagonal is checked
// against finite differences of one step from a random state.
RC_GTEST_TYPED_PROP(optimizer, step_derivative_equals_finite_differences) {
  using V = std::vector<Real>;
  const auto kind = *rc::gen::element(ops::optimizer_kind::sgd, ops::optimizer_kind::momentum_ema, ops::optimizer_kind::momentum,
                                      ops::optimizer_kind::nesterov, ops::optimizer_kind::rmsprop, ops::optimizer_kind::adam);
  const auto o = any_optimizer<Real>(kind);
  const auto n = *rc::gen::inRange<std::size_t>(1, 5).as("n");
  ops::optimizer_state<Real> state{*decimals<Real>(n, -2, 2), *decimals<Real>(n, -1, 1), *decimals<Real>(n, 0.01, 1),
                                   *rc::gen::inRange(0, 20).as("t")};
  const V g = *rc::gen::container<V>(n, decimal_away_from<Real>(-2, 2, 0, 0.05)).as("g");
  gradecheck::numeric::matrix<Real> J(n, n);
  const V d = ops::step_derivative(o, state, g);
  for (std::size_t i = 0; i < n; ++i) J(i, i) = d[i];
  auto opt = gradecheck::diff::ridders_options<Real>::defaults();
  opt.initial_step = Real("0.01");
  assert_jacobian([&](const V& gv) {
    auto st = state;
    ops::step(o, st, gv);
    return st.w;
  }, g, J, opt);
}

// With V_0 = 0 and a constant gradient g, V_k = (1 - beta^k) g, so
// W_k = W_0 - alpha g sum_{t=1..k} (1 - beta^t) = W_0 - alpha g (k - beta (1 - beta^k) / (1 - beta)).
RC_GTEST_TYPED_PROP(optimizer, exponentially_weighted_momentum_matches_its_closed_form) {
  using V = std::vector<Real>;
  const auto o = any_optimizer<Real>(ops::optimizer_kind::momentum_ema);
  const Real alpha = o.learning_rate, beta = o.beta1;
  const int k = *rc::gen::inRange(1, 40).as("k");
  const Real w0 = *decimal_in<Real>(-2, 2), g = *decimal_in<Real>(-2, 2);
  auto no_decay = o;
  no_decay.weight_decay = 0;
  auto st = ops::optimizer_state<Real>::at(V{w0});
  ops::run(no_decay, st, [&](const V&) { return V{g}; }, k);
  Real beta_k = 1;
  for (int t = 0; t < k; ++t) beta_k *= beta;
  const Real closed = w0 - alpha * g * (k - beta * (1 - beta_k) / (1 - beta));
  assert_close(st.w, V{closed}, identity_tolerance<Real>() * k);
}

// With eps = 0, Adam's first step has vh = g and sh = g^2: each coordinate moves by exactly alpha.
RC_GTEST_TYPED_PROP(optimizer, adam_first_step_moves_every_coordinate_by_alpha) {
  using std::abs;
  using V = std::vector<Real>;
  auto o = any_optimizer<Real>(ops::optimizer_kind::adam);
  o.eps = 0;
  o.weight_decay = 0;
  const auto n = *rc::gen::inRange<std::size_t>(1, 6);
  auto st = ops::optimizer_state<Real>::at(*decimals<Real>(n, -2, 2));
  const V w0 = st.w;
  ops::step(o, st, *rc::gen::container<V>(n, decimal_away_from<Real>(-5, 5, 0, 0.001)));
  for (std::size_t i = 0; i < n; ++i)
    RC_ASSERT(abs(abs(st.w[i] - w0[i]) - o.learning_rate) <= identity_tolerance<Real>() * o.learning_rate);
}

// V_ema = (1 - beta) V_classical, so W -= alpha V_ema equals W -= alpha (1 - beta) V_classical:
// the conventions agree with mu = beta and lr = alpha (1 - beta).
RC_GTEST_TYPED_PROP(optimizer, the_two_momentum_conventions_agree_with_rescaled_learning_rates) {
  using V = std::vector<Real>;
  const auto ema = any_optimizer<Real>(ops::optimizer_kind::momentum_ema);
  const ops::optimizer<Real> classical{ops::optimizer_kind::momentum, ema.learning_rate * (1 - ema.beta1), ema.beta1, 0, 0,
                                       ema.weight_decay};
  const auto n = *rc::gen::inRange<std::size_t>(1, 4);
  const int k = *rc::gen::inRange(1, 12).as("k");
  const auto gradients = *rc::gen::container<std::vector<V>>(static_cast<std::size_t>(k), decimals<Real>(n, -2, 2));
  auto a = ops::optimizer_state<Real>::at(*decimals<Real>(n, -2, 2));
  auto b = a;
  for (const auto& g : gradients) {
    ops::step(ema, a, g);
    ops::step(classical, b, g);
  }
  assert_close(a.w, b.w, identity_tolerance<Real>() * k);
}
