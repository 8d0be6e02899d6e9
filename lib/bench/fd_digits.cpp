// For every reference op at 50 digits: how many digits of the analytic
// derivative plain central differences and Ridders' extrapolation recover,
// and what one check costs. Then the op catalog differenced at 100 digits
// against the analytic derivatives at 100 digits, as the keys' derivative
// claims are: the digits of the 50 printed that Ridders' method confirms
// (target: all 50).
// Prints two tables; run by ci/bench.sh.
//
// Digits are the least, over the entries of the op's Jacobian, of
// -log10(|numeric - analytic| / |analytic|), capped at 50; entries whose
// analytic value is exactly zero are skipped (relative digits mean nothing there).
// Times are the median of `repeats` runs of the whole Jacobian.

#include "gradecheck/diff/jacobian.hpp"
#include "gradecheck/numeric/agreement.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/ops/catalog.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using gradecheck::numeric::real100;
using gradecheck::numeric::real50;

template <class Real>
double least_digits(const gradecheck::numeric::matrix<Real>& numeric, const gradecheck::numeric::matrix<Real>& analytic,
                    double cap = 50) {
  double least = cap;
  for (std::size_t k = 0; k < analytic.data.size(); ++k)
    if (analytic.data[k] != 0)
      least = std::min(least, gradecheck::numeric::digits_of_agreement(numeric.data[k], analytic.data[k]));
  return least;
}

template <class F>
double median_microseconds(F&& run, int repeats) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::printf("%-28s %8s %9s %9s %12s %12s\n", "op (real50)", "entries", "central", "ridders", "central us", "ridders us");
  double worst_central = 50, worst_ridders = 50;
  for (const auto& op : gradecheck::ops::op_catalog<real50>()) {
    const auto analytic = op.jacobian(op.point);
    const auto central = gradecheck::diff::central_jacobian(op.value, op.point);
    const auto ridders = gradecheck::diff::jacobian(op.value, op.point);
    const double dc = least_digits(central.value, analytic), dr = least_digits(ridders.value, analytic);
    worst_central = std::min(worst_central, dc);
    worst_ridders = std::min(worst_ridders, dr);
    const double tc = median_microseconds([&] { (void)gradecheck::diff::central_jacobian(op.value, op.point); }, repeats);
    const double tr = median_microseconds([&] { (void)gradecheck::diff::jacobian(op.value, op.point); }, repeats);
    std::printf("%-28s %8zu %9.1f %9.1f %12.0f %12.0f\n", op.name.c_str(), analytic.data.size(), dc, dr, tc, tr);
  }
  std::printf("least digits over all ops: central %.1f, ridders %.1f (target: ridders >= 40)\n", worst_central, worst_ridders);

  // "of 100": the agreement uncapped, up to real100's own digits.
  std::printf("\n%-28s %8s %9s %9s\n", "op (real100)", "entries", "ridders", "of 100");
  double least_of_50 = 50;
  for (const auto& op : gradecheck::ops::op_catalog<real100>()) {
    const auto analytic = op.jacobian(op.point);
    const auto ridders = gradecheck::diff::jacobian(op.value, op.point);
    const double d50 = least_digits(ridders.value, analytic), d100 = least_digits(ridders.value, analytic, 100);
    least_of_50 = std::min(least_of_50, d50);
    std::printf("%-28s %8zu %9.1f %9.1f\n", op.name.c_str(), analytic.data.size(), d50, d100);
  }
  std::printf("op catalog differenced in 100 digits: least agreement %.1f of 50 digits\n", least_of_50);
  return worst_ridders >= 40 && least_of_50 >= 50 ? 0 : 1;
}
