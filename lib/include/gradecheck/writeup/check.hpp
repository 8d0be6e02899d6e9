#pragma once
/// Checking a write-up without a case: every chain a = b = c is checked link
/// by link, in interval arithmetic at the precision written (0.5933 stands for
/// [0.59325, 0.59335]), with the document's own definitions (`w_1 = 0.15`,
/// `[w_1, w_2] = [0.15, 0.20]`, values claimed earlier). A bare `name = number`
/// is a definition, and may redefine a name. A link whose sides share their
/// symbols and have no values (`\sigma'(z) = \sigma(z)(1 - \sigma(z))`,
/// `\frac{d}{dz}\sigma(z) = ...`) is checked at random points, derivatives by
/// finite differences.

#include "gradecheck/writeup/document.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gradecheck::writeup {

enum class link_status { holds, fails, not_checked };

/// Returns "holds", "fails" or "not_checked".
std::string_view name_of(link_status s);

/// One link a = b of a chain.
struct link {
  place where;              ///< the right side's first character
  std::string left, right;  ///< the two sides as written
  std::string relation;     ///< as in chain::relations
  std::string tag;          ///< the chain's equation tag
  link_status status = link_status::not_checked;
  std::string left_value, right_value;  ///< what each side gives: "[0.59325, 0.59335]", or at a point for identities
  std::string why;          ///< not_checked: why not (a symbol with no value, a construct not read); fails at a point: which
};

/// A name given a value by the write-up.
struct definition {
  std::string name;   ///< in the plain syntax
  std::string value;  ///< as an interval, or exactly
  place where;
};

struct check_result {
  std::vector<link> links;
  std::vector<definition> definitions;
  [[nodiscard]] std::size_t count(link_status s) const;
};

/// Checks every chain of `d`, in document order.
check_result check_document(const document& d);

}  // namespace gradecheck::writeup
