#include "gradecheck/ops/dense.hpp"

#include "support/generators.hpp"
#include "support/precisions.hpp"

#include <rapidcheck/gtest.h>

using namespace gradecheck::property;
namespace ops = gradecheck::ops;
using gradecheck::numeric::matrix;

GRADECHECK_PROPERTY_SUITE(dense);

// Parameters flattened as [W (row-major), b, x]; the scalar checked is <c, W x + b>
// with a random cotangent c, whose gradient is exactly the vector-Jacobian product.
RC_GTEST_TYPED_PROP(dense, vector_jacobian_products_equal_finite_differences) {
  using V = std::vector<Real>;
  const auto rows = *rc::gen::inRange<std::size_t>(1, 6).as("outputs");
  const auto cols = *rc::gen::inRange<std::size_t>(1, 6).as("inputs");
  const bool shared = *rc::gen::arbitrary<bool>().as("shared bias");
  const std::size_t nb = shared ? 1 : rows;
  const V flat = *decimals<Real>(rows * cols + nb + cols, -2, 2).as("W, b, x");
  const V c = *decimals<Real>(rows, -2, 2).as("cotangent");
  const auto unpack = [&](const V& v) {
    matrix<Real> W(rows, cols);
    W.data.assign(v.begin(), v.begin() + static_cast<long>(rows * cols));
    V b(v.begin() + static_cast<long>(rows * cols), v.begin() + static_cast<long>(rows * cols + nb));
    V x(v.begin() + static_cast<long>(rows * cols + nb), v.end());
    return std::tuple{W, b, x};
  };
  const auto [W, b, x] = unpack(flat);
  const auto g = ops::dense_vjp(W, x, nb, c);
  V analytic = g.dW.data;
  analytic.insert(analytic.end(), g.db.begin(), g.db.end());
  analytic.insert(analytic.end(), g.dx.begin(), g.dx.end());
  assert_gradient([&](const V& v) {
    const auto [Wv, bv, xv] = unpack(v);
    return dot(c, ops::dense(Wv, xv, bv));
  }, flat, analytic);
}
