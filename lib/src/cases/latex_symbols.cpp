#include "gradecheck/cases/latex_symbols.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/formula/point.hpp"
#include "gradecheck/random/seed.hpp"

namespace gradecheck::cases {

namespace {

template <class Real>
expr::latex_symbols::shape shape_of(const expr::value<Real>& v) {
  if (v.is_scalar()) return expr::latex_symbols::shape::scalar;
  return v.is_vector() ? expr::latex_symbols::shape::vector : expr::latex_symbols::shape::matrix;
}

}  // namespace

expr::latex_symbols latex_symbols_of(const case_file& c) {
  expr::latex_symbols s;
  using shape = expr::latex_symbols::shape;
  for (const auto* block : {&c.given, &c.derive})
    for (const auto& a : *block) s.names[a.name] = shape::scalar;
  if (!c.given.empty() || !c.derive.empty()) {
    try {
      for (const auto& [name, v] : evaluate_case<double>(c)) s.names[name] = shape_of(v);
    } catch (const std::exception&) {
      // a case that does not evaluate is reported by verify; its names stay scalars here
    }
  }
  const auto& d = c.domain;
  for (const auto& size : d.sizes) s.names[size.name] = shape::scalar;
  for (const auto& index : d.indices) s.indices[index.name] = index.size;
  for (const auto& v : d.variables) s.names[v.name] = v.shape.empty() ? shape::scalar : v.shape.size() == 1 ? shape::vector : shape::matrix;
  for (const auto& a : d.define) s.names[a.name] = shape::scalar;
  for (const auto& q : c.formulas) s.names[q.name] = shape::scalar;
  if (!d.variables.empty()) {
    try {
      auto rng = random::generator_for(c.id, "latex symbols");
      auto env = formula::bind(d, formula::draw(d, rng));
      for (const auto& a : d.define) s.names[a.name] = shape_of(env.at(a.name));
      for (const auto& q : c.formulas) {
        // later formulas may use earlier answers by name: evaluate in order
        if (!q.reference) continue;
        try {
          auto v = expr::evaluate(q.reference->tree, env);
          s.names[q.name] = shape_of(v);
          env[q.name] = std::move(v);
        } catch (const std::exception&) {
        }
      }
    } catch (const std::exception&) {
    }
  }
  for (const auto& [index, size] : s.indices) s.names.erase(index);
  for (const auto& [name, spellings] : c.latex)
    for (const auto& spelling : spellings) s.spell(spelling, name);
  return s;
}

}  // namespace gradecheck::cases
