#include "gradecheck/numeric/certified.hpp"

#include "gradecheck/numeric/format.hpp"

namespace gradecheck::numeric {

certified certify(const real100& wide, const real200& check, int digits) {
  using boost::multiprecision::abs;
  if (abs(wide) < real100("1e-80") && abs(check) < real200("1e-80")) return {"0", digits};
  for (int n = digits; n > 1; --n)
    if (to_significant(wide, n) == to_significant(check, n)) return {to_significant(wide, n), n};
  return {to_significant(wide, 1), 1};
}

}  // namespace gradecheck::numeric
