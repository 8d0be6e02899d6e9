#include "gradecheck/ops/softmax.hpp"

#include "support/generators.hpp"
#include "support/precisions.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;

namespace {
template <class Real>
std::vector<Real> any_logits() {
  const auto K = *rc::gen::inRange<std::size_t>(1, 7).as("K");
  return *decimals<Real>(K, -5, 5).as("z");
}
}  // namespace

GRADECHECK_PROPERTY_SUITE(softmax);

RC_GTEST_TYPED_PROP(softmax, jacobian_equals_finite_differences) {
  using V = std::vector<Real>;
  const V z = any_logits<Real>();
  assert_jacobian([](const V& v) { return ops::softmax(v); }, z, ops::softmax_jacobian(ops::softmax(z)));
}

RC_GTEST_TYPED_PROP(softmax, log_softmax_jacobian_equals_finite_differences) {
  using V = std::vector<Real>;
  const V z = any_logits<Real>();
  assert_jacobian([](const V& v) { return ops::log_softmax(v); }, z, ops::log_softmax_jacobian(ops::softmax(z)));
}

RC_GTEST_TYPED_PROP(softmax, vjp_equals_finite_differences_of_the_cotangent_product) {
  using V = std::vector<Real>;
  const V z = any_logits<Real>();
  const V c = *decimals<Real>(z.size(), -2, 2).as("cotangent");
  assert_gradient([&](const V& v) { return dot(c, ops::softmax(v)); }, z, ops::softmax_vjp(ops::softmax(z), c));
}

RC_GTEST_TYPED_PROP(softmax, is_invariant_under_a_shift_of_every_logit) {
  using V = std::vector<Real>;
  const V z = any_logits<Real>();
  const Real shift = *decimal_in<Real>(-1000, 1000).as("shift");
  V moved = z;
  for (auto& v : moved) v += shift;
  assert_close(ops::softmax(moved), ops::softmax(z), identity_tolerance<Real>());
}

RC_GTEST_TYPED_PROP(softmax, jacobian_rows_sum_to_zero_and_it_is_symmetric) {
  using std::abs;
  const auto J = ops::softmax_jacobian(ops::softmax(any_logits<Real>()));
  for (std::size_t i = 0; i < J.rows; ++i) {
    Real row = 0;
    for (std::size_t j = 0; j < J.cols; ++j) {
      row += J(i, j);
      RC_ASSERT(J(i, j) == J(j, i));
    }
    RC_ASSERT(abs(row) <= identity_tolerance<Real>());
  }
}

RC_GTEST_TYPED_PROP(softmax, is_a_probability_distribution) {
  using std::abs;
  const auto s = ops::softmax(any_logits<Real>());
  Real total = 0;
  for (const auto& si : s) {
    RC_ASSERT(si > 0);
    total += si;
  }
  RC_ASSERT(abs(total - 1) <= identity_tolerance<Real>());
}
