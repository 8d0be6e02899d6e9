#pragma once
/// A class's grades summed up, as data: per asked quantity how many got each
/// verdict and which mistakes were the most common; per part and in total how
/// the scores are spread. No prose is made here (report/summary.hpp renders it).
///
/// A mistake is counted by its diagnosis (kind and parameters), not by the
/// numbers written, so that the same mistake counts together across students
/// who were given different numbers.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/grade/finding.hpp"
#include "gradecheck/grade/verdict.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace gradecheck::grade {

/// One mistake of a quantity and how many made it.
struct mistake_count {
  diagnosis what;                     ///< as counted: without the parameters that hold one file's own lines or numbers
  std::size_t count = 0;
  std::vector<std::string> examples;  ///< the first files (names without folders) it was found in
};

/// One asked quantity over the class.
struct quantity_summary {
  std::string name;
  std::size_t submissions = 0;                 ///< the files graded on it
  std::map<verdict, std::size_t> verdicts;     ///< every verdict, also those nobody got (0)
  std::vector<mistake_count> mistakes;         ///< the most common first (ties: the first found first)
  /// Returns how many got a verdict that does not take their value as right (`accepted`).
  [[nodiscard]] std::size_t not_accepted() const;
};

/// How many scored each score.
struct score_count {
  double score = 0;
  std::size_t count = 0;
};

/// The spread of one part's scores, or of the totals.
struct score_distribution {
  std::string name;                 ///< the part's name; empty for the total
  double max_score = 0;             ///< from the case's points
  std::vector<score_count> scores;  ///< the scores that occur, ascending
};

/// The summary of a batch of reports of one case.
struct class_summary {
  std::string case_id;
  std::size_t submissions = 0;               ///< every report, unreadable files included
  std::vector<quantity_summary> quantities;  ///< in the case's ask order
  std::vector<score_distribution> parts;     ///< in the case's part order; none when the case has no parts
  score_distribution total;
};

/// Returns the diagnosis as a class counts it: `d` without the parameters that hold what one
/// file wrote (two_answers' lines and other value, inferred_intermediate's value).
diagnosis as_counted(const diagnosis& d);

/// Returns the summary of `reports` (graded against c): per quantity, the counts of every
/// verdict and the `top` most common mistakes (each result's first diagnosis), each with up
/// to `examples` files it was found in; per part and in total, the distribution of scores.
class_summary summarize(const cases::case_file& c, const std::vector<report>& reports, std::size_t top = 5, std::size_t examples = 3);

}  // namespace gradecheck::grade
