#pragma once
/// Every derived quantity named dX_dY, where X is a quantity and Y a given or
/// an earlier derived quantity, is a claim that it equals the derivative of X
/// with respect to Y: Y is moved (its own definition set aside) and every
/// quantity after it recomputed. The claim is checked against Ridders' finite
/// differences in 100 digits (twice the 50 printed), to a relative 1e-50. For Y a given this is the total derivative; for
/// Y derived it is the derivative through the graph from Y on, as backprop
/// computes it (dL/dh1 moves h1 and recomputes the layers above it).
///
/// Shapes: X scalar gives the shape of Y; Y scalar the shape of X; otherwise
/// the Jacobian, one row per entry of X.
///
/// A formula question's reference formula is checked the same way against its
/// forward function, at the domain's fixed points and 12 random ones, in 100
/// digits, to 45 digits relative to the larger entry; a derivative below
/// real50's eps^(1/2) counts as zero. An update rule's reference formulas must
/// reproduce the optimizer's trajectory.

#include "gradecheck/cases/case.hpp"

#include <string>
#include <vector>

namespace gradecheck::cases {

/// The outcome of one derivative check.
struct derivative_check {
  std::string name;      ///< dX_dY
  std::string of;        ///< X
  std::string wrt;       ///< Y
  std::string claim;     ///< what the quantity claims to be: "dL/dw5", "d y[i] / d z[j]", "the update of momentum_ema"
  int line = 1;          ///< where the quantity is defined in the case file
  bool passed = false;
  double digits = 0;     ///< least digits of agreement over the entries
  std::string detail;    ///< the worst entry: both values and the digits, or why it could not be checked
};

/// Returns (X, Y) when `name` reads as dX_dY for quantities X and Y of the case, Y before X's
/// position or a given; nothing otherwise.
std::optional<std::pair<std::string, std::string>> derivative_parts(const case_file& c, const std::string& name);

/// Returns the check of every derivative quantity of the case, in derivation order, then of every formula question.
std::vector<derivative_check> verify_derivatives(const case_file& c);

}  // namespace gradecheck::cases
