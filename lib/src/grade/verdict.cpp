#include "gradecheck/grade/verdict.hpp"

#include <stdexcept>
#include <string>

namespace gradecheck::grade {

namespace {
constexpr std::array<std::string_view, all_verdicts.size()> names{
    "correct",    "correct_rounded", "carried_forward", "imprecise", "repeated_mistake", "sign_error",
    "factor_error", "shape_error",   "known_mistake",   "wrong",     "missing",          "unreadable"};
}  // namespace

std::string_view name_of(verdict v) { return names[static_cast<std::size_t>(v)]; }

verdict verdict_named(std::string_view name) {
  for (std::size_t k = 0; k < names.size(); ++k)
    if (names[k] == name) return all_verdicts[k];
  throw std::invalid_argument("unknown verdict \"" + std::string(name) + "\"");
}

bool accepted(verdict v) { return v == verdict::correct || v == verdict::correct_rounded || v == verdict::carried_forward; }

credit_policy credit_policy::defaults() {
  credit_policy p;
  for (const auto v : all_verdicts) p.fraction[v] = 0;
  p.fraction[verdict::correct] = p.fraction[verdict::correct_rounded] = p.fraction[verdict::carried_forward] = 1;
  p.fraction[verdict::repeated_mistake] = 1;
  p.fraction[verdict::imprecise] = 0.5;
  return p;
}

double credit_policy::of(verdict v) const {
  const auto it = fraction.find(v);
  return it == fraction.end() ? 0 : it->second;
}

}  // namespace gradecheck::grade
