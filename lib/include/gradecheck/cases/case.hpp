#pragma once
/// The model of a case: a problem written as data. Givens and derived
/// quantities are `name = expression` lines, evaluated in order exactly as a
/// worked solution is written; `ask` names what a student must submit.

#include "gradecheck/cases/variant_rules.hpp"
#include "gradecheck/expr/assignments.hpp"
#include "gradecheck/formula/domain.hpp"
#include "gradecheck/formula/question.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gradecheck::cases {

/// How close an answer must be, in PrairieLearn's vocabulary:
/// relabs: |a - r| <= max(rtol |r|, atol); sigfig: agrees with r rounded to
/// `digits` significant figures; decdig: to `digits` decimal places.
struct tolerance {
  enum class kind { relabs, sigfig, decdig };
  kind type = kind::relabs;
  double rtol = 1e-2;
  double atol = 1e-8;
  int digits = 3;
};

/// Returns "relabs(rtol=0.01, atol=1e-08)", "sigfig(3)" or "decdig(2)".
std::string describe(const tolerance& t);

/// One quantity a student must submit.
struct asked {
  std::string name;
  double points = 1;
  tolerance within;
  bool pin_orientation = false;  ///< a vector must be a column as the case computes it (default: a row is the same vector)
};

/// The instructor's grading policy of a case ([grading]): what a student may
/// see of the key, and credit per verdict; the command line overrides both.
struct grading_policy {
  std::string reveal = "never";              ///< never, after_due_date or always
  std::map<std::string, double> credit;      ///< verdict name -> fraction of the points
};

/// A mistake the case names: the wrong expression a student may have used for
/// a quantity, and what to tell them.
struct known_mistake {
  std::string quantity;
  expr::node expression;
  std::string text;
  std::string feedback;
};

/// A named group of asked quantities, scored together.
struct part {
  std::string name;
  std::vector<std::string> quantities;
};

/// A case as loaded from `cases/<id>/case.toml`.
struct case_file {
  std::filesystem::path path;
  std::string id;
  std::string title;
  std::string source;     ///< the seed file and problem it comes from
  std::string statement;  ///< the problem in a few lines; {{name}} stands for a given's value as written
  std::string section;    ///< the heading of the problem in a write-up of several ("Problem 1"); empty: the whole file
  std::vector<expr::assignment> given;
  std::vector<expr::assignment> derive;
  std::vector<asked> ask;
  std::vector<part> parts;             ///< optional; [ask.parts] name = "q1 q2 ..."
  std::vector<known_mistake> mistakes;  ///< optional; [[mistake]] quantity, expr, feedback
  formula::domain domain;                    ///< where formula answers are tested ([domain])
  std::vector<formula::question> formulas;   ///< [[formula]]: asked quantities answered by a formula
  std::optional<formula::trajectory> trajectory;  ///< [trajectory]: an update rule checked by its trajectory
  grading_policy grading;                     ///< [grading]: reveal and credit defaults
  std::map<std::string, std::vector<std::string>> latex;  ///< [latex]: LaTeX spellings of its symbols, by name
  variant_rules variants;                     ///< [variants]: how the givens vary between students
  std::string student;                        ///< whose variant this is (cases/variant.hpp); empty: the case's own givens

  /// Returns the given or derived quantity called `name`, or nullptr.
  [[nodiscard]] const expr::assignment* find(const std::string& name) const;
  /// Returns the asked quantity called `name` (its points and tolerance), or nullptr.
  [[nodiscard]] const asked* find_asked(const std::string& name) const;
  /// Returns the formula question called `name`, or nullptr.
  [[nodiscard]] const formula::question* find_formula(const std::string& name) const;
  /// Returns true when `name` is a given.
  [[nodiscard]] bool is_given(const std::string& name) const;
  /// Returns the statement with every {{name}} replaced by that given's value as written.
  [[nodiscard]] std::string written_statement() const;
  /// Returns the asked quantity an answer called `name` answers: `name` itself, or for a
  /// derived quantity defined as an asked one's name (L = loss), that one.
  [[nodiscard]] std::string answered_by(const std::string& name) const;

  /// Indexes the names of the lists above, so that the look-ups above take one hash look-up rather
  /// than a pass over the lists (every answer of every submission is looked up several times). The
  /// loader calls it; lists whose lengths changed since are searched one by one again.
  void index_names();

  /// Where a name stands in the lists (-1: not there); `quantity` counts the givens, then the derived.
  struct name_slots {
    int quantity = -1, asked = -1, formula = -1;
  };
  std::unordered_map<std::string, name_slots> name_index;  ///< made by index_names()
  std::array<std::size_t, 4> indexed_lengths{};            ///< of given, derive, ask and formulas, when indexed

 private:
  [[nodiscard]] const name_slots* indexed(const std::string& name, bool& usable) const;
};

}  // namespace gradecheck::cases
