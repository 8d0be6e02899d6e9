#include "gradecheck/grade/diagnose.hpp"

#include <algorithm>
#include <set>

namespace gradecheck::grade {

std::string name_kind(const std::string& name) { return name.substr(0, name.find_first_of("0123456789_")); }

namespace {

using expr::node;
using expr::node_kind;

using expr::same_tree;

node make(node_kind kind, std::string text, std::vector<node> children) {
  node n;
  n.kind = kind;
  n.text = std::move(text);
  n.children = std::move(children);
  return n;
}

// The additive terms of a sum chain: a - b + c -> (+a, -b, +c).
void flatten_sum(const node& n, bool negative, std::vector<std::pair<bool, node>>& terms) {
  if (n.kind == node_kind::binary && (n.text == "+" || n.text == "-")) {
    flatten_sum(n.children[0], negative, terms);
    flatten_sum(n.children[1], n.text == "-" ? !negative : negative, terms);
  } else {
    terms.emplace_back(negative, n);
  }
}

node rebuild_sum(const std::vector<std::pair<bool, node>>& terms) {
  node out = terms[0].first ? make(node_kind::negate, "-", {terms[0].second}) : terms[0].second;
  for (std::size_t k = 1; k < terms.size(); ++k) out = make(node_kind::binary, terms[k].first ? "-" : "+", {out, terms[k].second});
  return out;
}

void flatten_product(const node& n, std::vector<node>& factors) {
  if (n.kind == node_kind::binary && n.text == "*") {
    flatten_product(n.children[0], factors);
    flatten_product(n.children[1], factors);
  } else {
    factors.push_back(n);
  }
}

void collect_names(const node& n, std::vector<std::string>& names) {
  if (n.kind == node_kind::name && std::find(names.begin(), names.end(), n.text) == names.end()) names.push_back(n.text);
  for (const auto& c : n.children) collect_names(c, names);
}

// Replaces names by `rename`; returns the number of names replaced.
int rename_all(node& n, const std::function<std::optional<std::string>(const std::string&)>& rename) {
  int count = 0;
  if (n.kind == node_kind::name)
    if (const auto to = rename(n.text)) {
      n.text = *to;
      ++count;
    }
  for (auto& c : n.children) count += rename_all(c, rename);
  return count;
}

// Replaces the k-th occurrence (in depth-first order) of any name by `to`; k counts down.
bool replace_occurrence(node& n, int& k, const std::string& from, const std::string& to) {
  if (n.kind == node_kind::name && n.text == from && k-- == 0) {
    n.text = to;
    return true;
  }
  for (auto& c : n.children)
    if (replace_occurrence(c, k, from, to)) return true;
  return false;
}

int count_occurrences(const node& n, const std::string& name) {
  int count = n.kind == node_kind::name && n.text == name ? 1 : 0;
  for (const auto& c : n.children) count += count_occurrences(c, name);
  return count;
}

// Applies `edit` to every product node of the tree, one at a time.
void each_product(const node& root, node& n, const std::function<void(node&)>& edit) {
  if (n.kind == node_kind::binary && n.text == "*") edit(n);
  for (auto& c : n.children) each_product(root, c, edit);
}

}  // namespace

std::vector<variant> one_edit_variants(const node& e, const std::function<std::vector<std::string>(const std::string&)>& names_like,
                                       const std::function<bool(const std::string&)>& is_given,
                                       const std::vector<std::string>& scalar_givens, std::size_t limit) {
  std::vector<variant> out;
  const auto add = [&](node n, mistake kind, std::map<std::string, std::string> params) {
    if (out.size() < limit) out.push_back({std::move(n), {kind, std::move(params)}});
  };

  std::vector<std::pair<bool, node>> terms;
  flatten_sum(e, false, terms);
  if (terms.size() >= 2) {
    for (std::size_t k = 0; k < terms.size(); ++k) {
      auto flipped = terms;
      flipped[k].first = !flipped[k].first;
      add(rebuild_sum(flipped), mistake::term_negated, {{"term", expr::to_string(terms[k].second)}});
    }
    for (std::size_t k = 0; k < terms.size(); ++k) {
      auto dropped = terms;
      dropped.erase(dropped.begin() + static_cast<long>(k));
      add(rebuild_sum(dropped), mistake::term_dropped, {{"term", expr::to_string(terms[k].second)}});
    }
  }

  std::vector<std::string> names;
  collect_names(e, names);
  // Givens first: a swap of two weights read off the figure explains a number
  // better than the equivalent swap of the quantities they multiply.
  std::stable_partition(names.begin(), names.end(), [&](const std::string& n) { return is_given(n); });
  for (std::size_t a = 0; a < names.size(); ++a)
    for (std::size_t b = a + 1; b < names.size(); ++b) {
      const auto like = names_like(names[a]);
      if (std::find(like.begin(), like.end(), names[b]) == like.end()) continue;
      node swapped = e;
      rename_all(swapped, [&](const std::string& n) -> std::optional<std::string> {
        if (n == names[a]) return names[b];
        if (n == names[b]) return names[a];
        return std::nullopt;
      });
      add(std::move(swapped), mistake::swapped, {{"a", names[a]}, {"b", names[b]}});
    }

  for (const auto& from : names) {
    const int occurrences = count_occurrences(e, from);
    for (const auto& to : names_like(from)) {
      if (to == from) continue;
      for (int k = 0; k < occurrences; ++k) {
        node replaced = e;
        int which = k;
        replace_occurrence(replaced, which, from, to);
        add(std::move(replaced), mistake::replaced, {{"used", to}, {"in_place_of", from}});
      }
    }
  }

  // x (1 - x): the activation's value where its derivative belongs
  node copy = e;
  each_product(e, copy, [&](node& product) {
    std::vector<node> factors;
    flatten_product(product, factors);
    for (std::size_t k = 0; k < factors.size(); ++k) {
      const node& f = factors[k];
      const bool one_minus = f.kind == node_kind::binary && f.text == "-" && f.children[0].kind == node_kind::number &&
                             f.children[0].text == "1";
      if (!one_minus) continue;
      const bool beside = std::any_of(factors.begin(), factors.end(), [&](const node& g) { return same_tree(g, f.children[1]); });
      if (!beside) continue;
      std::vector<node> rest = factors;
      rest.erase(rest.begin() + static_cast<long>(k));
      node product_without = rest[0];
      for (std::size_t j = 1; j < rest.size(); ++j) product_without = make(node_kind::binary, "*", {product_without, rest[j]});
      const node original = product;
      product = product_without;
      add(copy, mistake::value_for_derivative, {{"factor", expr::to_string(f)}});
      product = original;
    }
  });

  for (const auto& g : scalar_givens) {
    if (count_occurrences(e, g) == 0) continue;
    node without = e;
    rename_all(without, [&](const std::string& n) -> std::optional<std::string> {
      if (n == g) return std::string("1");
      return std::nullopt;
    });
    // a name "1" would be unknown: turn those name nodes into the number 1
    std::function<void(node&)> to_number = [&](node& n) {
      if (n.kind == node_kind::name && n.text == "1") {
        n.kind = node_kind::number;
        n.literal = numeric::parse_decimal("1");
      }
      for (auto& c : n.children) to_number(c);
    };
    to_number(without);
    add(std::move(without), mistake::given_left_out, {{"given", g}});
  }
  for (const auto& g : scalar_givens) {
    if (count_occurrences(e, g) == 0) continue;
    node twice = e;
    const std::function<void(node&)> square = [&](node& n) {
      if (n.kind == node_kind::name && n.text == g) {
        n = make(node_kind::binary, "*", {n, n});
        return;
      }
      for (auto& c : n.children) square(c);
    };
    square(twice);
    add(std::move(twice), mistake::given_repeated, {{"given", g}});
  }
  return out;
}

}  // namespace gradecheck::grade
