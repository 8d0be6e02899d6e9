#pragma once
// Test helper: the precisions a typed test runs at, as Boost.Math runs each of
// its tests at several, and agreement with a reference at the test's precision.
// A reference written as a decimal string is parsed at Real's precision, so it
// must carry more digits than Real keeps; one derived in closed form in the
// test is computed at Real's precision.

#include "gradecheck/numeric/agreement.hpp"
#include "gradecheck/numeric/decimal.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace gradecheck::testing {

using precisions = ::testing::Types<numeric::real50, numeric::real100>;

/// Names the instances of a typed test after their type: activation/real100.sigmoid_...
struct precision_names {
  template <class Real>
  static std::string GetName(int) {
    return "real" + std::to_string(std::numeric_limits<Real>::digits10);
  }
};

/// Returns the significant decimal digits of Real: 50 for real50, 100 for real100.
template <class Real>
constexpr double digits() {
  return std::numeric_limits<Real>::digits10;
}

/// Returns the decimal written in `text`, correctly rounded to Real.
template <class Real>
Real decimal(const char* text) {
  return numeric::parse_real<Real>(text);
}

/// Does `value` agree with `reference` to at least `digits` digits?
template <class Real>
::testing::AssertionResult agrees(const Real& value, const Real& reference, double digits) {
  const double got = numeric::digits_of_agreement(value, reference);
  if (got >= digits) return ::testing::AssertionSuccess();
  const int shown = std::numeric_limits<Real>::digits10;
  return ::testing::AssertionFailure() << numeric::to_significant(value, shown) << " agrees with "
                                       << numeric::to_significant(reference, shown) << " to " << got << " digits, wanted "
                                       << digits;
}

/// Does `value` agree with the decimal `reference`, parsed at Real's precision, to at least `digits` digits?
template <class Real>
::testing::AssertionResult agrees(const Real& value, const char* reference, double digits) {
  const double got = numeric::digits_of_agreement(value, decimal<Real>(reference));
  if (got >= digits) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << numeric::to_significant(value, std::numeric_limits<Real>::digits10) << " agrees with "
                                       << reference << " to " << got << " digits, wanted " << digits;
}

}  // namespace gradecheck::testing
