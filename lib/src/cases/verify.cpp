#include "gradecheck/cases/verify.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/diff/gradient_check.hpp"
#include "gradecheck/numeric/format.hpp"

namespace gradecheck::cases {

namespace {

using numeric::real50;

// Position of `name` in the derivation: givens first (all at -1), then derived in order.
int order_of(const case_file& c, const std::string& name) {
  if (c.is_given(name)) return -1;
  for (std::size_t k = 0; k < c.derive.size(); ++k)
    if (c.derive[k].name == name) return static_cast<int>(k);
  return -2;
}

}  // namespace

std::optional<std::pair<std::string, std::string>> derivative_parts(const case_file& c, const std::string& name) {
  if (name.size() < 4 || name[0] != 'd') return std::nullopt;
  for (std::size_t split = name.find("_d"); split != std::string::npos; split = name.find("_d", split + 1)) {
    const std::string of = name.substr(1, split - 1), wrt = name.substr(split + 2);
    const int of_at = order_of(c, of), wrt_at = order_of(c, wrt);
    if (of_at < 0 || wrt_at < -1) continue;
    // X is derived and computed from Y: Y is a given or comes before X.
    if (wrt_at == -1 || wrt_at < of_at) return std::pair{of, wrt};
  }
  return std::nullopt;
}

std::vector<derivative_check> verify_derivatives(const case_file& c) {
  const auto base = evaluate_case<real50>(c);
  auto opt = diff::ridders_options<real50>::defaults();
  opt.initial_step = real50(1) / 100;  // small enough to stay on one side of the kinks of most homework
  std::vector<derivative_check> out;
  for (const auto& q : c.derive) {
    const auto parts = derivative_parts(c, q.name);
    if (!parts) continue;
    const std::string of = parts->first, wrt = parts->second;  // named, so that the lambda below may capture them
    derivative_check check{q.name, of, wrt, false, 0, ""};
    const auto& X = base.at(of);
    const auto& Y = base.at(wrt);
    const auto& claimed = base.at(q.name);
    // dX/dY as a function of Y's entries
    const auto f = [&](const std::vector<real50>& y) {
      expr::value<real50> moved = Y;
      moved.data = y;
      return evaluate_case<real50>(c, override_value<real50>{wrt, moved}).at(of).data;
    };
    const std::size_t expected = X.size() * Y.size();
    if (claimed.size() != expected) {
      check.detail = "has " + std::to_string(claimed.size()) + " entries, but d" + of + "/d" + wrt + " has " +
                     std::to_string(X.size()) + " x " + std::to_string(Y.size());
      out.push_back(check);
      continue;
    }
    numeric::matrix<real50> analytic(X.size(), Y.size());
    // Y scalar: the shape of X; X scalar: the shape of Y; both: rows of X by columns of Y.
    analytic.data = claimed.data;
    const auto numeric_jacobian = diff::jacobian(f, Y.data, opt);
    real50 scale = 0;
    for (const auto& x : X.data) scale = std::max<real50>(scale, boost::multiprecision::abs(x));
    const auto report = diff::compare_jacobians(analytic, numeric_jacobian, scale);
    const auto& worst = report.entries.front();
    check.passed = report.passed();
    check.digits = report.worst_digits();
    check.detail = "claimed " + numeric::to_significant(worst.analytic, 20) + ", finite differences give " +
                   numeric::to_significant(worst.numeric, 20) + " (" + std::to_string(static_cast<int>(check.digits)) + " digits agree)";
    out.push_back(check);
  }
  return out;
}

}  // namespace gradecheck::cases
