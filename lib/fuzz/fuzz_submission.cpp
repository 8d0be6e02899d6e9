// Fuzz target: reading and grading a submission against one unit of seed 000 Problem 1
// (small-case.toml: a small case, so that runs are many), and writing a report in one of the formats.
// None of it may throw or crash.
#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/report/csv.hpp"
#include "gradecheck/report/json.hpp"
#include "gradecheck/report/text.hpp"

#include <cstdint>
#include <string>

#ifndef GRADECHECK_FUZZ_SUBMISSION_CASE
#error "GRADECHECK_FUZZ_SUBMISSION_CASE names the case the submissions are graded against"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gradecheck;
  static const cases::case_file c = cases::load_case(GRADECHECK_FUZZ_SUBMISSION_CASE);
  static const grade::reference ref = grade::make_reference(c);
  // made once, as a batch makes them: the LaTeX spellings of the case's names
  static const expr::latex_symbols symbols = cases::latex_symbols_of(c);
  // the mistake search runs on every wrong answer; a lower bound than a grade's keeps runs many
  // while still walking every kind of edit
  static const grade::grading_options options = [] {
    grade::grading_options o;
    o.max_search = 100;
    return o;
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto report = grade::grade_submission(ref, grade::parse_submission(text, "fuzz.txt", c, {}, {expr::syntax::automatic, &symbols}), options);
  static const report::view how = report::make_view(c, report::reveal::always);
  // one format per input, by its length: every format is written across the inputs, at a fifth of the cost
  switch (size % 5) {
    case 0: (void)report::to_text(report, how); break;
    case 1: (void)report::to_json(report, how); break;
    case 2: (void)report::to_gradescope(report, how, report::reveal::after_due_date); break;
    case 3: (void)report::to_prairielearn(report, how); break;
    default: (void)report::to_csv({report});
  }
  return 0;
}
