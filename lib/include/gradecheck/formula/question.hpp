#pragma once
/// A formula question: the student answers with an expression in the
/// domain's symbols, not a number. The case gives the forward function the
/// answer is a derivative of (`derivative_of` with respect to
/// `with_respect_to`, which may be an entry such as z[j]), a reference
/// formula, or both. Update rules, which are no derivative, are checked
/// instead by the trajectory they produce (see trajectory).

#include "gradecheck/expr/ast.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradecheck::formula {

/// An expression as written in the case, with its tree.
struct written_expression {
  std::string text;
  expr::node tree;
};

struct question {
  std::string name;
  std::optional<written_expression> derivative_of;  ///< the forward function
  std::string with_respect_to;                      ///< a variable or a defined quantity
  std::vector<expr::node> entry;                    ///< the entry moved (z[j]) or row (Theta[i]); empty for the whole value
  bool numerator_layout = false;                    ///< a scalar's derivative by a vector is a 1 x n row, not a column
  std::optional<written_expression> reference;      ///< the reference formula
  std::size_t samples = 200;                        ///< random points, besides the fixed ones
  expr::position where;

  /// Returns "d y[i] / d z[j]" for the key and feedback, or "" without a forward function.
  [[nodiscard]] std::string derivative_text() const;
};

/// An update rule checked by its trajectory: starting from the velocity at 0,
/// `steps` updates with random gradients must move the parameter exactly as
/// the reference optimizer does (ops/optimizer.hpp).
struct trajectory {
  std::string optimizer;       ///< "momentum_ema", "momentum", "nesterov" or "sgd"
  std::string parameter;       ///< W
  std::string velocity;        ///< V
  std::string gradient;        ///< dW, drawn afresh at every step
  std::string learning_rate;   ///< alpha
  std::string momentum;        ///< beta
  std::string new_parameter;   ///< the asked name of the parameter's update, W_new
  std::string new_velocity;    ///< the asked name of the velocity's update, V_new
  int steps = 8;
  std::size_t runs = 20;       ///< trajectories, each from a fresh random point
  expr::position where;
};

}  // namespace gradecheck::formula
