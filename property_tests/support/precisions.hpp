#pragma once
// Properties that hold at every precision run at each of them, as Boost.Math
// runs each of its tests at several: RC_GTEST_TYPED_PROP defines a property
// whose body is a template on Real, run as a typed Google Test over
// `precisions` (suite/real50.name, suite/real100.name). Declare the suite
// first with GRADECHECK_PROPERTY_SUITE(suite).

#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <limits>
#include <string>

namespace gradecheck::property {

using precisions = ::testing::Types<numeric::real50, numeric::real100>;

/// Names the instances of a typed property after their type.
struct precision_names {
  template <class Real>
  static std::string GetName(int) {
    return "real" + std::to_string(std::numeric_limits<Real>::digits10);
  }
};

}  // namespace gradecheck::property

/// Declares the typed test suite of the properties RC_GTEST_TYPED_PROP(Suite, ...).
#define GRADECHECK_PROPERTY_SUITE(Suite)            \
  template <class Real>                             \
  class Suite : public ::testing::Test {};          \
  TYPED_TEST_SUITE(Suite, ::gradecheck::property::precisions, ::gradecheck::property::precision_names)

/// Defines a RapidCheck property, its body a template on Real, as a typed Google Test.
#define RC_GTEST_TYPED_PROP(Suite, Name)                                                      \
  template <class Real>                                                                       \
  void rapidCheck_typedPropImpl_##Suite##_##Name();                                           \
                                                                                              \
  TYPED_TEST(Suite, Name) { ::rc::detail::checkGTest(&rapidCheck_typedPropImpl_##Suite##_##Name<TypeParam>); } \
                                                                                              \
  template <class Real>                                                                       \
  void rapidCheck_typedPropImpl_##Suite##_##Name()
