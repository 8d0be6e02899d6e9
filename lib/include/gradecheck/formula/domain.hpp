#pragma once
/// Where a formula answer is tested: the sizes, indices and variables of a
/// formula question, the quantities defined from them (y = softmax(z)), and
/// constraints that keep points away from where the derivative does not exist.
/// The description only: its points are in formula/point.hpp.

#include "gradecheck/expr/assignments.hpp"

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

}  // namespace gradecheck::formula
