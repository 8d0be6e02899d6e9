#include "gradecheck/cases/derivation.hpp"

#include "gradecheck/cases/load.hpp"
#include "gradecheck/numeric/real.hpp"

namespace gradecheck::cases {

template <class Real>
expr::environment<Real> evaluate_case(const case_file& c, const std::optional<override_value<Real>>& replace) {
  expr::environment<Real> env;
  for (const auto* block : {&c.given, &c.derive}) {
    for (const auto& q : *block) {
      if (replace && replace->name == q.name) {
        env[q.name] = replace->with;
        continue;
      }
      try {
        env[q.name] = expr::evaluate(q.expression, env);
      } catch (const expr::evaluation_error& e) {
        throw error_at(c.path, e.where, "in '" + q.name + "': " + e.message);
      }
    }
  }
  return env;
}

template expr::environment<double> evaluate_case(const case_file&, const std::optional<override_value<double>>&);
template expr::environment<numeric::real50> evaluate_case(const case_file&, const std::optional<override_value<numeric::real50>>&);
template expr::environment<numeric::real100> evaluate_case(const case_file&, const std::optional<override_value<numeric::real100>>&);
template expr::environment<numeric::real200> evaluate_case(const case_file&, const std::optional<override_value<numeric::real200>>&);

}  // namespace gradecheck::cases
