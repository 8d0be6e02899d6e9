#include "gradecheck/expr/latex.hpp"

#include <string>

namespace gradecheck::expr {

namespace {

bool is_comparison(const std::string& op) { return op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!="; }

int rank(const node& n) {
  if (n.kind == node_kind::binary) {
    if (is_comparison(n.text)) return 0;
    if (n.text == "+" || n.text == "-") return 1;
    if (n.text == "^") return 4;
    return 2;
  }
  if (n.kind == node_kind::negate) return 1;
  return 5;
}

class printer {
 public:
  explicit printer(const latex_symbols& symbols) : symbols_(symbols) {}

  std::string print(const node& n) const {
    switch (n.kind) {
      case node_kind::number: return number(n);
      // \mathit, not \mathrm: \frac{\mathrm{d}}{\mathrm{d}} would read as a derivative
      case node_kind::name: return "\\mathit{" + n.text + "}";
      // the reader binds a sign to the factor after it: -(a b) keeps its parentheses
      case node_kind::negate:
        // - -x needs no parentheses (and nesting them would cost the reader a level each)
        return "-" + (n.children[0].kind == node_kind::negate ? " " + print(n.children[0]) : operand(n.children[0], 3));
      case node_kind::binary: return binary(n);
      case node_kind::call: return call(n);
      case node_kind::index: {
        std::string out = "\\mathit{" + n.children[0].text + "}_{";
        for (std::size_t k = 1; k < n.children.size(); ++k) out += (k > 1 ? ", " : "") + position_written(n.children[k]);
        return out + "}";
      }
      case node_kind::list: {
        std::string out = "\\begin{bmatrix} ";
        for (std::size_t r = 0; r < n.children.size(); ++r) {
          const node& row = n.children[r];
          if (r > 0) out += " \\\\ ";
          if (row.kind == node_kind::list) {
            for (std::size_t c = 0; c < row.children.size(); ++c) out += (c > 0 ? " & " : "") + print(row.children[c]);
          } else {
            out += print(row);
          }
        }
        return out + " \\end{bmatrix}";
      }
      case node_kind::transpose: return "{" + operand(n.children[0], 5) + "}^{\\top}";
      case node_kind::choice:
        return "\\begin{cases} " + print(n.children[1]) + " & \\text{if } " + print(n.children[0]) + " \\\\ " + print(n.children[2]) +
               " & \\text{otherwise} \\end{cases}";
    }
    return "?";
  }

 private:
  // A literal with an exponent (85e-2 from 85\%) is written out, with the same digits: 0.85.
  static std::string number(const node& n) {
    const auto& d = n.literal;
    if (n.text.find_first_of("eE") == std::string::npos) return n.text;
    if (d.exponent >= 0) return d.digits + std::string(static_cast<std::size_t>(d.exponent), '0');
    const std::size_t point = static_cast<std::size_t>(-d.exponent);
    const std::string digits = d.digits.size() > point ? d.digits : std::string(point - d.digits.size() + 1, '0') + d.digits;
    return digits.substr(0, digits.size() - point) + "." + digits.substr(digits.size() - point);
  }

  // n, in parentheses when it binds less tightly than `at_least`
  std::string operand(const node& n, int at_least) const {
    return rank(n) < at_least ? "\\left(" + print(n) + "\\right)" : print(n);
  }

  std::string binary(const node& n) const {
    const node& a = n.children[0];
    const node& b = n.children[1];
    const std::string& op = n.text;
    if (is_comparison(op)) {
      const std::string rel = op == "==" ? "=" : op == "!=" ? "\\neq" : op == "<=" ? "\\le" : op == ">=" ? "\\ge" : op;
      return "\\left[" + operand(a, 1) + " " + rel + " " + operand(b, 1) + "\\right]";
    }
    if (op == "+") return operand(a, 1) + " + " + operand(b, 2);
    if (op == "-") return operand(a, 1) + " - " + operand(b, 2);
    if (op == "/") return "\\frac{" + print(a) + "}{" + print(b) + "}";
    if (op == "^") return "{" + operand(a, 5) + "}^{" + print(b) + "}";
    const std::string latex_op = op == ".*" ? " \\odot " : " \\cdot ";
    return operand(a, 2) + latex_op + operand(b, 3);
  }

  // An index position, written 1-based: y[i] is y_{i}, y[0] is y_{1}, y[i + 1] is y_{i + 1}.
  std::string position_written(const node& p) const {
    if (p.kind == node_kind::number) return std::to_string(std::stol(p.literal.digits) + 1);
    if (p.kind == node_kind::name) return p.text;
    return "\\left(" + print(p) + "\\right) + 1";
  }

  std::string call(const node& n) const {
    const std::string& f = n.text;
    const auto args = [&](std::size_t from) {
      std::string out = "\\left(";
      for (std::size_t k = from; k < n.children.size(); ++k) out += (k > from ? ", " : "") + print(n.children[k]);
      return out + "\\right)";
    };
    if (f == "sum" && n.children.size() >= 2 && n.children[0].kind == node_kind::name) {
      const std::string& k = n.children[0].text;
      const std::string limits = n.children.size() == 3 ? "_{" + k + "=1}^{" + print(n.children[1]) + "}" : "_{" + k + "}";
      return "\\sum" + limits + " \\left(" + print(n.children.back()) + "\\right)";
    }
    if (f == "sum") return "\\sum " + args(0);
    if (f == "derivative" && n.children.size() == 2)  // d/dz f(z), a claim of a write-up
      return "\\frac{d}{d" + print(n.children[0]) + "} \\left(" + print(n.children[1]) + "\\right)";
    if (f == "delta" && n.children.size() == 2 && n.children[0].kind == node_kind::name && n.children[1].kind == node_kind::name)
      return "\\delta_{" + n.children[0].text + " " + n.children[1].text + "}";
    if (f == "abs") return "\\left|" + print(n.children[0]) + "\\right|";
    if (f == "norm") return "\\left\\|" + print(n.children[0]) + "\\right\\|";
    if (f == "sqrt") return "\\sqrt{" + print(n.children[0]) + "}";
    if (f == "piecewise") {
      std::string out = "\\begin{cases} ";
      for (std::size_t k = 0; k + 1 < n.children.size(); k += 2)
        out += print(n.children[k + 1]) + " & \\text{if } " + print(n.children[k]) + " \\\\ ";
      return out + print(n.children.back()) + " & \\text{otherwise} \\end{cases}";
    }
    if (f == "sigmoid" && !symbols_.names.count("sigma")) return "\\sigma" + args(0);
    if (f == "exp" || f == "log" || f == "ln" || f == "tanh" || f == "max" || f == "min") return "\\" + f + args(0);
    return "\\operatorname{" + f + "}" + args(0);
  }

  const latex_symbols& symbols_;
};

}  // namespace

std::string to_latex(const node& n, const latex_symbols& symbols) { return printer(symbols).print(n); }

}  // namespace gradecheck::expr
