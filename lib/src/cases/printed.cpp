#include "gradecheck/cases/printed.hpp"

#include "gradecheck/cases/derivation.hpp"

#include <algorithm>

namespace gradecheck::cases {

int printed::least_digits() const {
  int n = 1 << 30;
  for (const auto& e : entries) n = std::min(n, e.digits);
  return n;
}

std::string printed::text() const {
  if (entries.size() == 1) return entries[0].text;
  std::string out = "[";
  if (cols == 1) {
    for (std::size_t k = 0; k < entries.size(); ++k) out += (k ? ", " : "") + entries[k].text;
    return out + "]";
  }
  for (std::size_t i = 0; i < rows; ++i) {
    out += i ? ", [" : "[";
    for (std::size_t j = 0; j < cols; ++j) out += (j ? ", " : "") + entries[i * cols + j].text;
    out += "]";
  }
  return out + "]";
}

std::map<std::string, printed> printed_values(const case_file& c, int digits) {
  const auto wide = evaluate_case<numeric::real100>(c);
  const auto check = evaluate_case<numeric::real200>(c);
  std::map<std::string, printed> out;
  for (const auto& a : c.ask) {
    if (c.find_formula(a.name)) continue;
    const auto& w = wide.at(a.name);
    const auto& k = check.at(a.name);
    printed p{w.rows, w.cols, {}};
    for (std::size_t e = 0; e < w.size(); ++e) p.entries.push_back(numeric::certify(w.data[e], k.data[e], digits));
    out[a.name] = p;
  }
  return out;
}

}  // namespace gradecheck::cases
