#include "gradecheck/expr/functions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <string>

namespace gradecheck::expr {

const std::vector<function_info>& builtin_functions() {
  constexpr std::size_t any_number = std::numeric_limits<std::size_t>::max();
  static const std::vector<function_info> table{
      {"exp", 1, 1, {"\\exp"}, "e^x, entry by entry"},
      {"log", 1, 1, {"\\log"}, "the natural logarithm, entry by entry; x > 0"},
      {"ln", 1, 1, {"\\ln"}, "the natural logarithm (the same as log), entry by entry; x > 0"},
      {"sqrt", 1, 1, {"\\sqrt"}, "the square root, entry by entry; x >= 0"},
      {"abs", 1, 1, {"|", "\\lvert"}, "|x|, entry by entry"},
      {"sigmoid", 1, 1, {"\\sigma"}, "the logistic function 1 / (1 + e^-x), entry by entry"},
      {"tanh", 1, 1, {"\\tanh"}, "the hyperbolic tangent, entry by entry"},
      {"relu", 1, 1, {"\\operatorname{ReLU}"}, "max(x, 0), entry by entry"},
      {"softplus", 1, 1, {}, "log(1 + e^x), entry by entry"},
      {"leaky_relu", 2, 2, {}, "leaky_relu(x, alpha): x for x > 0, else alpha x, entry by entry"},
      {"elu", 2, 2, {}, "elu(x, alpha): x for x > 0, else alpha (e^x - 1), entry by entry"},
      {"min", 1, 2, {"\\min"}, "min(v): the least entry of v; min(a, b): the lesser of a and b entry by entry"},
      {"max", 1, 2, {"\\max"}, "max(v): the greatest entry of v; max(a, b): the greater of a and b entry by entry"},
      {"sum", 1, 3, {"\\sum"}, "sum(v): the sum of the entries; sum(k, expr), sum(k, n, expr): expr added over k = 0..n-1"},
      {"mean", 1, 1, {}, "the mean of the entries"},
      {"var", 1, 1, {}, "the biased variance of the entries: (1/n) sum (x - mean)^2"},
      {"dot", 2, 2, {}, "dot(x, y): sum x_i y_i of two vectors of one length"},
      {"norm", 1, 1, {"\\lVert"}, "the Euclidean norm: the square root of the sum of the squared entries"},
      {"transpose", 1, 1, {}, "the transpose (also x' and x.T)"},
      {"softmax", 1, 1, {"\\operatorname{softmax}"}, "softmax(z)_i = e^z_i / sum_k e^z_k of a vector of logits"},
      {"log_softmax", 1, 1, {}, "log softmax(z)_i = z_i - log sum_k e^z_k of a vector of logits"},
      {"mse", 2, 2, {}, "mse(p, y): the mean squared error (1/n) sum (p_i - y_i)^2"},
      {"bce", 2, 2, {}, "bce(p, y): -sum [y_i log p_i + (1 - y_i) log(1 - p_i)], with 0 < p_i < 1"},
      {"cross_entropy", 2, 2, {}, "cross_entropy(p, y): -sum y_i log p_i, with p_i > 0"},
      {"squared_error", 2, 2, {}, "squared_error(p, y): (1/2) sum (p_i - y_i)^2"},
      {"ones", 1, 1, {}, "ones(n): the vector of n ones"},
      {"zeros", 1, 1, {}, "zeros(n): the vector of n zeros"},
      {"eye", 1, 1, {}, "eye(n): the n x n identity matrix"},
      {"diag", 1, 1, {"\\operatorname{diag}"}, "diag(v): the square matrix with v on its diagonal"},
      {"outer", 2, 2, {}, "outer(x, y): the outer product x y^T"},
      {"delta", 2, 2, {"\\delta"}, "delta(i, j): the Kronecker delta, 1 if i = j, else 0"},
      {"piecewise", 3, any_number, {},
       "piecewise(c1, v1, c2, v2, ..., otherwise): the value of the first condition that holds; only it is evaluated"},
  };
  return table;
}

const function_info* find_function(std::string_view name) {
  const auto& table = builtin_functions();
  const auto it = std::find_if(table.begin(), table.end(), [&](const function_info& f) { return f.name == name; });
  return it == table.end() ? nullptr : &*it;
}

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The X of `\operatorname{X}`, `\mathrm{X}`, `\text{X}`, `\textrm{X}` or `\mathit{X}`, lowercased and without
// spaces; empty for any other spelling. TeX skips spaces after a control word, so `\mathrm {relu}` counts too.
std::string name_in_braces(std::string_view spelling) {
  static constexpr std::array<std::string_view, 5> commands{"\\operatorname", "\\mathrm", "\\textrm", "\\text", "\\mathit"};
  for (const std::string_view command : commands) {
    if (!spelling.starts_with(command)) continue;
    std::string_view rest = spelling.substr(command.size());
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    if (rest.size() < 2 || rest.front() != '{' || rest.back() != '}') continue;  // \textrm is not \text
    std::string name;
    for (const char c : rest.substr(1, rest.size() - 2))
      if (!is_space(c)) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
  }
  return {};
}

}  // namespace

const function_info* find_latex_function(std::string_view spelling) {
  for (const auto& f : builtin_functions())
    if (std::find(f.latex.begin(), f.latex.end(), spelling) != f.latex.end()) return &f;
  const std::string name = name_in_braces(spelling);
  return name.empty() ? nullptr : find_function(name);
}

}  // namespace gradecheck::expr
