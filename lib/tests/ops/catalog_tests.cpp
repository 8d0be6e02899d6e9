#include "gradecheck/ops/catalog.hpp"

#include "../support/precisions.hpp"
#include "gradecheck/diff/gradient_check.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

#include <set>

using gradecheck::numeric::real50;
using gradecheck::testing::digits;
namespace diff = gradecheck::diff;
namespace ops = gradecheck::ops;

template <class Real>
class catalog : public ::testing::Test {};
TYPED_TEST_SUITE(catalog, gradecheck::testing::precisions, gradecheck::testing::precision_names);

// Ridders' method keeps all but a few digits of the type's: the least agreement
// over the catalog measured 45.9 of 50 digits in real50 and 94.7 of 100 in real100
// at the default seed, 43.3 and 92.1 over seeds 2000 to 2039. So in real100 the
// 50 digits a key prints are confirmed with some 40 to spare.
TYPED_TEST(catalog, every_op_passes_its_finite_difference_check_to_all_but_ten_digits) {
  using Real = TypeParam;
  for (const auto& op : ops::op_catalog<Real>()) {
    const auto r = diff::check_jacobian(op.value, op.point, op.jacobian(op.point));
    EXPECT_TRUE(r.passed()) << op.name << "\n" << diff::to_table(r);
    EXPECT_GT(r.worst_digits(), digits<Real>() - 10) << op.name;
  }
}

TEST(catalog, every_op_passes_in_double_too) {
  for (const auto& op : ops::op_catalog<double>()) {
    const auto r = diff::check_jacobian(op.value, op.point, op.jacobian(op.point));
    EXPECT_TRUE(r.passed()) << op.name << "\n" << diff::to_table(r);
  }
}

TEST(catalog, names_are_unique_and_cover_every_op_family) {
  std::set<std::string> names;
  for (const auto& op : ops::op_catalog<double>()) EXPECT_TRUE(names.insert(op.name).second) << op.name;
  for (const char* required : {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "identity", "softmax", "log_softmax",
                               "squared_error_half", "squared_error", "mse", "bce", "bce_with_logits", "cross_entropy",
                               "cross_entropy_with_logits", "dense_vjp", "mlp_backward", "batch_norm_dx",
                               "batch_norm_dgamma_dbeta", "batch_norm_dxhat", "batch_norm_dvar", "batch_norm_dmu",
                               "sgd_step", "momentum_ema_step", "momentum_step", "nesterov_step", "rmsprop_step", "adam_step"})
    EXPECT_EQ(names.count(required), 1u) << required;
}

TEST(catalog, the_same_seed_gives_the_same_points) {
  const auto a = ops::op_catalog<real50>(7), b = ops::op_catalog<real50>(7), c = ops::op_catalog<real50>(8);
  EXPECT_EQ(a[1].point, b[1].point);
  EXPECT_NE(a[1].point, c[1].point);
}
