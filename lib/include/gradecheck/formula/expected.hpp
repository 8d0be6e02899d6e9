#pragma once
/// What a formula answer should give at a point of its domain: the question's
/// reference formula, or, without one, the finite-difference derivative of its
/// forward function (Ridders in 50 digits). A question's points and the values
/// there are computed once per case and shared by every submission.

#include "gradecheck/formula/point.hpp"
#include "gradecheck/formula/question.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gradecheck::formula {

using value50 = expr::value<numeric::real50>;

/// A value with the absolute error it may carry (zero for a formula, the
/// error estimate for finite differences).
struct expectation {
  value50 value;
  numeric::real50 allowance = 0;
};

/// Returns the symbols at p, followed by the reference formula of every question
/// that has one, in order, so that a formula may use the names of other answers
/// (W_new = W - alpha*V_new). Throws expr::evaluation_error.
expr::environment<numeric::real50> environment_at(const domain& d, const std::vector<question>& all, const point& p);

/// Returns the derivative of q's forward function with respect to its variable
/// (or one entry of it) at env, by Ridders' extrapolation with a first step
/// of 1e-4, small enough to stay on one side of a kink the domain keeps
/// points 1e-3 away from. Shapes: one entry moved gives the shape of the
/// function; a scalar function gives the shape of the variable (dL/dW has
/// W's shape; by a row Theta[i], a column), or a 1 x n row in numerator
/// layout; otherwise the Jacobian, one row per entry of the function.
expectation finite_difference(const domain& d, const question& q, const expr::environment<numeric::real50>& env);

/// Returns the same derivative computed in real100: for checking a reference formula to its last digit.
expr::value<numeric::real100> finite_difference_wide(const domain& d, const question& q, const expr::environment<numeric::real100>& env);

/// Returns q's reference value at env: its formula if it has one, finite differences otherwise.
expectation expected_value(const domain& d, const question& q, const expr::environment<numeric::real50>& env);

/// One point of a question with what it should give there. The questions of a case share
/// their points, and so the environments there (environment_at), made once.
struct sample {
  point at;
  std::shared_ptr<const expr::environment<numeric::real50>> env;
  expectation expected;
};

/// A question ready to check answers against.
struct prepared_question {
  const domain* d = nullptr;
  const std::vector<question>* all = nullptr;
  const question* q = nullptr;
  std::vector<sample> samples;
};

/// Returns every question's points, each with its expected value. The questions share one list of
/// points: the fixed ones, then random ones from random::generator_for(case_id, "#points"), of which
/// each question takes its first q.samples (40 at most without a reference formula, whose every
/// point costs a finite difference). The symbols and reference formulas are evaluated once per point
/// for all of them. Points where a reference is undefined are left out.
std::map<std::string, prepared_question> prepare_all(const domain& d, const std::vector<question>& all, const std::string& case_id);

/// Returns q's part of prepare_all.
prepared_question prepare(const domain& d, const std::vector<question>& all, const question& q, const std::string& case_id);

/// Returns true when `s` equals `expected` up to the precision: entry by entry,
/// |s - r| <= eps^(1/2) scale + eps^(3/4) + allowance, where scale is the largest
/// |entry| of r (so entries that cancel to zero are judged on the scale of the value).
bool agree(const value50& s, const expectation& expected);

}  // namespace gradecheck::formula
