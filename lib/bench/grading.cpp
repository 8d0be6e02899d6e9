// Grading throughput and the cost of the mistake search, on what ships in
// the repository: the seed 000 Problem 1 case (31 asked quantities) and its
// transcribed submission (2 wrong answers searched, 1 sign error, 9 carried
// forward). Prints figures; run by ci/bench.sh.
//
//   submissions per second, one thread and two (each thread parses and grades whole files)
//   the mistake search: evaluations and microseconds per searched answer

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/numeric/interval.hpp"

#include <mpfr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
namespace grade = gradecheck::grade;

double seconds_since(clock_type::time_point start) { return std::chrono::duration<double>(clock_type::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : ".";
  const int n = argc > 2 ? std::max(10, std::atoi(argv[2])) : 400;
  const auto c = gradecheck::cases::load_case(root + "/cases/mlp-2-2-2-sigmoid-mse");
  const auto ref = grade::make_reference(c);
  // the LaTeX spellings of the case's names, made once per batch as `grader grade` makes them
  const auto symbols = gradecheck::cases::latex_symbols_of(c);
  const grade::reading_options reading{gradecheck::expr::syntax::automatic, &symbols};
  std::ifstream in(root + "/cases/mlp-2-2-2-sigmoid-mse/submissions/seed.txt");
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  const auto grade_one = [&](const grade::grading_options& o) {
    return grade::grade_submission(ref, grade::parse_submission(text, "seed.txt", c, {}, reading), o);
  };

  const grade::grading_options with_search;

  std::printf("grading %d copies of the seed 000 Problem 1 submission (%zu asked quantities)\n", n, c.ask.size());
  auto start = clock_type::now();
  for (int k = 0; k < n; ++k) (void)grade_one(with_search);
  const double one = seconds_since(start);

  start = clock_type::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < 2; ++t)
    pool.emplace_back([&] {
      for (int k = 0; k < n / 2; ++k) (void)grade_one(with_search);
      mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
    });
  for (auto& t : pool) t.join();
  const double two = seconds_since(start);

  // The search's cost is its count of evaluations (deterministic) times the cost of one
  // interval evaluation of a step, timed here on dL_dh1's variant at the reference point.
  const auto sample = grade_one(with_search);
  gradecheck::expr::environment<gradecheck::numeric::interval> world;
  for (const auto& [name, v] : ref.values) {
    gradecheck::expr::value<gradecheck::numeric::interval> b{v.rows, v.cols, {}};
    for (const auto& x : v.data) b.data.push_back(gradecheck::numeric::interval(x));
    world[name] = b;
  }
  const auto variant = gradecheck::expr::parse_expression("delta_o1*w7 + delta_o2*w5");
  const int reps = 20000;
  start = clock_type::now();
  for (int k = 0; k < reps; ++k) (void)gradecheck::expr::evaluate(variant, world);
  const double per_evaluation = seconds_since(start) / reps;

  // correct submissions: every answer within tolerance, the case most of a class hands in
  std::ifstream correct_in(root + "/cases/mlp-2-2-2-sigmoid-mse/submissions/correct.txt");
  const std::string correct{std::istreambuf_iterator<char>(correct_in), {}};
  start = clock_type::now();
  for (int k = 0; k < n; ++k) (void)grade::grade_submission(ref, grade::parse_submission(correct, "correct.txt", c, {}, reading), with_search);
  const double right = seconds_since(start);
  start = clock_type::now();
  for (int k = 0; k < n; ++k) (void)grade::parse_submission(correct, "correct.txt", c, {}, reading);
  const double parse_only = seconds_since(start);

  // the same, every answer through the whole grader (what accepting at sight saves)
  grade::grading_options whole = with_search;
  whole.at_sight = false;
  start = clock_type::now();
  for (int k = 0; k < n; ++k) (void)grade::grade_submission(ref, grade::parse_submission(correct, "correct.txt", c, {}, reading), whole);
  const double right_whole = seconds_since(start);

  std::printf("correct submissions, one thread: %8.0f submissions/s  (%.3f ms each, %.3f ms of it reading the file)\n", n / right,
              1000 * right / n, 1000 * parse_only / n);
  std::printf("  the same through the whole grader (no answer accepted at sight): %.0f submissions/s (%.3f ms each)\n", n / right_whole,
              1000 * right_whole / n);
  std::printf("one thread:   %8.0f submissions/s  (%.2f ms each)\n", n / one, 1000 * one / n);
  std::printf("two threads:  %8.0f submissions/s  (speed-up %.2f)\n", (n / 2 * 2) / two, one / two * (n / 2 * 2) / n);
  std::printf("mistake search: %zu evaluations for %zu searched answers (%.0f each, bound %zu); one evaluation %.1f us,\n"
              "  so %.0f us per searched answer and %.0f us at the bound\n",
              sample.search_evaluations, sample.searched_answers,
              static_cast<double>(sample.search_evaluations) / static_cast<double>(sample.searched_answers), with_search.max_search,
              1e6 * per_evaluation, 1e6 * per_evaluation * static_cast<double>(sample.search_evaluations) / static_cast<double>(sample.searched_answers),
              1e6 * per_evaluation * static_cast<double>(with_search.max_search));
  return 0;
}
