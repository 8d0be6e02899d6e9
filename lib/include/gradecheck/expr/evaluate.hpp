#pragma once
/// Evaluation of expressions in any Real, on scalars, vectors and matrices.
///
/// Operators: + and - element-wise (a scalar broadcasts); * scales when one
/// side is a scalar and is the matrix product otherwise (as in Matlab and in
/// the seeds' W x); @ is the matrix product; .* the element-wise product;
/// / element-wise with broadcasting; ^ element-wise with a scalar exponent;
/// x' and x.T transpose. Indexing is 0-based: v[i], M[i, j], and M[i] is row i.
/// Comparisons < <= > >= == != give 1 or 0 element-wise (so [i == j] is the
/// Iverson bracket); c ? a : b evaluates only the branch taken. For intervals,
/// comparisons compare midpoints.
/// Functions: see `function_names()`; element-wise ones apply to every entry.
/// sum(v) adds the entries of v; sum(k, expr) adds expr over the index
/// k = 0..n-1, where n is the length of what expr indexes with k (y[k],
/// M[k, j]); sum(k, n, expr) gives n. piecewise(c1, v1, c2, v2, ..., v)
/// evaluates only the value of the first condition that holds.

#include "gradecheck/expr/ast.hpp"
#include "gradecheck/expr/value.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradecheck::expr {

/// What kind of failure an evaluation_error is: callers decide by it, never by the message.
enum class error_kind {
  other,
  shape,   ///< shapes that do not combine, an index out of range, a vector where a scalar belongs
  name,    ///< an unknown name or function
  domain,  ///< a division by zero, the log of a negative number: the point, not the formula
  budget,  ///< beyond the evaluation limits
};

/// A failure to evaluate (unknown name, shape mismatch, log of a negative number), at `where`.
struct evaluation_error : std::runtime_error {
  evaluation_error(position at, const std::string& text, error_kind k = error_kind::other);
  position where;
  std::string message;  ///< without the position
  error_kind kind = error_kind::other;
};

/// The values of the names an expression may use.
template <class Real>
using environment = std::map<std::string, value<Real>, std::less<>>;

/// Bounds on one evaluation, so that an untrusted expression cannot take
/// unbounded time or memory: `eye(10000) * eye(10000)` is refused, not run.
struct evaluation_limits {
  std::size_t max_entries = 1'000'000;      ///< of any one value
  std::size_t max_operations = 10'000'000;  ///< scalar operations in all
};

/// Returns the value of `n` with the names of `env`. Throws evaluation_error,
/// also when the evaluation would exceed `limits`.
template <class Real>
value<Real> evaluate(const node& n, const environment<Real>& env, const evaluation_limits& limits = {});

/// The same, with `spent` operations already charged against limits.max_operations and
/// this evaluation's added to it: a budget shared by many evaluations of one untrusted formula.
template <class Real>
value<Real> evaluate(const node& n, const environment<Real>& env, const evaluation_limits& limits, std::size_t& spent);

/// Returns the built-in function names, for error messages and the README.
const std::vector<std::string>& function_names();

}  // namespace gradecheck::expr
