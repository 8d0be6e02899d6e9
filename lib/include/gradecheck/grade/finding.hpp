#pragma once
/// What grading finds, as data: per asked quantity a verdict, its score, the
/// evidence behind it and the diagnosed mistake as a kind with parameters.
/// No prose is made here; every report renders its own (report/feedback.hpp),
/// under the instructor's disclosure policy.

#include "gradecheck/expr/ast.hpp"
#include "gradecheck/formula/counterexample.hpp"
#include "gradecheck/grade/submission.hpp"
#include "gradecheck/grade/verdict.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradecheck::grade {

/// The kinds of mistake the grader can name. Their names (`name_of`) are an
/// interface: they appear as `diagnosis.kind` in the JSON report.
enum class mistake {
  negated,               ///< the whole value has the wrong sign
  term_negated,          ///< one additive term's sign is flipped; term
  scaled,                ///< the whole value times a factor; factor (2, 1/2, 10, 1/10, eta, 1/m ...)
  transposed,            ///< expected, got (shapes "3x2")
  wrong_size,            ///< expected, got
  shapes_clash,          ///< a formula whose shapes cannot combine for some sizes
  named_mistake,         ///< a [[mistake]] of the case; feedback (the instructor's words)
  swapped,               ///< a, b: two names of one kind exchanged
  replaced,              ///< used, in_place_of
  term_dropped,          ///< term
  value_for_derivative,  ///< factor: (1 - x) left out, the activation's value where its derivative belongs
  given_left_out,        ///< given (replaced by 1)
  given_repeated,        ///< given (used twice: eta^2 in place of eta)
  answers_swapped,       ///< other: the value is that of another asked quantity
  trivial_step,          ///< input, value: a wrong earlier value that removes this step's work
  unchanged_update,      ///< parameter: the "updated" value is the old one
  copied_given,          ///< given: the value is a given of the problem
  two_answers,           ///< lines: two different answers for one quantity
  ambiguous,             ///< count: several different mistakes fit the digits written
  coarse,                ///< tolerance, digits (or rtol, atol): fewer digits than the problem asks for
  entries,               ///< right, total: entries of a vector or matrix answer that are right
  inferred_intermediate, ///< answers, factor, expression, value: several answers agree on one wrong unasked intermediate
  undefined_at_point,    ///< a formula undefined where the derivative exists
  too_costly,            ///< operations: a formula beyond the evaluation budget
};

/// Returns the mistake's name: "negated", "swapped", ...
std::string_view name_of(mistake m);

/// A diagnosed mistake: its kind and parameters (names as the case spells them,
/// factors as written), enough to say it in words or to count it over a class.
struct diagnosis {
  mistake kind = mistake::negated;
  std::map<std::string, std::string> params;
  [[nodiscard]] std::string param(const std::string& key) const;
  bool operator==(const diagnosis&) const = default;
};

/// The exact comparison behind a verdict, so that anyone can check the grader.
struct evidence {
  std::string reference;          ///< the 50-digit value to 12 digits, or the reference formula
  std::string tolerance;          ///< the case's tolerance, described
  std::string expression;         ///< the step's expression in the case
  std::string interval;           ///< what the step gives from the student's inputs, "[lo, hi]"
  std::string reproduced_by;      ///< the edited expressions that give the student's number, if any
  std::map<std::string, std::string> used;  ///< the student's earlier answers the step used, as written
  std::vector<std::string> follows_from;    ///< the wrong earlier answers it follows from
  std::string charged_at;         ///< repeated_mistake / inferred: the quantity where the mistake was charged
  std::optional<formula::counterexample> example;    ///< formula answers: the shrunk counterexample
  std::size_t points = 0;         ///< formula answers: the points compared
  std::string trajectory;         ///< update rules: how the rule moved the parameter, when it differs
  bool same_method_as_optimizer = false;  ///< update rules accepted by their trajectory
};

/// One entry of a vector or matrix answer.
struct entry_grade {
  std::size_t row = 0, col = 0;
  verdict outcome = verdict::wrong;
  std::string student;    ///< the entry as written
  std::string reference;  ///< to 12 digits
};

/// The grade of one asked quantity.
struct graded {
  std::string name;
  verdict outcome = verdict::missing;
  double score = 0;
  double max_score = 0;
  std::string student;          ///< the text as written, empty when missing
  expr::position where;         ///< the answer's line and column in the file
  int cell = 0;                 ///< a notebook's cell (1-based) the answer is in, 0 in other files
  std::string problem;          ///< unreadable: the reader's message (with its line and column)
  std::string read_as;          ///< a LaTeX answer as read, in the plain syntax
  std::vector<std::string> readings;  ///< an ambiguous LaTeX answer: each reading, in the plain syntax
  bool is_formula = false;
  std::vector<diagnosis> diagnoses;  ///< the mistake; several when equivalent edits give the same number
  evidence compared;
  std::vector<entry_grade> entries;  ///< per entry, for vector and matrix answers that are partly right
};

/// The score of one part of a case ([ask.parts]).
struct part_score {
  std::string name;
  double score = 0;
  double max_score = 0;
};

/// The grade of one submission.
struct report {
  std::string case_id;
  std::string submission;       ///< the file's path as given
  std::vector<graded> results;  ///< in the case's ask order
  std::vector<issue> issues;
  std::vector<binding> bindings;       ///< a write-up: how each name was bound
  std::vector<unbound_claim> unbound;  ///< a write-up: claims bound to no quantity
  std::string section;                 ///< a write-up: the heading it was narrowed to
  bool unreadable = false;  ///< the file, or at least one answer, could not be read
  double score = 0;
  double max_score = 0;
  std::vector<part_score> parts;       ///< per part, when the case defines parts
  std::size_t searched_answers = 0;    ///< answers for which the one-edit search ran
  std::size_t search_evaluations = 0;  ///< expressions evaluated by that search
};

}  // namespace gradecheck::grade
