#include "gradecheck/cases/verify.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/diff/gradient_check.hpp"
#include "gradecheck/formula/expected.hpp"
#include "gradecheck/formula/point.hpp"
#include "gradecheck/formula/trajectory_check.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/random/seed.hpp"

#include <algorithm>

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

using wide = numeric::real100;

expr::value<wide> widened(const expr::value<real50>& v) {
  expr::value<wide> out{v.rows, v.cols, {}};
  for (const auto& x : v.data) out.data.emplace_back(x);
  return out;
}

expr::value<real50> narrowed(const expr::value<wide>& v) {
  expr::value<real50> out{v.rows, v.cols, {}};
  for (const auto& x : v.data) out.data.emplace_back(x);
  return out;
}

// The reference formula of each question against finite differences of its forward function.
std::vector<derivative_check> verify_formulas(const case_file& c) {
  std::vector<derivative_check> out;
  for (const auto& q : c.formulas) {
    if (!q.reference || !q.derivative_of) continue;
    derivative_check check{q.name, q.derivative_of->text, q.with_respect_to, q.derivative_text(), q.where.line, true, 50, ""};
    auto points = formula::fixed_points(c.domain);
    auto rng = random::generator_for(c.id, q.name + "/verify");
    for (int k = 0; k < 12; ++k) points.push_back(formula::draw(c.domain, rng));
    std::size_t compared = 0;
    for (const auto& p : points) {
      // the point's values are exact in binary; from them on, the formula and the differences are
      // computed in real100, so that a right formula agrees to the 50th digit
      expr::environment<wide> env;
      expr::value<wide> claimed;
      try {
        for (const auto& [name, v] : formula::environment_at(c.domain, c.formulas, p)) env[name] = widened(v);
        claimed = expr::evaluate(q.reference->tree, env);
      } catch (const expr::evaluation_error&) {
        continue;  // the reference is undefined here: not a point of the question
      }
      struct {
        expr::value<wide> value;
      } fd;
      try {
        fd.value = formula::finite_difference_wide(c.domain, q, env);
      } catch (const expr::evaluation_error& e) {
        check.passed = false;
        check.detail = "the forward function cannot be differenced at " + formula::describe(c.domain, p, c.domain.symbols()) + ": " + e.message;
        break;
      }
      ++compared;
      // Agreement relative to the larger entry of either; a derivative that is zero (below eps^(1/2),
      // as dL/dx of batch norm over two examples) agrees when the formula gives zero too.
      const bool same_shape = claimed.rows == fd.value.rows && claimed.cols == fd.value.cols;
      static const wide zero_below = wide(numeric::epsilon_power(real50(1) / 2));
      wide scale = 0;
      if (same_shape)
        for (std::size_t e = 0; e < claimed.size(); ++e)
          scale = std::max({scale, wide(boost::multiprecision::abs(claimed.data[e])), wide(boost::multiprecision::abs(fd.value.data[e]))});
      double digits = same_shape ? 50 : 0;
      if (same_shape && scale >= zero_below)
        for (std::size_t e = 0; e < claimed.size(); ++e) {
          const wide err = boost::multiprecision::abs(claimed.data[e] - fd.value.data[e]) / scale;
          digits = std::min(digits, err == 0 ? 50.0 : std::clamp(static_cast<double>(-boost::multiprecision::log10(err)), 0.0, 50.0));
        }
      // a right formula agrees to the 50 digits of the answers it grades; 45 leaves the differences room
      const bool ok = same_shape && digits >= 45;
      if (!ok && check.passed) {
        check.passed = false;
        check.detail = "at " + formula::describe(c.domain, p, c.domain.symbols()) + " the formula gives " + formula::show(narrowed(claimed), 20) +
                       ", finite differences give " + formula::show(narrowed(fd.value), 20);
      }
      check.digits = std::min(check.digits, digits);
    }
    if (!check.passed) {
      check.digits = 0;
    } else if (compared == 0) {
      check.passed = false;
      check.digits = 0;
      check.detail = "the reference formula is undefined at every point tried";
    } else if (check.passed) {
      check.detail = std::to_string(compared) + " points, least agreement " + numeric::to_fixed(check.digits, 1) + " digits";
    }
    out.push_back(check);
  }
  if (c.trajectory) {
    const auto& t = *c.trajectory;
    const auto* v = c.find_formula(t.new_velocity);
    const auto* w = c.find_formula(t.new_parameter);
    derivative_check check{t.new_parameter, t.new_parameter, t.parameter, "the update of " + t.optimizer, t.where.line, false, 0, ""};
    if (!v->reference || !w->reference) {
      check.detail = "needs reference formulas for " + t.new_velocity + " and " + t.new_parameter;
    } else {
      const auto run = formula::check_trajectory(c.domain, t, v->reference->tree, w->reference->tree, c.id);
      check.passed = run.matches;
      check.digits = run.matches ? run.digits : 0;
      check.detail = run.matches ? std::to_string(run.runs) + " runs of " + std::to_string(t.steps) + " steps agree with " + t.optimizer +
                                       " to " + numeric::to_fixed(run.digits, 1) + " digits"
                                 : run.counterexample;
    }
    out.push_back(check);
  }
  return out;
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
  // Differenced in twice the digits printed, so that the differences' own error stays below the 50th digit
  // and a claim right to its last printed digit shows 50 digits of agreement.
  const auto base = evaluate_case<wide>(c);
  auto opt = diff::ridders_options<wide>::defaults();
  opt.initial_step = wide(1) / 100;  // small enough to stay on one side of the kinks of most homework
  std::vector<derivative_check> out;
  for (const auto& q : c.derive) {
    const auto parts = derivative_parts(c, q.name);
    if (!parts) continue;
    const std::string of = parts->first, wrt = parts->second;  // named, so that the lambda below may capture them
    derivative_check check{q.name, of, wrt, "d" + of + "/d" + wrt, q.where.line, false, 0, ""};
    const auto& X = base.at(of);
    const auto& Y = base.at(wrt);
    const auto& claimed = base.at(q.name);
    // dX/dY as a function of Y's entries
    const auto f = [&](const std::vector<wide>& y) {
      expr::value<wide> moved = Y;
      moved.data = y;
      return evaluate_case<wide>(c, override_value<wide>{wrt, moved}).at(of).data;
    };
    const std::size_t expected = X.size() * Y.size();
    if (claimed.size() != expected) {
      check.detail = "has " + std::to_string(claimed.size()) + " entries, but d" + of + "/d" + wrt + " has " +
                     std::to_string(X.size()) + " x " + std::to_string(Y.size());
      out.push_back(check);
      continue;
    }
    numeric::matrix<wide> analytic(X.size(), Y.size());
    // Y scalar: the shape of X; X scalar: the shape of Y; both: rows of X by columns of Y.
    analytic.data = claimed.data;
    const auto numeric_jacobian = diff::jacobian(f, Y.data, opt);
    wide scale = 0;
    for (const auto& x : X.data) scale = std::max<wide>(scale, boost::multiprecision::abs(x));
    // passing needs the 50 digits printed: a relative error within 1e-50, the precision of real50
    const auto report = diff::compare_jacobians(analytic, numeric_jacobian, scale, wide(numeric::epsilon<real50>()));
    const auto& worst = report.entries.front();
    check.passed = report.passed();
    check.digits = std::min(report.worst_digits(), static_cast<double>(std::numeric_limits<real50>::digits10));
    check.detail = "claimed " + numeric::to_significant(worst.analytic, 20) + ", finite differences give " +
                   numeric::to_significant(worst.numeric, 20) + " (" + std::to_string(static_cast<int>(check.digits)) + " digits agree)";
    out.push_back(check);
  }
  const auto formulas = verify_formulas(c);
  out.insert(out.end(), formulas.begin(), formulas.end());
  return out;
}

}  // namespace gradecheck::cases
