#include "gradecheck/expr/evaluate.hpp"

#include "gradecheck/numeric/interval.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/ops/activation.hpp"
#include "gradecheck/ops/loss.hpp"
#include "gradecheck/ops/softmax.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <utility>

namespace gradecheck::expr {

evaluation_error::evaluation_error(position at, const std::string& text, error_kind k)
    : std::runtime_error("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + text), where(at), message(text), kind(k) {}

const std::vector<std::string>& function_names() {
  static const std::vector<std::string> names{
      "exp",  "log",         "ln",        "sqrt",  "abs",         "sigmoid", "tanh",          "relu",  "softplus",
      "leaky_relu", "elu",   "min",       "max",   "sum",         "mean",    "var",           "dot",   "norm",
      "transpose", "softmax", "log_softmax", "mse", "bce",        "cross_entropy", "squared_error", "ones", "zeros",
      "eye",  "diag",        "outer", "delta", "piecewise"};
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

  val<Real> call(const node& n) {
    using std::abs;
    using std::exp;
    using std::log;
    using std::sqrt;
    using std::tanh;
    const std::string& f = n.text;
    if (f == "sum" && (n.children.size() == 2 || n.children.size() == 3)) return sum_over_index(n);
    if (f == "piecewise") return piecewise(n);
    std::vector<val<Real>> a;
    for (const auto& c : n.children) a.push_back(eval(c));
    for (const auto& arg : a) charge(n, arg.size());

    if (f == "exp" || f == "log" || f == "ln" || f == "sqrt" || f == "abs" || f == "sigmoid" || f == "tanh" || f == "relu" ||
        f == "softplus") {
      require_arity(n, 1, 1);
      return map(a[0], [&](const Real& x) -> Real {
        if (f == "exp") return exp(x);
        if (f == "log" || f == "ln") {
          if (x <= 0) throw evaluation_error(n.where, f + " of a number that is not positive", error_kind::domain);
          return log(x);
        }
        if (f == "sqrt") {
          if (x < 0) throw evaluation_error(n.where, "sqrt of a negative number", error_kind::domain);
          return sqrt(x);
        }
        if (f == "abs") return abs(x);
        if (f == "sigmoid") return ops::sigmoid(x);
        if (f == "tanh") return tanh(x);
        if (f == "relu") return ops::relu(x);
        return ops::softplus(x);
      });
    }
    if (f == "leaky_relu" || f == "elu") {
      require_arity(n, 2, 2);
      const Real alpha = as_scalar(n, a[1], "alpha");
      return map(a[0], [&](const Real& x) { return f == "elu" ? ops::elu(x, alpha) : ops::leaky_relu(x, alpha); });
    }
    if (f == "min" || f == "max") {
      require_arity(n, 1, 2);
      const bool is_min = f == "min";
      if (a.size() == 2)
        return elementwise(n, a[0], a[1], [&](const Real& x, const Real& y) { return is_min ? lesser(x, y) : greater(x, y); });
      Real extreme = a[0].data[0];
      for (const auto& x : a[0].data) extreme = is_min ? lesser(extreme, x) : greater(extreme, x);
      return val<Real>::scalar(extreme);
    }
    if (f == "sum" || f == "mean" || f == "var") {
      require_arity(n, 1, 1);
      Real total = 0;
      for (const auto& x : a[0].data) total += x;
      const Real mean = total / Real(a[0].size());
      if (f == "sum") return val<Real>::scalar(total);
      if (f == "mean") return val<Real>::scalar(mean);
      Real sq = 0;  // biased: (1/n) sum (x - mean)^2
      for (const auto& x : a[0].data) sq += (x - mean) * (x - mean);
      return val<Real>::scalar(sq / Real(a[0].size()));
    }
    if (f == "delta") {  // the Kronecker delta of two indices
      require_arity(n, 2, 2);
      return val<Real>::scalar(as_scalar(n, a[0], "first index") == as_scalar(n, a[1], "second index") ? Real(1) : Real(0));
    }
    if (f == "dot") {
      require_arity(n, 2, 2);
      const auto x = as_vector(n, a[0], "first argument"), y = as_vector(n, a[1], "second argument");
      if (x.size() != y.size()) throw evaluation_error(n.where, "dot() of vectors of different lengths", error_kind::shape);
      Real s = 0;
      for (std::size_t k = 0; k < x.size(); ++k) s += x[k] * y[k];
      return val<Real>::scalar(s);
    }
    if (f == "norm") {
      require_arity(n, 1, 1);
      Real s = 0;
      for (const auto& x : a[0].data) s += x * x;
      return val<Real>::scalar(sqrt(s));
    }
    if (f == "transpose") {
      require_arity(n, 1, 1);
      return transposed(a[0]);
    }
    if (f == "softmax" || f == "log_softmax") {
      require_arity(n, 1, 1);
      const auto z = as_vector(n, a[0], "logits");
      return val<Real>::column(f == "softmax" ? ops::softmax(z) : ops::log_softmax(z));
    }
    if (f == "mse" || f == "bce" || f == "cross_entropy" || f == "squared_error") {
      require_arity(n, 2, 2);
      const auto p = as_vector(n, a[0], "prediction"), y = as_vector(n, a[1], "target");
      if (p.size() != y.size()) throw evaluation_error(n.where, f + "() of a prediction and a target of different lengths", error_kind::shape);
      if (f == "bce" || f == "cross_entropy")
        for (const auto& pi : p)
          if (pi <= 0 || (f == "bce" && pi >= 1)) throw evaluation_error(n.where, f + "() needs probabilities strictly inside (0, 1)", error_kind::domain);
      if (f == "mse") return val<Real>::scalar(ops::mse(p, y));
      if (f == "bce") return val<Real>::scalar(ops::bce(p, y));
      if (f == "cross_entropy") return val<Real>::scalar(ops::cross_entropy(p, y));
      return val<Real>::scalar(ops::squared_error(p, y, ops::half_factor::with_half));
    }
    if (f == "ones" || f == "zeros") {
      require_arity(n, 1, 1);
      const std::size_t k = as_size(n, a[0]);
      charge(n, k);
      return val<Real>::column(std::vector<Real>(k, Real(f == "ones" ? 1 : 0)));
    }
    if (f == "eye") {
      require_arity(n, 1, 1);
      const std::size_t k = as_size(n, a[0]);
      check_size(n, k, k);
      charge(n, k * k);
      val<Real> out{k, k, std::vector<Real>(k * k)};
      for (std::size_t i = 0; i < k; ++i) out.at(i, i) = 1;
      return out;
    }
    if (f == "diag") {
      require_arity(n, 1, 1);
      const auto d = as_vector(n, a[0], "diagonal");
      check_size(n, d.size(), d.size());
      charge(n, d.size() * d.size());
      val<Real> out{d.size(), d.size(), std::vector<Real>(d.size() * d.size())};
      for (std::size_t i = 0; i < d.size(); ++i) out.at(i, i) = d[i];
      return out;
    }
    if (f == "outer") {
      require_arity(n, 2, 2);
      const auto x = as_vector(n, a[0], "first argument"), y = as_vector(n, a[1], "second argument");
      check_size(n, x.size(), y.size());
      charge(n, x.size() * y.size());
      val<Real> out{x.size(), y.size(), std::vector<Real>(x.size() * y.size())};
      for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = 0; j < y.size(); ++j) out.at(i, j) = x[i] * y[j];
      return out;
    }
    throw evaluation_error(n.where, "unknown function '" + f + "'", error_kind::name);
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
template value<numeric::interval> evaluate<numeric::interval>(const node&, const environment<numeric::interval>&,
                                                              const evaluation_limits&);
template value<numeric::real50> evaluate<numeric::real50>(const node&, const environment<numeric::real50>&, const evaluation_limits&,
                                                          std::size_t&);

}  // namespace gradecheck::expr
