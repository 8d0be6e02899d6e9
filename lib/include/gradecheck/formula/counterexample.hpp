#pragma once
/// A formula answer's counterexample, as data: where it fails and what it
/// gives there, each value already written to 6 significant digits.

#include <string>

namespace gradecheck::formula {

struct counterexample {
  std::string at;       ///< "z = [0, 0], i = 0, j = 0"
  std::string there;    ///< the defined quantities there, "y = [0.5, 0.5]" (may be empty)
  std::string got;      ///< the formula's value there (empty when undefined)
  std::string error;    ///< why it is undefined there
  std::string truth;    ///< the derivative's (or the reference's) value there
  bool of_derivative = true;  ///< truth is the derivative by finite differences
};

}  // namespace gradecheck::formula
