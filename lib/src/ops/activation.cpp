#include "gradecheck/ops/activation.hpp"

#include <array>
#include <utility>

namespace gradecheck::ops {

namespace {
constexpr std::array<std::pair<activation_kind, std::string_view>, 7> names{{
    {activation_kind::identity, "identity"},
    {activation_kind::sigmoid, "sigmoid"},
    {activation_kind::tanh, "tanh"},
    {activation_kind::relu, "relu"},
    {activation_kind::leaky_relu, "leaky_relu"},
    {activation_kind::elu, "elu"},
    {activation_kind::softplus, "softplus"},
}};
}  // namespace

std::string_view name_of(activation_kind kind) {
  for (const auto& [k, name] : names)
    if (k == kind) return name;
  throw std::logic_error("name_of: unknown activation");
}

activation_kind activation_named(std::string_view name) {
  for (const auto& [k, n] : names)
    if (n == name) return k;
  throw std::invalid_argument("unknown activation \"" + std::string(name) +
                              "\": expected identity, sigmoid, tanh, relu, leaky_relu, elu or softplus");
}

}  // namespace gradecheck::ops
