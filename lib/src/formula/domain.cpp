#include "gradecheck/formula/domain.hpp"

namespace gradecheck::formula {

std::vector<std::string> domain::symbols() const {
  std::vector<std::string> out;
  for (const auto& s : sizes) out.push_back(s.name);
  for (const auto& i : indices) out.push_back(i.name);
  for (const auto& v : variables) out.push_back(v.name);
  for (const auto& a : define) out.push_back(a.name);
  return out;
}

const size_symbol* domain::find_size(const std::string& name) const {
  for (const auto& s : sizes)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace gradecheck::formula
