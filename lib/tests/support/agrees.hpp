#pragma once
// Test helper: does a computed real agree with a reference written as a
// decimal string (from an independent source) to at least `digits` digits?

#include "gradecheck/numeric/agreement.hpp"
#include "gradecheck/numeric/decimal.hpp"
#include "gradecheck/numeric/format.hpp"

#include <gtest/gtest.h>

namespace gradecheck::testing {

inline ::testing::AssertionResult agrees(const numeric::real50& value, const char* reference, double digits) {
  const auto ref = numeric::parse_real<numeric::real50>(reference);
  const double got = numeric::digits_of_agreement(value, ref);
  if (got >= digits) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << numeric::to_significant(value, 50) << " agrees with " << reference << " to "
                                       << got << " digits, wanted " << digits;
}

}  // namespace gradecheck::testing
