#include "gradecheck/expr/ast.hpp"

#include <string>

namespace gradecheck::expr {

namespace {

bool is_comparison(const std::string& op) { return op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!="; }

bool needs_parentheses(const node& child, const std::string& parent_op, bool right) {
  if (child.kind == node_kind::choice) return true;
  if (child.kind != node_kind::binary) return child.kind == node_kind::negate && parent_op == "^";
  const auto rank = [](const std::string& op) {
    return is_comparison(op) ? 0 : (op == "+" || op == "-" ? 1 : (op == "^" ? 3 : 2));
  };
  if (is_comparison(parent_op) && is_comparison(child.text)) return true;  // comparisons do not chain
  if (rank(child.text) < rank(parent_op)) return true;
  if (rank(child.text) == rank(parent_op)) return parent_op == "^" ? !right : right;
  return false;
}

}  // namespace

namespace {
void collect_free_names(const node& n, std::set<std::string>& bound, std::set<std::string>& out) {
  if (n.kind == node_kind::name) {
    if (!bound.count(n.text)) out.insert(n.text);
    return;
  }
  if (n.kind == node_kind::call && n.text == "sum" && n.children.size() >= 2 && n.children[0].kind == node_kind::name) {
    const bool was_bound = bound.count(n.children[0].text) > 0;
    bound.insert(n.children[0].text);
    for (std::size_t k = 1; k < n.children.size(); ++k) collect_free_names(n.children[k], bound, out);
    if (!was_bound) bound.erase(n.children[0].text);
    return;
  }
  for (const auto& c : n.children) collect_free_names(c, bound, out);
}
}  // namespace

bool same_tree(const node& a, const node& b) {
  if (a.kind != b.kind || a.children.size() != b.children.size()) return false;
  if (a.kind == node_kind::number) {
    return a.literal.negative == b.literal.negative && a.literal.digits == b.literal.digits && a.literal.exponent == b.literal.exponent;
  }
  if (a.text != b.text) return false;
  for (std::size_t k = 0; k < a.children.size(); ++k)
    if (!same_tree(a.children[k], b.children[k])) return false;
  return true;
}

std::set<std::string> free_names(const node& n) {
  std::set<std::string> bound, out;
  collect_free_names(n, bound, out);
  return out;
}

std::string to_string(const node& n) {
  const auto wrap = [](const node& child, bool paren) { return paren ? "(" + to_string(child) + ")" : to_string(child); };
  switch (n.kind) {
    case node_kind::number:
    case node_kind::name: return n.text;
    case node_kind::negate:
      return "-" + wrap(n.children[0], n.children[0].kind == node_kind::binary || n.children[0].kind == node_kind::choice);
    case node_kind::choice:
      return wrap(n.children[0], n.children[0].kind == node_kind::choice) + " ? " + wrap(n.children[1], n.children[1].kind == node_kind::choice) +
             " : " + to_string(n.children[2]);
    case node_kind::binary: {
      const bool spaced = n.text == "+" || n.text == "-" || is_comparison(n.text);
      const std::string op = spaced ? " " + n.text + " " : n.text;
      return wrap(n.children[0], needs_parentheses(n.children[0], n.text, false)) + op +
             wrap(n.children[1], needs_parentheses(n.children[1], n.text, true));
    }
    case node_kind::call:
    case node_kind::list:
    case node_kind::index: {
      // an index binds tighter than any operator: (-x)[0] keeps its parentheses
      const bool operand_base = n.kind == node_kind::index && (n.children[0].kind == node_kind::binary || n.children[0].kind == node_kind::negate ||
                                                             n.children[0].kind == node_kind::choice);
      std::string out = n.kind == node_kind::call ? n.text + "(" : (n.kind == node_kind::list ? "[" : wrap(n.children[0], operand_base) + "[");
      for (std::size_t k = n.kind == node_kind::index ? 1 : 0; k < n.children.size(); ++k)
        out += (k > (n.kind == node_kind::index ? 1u : 0u) ? ", " : "") + to_string(n.children[k]);
      return out + (n.kind == node_kind::call ? ")" : "]");
    }
    case node_kind::transpose:
      return wrap(n.children[0], n.children[0].kind == node_kind::binary || n.children[0].kind == node_kind::negate ||
                                     n.children[0].kind == node_kind::choice) +
             "'";
  }
  return "?";
}

}  // namespace gradecheck::expr
