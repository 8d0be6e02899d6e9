#pragma once
/// The points of a domain (formula/domain.hpp): drawn at random from a generator seeded by the
/// case and question ids (random/seed.hpp), so that a grade is reproducible byte for byte; the
/// fixed points random draws tend to miss; the values of every symbol at a point; shrinking.

#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/formula/domain.hpp"
#include "gradecheck/numeric/real.hpp"

#include <map>
#include <random>
#include <string>
#include <vector>

namespace gradecheck::formula {

/// One point of the domain: what was drawn. Defined quantities follow from it.
struct point {
  std::map<std::string, long> sizes;
  std::map<std::string, long> indices;
  std::map<std::string, expr::value<numeric::real50>> variables;
};

/// Returns a random point of the domain, or throws std::runtime_error when
/// the constraints reject 1000 draws in a row.
point draw(const domain& d, std::mt19937_64& rng);

/// A drawn point with its symbols bound (bind), which drawing computes to check the constraints.
struct bound_point {
  point at;
  expr::environment<numeric::real50> env;
};

/// The same draw as `draw`, keeping the symbols bound.
bound_point draw_bound(const domain& d, std::mt19937_64& rng);

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
