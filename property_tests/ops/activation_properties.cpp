#include "gradecheck/ops/activation.hpp"

#include "support/generators.hpp"
#include "support/precisions.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;

namespace {
const std::vector<ops::activation_kind> all_kinds{ops::activation_kind::identity, ops::activation_kind::sigmoid,
                                                  ops::activation_kind::tanh,     ops::activation_kind::relu,
                                                  ops::activation_kind::leaky_relu, ops::activation_kind::elu,
                                                  ops::activation_kind::softplus};
const std::vector<ops::activation_kind> kinked{ops::activation_kind::relu, ops::activation_kind::leaky_relu,
                                               ops::activation_kind::elu};

template <class Real>
ops::activation<Real> any_activation() {
  return {*rc::gen::elementOf(all_kinds), *decimal_in<Real>(0.01, 3)};
}
}  // namespace

GRADECHECK_PROPERTY_SUITE(activation);

// Away from the kink at 0 (a margin of 0.2 keeps Ridders' first step, 0.1 max(1, |x|), on one side).
RC_GTEST_TYPED_PROP(activation, derivative_equals_finite_differences_away_from_kinks) {
  using V = std::vector<Real>;
  const auto f = any_activation<Real>();
  const Real x = *decimal_away_from<Real>(-8, 8, 0, 0.2).as("x");
  RC_TAG(ops::name_of(f.kind));
  assert_jacobian([&](const V& v) { return V{ops::apply(f, v[0])}; }, V{x}, as_row(V{ops::derivative(f, x)}));
}

// At the kink the returned derivative is a subgradient: it lies between the
// one-sided difference quotients, and it is the left one (PyTorch's convention).
RC_GTEST_TYPED_PROP(activation, derivative_at_a_kink_lies_between_the_one_sided_derivatives) {
  using std::abs;
  using std::max;
  using std::min;
  const ops::activation<Real> f{*rc::gen::elementOf(kinked), *decimal_in<Real>(0.01, 3)};
  const Real zero = 0, h("1e-20");
  const Real left = (ops::apply(f, zero) - ops::apply(f, Real(-h))) / h;
  const Real right = (ops::apply(f, h) - ops::apply(f, zero)) / h;
  const Real d = ops::derivative(f, zero);
  const Real slack = 10 * h * max(Real(1), f.alpha);  // the quotients are O(h) from the one-sided limits
  RC_ASSERT(d >= min(left, right) - slack);
  RC_ASSERT(d <= max(left, right) + slack);
  RC_ASSERT(abs(d - left) <= slack);
}

RC_GTEST_TYPED_PROP(activation, sigmoid_is_symmetric_about_one_half) {
  using std::abs;
  const Real x = *decimal_in<Real>(-30, 30);
  RC_ASSERT(abs(ops::sigmoid(x) + ops::sigmoid(Real(-x)) - 1) <= identity_tolerance<Real>());
}

RC_GTEST_TYPED_PROP(activation, softplus_derivative_is_the_sigmoid_and_softplus_minus_its_mirror_is_x) {
  using std::abs;
  const Real x = *decimal_in<Real>(-30, 30);
  RC_ASSERT(ops::softplus_derivative(x) == ops::sigmoid(x));
  RC_ASSERT(abs(ops::softplus(x) - ops::softplus(Real(-x)) - x) <= identity_tolerance<Real>() * (1 + abs(x)));
}
