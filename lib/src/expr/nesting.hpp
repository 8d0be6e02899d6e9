#pragma once
// A bound on how deep a recursive-descent parse may nest: input nested deeper is refused with an
// error at its place, never a stack overflow. Both readers (plain and LaTeX) use it.

#include "gradecheck/expr/parser.hpp"

#include <string>

namespace gradecheck::expr {

class nesting_guard {
 public:
  /// Counts one level more on `depth`; throws parse_error at `at` beyond `limit` levels of `what`.
  nesting_guard(int& depth, int limit, position at, const char* what) : depth_(depth) {
    if (++depth_ > limit) {
      --depth_;
      throw parse_error(at, std::string(what) + " nested deeper than " + std::to_string(limit) + " levels");
    }
  }
  ~nesting_guard() { --depth_; }
  nesting_guard(const nesting_guard&) = delete;
  nesting_guard& operator=(const nesting_guard&) = delete;

 private:
  int& depth_;
};

}  // namespace gradecheck::expr
