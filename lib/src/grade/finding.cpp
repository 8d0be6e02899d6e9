#include "gradecheck/grade/finding.hpp"

#include <array>

namespace gradecheck::grade {

namespace {
constexpr std::array<std::string_view, 24> mistake_names{
    "negated",      "term_negated",    "scaled",       "transposed",     "wrong_size",       "shapes_clash",
    "named_mistake", "swapped",        "replaced",     "term_dropped",   "value_for_derivative", "given_left_out",
    "given_repeated", "answers_swapped", "trivial_step", "unchanged_update", "copied_given",   "two_answers",
    "ambiguous",    "coarse",          "entries",      "inferred_intermediate", "undefined_at_point", "too_costly"};
static_assert(mistake_names.size() == static_cast<std::size_t>(mistake::too_costly) + 1);
}  // namespace

std::string_view name_of(mistake m) { return mistake_names[static_cast<std::size_t>(m)]; }

std::string diagnosis::param(const std::string& key) const {
  const auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

}  // namespace gradecheck::grade
