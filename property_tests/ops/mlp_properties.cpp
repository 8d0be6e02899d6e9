#include "gradecheck/ops/mlp.hpp"

#include "gradecheck/ops/loss.hpp"
#include "support/generators.hpp"
#include "support/precisions.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;
using gradecheck::numeric::matrix;

namespace {
// A random architecture: depth 1..3, widths 1..4, one activation per layer,
// biases per unit or shared. The parameters are generated as one flat vector.
template <class Real>
struct architecture {
  std::vector<std::size_t> widths;  // input width first
  std::vector<ops::activation<Real>> activations;
  std::vector<bool> shared_bias;

  std::size_t parameter_count() const {
    std::size_t n = 0;
    for (std::size_t l = 0; l + 1 < widths.size(); ++l) n += widths[l + 1] * widths[l] + (shared_bias[l] ? 1 : widths[l + 1]);
    return n;
  }

  std::vector<ops::layer<Real>> unpack(const std::vector<Real>& p) const {
    std::vector<ops::layer<Real>> net;
    auto it = p.begin();
    for (std::size_t l = 0; l + 1 < widths.size(); ++l) {
      ops::layer<Real> L{matrix<Real>(widths[l + 1], widths[l]), {}, activations[l]};
      const auto nw = static_cast<long>(L.W.data.size());
      L.W.data.assign(it, it + nw);
      it += nw;
      const long nb = shared_bias[l] ? 1 : static_cast<long>(widths[l + 1]);
      L.b.assign(it, it + nb);
      it += nb;
      net.push_back(std::move(L));
    }
    return net;
  }
};

template <class Real>
architecture<Real> any_architecture(const std::vector<ops::activation_kind>& kinds) {
  architecture<Real> a;
  const auto depth = *rc::gen::inRange<std::size_t>(1, 4).as("depth");
  a.widths = *rc::gen::container<std::vector<std::size_t>>(depth + 1, rc::gen::inRange<std::size_t>(1, 5)).as("widths");
  for (std::size_t l = 0; l < depth; ++l) {
    a.activations.push_back({*rc::gen::elementOf(kinds), Real("0.1")});
    a.shared_bias.push_back(*rc::gen::arbitrary<bool>());
  }
  return a;
}

// Flattens every gradient in the order of architecture::unpack.
template <class Real>
std::vector<Real> flatten(const ops::mlp_gradients<Real>& g) {
  std::vector<Real> out;
  for (std::size_t l = 0; l < g.dW.size(); ++l) {
    out.insert(out.end(), g.dW[l].data.begin(), g.dW[l].data.end());
    out.insert(out.end(), g.db[l].begin(), g.db[l].end());
  }
  return out;
}
}  // namespace

GRADECHECK_PROPERTY_SUITE(mlp);

RC_GTEST_TYPED_PROP(mlp, backward_pass_equals_finite_differences_for_smooth_activations) {
  using V = std::vector<Real>;
  const auto arch = any_architecture<Real>({ops::activation_kind::sigmoid, ops::activation_kind::tanh,
                                            ops::activation_kind::softplus, ops::activation_kind::identity});
  const V params = *decimals<Real>(arch.parameter_count(), -1.5, 1.5).as("parameters");
  const V x = *decimals<Real>(arch.widths.front(), -2, 2).as("x");
  const V y = *decimals<Real>(arch.widths.back(), -1, 1).as("target");
  const auto loss = [&](const V& p) {
    return ops::squared_error(ops::mlp_forward(arch.unpack(p), x).output(), y, ops::half_factor::with_half);
  };
  const auto net = arch.unpack(params);
  const auto t = ops::mlp_forward(net, x);
  const auto g = ops::mlp_backward(net, t, ops::squared_error_gradient(t.output(), y, ops::half_factor::with_half));
  assert_gradient(loss, params, flatten(g));
  // and with respect to the input
  assert_gradient([&](const V& v) {
    return ops::squared_error(ops::mlp_forward(net, v).output(), y, ops::half_factor::with_half);
  }, x, g.da[0]);
}

// Kinked activations: checked where every pre-activation keeps a margin from
// the kink, so that Ridders' steps stay on one side.
RC_GTEST_TYPED_PROP(mlp, backward_pass_equals_finite_differences_for_kinked_activations) {
  using std::abs;
  using V = std::vector<Real>;
  const auto arch =
      any_architecture<Real>({ops::activation_kind::relu, ops::activation_kind::leaky_relu, ops::activation_kind::elu});
  const V params = *decimals<Real>(arch.parameter_count(), -1.5, 1.5).as("parameters");
  const V x = *decimals<Real>(arch.widths.front(), -2, 2).as("x");
  const V y = *decimals<Real>(arch.widths.back(), -1, 1).as("target");
  const auto net = arch.unpack(params);
  const auto t = ops::mlp_forward(net, x);
  for (const auto& z : t.z)
    for (const auto& zi : z) RC_PRE(abs(zi) > Real("0.3"));
  const auto g = ops::mlp_backward(net, t, ops::squared_error_gradient(t.output(), y, ops::half_factor::with_half));
  auto opt = gradecheck::diff::ridders_options<Real>::defaults();
  opt.initial_step = Real("0.001");
  assert_gradient([&](const V& p) {
    return ops::squared_error(ops::mlp_forward(arch.unpack(p), x).output(), y, ops::half_factor::with_half);
  }, params, flatten(g), opt);
}
