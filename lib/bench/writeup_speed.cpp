// The time to read a whole write-up and check every chain of it (grader check), and to bind
// it to its case and grade it (grader grade), on the seed write-up of mlp-2-2-2-sigmoid-mse
// (a 50 KB Markdown file of eight problems). Prints figures; run by ci/bench.sh.

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/writeup/bind.hpp"
#include "gradecheck/writeup/check.hpp"

#include "timing.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using gradecheck::bench::median_ms;

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : ".";
  const int reps = argc > 2 ? std::max(3, std::atoi(argv[2])) : 15;
  const std::string path = root + "/cases/mlp-2-2-2-sigmoid-mse/submissions/seed-writeup.txt";
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  if (text.empty()) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 1;
  }
  namespace writeup = gradecheck::writeup;
  writeup::check_result r;
  const double check = median_ms(reps, [&] { r = writeup::check_document(writeup::read_document(text, writeup::format::markdown)); });
  std::printf("grader check on a %zu KB write-up: %zu links (%zu hold, %zu fail, %zu not checked) in %.1f ms\n", text.size() / 1024,
              r.links.size(), r.count(writeup::link_status::holds), r.count(writeup::link_status::fails),
              r.count(writeup::link_status::not_checked), check);
  const auto c = gradecheck::cases::load_case(root + "/cases/mlp-2-2-2-sigmoid-mse");
  const auto ref = gradecheck::grade::make_reference(c);
  const auto symbols = gradecheck::cases::latex_symbols_of(c);
  double score = 0;
  const double grade = median_ms(reps, [&] {
    const auto s = writeup::bind(writeup::read_document(text, writeup::format::markdown), path, c, symbols);
    score = gradecheck::grade::grade_submission(ref, s, {}).score;
  });
  std::printf("binding it to its case and grading it (score %g): %.1f ms\n", score, grade);
  return 0;
}
