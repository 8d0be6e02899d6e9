// The 50-digit keys against the double-precision Armadillo matrix forms, a
// second and independent writing of the same networks: the case files give
// the numbers, the matrix forms recompute every quantity the case derives.

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/matrix_form/batch_norm.hpp"
#include "gradecheck/matrix_form/loss.hpp"
#include "gradecheck/matrix_form/mlp.hpp"
#include "gradecheck/matrix_form/softmax.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using gradecheck::numeric::real50;
namespace cases = gradecheck::cases;
namespace mf = gradecheck::matrix_form;
namespace ops = gradecheck::ops;

namespace {
// Agreement to 2^8 double epsilons of the value's scale (at least 1).
constexpr double tol = 256 * std::numeric_limits<double>::epsilon();

class key_values {
 public:
  explicit key_values(const char* id)
      : env_(cases::evaluate_case<real50>(cases::load_case(std::filesystem::path(GRADECHECK_CASES_DIR) / id))) {}
  double operator()(const std::string& name, std::size_t k = 0) const { return static_cast<double>(env_.at(name).data.at(k)); }
  arma::vec vec(const std::string& name) const {
    const auto& v = env_.at(name);
    arma::vec out(v.size());
    for (std::size_t k = 0; k < v.size(); ++k) out(k) = static_cast<double>(v.data[k]);
    return out;
  }
  arma::mat mat(const std::string& name) const {
    const auto& v = env_.at(name);
    arma::mat out(v.rows, v.cols);
    for (std::size_t i = 0; i < v.rows; ++i)
      for (std::size_t j = 0; j < v.cols; ++j) out(i, j) = static_cast<double>(v.at(i, j));
    return out;
  }

 private:
  gradecheck::expr::environment<real50> env_;
};

void expect_close(double dbl, double key, const std::string& what) {
  EXPECT_LE(std::abs(dbl - key), tol * std::max(1.0, std::abs(key))) << what << ": double " << dbl << ", key " << key;
}

void expect_close(const arma::mat& dbl, const arma::mat& key, const std::string& what) {
  ASSERT_EQ(dbl.n_rows, key.n_rows) << what;
  ASSERT_EQ(dbl.n_cols, key.n_cols) << what;
  for (arma::uword k = 0; k < key.n_elem; ++k) expect_close(dbl(k), key(k), what + "[" + std::to_string(k) + "]");
}
}  // namespace

TEST(keys_agree_with_matrix_forms, mlp_2_2_2_sigmoid_mse) {
  const key_values key("mlp-2-2-2-sigmoid-mse");
  const ops::activation<double> sigmoid{ops::activation_kind::sigmoid};
  const std::vector<mf::layer> net{{arma::mat{{key("w1"), key("w2")}, {key("w3"), key("w4")}}, arma::vec{key("b1")}, sigmoid},
                                   {arma::mat{{key("w5"), key("w6")}, {key("w7"), key("w8")}}, arma::vec{key("b2")}, sigmoid}};
  const auto t = mf::mlp_forward(net, arma::vec{key("i1"), key("i2")});
  const auto g = mf::mlp_backward(net, t, mf::squared_error_gradient(t.a[2], arma::vec{key("t1"), key("t2")}, ops::half_factor::with_half));
  expect_close(t.a[1](0), key("h1"), "h1");
  expect_close(t.a[1](1), key("h2"), "h2");
  expect_close(t.a[2](0), key("o1"), "o1");
  expect_close(t.a[2](1), key("o2"), "o2");
  for (int k = 1; k <= 4; ++k) expect_close(g.dW[0]((k - 1) / 2, (k - 1) % 2), key("dL_dw" + std::to_string(k)), "dL_dw" + std::to_string(k));
  for (int k = 5; k <= 8; ++k) expect_close(g.dW[1]((k - 5) / 2, (k - 5) % 2), key("dL_dw" + std::to_string(k)), "dL_dw" + std::to_string(k));
  expect_close(g.db[0](0), key("dL_db1"), "dL_db1");
  expect_close(g.db[1](0), key("dL_db2"), "dL_db2");
  expect_close(g.da[1](0), key("dL_dh1"), "dL_dh1");
  expect_close(g.da[1](1), key("dL_dh2"), "dL_dh2");
}

TEST(keys_agree_with_matrix_forms, mlp_3_4_3_3_tanh_softmax_ce) {
  const key_values key("mlp-3-4-3-3-tanh-softmax-ce");
  const ops::activation<double> tanh_f{ops::activation_kind::tanh}, identity{ops::activation_kind::identity};
  const std::vector<mf::layer> net{{key.mat("W1"), key.vec("b1"), tanh_f}, {key.mat("W2"), key.vec("b2"), tanh_f},
                                   {key.mat("W3"), key.vec("b3"), identity}};
  const auto t = mf::mlp_forward(net, key.vec("x"));
  expect_close(mf::softmax(t.z[2]), key.vec("s"), "s");
  const auto g = mf::mlp_backward(net, t, mf::cross_entropy_with_logits_gradient(t.z[2], key.vec("y")));
  expect_close(g.dW[0], key.mat("dL_dW1"), "dL_dW1");
  expect_close(g.dW[1], key.mat("dL_dW2"), "dL_dW2");
  expect_close(g.dW[2], key.mat("dL_dW3"), "dL_dW3");
  expect_close(g.db[0], key.vec("dL_db1"), "dL_db1");
  expect_close(g.da[0], key.vec("dL_dx"), "dL_dx");
}

TEST(keys_agree_with_matrix_forms, batchnorm_batch_of_4_by_the_compact_dx_formula) {
  const key_values key("batchnorm-batch-of-4");
  const arma::rowvec gamma{key("gamma")}, beta{key("beta")};
  const arma::mat x = key.vec("x");
  const auto t = mf::batch_norm_forward(x, gamma, beta, key("eps"));
  const auto g = mf::batch_norm_backward(gamma, t, key.vec("c"));
  expect_close(t.xhat, key.vec("xhat"), "xhat");
  expect_close(t.y, key.vec("y"), "y");
  expect_close(g.dbeta(0), key("dL_dbeta"), "dL_dbeta");
  expect_close(g.dgamma(0), key("dL_dgamma"), "dL_dgamma");
  expect_close(g.dx, key.vec("dL_dx"), "dL_dx");
}

TEST(keys_agree_with_matrix_forms, mlp_2_2_2_sigmoid_bce) {
  const key_values key("mlp-2-2-2-sigmoid-bce");
  const ops::activation<double> sigmoid{ops::activation_kind::sigmoid};
  const std::vector<mf::layer> net{{arma::mat{{key("w1"), key("w2")}, {key("w3"), key("w4")}}, arma::vec{key("b1")}, sigmoid},
                                   {arma::mat{{key("w5"), key("w6")}, {key("w7"), key("w8")}}, arma::vec{key("b2")}, sigmoid}};
  const auto t = mf::mlp_forward(net, arma::vec{key("i1"), key("i2")});
  const arma::vec a = t.a[2], y{key("y1"), key("y2")};
  const arma::vec per_output = -(y % arma::log(a) + (1 - y) % arma::log(1 - a));
  expect_close(per_output(0), key("C_o1"), "C_o1");
  expect_close(per_output(1), key("C_o2"), "C_o2");
  expect_close(mf::bce_with_logits_gradient(t.z[1], y), arma::vec{key("dC_dz_o1"), key("dC_dz_o2")}, "dC/dz = a - y");
}
