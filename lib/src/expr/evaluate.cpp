#include "gradecheck/expr/evaluate.hpp"

#include "gradecheck/expr/functions.hpp"
#include "gradecheck/numeric/interval.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/ops/activation.hpp"
#include "gradecheck/ops/loss.hpp"
#include "gradecheck/ops/softmax.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

namespace gradecheck::expr {

evaluation_error::evaluation_error(position at, const std::string& text, error_kind k)
    : std::runtime_error("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + text), where(at), message(text), kind(k) {}

const std::vector<std::string>& function_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& f : builtin_functions()) out.emplace_back(f.name);
    return out;
  }();
  return names;
}

namespace {

template <class Real>
using val = value<Real>;

// Point types; intervals have their own overloads, found by argument-dependent lookup.
template <class Real>
bool may_be_zero(const Real& y) {
  return y == 0;
}
template <class Real>
Real lesser(const Real& a, const Real& b) {
  return a < b ? a : b;
}
template <class Real>
Real greater(const Real& a, const Real& b) {
  return a < b ? b : a;
}

template <class Real>
class evaluator {
 public:
  evaluator(const environment<Real>& env, const evaluation_limits& limits, std::size_t already_spent = 0)
      : env_(env), limits_(limits), operations_(already_spent) {}

  [[nodiscard]] std::size_t spent() const { return operations_; }

  val<Real> eval(const node& n) {
    charge(n, 1);
    switch (n.kind) {
      case node_kind::number: return val<Real>::scalar(numeric::to_real<Real>(n.literal));
      case node_kind::name: {
        for (auto b = bound_.rbegin(); b != bound_.rend(); ++b)
          if (b->first == n.text) return val<Real>::scalar(b->second);
        const auto it = env_.find(n.text);
        if (it == env_.end()) throw evaluation_error(n.where, "unknown name '" + n.text + "'", error_kind::name);
        return it->second;
      }
      case node_kind::negate: {
        auto v = eval(n.children[0]);
        charge(n, v.size());
        for (auto& x : v.data) x = -x;
        return v;
      }
      case node_kind::binary: {
        const auto a = eval(n.children[0]), b = eval(n.children[1]);
        try {
          return binary(n, a, b);
        } catch (const std::domain_error& e) {
          throw evaluation_error(n.where, e.what(), error_kind::domain);
        }
      }
      case node_kind::call:
        try {
          return call(n);
        } catch (const std::domain_error& e) {
          throw evaluation_error(n.where, e.what(), error_kind::domain);
        }
      case node_kind::index: return index(n);
      case node_kind::list: return list(n);
      case node_kind::choice: {
        // only the branch taken is evaluated: a formula may be undefined where it is not used
        const auto condition = eval(n.children[0]);
        if (!condition.is_scalar()) throw evaluation_error(n.children[0].where, "the condition of '?' must be a scalar, got " + shape_name(condition), error_kind::shape);
        return eval(n.children[condition.data[0] != 0 ? 1 : 2]);
      }
      case node_kind::transpose: {
        const auto v = eval(n.children[0]);
        charge(n, v.size());
        return transposed(v);
      }
    }
    throw evaluation_error(n.where, "unknown expression");
  }

 private:
  // Counts `operations` against the budget; refuses results larger than max_entries.
  void charge(const node& n, std::size_t operations) {
    operations_ += operations;
    if (operations_ > limits_.max_operations)
      throw evaluation_error(n.where, "too costly to evaluate (more than " + std::to_string(limits_.max_operations) + " operations)", error_kind::budget);
  }
  void check_size(const node& n, std::size_t rows, std::size_t cols) const {
    if (cols != 0 && rows > limits_.max_entries / cols)
      throw evaluation_error(n.where, "a value of " + std::to_string(rows) + " x " + std::to_string(cols) + " entries is too large (at most " +
                                          std::to_string(limits_.max_entries) + ")", error_kind::budget);
  }

  // Applies op entry by entry; a scalar on either side broadcasts.
  template <class Op>
  val<Real> elementwise(const node& n, const val<Real>& a, const val<Real>& b, Op op) {
    charge(n, std::max(a.size(), b.size()));
    if (a.is_scalar() && !b.is_scalar()) {
      val<Real> out = b;
      for (std::size_t k = 0; k < out.size(); ++k) out.data[k] = op(a.data[0], b.data[k]);
      return out;
    }
    if (b.is_scalar()) {
      val<Real> out = a;
      for (std::size_t k = 0; k < out.size(); ++k) out.data[k] = op(a.data[k], b.data[0]);
      return out;
    }
    if (a.rows != b.rows || a.cols != b.cols)
      throw evaluation_error(n.where, "'" + n.text + "' needs equal shapes, got " + shape_name(a) + " and " + shape_name(b), error_kind::shape);
    val<Real> out = a;
    for (std::size_t k = 0; k < out.size(); ++k) out.data[k] = op(a.data[k], b.data[k]);
    return out;
  }

  val<Real> matrix_product(const node& n, const val<Real>& a, const val<Real>& b) {
    if (a.cols != b.rows)
      throw evaluation_error(n.where, "matrix product of " + shape_name(a) + " and " + shape_name(b) +
                                          ": inner sizes differ" + (a.is_vector() && b.is_vector() ? " (use .* for the element-wise product, or transpose one side)" : ""), error_kind::shape);
    check_size(n, a.rows, b.cols);
    if (a.cols != 0 && a.rows * b.cols > limits_.max_operations / a.cols) charge(n, limits_.max_operations + 1);
    charge(n, a.rows * b.cols * a.cols);
    val<Real> out{a.rows, b.cols, std::vector<Real>(a.rows * b.cols)};
    for (std::size_t i = 0; i < a.rows; ++i)
      for (std::size_t j = 0; j < b.cols; ++j) {
        Real s = 0;
        for (std::size_t k = 0; k < a.cols; ++k) s += a.at(i, k) * b.at(k, j);
        out.at(i, j) = s;
      }
    return out;
  }

  val<Real> binary(const node& n, const val<Real>& a, const val<Real>& b) {
    using std::pow;
    const std::string& op = n.text;
    if (op == "+") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x + y); });
    if (op == "<") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x < y ? 1 : 0); });
    if (op == "<=") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x <= y ? 1 : 0); });
    if (op == ">") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x > y ? 1 : 0); });
    if (op == ">=") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x >= y ? 1 : 0); });
    if (op == "==") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x == y ? 1 : 0); });
    if (op == "!=") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x != y ? 1 : 0); });
    if (op == "-") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x - y); });
    if (op == ".*") return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x * y); });
    if (op == "/")
      return elementwise(n, a, b, [&](const Real& x, const Real& y) {
        if (may_be_zero(y)) throw evaluation_error(n.where, "division by zero", error_kind::domain);
        return Real(x / y);
      });
    if (op == "*" || op == "@") {
      if (a.is_scalar() || b.is_scalar()) return elementwise(n, a, b, [](const Real& x, const Real& y) { return Real(x * y); });
      return matrix_product(n, a, b);
    }
    if (op == "^") {
      if (!b.is_scalar()) throw evaluation_error(n.where, "the exponent of '^' must be a scalar, got " + shape_name(b), error_kind::shape);
      return elementwise(n, a, b, [&](const Real& x, const Real& y) {
        if (x < 0 && y != floor(y)) throw evaluation_error(n.where, "a negative number to a fractional power", error_kind::domain);
        if (x == 0 && y < 0) throw evaluation_error(n.where, "zero to a negative power", error_kind::domain);
        return Real(pow(x, y));
      });
    }
    throw evaluation_error(n.where, "unknown operator '" + op + "'");
  }

  std::size_t as_index(const node& n, std::size_t limit, const char* what) {
    const val<Real> v = eval(n);
    if (!v.is_scalar() || v.data[0] != floor(v.data[0]) || v.data[0] < 0)
      throw evaluation_error(n.where, std::string(what) + " must be a non-negative integer (indices start at 0)");
    if (v.data[0] >= Real(limit))
      throw evaluation_error(n.where, std::string(what) + " " + std::to_string(static_cast<long>(v.data[0])) + " is out of range 0.." +
                                          std::to_string(limit - 1), error_kind::shape);
    return static_cast<std::size_t>(v.data[0]);
  }

  val<Real> index(const node& n) {
    const val<Real> base = eval(n.children[0]);
    if (n.children.size() == 2) {
      if (base.is_vector()) return val<Real>::scalar(base.data[as_index(n.children[1], base.size(), "index")]);
      const std::size_t i = as_index(n.children[1], base.rows, "row index");
      return val<Real>::column(std::vector<Real>(base.data.begin() + static_cast<long>(i * base.cols),
                                                 base.data.begin() + static_cast<long>((i + 1) * base.cols)));
    }
    if (n.children.size() == 3) {
      const std::size_t i = as_index(n.children[1], base.rows, "row index");
      const std::size_t j = as_index(n.children[2], base.cols, "column index");
      return val<Real>::scalar(base.at(i, j));
    }
    throw evaluation_error(n.where, "an index takes one or two positions", error_kind::shape);
  }

  val<Real> list(const node& n) {
    std::vector<val<Real>> items;
    for (const auto& c : n.children) items.push_back(eval(c));
    if (std::all_of(items.begin(), items.end(), [](const auto& v) { return v.is_scalar(); })) {
      std::vector<Real> data;
      for (const auto& v : items) data.push_back(v.data[0]);
      return val<Real>::column(std::move(data));
    }
    // rows of a matrix: every item a vector of the same length
    const std::size_t cols = items[0].size();
    val<Real> out{items.size(), cols, {}};
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].is_vector() || items[i].size() != cols)
        throw evaluation_error(n.children[i].where, "row " + std::to_string(i) + " of the matrix is a " + shape_name(items[i]) +
                                                        ", expected a vector of " + std::to_string(cols), error_kind::shape);
      out.data.insert(out.data.end(), items[i].data.begin(), items[i].data.end());
    }
    return out;
  }

  // (the caller has charged the entries of its arguments)
  template <class F>
  static val<Real> map(val<Real> v, F f) {
    for (auto& x : v.data) x = f(x);
    return v;
  }

  void require_arity(const node& n, std::size_t lo, std::size_t hi) const {
    if (n.children.size() < lo || n.children.size() > hi)
      throw evaluation_error(n.where, n.text + "() takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
                                          " argument" + (hi == 1 ? "" : "s") + ", got " + std::to_string(n.children.size()));
  }

  static std::vector<Real> as_vector(const node& n, const val<Real>& v, const char* what) {
    if (!v.is_vector()) throw evaluation_error(n.where, n.text + "() needs a vector as " + what + ", got " + shape_name(v), error_kind::shape);
    return v.data;
  }

  static Real as_scalar(const node& n, const val<Real>& v, const char* what) {
    if (!v.is_scalar()) throw evaluation_error(n.where, n.text + "() needs a scalar as " + what + ", got " + shape_name(v), error_kind::shape);
    return v.data[0];
  }

  std::size_t as_size(const node& n, const val<Real>& v) const {
    const Real x = as_scalar(n, v, "its size");
    if (x != floor(x) || x < 1 || x > 10000) throw evaluation_error(n.where, n.text + "() needs a size between 1 and 10000");
    return static_cast<std::size_t>(x);
  }

  using arguments = std::vector<val<Real>>;

  // How the evaluator computes one built-in function. A special form gets the call with its arguments
  // unevaluated and evaluates them when and if it needs them: piecewise(x > 0, log(x), 0) at x = -1 never takes log(-1).
  struct implementation {
    val<Real> (*from_values)(evaluator&, const node&, const arguments&) = nullptr;
    val<Real> (*special_form)(evaluator&, const node&) = nullptr;
    std::size_t special_form_from = 0;  ///< fewer arguments go to from_values: sum(v), but sum(k, expr) is the special form
  };

  val<Real> call(const node& n) {
    const function_info* info = find_function(n.text);
    const implementation* how = info ? implementation_of(info->name) : nullptr;
    const std::size_t count = n.children.size();
    if (how && how->special_form && count >= how->special_form_from && count <= info->max_arity) return how->special_form(*this, n);
    // The arguments come first, so that an error inside one is the error reported, and their cost is charged.
    arguments a;
    for (const auto& c : n.children) a.push_back(eval(c));
    for (const auto& arg : a) charge(n, arg.size());
    if (!how || !how->from_values) throw evaluation_error(n.where, "unknown function '" + n.text + "'", error_kind::name);
    require_arity(n, info->min_arity, info->max_arity);
    return how->from_values(*this, n, a);
  }

  static const implementation* implementation_of(std::string_view name) {
    static const std::map<std::string_view, implementation> table = implementations();
    const auto it = table.find(name);
    return it == table.end() ? nullptr : &it->second;
  }

  // The evaluation of every function of builtin_functions(), by its name.
  static std::map<std::string_view, implementation> implementations() {
    using std::abs;
    using std::exp;
    using std::log;
    using std::sqrt;
    using std::tanh;
    const auto logarithm = [](evaluator&, const node& n, const arguments& a) {
      return map(a[0], [&](const Real& x) -> Real {
        if (x <= 0) throw evaluation_error(n.where, n.text + " of a number that is not positive", error_kind::domain);
        return log(x);
      });
    };
    return {
        {"exp", {[](evaluator&, const node&, const arguments& a) { return map(a[0], [](const Real& x) -> Real { return exp(x); }); }}},
        {"log", {logarithm}},
        {"ln", {logarithm}},
        {"sqrt", {[](evaluator&, const node& n, const arguments& a) {
           return map(a[0], [&](const Real& x) -> Real {
             if (x < 0) throw evaluation_error(n.where, "sqrt of a negative number", error_kind::domain);
             return sqrt(x);
           });
         }}},
        {"abs", {[](evaluator&, const node&, const arguments& a) { return map(a[0], [](const Real& x) -> Real { return abs(x); }); }}},
        {"sigmoid", {[](evaluator&, const node&, const arguments& a) { return map(a[0], [](const Real& x) { return ops::sigmoid(x); }); }}},
        {"tanh", {[](evaluator&, const node&, const arguments& a) { return map(a[0], [](const Real& x) -> Real { return tanh(x); }); }}},
        {"relu", {[](evaluator&, const node&, const arguments& a) { return map(a[0], [](const Real& x) { return ops::relu(x); }); }}},
        {"softplus", {[](evaluator&, const node&, const arguments& a) { return map(a[0], [](const Real& x) { return ops::softplus(x); }); }}},
        {"leaky_relu", {[](evaluator&, const node& n, const arguments& a) {
           const Real alpha = as_scalar(n, a[1], "alpha");
           return map(a[0], [&](const Real& x) { return ops::leaky_relu(x, alpha); });
         }}},
        {"elu", {[](evaluator&, const node& n, const arguments& a) {
           const Real alpha = as_scalar(n, a[1], "alpha");
           return map(a[0], [&](const Real& x) { return ops::elu(x, alpha); });
         }}},
        {"min", {[](evaluator& e, const node& n, const arguments& a) {
           return e.extreme(n, a, [](const Real& x, const Real& y) { return lesser(x, y); });
         }}},
        {"max", {[](evaluator& e, const node& n, const arguments& a) {
           return e.extreme(n, a, [](const Real& x, const Real& y) { return greater(x, y); });
         }}},
        {"sum", {.from_values = [](evaluator&, const node&, const arguments& a) { return val<Real>::scalar(total_of(a[0])); },
                 .special_form = [](evaluator& e, const node& n) { return e.sum_over_index(n); },
                 .special_form_from = 2}},
        {"mean", {[](evaluator&, const node&, const arguments& a) { return val<Real>::scalar(total_of(a[0]) / Real(a[0].size())); }}},
        {"var", {[](evaluator&, const node&, const arguments& a) {
           const Real mean = total_of(a[0]) / Real(a[0].size());
           Real squares = 0;  // biased: (1/n) sum (x - mean)^2
           for (const auto& x : a[0].data) squares += (x - mean) * (x - mean);
           return val<Real>::scalar(squares / Real(a[0].size()));
         }}},
        {"dot", {[](evaluator&, const node& n, const arguments& a) {
           const auto x = as_vector(n, a[0], "first argument"), y = as_vector(n, a[1], "second argument");
           if (x.size() != y.size()) throw evaluation_error(n.where, "dot() of vectors of different lengths", error_kind::shape);
           Real s = 0;
           for (std::size_t k = 0; k < x.size(); ++k) s += x[k] * y[k];
           return val<Real>::scalar(s);
         }}},
        {"norm", {[](evaluator&, const node&, const arguments& a) {
           Real s = 0;
           for (const auto& x : a[0].data) s += x * x;
           return val<Real>::scalar(sqrt(s));
         }}},
        {"transpose", {[](evaluator&, const node&, const arguments& a) { return transposed(a[0]); }}},
        {"softmax", {[](evaluator&, const node& n, const arguments& a) { return val<Real>::column(ops::softmax(as_vector(n, a[0], "logits"))); }}},
        {"log_softmax",
         {[](evaluator&, const node& n, const arguments& a) { return val<Real>::column(ops::log_softmax(as_vector(n, a[0], "logits"))); }}},
        {"mse", {[](evaluator&, const node& n, const arguments& a) {
           const auto [p, y] = prediction_and_target(n, a);
           return val<Real>::scalar(ops::mse(p, y));
         }}},
        {"bce", {[](evaluator&, const node& n, const arguments& a) {
           const auto [p, y] = prediction_and_target(n, a);
           require_probabilities(n, p, true);
           return val<Real>::scalar(ops::bce(p, y));
         }}},
        {"cross_entropy", {[](evaluator&, const node& n, const arguments& a) {
           const auto [p, y] = prediction_and_target(n, a);
           require_probabilities(n, p, false);
           return val<Real>::scalar(ops::cross_entropy(p, y));
         }}},
        {"squared_error", {[](evaluator&, const node& n, const arguments& a) {
           const auto [p, y] = prediction_and_target(n, a);
           return val<Real>::scalar(ops::squared_error(p, y, ops::half_factor::with_half));
         }}},
        {"ones", {[](evaluator& e, const node& n, const arguments& a) { return e.constant_vector(n, a[0], Real(1)); }}},
        {"zeros", {[](evaluator& e, const node& n, const arguments& a) { return e.constant_vector(n, a[0], Real(0)); }}},
        {"eye", {[](evaluator& e, const node& n, const arguments& a) {
           const std::size_t k = e.as_size(n, a[0]);
           e.check_size(n, k, k);
           e.charge(n, k * k);
           val<Real> out{k, k, std::vector<Real>(k * k)};
           for (std::size_t i = 0; i < k; ++i) out.at(i, i) = 1;
           return out;
         }}},
        {"diag", {[](evaluator& e, const node& n, const arguments& a) {
           const auto d = as_vector(n, a[0], "diagonal");
           e.check_size(n, d.size(), d.size());
           e.charge(n, d.size() * d.size());
           val<Real> out{d.size(), d.size(), std::vector<Real>(d.size() * d.size())};
           for (std::size_t i = 0; i < d.size(); ++i) out.at(i, i) = d[i];
           return out;
         }}},
        {"outer", {[](evaluator& e, const node& n, const arguments& a) {
           const auto x = as_vector(n, a[0], "first argument"), y = as_vector(n, a[1], "second argument");
           e.check_size(n, x.size(), y.size());
           e.charge(n, x.size() * y.size());
           val<Real> out{x.size(), y.size(), std::vector<Real>(x.size() * y.size())};
           for (std::size_t i = 0; i < x.size(); ++i)
             for (std::size_t j = 0; j < y.size(); ++j) out.at(i, j) = x[i] * y[j];
           return out;
         }}},
        {"delta", {[](evaluator&, const node& n, const arguments& a) {  // the Kronecker delta of two indices
           return val<Real>::scalar(as_scalar(n, a[0], "first index") == as_scalar(n, a[1], "second index") ? Real(1) : Real(0));
         }}},
        {"piecewise", {.special_form = [](evaluator& e, const node& n) { return e.piecewise(n); }}},
    };
  }

  // min(v) or max(v) over the entries of v; min(a, b) or max(a, b) entry by entry.
  template <class Pick>
  val<Real> extreme(const node& n, const arguments& a, Pick pick) {
    if (a.size() == 2) return elementwise(n, a[0], a[1], pick);
    Real chosen = a[0].data[0];
    for (const auto& x : a[0].data) chosen = pick(chosen, x);
    return val<Real>::scalar(chosen);
  }

  static Real total_of(const val<Real>& v) {
    Real total = 0;
    for (const auto& x : v.data) total += x;
    return total;
  }

  static std::pair<std::vector<Real>, std::vector<Real>> prediction_and_target(const node& n, const arguments& a) {
    auto p = as_vector(n, a[0], "prediction"), y = as_vector(n, a[1], "target");
    if (p.size() != y.size()) throw evaluation_error(n.where, n.text + "() of a prediction and a target of different lengths", error_kind::shape);
    return {std::move(p), std::move(y)};
  }

  // bce takes log p and log(1 - p); cross_entropy only log p.
  static void require_probabilities(const node& n, const std::vector<Real>& p, bool below_one) {
    for (const auto& pi : p)
      if (pi <= 0 || (below_one && pi >= 1))
        throw evaluation_error(n.where, n.text + "() needs probabilities strictly inside (0, 1)", error_kind::domain);
  }

  val<Real> constant_vector(const node& n, const val<Real>& size, const Real& entry) {
    const std::size_t k = as_size(n, size);
    charge(n, k);
    return val<Real>::column(std::vector<Real>(k, entry));
  }

  // sum(k, body) with k = 0..n-1, n the length of what body indexes with k; sum(k, n, body) with n given.
  val<Real> sum_over_index(const node& n) {
    const node& k = n.children[0];
    if (k.kind != node_kind::name)
      throw evaluation_error(k.where, "sum(k, expr) sums over an index: its first argument must be a name such as k");
    const node& body = n.children.back();
    std::size_t count = 0;
    if (n.children.size() == 3) {
      count = as_size(n, eval(n.children[1]));
    } else {
      std::optional<std::size_t> found;
      range_of(k.text, body, found);
      if (!found)
        throw evaluation_error(n.where, "cannot tell the range of " + k.text + ": index a vector with " + k.text + " (y[" + k.text +
                                            "]), or write sum(" + k.text + ", n, expr) for " + k.text + " = 0..n-1");
      count = *found;
    }
    std::optional<val<Real>> total;
    for (std::size_t v = 0; v < count; ++v) {
      bound_.emplace_back(k.text, Real(static_cast<long>(v)));
      val<Real> term = eval(body);
      bound_.pop_back();
      if (!total) {
        total = std::move(term);
        continue;
      }
      if (term.rows != total->rows || term.cols != total->cols)
        throw evaluation_error(body.where, "the terms of the sum have different shapes: " + shape_name(*total) + " and " + shape_name(term), error_kind::shape);
      charge(n, term.size());
      for (std::size_t e = 0; e < term.size(); ++e) total->data[e] += term.data[e];
    }
    return total ? *total : val<Real>::scalar(Real(0));
  }

  // The length that `body` implies for the index `k`: every v[k], M[k, j] or M[i, k] whose base does not
  // itself use k must agree.
  void range_of(const std::string& k, const node& body, std::optional<std::size_t>& found) {
    if (body.kind == node_kind::index && !uses_name(body.children[0], k)) {
      for (std::size_t p = 1; p < body.children.size(); ++p) {
        if (body.children[p].kind != node_kind::name || body.children[p].text != k) continue;
        const val<Real> base = eval(body.children[0]);
        const std::size_t length = body.children.size() == 2 ? (base.is_vector() ? base.size() : base.rows) : (p == 1 ? base.rows : base.cols);
        if (found && *found != length)
          throw evaluation_error(body.children[p].where, k + " indexes values of different lengths (" + std::to_string(*found) + " and " +
                                                             std::to_string(length) + ")", error_kind::shape);
        found = length;
      }
    }
    if (body.kind == node_kind::call && body.text == "sum" && body.children.size() >= 2 && body.children[0].kind == node_kind::name &&
        body.children[0].text == k)
      return;  // an inner sum over another k hides this one
    for (const auto& c : body.children) range_of(k, c, found);
  }

  static bool uses_name(const node& n, const std::string& name) {
    if (n.kind == node_kind::name && n.text == name) return true;
    return std::any_of(n.children.begin(), n.children.end(), [&](const node& c) { return uses_name(c, name); });
  }

  // piecewise(c1, v1, c2, v2, ..., otherwise): the value of the first condition that holds; only it is evaluated.
  val<Real> piecewise(const node& n) {
    if (n.children.size() < 3 || n.children.size() % 2 == 0)
      throw evaluation_error(n.where, "piecewise() takes condition, value pairs and a last value for otherwise: piecewise(x >= 0, 1, alpha*exp(x))");
    for (std::size_t p = 0; p + 1 < n.children.size(); p += 2) {
      const auto condition = eval(n.children[p]);
      if (!condition.is_scalar())
        throw evaluation_error(n.children[p].where, "a condition of piecewise() must be a scalar, got " + shape_name(condition), error_kind::shape);
      if (condition.data[0] != 0) return eval(n.children[p + 1]);
    }
    return eval(n.children.back());
  }

  const environment<Real>& env_;
  const evaluation_limits& limits_;
  std::size_t operations_ = 0;
  std::vector<std::pair<std::string, Real>> bound_;  ///< indices bound by sum(k, ...), innermost last
};

}  // namespace

template <class Real>
value<Real> evaluate(const node& n, const environment<Real>& env, const evaluation_limits& limits) {
  return evaluator<Real>(env, limits).eval(n);
}

template <class Real>
value<Real> evaluate(const node& n, const environment<Real>& env, const evaluation_limits& limits, std::size_t& spent) {
  evaluator<Real> e(env, limits, spent);
  try {
    auto v = e.eval(n);
    spent = e.spent();
    return v;
  } catch (...) {
    spent = e.spent();
    throw;
  }
}

template value<double> evaluate<double>(const node&, const environment<double>&, const evaluation_limits&);
template value<numeric::real50> evaluate<numeric::real50>(const node&, const environment<numeric::real50>&, const evaluation_limits&);
template value<numeric::real100> evaluate<numeric::real100>(const node&, const environment<numeric::real100>&, const evaluation_limits&);
template value<numeric::real200> evaluate<numeric::real200>(const node&, const environment<numeric::real200>&, const evaluation_limits&);
template value<numeric::interval> evaluate<numeric::interval>(const node&, const environment<numeric::interval>&,
                                                              const evaluation_limits&);
template value<numeric::real50> evaluate<numeric::real50>(const node&, const environment<numeric::real50>&, const evaluation_limits&,
                                                          std::size_t&);

}  // namespace gradecheck::expr
