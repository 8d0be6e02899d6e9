// How small an error in an analytic derivative each check catches: for every
// op of the catalog, the first entry of its analytic Jacobian is multiplied by
// (1 + d) for d = 10^-1, 10^-2, ... and checked against Ridders' finite
// differences in real50 and in double (the default: within Ridders' own error estimate); the
// smallest d still caught is printed. ci/bench.sh runs the same injection
// through torch.autograd.gradcheck in float64 when PyTorch is installed.

#include "gradecheck/diff/gradient_check.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/ops/catalog.hpp"

#include <cstdio>

namespace {

template <class Real>
int smallest_caught_exponent(const gradecheck::ops::checkable_op<Real>& op) {
  int smallest = 0;
  for (int k = 1; k <= 60; ++k) {
    auto J = op.jacobian(op.point);
    std::size_t at = 0;
    while (at < J.data.size() && J.data[at] == 0) ++at;  // an entry that is not zero
    if (at == J.data.size()) return 0;
    using std::pow;
    J.data[at] *= 1 + pow(Real(10), -k);
    if (gradecheck::diff::check_jacobian(op.value, op.point, J).passed()) break;
    smallest = k;
  }
  return smallest;
}

}  // namespace

int main() {
  using gradecheck::numeric::real50;
  const auto ops50 = gradecheck::ops::op_catalog<real50>();
  const auto ops64 = gradecheck::ops::op_catalog<double>();
  std::printf("smallest relative error injected into an analytic derivative that is caught\n");
  std::printf("%-28s %14s %14s\n", "op", "real50", "double");
  int worst50 = 99, worst64 = 99;
  for (std::size_t k = 0; k < ops50.size(); ++k) {
    const int e50 = smallest_caught_exponent(ops50[k]);
    const int e64 = smallest_caught_exponent(ops64[k]);
    worst50 = std::min(worst50, e50);
    worst64 = std::min(worst64, e64);
    std::printf("%-28s %14s %14s\n", ops50[k].name.c_str(), ("1e-" + std::to_string(e50)).c_str(), ("1e-" + std::to_string(e64)).c_str());
  }
  std::printf("every op: errors of 1e-%d (real50) and 1e-%d (double) and larger are caught\n", worst50, worst64);
  return 0;
}
