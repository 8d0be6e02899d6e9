#include "gradecheck/ops/softmax.hpp"

#include "support/generators.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;

namespace {
reals any_logits() {
  const auto K = *rc::gen::inRange<std::size_t>(1, 7).as("K");
  return *decimals(K, -5, 5).as("z");
}
}  // namespace

RC_GTEST_PROP(softmax, jacobian_equals_finite_differences, ()) {
  const reals z = any_logits();
  assert_jacobian([](const reals& v) { return ops::softmax(v); }, z, ops::softmax_jacobian(ops::softmax(z)));
}

RC_GTEST_PROP(softmax, log_softmax_jacobian_equals_finite_differences, ()) {
  const reals z = any_logits();
  assert_jacobian([](const reals& v) { return ops::log_softmax(v); }, z, ops::log_softmax_jacobian(ops::softmax(z)));
}

RC_GTEST_PROP(softmax, vjp_equals_finite_differences_of_the_cotangent_product, ()) {
  const reals z = any_logits();
  const reals c = *decimals(z.size(), -2, 2).as("cotangent");
  assert_gradient([&](const reals& v) { return dot(c, ops::softmax(v)); }, z, ops::softmax_vjp(ops::softmax(z), c));
}

RC_GTEST_PROP(softmax, is_invariant_under_a_shift_of_every_logit, ()) {
  const reals z = any_logits();
  const real50 shift = *decimal_in(-1000, 1000).as("shift");
  reals moved = z;
  for (auto& v : moved) v += shift;
  assert_close(ops::softmax(moved), ops::softmax(z), identity_tolerance());
}

RC_GTEST_PROP(softmax, jacobian_rows_sum_to_zero_and_it_is_symmetric, ()) {
  using std::abs;
  const reals z = any_logits();
  const auto J = ops::softmax_jacobian(ops::softmax(z));
  for (std::size_t i = 0; i < J.rows; ++i) {
    real50 row = 0;
    for (std::size_t j = 0; j < J.cols; ++j) {
      row += J(i, j);
      RC_ASSERT(J(i, j) == J(j, i));
    }
    RC_ASSERT(abs(row) <= identity_tolerance());
  }
}

RC_GTEST_PROP(softmax, is_a_probability_distribution, ()) {
  using std::abs;
  const reals s = ops::softmax(any_logits());
  real50 total = 0;
  for (const auto& si : s) {
    RC_ASSERT(si > 0);
    total += si;
  }
  RC_ASSERT(abs(total - 1) <= identity_tolerance());
}
