#pragma once
/// Reading a submitted answer file: `name = value` lines, or a JSON object
/// {"name": value}. Submissions are untrusted: sizes are bounded, every
/// problem is reported with its line and column, and one bad line does not
/// stop the others from being read.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/ast.hpp"
#include "gradecheck/expr/latex.hpp"
#include "gradecheck/expr/syntax.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace gradecheck::grade {

/// One answer as written.
struct answer {
  std::string name;
  std::string text;  ///< the value exactly as written (trimmed)
  expr::node value;
  expr::position where;
  int cell = 0;  ///< a notebook's cell (1-based), 0 in other files
  bool readable = true;
  std::string problem;  ///< why it is unreadable
  std::string conflicting_text;  ///< a second, different answer for the same quantity (empty if none)
  int conflicting_line = 0;      ///< its line
  bool latex = false;            ///< read by the LaTeX reader
  std::string read_as;           ///< a LaTeX answer as read, in the plain syntax (echoed in the report)
  std::vector<std::string> readings;  ///< an ambiguous LaTeX answer: both readings, in the plain syntax
};

/// A problem with the file that is not one asked quantity's answer.
struct issue {
  expr::position where;
  std::string message;
};

/// How a name of a write-up was bound to a quantity of the case.
struct binding {
  std::string written;   ///< the name as written ("\\hat{o}_1", "o_1")
  std::string quantity;  ///< the case's name (o1, t1)
  std::string how;       ///< "chain": the last side of its chain; "inside": \\sigma(z_1) = \\sigma(0.3775); "given": a given restated, bound by value
  expr::position where;
  int cell = 0;          ///< a notebook's cell, 0 otherwise
};

/// A claim of a write-up that binds to no quantity, with why.
struct unbound_claim {
  std::string written;
  std::string why;
  expr::position where;
  int cell = 0;
};

struct submission {
  std::filesystem::path path;
  std::vector<binding> bindings;          ///< a write-up: how each name was bound
  std::vector<unbound_claim> unbound;     ///< a write-up: claims bound to nothing
  std::string section;                    ///< a write-up: the heading it was narrowed to
  std::map<std::string, answer> answers;  ///< by canonical name
  std::vector<issue> issues;              ///< unknown names, conflicting duplicates, malformed lines
  bool unreadable_file = false;           ///< nothing could be read (missing, too large, not JSON)
};

/// Limits on what a submission may hold.
struct submission_limits {
  std::size_t max_bytes = 1 << 20;
  std::size_t max_line_length = 10000;
  std::size_t max_answers = 10000;
  std::size_t max_issues = 100;  ///< problems listed; one more line says how many were left out
};

/// How answers are read. Without `symbols`, the case's are computed (pass them to read many files).
struct reading_options {
  expr::syntax how = expr::syntax::automatic;
  const expr::latex_symbols* symbols = nullptr;
  /// A line `name = number` with an asked name as the plain reader writes it is read at once (the
  /// answer the general reading gives; false reads every line the general way, to compare).
  bool plain_lines_at_once = true;
};

/// Returns the submission at `path` (JSON when it starts with '{', text otherwise),
/// with names checked against the case. A name may be written in LaTeX (`h_1`,
/// `\frac{\partial L}{\partial w_5}`, `$w_5^{new} = 0.3589$`).
submission read_submission(const std::filesystem::path& path, const cases::case_file& c, const submission_limits& limits = {},
                           const reading_options& how = {});

/// Returns the submission in `text`, as if read from a file called `path`.
submission parse_submission(const std::string& text, const std::filesystem::path& path, const cases::case_file& c,
                            const submission_limits& limits = {}, const reading_options& how = {});

}  // namespace gradecheck::grade
