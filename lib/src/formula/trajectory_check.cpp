#include "gradecheck/formula/trajectory_check.hpp"

#include "gradecheck/formula/expected.hpp"
#include "gradecheck/ops/optimizer.hpp"
#include "gradecheck/random/seed.hpp"

#include <algorithm>
#include <stdexcept>

namespace gradecheck::formula {

using numeric::real50;

namespace {

ops::optimizer_kind kind_named(const std::string& name) {
  if (name == "sgd") return ops::optimizer_kind::sgd;
  if (name == "momentum_ema") return ops::optimizer_kind::momentum_ema;
  if (name == "momentum") return ops::optimizer_kind::momentum;
  if (name == "nesterov") return ops::optimizer_kind::nesterov;
  throw std::invalid_argument("unknown optimizer '" + name + "' (expected sgd, momentum_ema, momentum or nesterov)");
}

}  // namespace

trajectory_result check_trajectory(const domain& d, const trajectory& t, const expr::node& new_velocity, const expr::node& new_parameter,
                                   const std::string& case_id) {
  trajectory_result out;
  double digits = 50;
  auto rng = random::generator_for(case_id, "trajectory");
  const expr::evaluation_limits limits{100'000, 1'000'000};
  for (std::size_t run = 0; run < t.runs; ++run, ++out.runs) {
    point start = draw(d, rng);
    auto& v0 = start.variables.at(t.velocity);
    std::fill(v0.data.begin(), v0.data.end(), real50(0));
    auto env = bind(d, start);
    const real50 lr = env.at(t.learning_rate).data[0], beta = env.at(t.momentum).data[0];
    ops::optimizer<real50> o;
    o.kind = kind_named(t.optimizer);
    o.learning_rate = lr;
    o.beta1 = beta;
    auto state = ops::optimizer_state<real50>::at(env.at(t.parameter).data);
    std::string gradients;
    for (int step = 1; step <= t.steps; ++step) {
      const auto g = redraw(d, t.gradient, start, rng);
      gradients += (gradients.empty() ? "" : ", ") + show(g);
      env = rebind(d, env, t.gradient, g);
      ops::step(o, state, g.data);
      std::string why;
      std::optional<value50> w;
      try {
        const auto v = expr::evaluate(new_velocity, env, limits);
        auto with_v = env;
        with_v[t.new_velocity] = v;
        w = expr::evaluate(new_parameter, with_v, limits);
        env = rebind(d, env, t.velocity, v);
        env = rebind(d, env, t.parameter, *w);
      } catch (const expr::evaluation_error& e) {
        why = e.message;
      }
      const value50 expected{env.at(t.parameter).rows, env.at(t.parameter).cols, state.w};
      if (w && agree(*w, {expected, 0})) {
        real50 scale = 0;
        for (const auto& x : expected.data) scale = std::max(scale, real50(boost::multiprecision::abs(x)));
        for (std::size_t k = 0; k < expected.size(); ++k) {
          const real50 err = boost::multiprecision::abs(w->data[k] - expected.data[k]) / (scale == 0 ? real50(1) : scale);
          if (err != 0) digits = std::min(digits, static_cast<double>(-boost::multiprecision::log10(err)));
        }
        continue;
      }
      const std::string from = t.parameter + " = " + show(start.variables.at(t.parameter)) + ", " + t.velocity + " = " + show(v0) + ", " +
                               t.learning_rate + " = " + show(value50::scalar(lr)) + ", " + t.momentum + " = " + show(value50::scalar(beta)) +
                               " with gradients " + t.gradient + " = " + gradients;
      out.counterexample = "from " + from + ", your rules " + (w ? "give " + t.parameter + " = " + show(*w) : "fail (" + why + ")") +
                           " after step " + std::to_string(step) + "; the optimizer gives " + show(expected);
      return out;
    }
  }
  out.matches = true;
  out.digits = digits;
  return out;
}

}  // namespace gradecheck::formula
