#include "gradecheck/formula/question.hpp"

namespace gradecheck::formula {

std::string question::derivative_text() const {
  if (!derivative_of) return "";
  std::string wrt = with_respect_to;
  if (!entry.empty()) {
    wrt += "[";
    for (std::size_t k = 0; k < entry.size(); ++k) wrt += (k ? ", " : "") + expr::to_string(entry[k]);
    wrt += "]";
  }
  return "d " + derivative_of->text + " / d " + wrt;
}

}  // namespace gradecheck::formula
