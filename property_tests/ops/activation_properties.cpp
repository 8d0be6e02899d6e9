#include "gradecheck/ops/activation.hpp"

#include "support/generators.hpp"

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

ops::activation<real50> any_activation() {
  return {*rc::gen::elementOf(all_kinds), *decimal_in(0.01, 3)};
}
}  // namespace

// Away from the kink at 0 (a margin of 0.2 keeps Ridders' first step, 0.1 max(1, |x|), on one side).
RC_GTEST_PROP(activation, derivative_equals_finite_differences_away_from_kinks, ()) {
  const auto f = any_activation();
  const real50 x = *decimal_away_from(-8, 8, 0, 0.2).as("x");
  RC_TAG(ops::name_of(f.kind));
  assert_jacobian([&](const reals& v) { return reals{ops::apply(f, v[0])}; }, reals{x}, as_row(reals{ops::derivative(f, x)}));
}

// At the kink the returned derivative is a subgradient: it lies between the
// one-sided difference quotients, and it is the left one (PyTorch's convention).
RC_GTEST_PROP(activation, derivative_at_a_kink_lies_between_the_one_sided_derivatives, ()) {
  using std::abs;
  using std::max;
  using std::min;
  const ops::activation<real50> f{*rc::gen::elementOf(kinked), *decimal_in(0.01, 3)};
  const real50 zero = 0, h("1e-20");
  const real50 left = (ops::apply(f, zero) - ops::apply(f, real50(-h))) / h;
  const real50 right = (ops::apply(f, h) - ops::apply(f, zero)) / h;
  const real50 d = ops::derivative(f, zero);
  const real50 slack = 10 * h * max(real50(1), f.alpha);  // the quotients are O(h) from the one-sided limits
  RC_ASSERT(d >= min(left, right) - slack);
  RC_ASSERT(d <= max(left, right) + slack);
  RC_ASSERT(abs(d - left) <= slack);
}

RC_GTEST_PROP(activation, sigmoid_is_symmetric_about_one_half, ()) {
  using std::abs;
  const real50 x = *decimal_in(-30, 30);
  RC_ASSERT(abs(ops::sigmoid(x) + ops::sigmoid(real50(-x)) - 1) <= identity_tolerance());
}

RC_GTEST_PROP(activation, softplus_derivative_is_the_sigmoid_and_softplus_minus_its_mirror_is_x, ()) {
  using std::abs;
  const real50 x = *decimal_in(-30, 30);
  RC_ASSERT(ops::softplus_derivative(x) == ops::sigmoid(x));
  RC_ASSERT(abs(ops::softplus(x) - ops::softplus(real50(-x)) - x) <= identity_tolerance() * (1 + abs(x)));
}
