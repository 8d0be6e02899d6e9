// The latency of grading one formula answer, on the softmax-jacobian case
// (K = 2..6, about 200 points): the case's points and reference values are
// prepared once, then each answer is checked at every point, and a wrong one
// is also diagnosed and its counterexample shrunk. Prints figures; run by ci/bench.sh.

#include "gradecheck/cases/load.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/formula/check.hpp"
#include "gradecheck/grade/grade.hpp"

#include "timing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using gradecheck::bench::median_ms;
namespace grade = gradecheck::grade;

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : ".";
  const int reps = argc > 2 ? std::max(3, std::atoi(argv[2])) : 15;
  const auto c = gradecheck::cases::load_case(root + "/cases/softmax-jacobian");
  grade::reference ref;
  const double prepare = median_ms(3, [&] { ref = grade::make_reference(c); });
  const auto& entry = ref.formulas.at("dy_dz");
  const auto& matrix = ref.formulas.at("J");
  std::printf("softmax-jacobian: %zu points for dy_dz, %zu for J (K = 2..6); preparing both once: %.1f ms\n", entry.samples.size(),
              matrix.samples.size(), prepare);
  struct row {
    const char* what;
    const gradecheck::formula::prepared_question* q;
    const char* answer;
  };
  const std::vector<row> rows{
      {"dy_dz right        ", &entry, "i == j ? y[i]*(1 - y[i]) : -y[i]*y[j]"},
      {"dy_dz sign error   ", &entry, "y[i]*(y[j] - delta(i, j))"},
      {"dy_dz wrong, shrunk", &entry, "y[i]*(1 - y[j])"},
      {"J right            ", &matrix, "diag(y) - y*y'"},
      {"J wrong, shrunk    ", &matrix, "diag(y) - y'*y"},
  };
  for (const auto& r : rows) {
    const auto tree = gradecheck::expr::parse_expression(r.answer);
    gradecheck::formula::result out;
    const double ms = median_ms(reps, [&] { out = gradecheck::formula::check(*r.q, tree, {}); });
    std::printf("  %s %7.2f ms  (%zu evaluations)   %s\n", r.what, ms, out.evaluations, r.answer);
  }
  // a whole submission of six formula answers, as the grader runs it (the one-edit search included)
  const auto bn = gradecheck::cases::load_case(root + "/cases/batchnorm-backward");
  const auto bn_ref = grade::make_reference(bn);
  const std::string text =
      "dL_dbeta = mean(dL_dy)\ndL_dgamma = sum(dL_dy .* x)\ndL_dxhat = dL_dy\n"
      "dL_dvar = -1/2*sum(dL_dxhat .* (x - mu))*var^(-1/2)\ndL_dmu = gamma*sum(dL_dy)/sqrt(var)\n"
      "dL_dx = dL_dxhat/sqrt(var) + dL_dvar*2*(x - mu)/m\n";
  const double whole = median_ms(reps, [&] { (void)grade::grade_submission(bn_ref, grade::parse_submission(text, "s.txt", bn)); });
  std::printf("batchnorm-backward, a submission of 6 wrong formula answers (m = 2..6): %.1f ms\n", whole);
}
