// The README's example: checking your own op's gradient in 50 digits.
#include <gradecheck/diff/gradient_check.hpp>

#include <iostream>

int main() {
  using real = gradecheck::numeric::real50;
  using std::exp;
  // my op: f(x) = x0 * exp(x1), with the gradient I derived by hand
  auto f = [](const std::vector<real>& x) { return x[0] * exp(x[1]); };
  std::vector<real> x{real("0.5"), real("-1.25")};
  std::vector<real> my_gradient{exp(x[1]), x[0] * exp(x[1])};

  auto report = gradecheck::diff::check_gradient(f, x, my_gradient);
  std::cout << gradecheck::diff::to_table(report, 20);
  return report.passed() ? 0 : 1;
}
