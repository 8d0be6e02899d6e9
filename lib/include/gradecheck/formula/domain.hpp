#pragma once
/// Where a formula answer is tested: the sizes, indices and variables of a
/// formula question, the quantities defined from them (y = softmax(z)), and
/// constraints that keep points away from where the derivative does not exist.
/// A point of the domain is drawn at random from a generator seeded by the
/// case and question ids (random/seed.hpp), so that a grade is reproducible byte for byte.

#include "gradecheck/expr/assignments.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/numeric/real.hpp"

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace gradecheck::formula {

/// A size symbol (K, m) and the inclusive range it is drawn from.
struct size_symbol {
  std::string name;
  long lo = 1;
  long hi = 1;
};

/// An index symbol (i, j) that runs over 0..size-1.
struct index_symbol {
  std::string name;
  std::string size;  ///< a size symbol
};

/// A variable and how its entries are drawn.
struct variable {
  enum class kind {
    uniform,  ///< in [lo, hi], written with 3 significant digits, at least `margin` from every kink
    one_hot,  ///< a vector with a single 1
    binary,   ///< entries 0 or 1
    label,    ///< class labels: whole numbers 0..n-1, n the size `classes`
  };
  std::string name;
  std::vector<std::string> shape;  ///< size symbols or integers: none (scalar), one (vector) or two (matrix)
  kind type = kind::uniform;
  double lo = -3;
  double hi = 3;
  std::vector<double> kinks;
  double margin = 0;
  std::string classes;  ///< the size that labels run below
};

/// The domain of a formula question.
struct domain {
  std::vector<size_symbol> sizes;
  std::vector<index_symbol> indices;
  std::vector<variable> variables;
  std::vector<expr::assignment> define;       ///< evaluated in order at every point
  std::vector<expr::assignment> constraints;  ///< must be non-zero (true) at every point; the name is a label

  /// Returns every symbol a formula may use: sizes, indices, variables and defined names.
  [[nodiscard]] std::vector<std::string> symbols() const;
  [[nodiscard]] const size_symbol* find_size(const std::string& name) const;
};

/// One point of the domain: what was drawn. Defined quantities follow from it.
struct point {
  std::map<std::string, long> sizes;
  std::map<std::string, long> indices;
  std::map<std::string, expr::value<numeric::real50>> variables;
};

/// Returns a random point of the domain, or throws std::runtime_error when
/// the constraints reject 1000 draws in a row.
point draw(const domain& d, std::mt19937_64& rng);

/// Returns a fresh random value of the variable `name` at the sizes of p
/// (constraints are not checked): the gradient of the next step of a trajectory.
expr::value<numeric::real50> redraw(const domain& d, const std::string& name, const point& p, std::mt19937_64& rng);

/// Returns the points that random draws tend to miss: every variable at 0 (or
/// the value nearest 0 the domain allows), equal entries, both sides of every
/// kink, at the smallest sizes and with every combination of indices there.
/// Points that break a constraint are left out.
std::vector<point> fixed_points(const domain& d);

/// Returns the values of every symbol at p: sizes, indices, variables, then the
/// defined quantities in order. Throws expr::evaluation_error when a definition fails.
expr::environment<numeric::real50> bind(const domain& d, const point& p);

/// Returns the environment with `name` (a variable or a defined quantity) set
/// to `with` and every definition after it recomputed. For real50 and real100.
template <class Real>
expr::environment<Real> rebind(const domain& d, expr::environment<Real> env, const std::string& name, const expr::value<Real>& with);

/// Returns true when every constraint holds in env.
bool satisfies(const domain& d, const expr::environment<numeric::real50>& env);

/// Returns the point written out: "z = [0, 1], i = 0, j = 1", showing the
/// variables and indices that `shown` names (those a formula depends on), and
/// sizes named there that no shown variable's shape implies.
std::string describe(const domain& d, const point& p, const std::vector<std::string>& shown);

/// Returns `names` with every variable and index they depend on through the domain's definitions.
std::vector<std::string> depends_on(const domain& d, const std::vector<std::string>& names);

/// Returns a value written out with up to `digits` significant digits: "0.2", "[0, 1]", "[[1, 2], [3, 4]]".
std::string show(const expr::value<numeric::real50>& v, int digits = 6);

/// Returns the simpler points RapidCheck-style shrinking tries next: smaller
/// sizes, smaller indices, entries moved to 0, to integers or to fewer
/// digits, each still inside the domain.
std::vector<point> simpler(const domain& d, const point& p);

}  // namespace gradecheck::formula
