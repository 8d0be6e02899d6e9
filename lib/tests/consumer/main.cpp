// Checks a gradient through the installed package; exits 0 when it passes.
#include <gradecheck/diff/gradient_check.hpp>

#include <iostream>

int main() {
  using real = gradecheck::numeric::real50;
  using std::sin;
  using std::cos;
  auto f = [](const std::vector<real>& x) { return sin(x[0]) * x[1]; };
  const std::vector<real> x{real("0.3"), real("2")};
  const auto report = gradecheck::diff::check_gradient(f, x, {cos(x[0]) * x[1], sin(x[0])});
  std::cout << gradecheck::diff::to_table(report, 12);
  return report.passed() ? 0 : 1;
}
