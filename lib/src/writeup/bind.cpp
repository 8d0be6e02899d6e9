#include "gradecheck/writeup/bind.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/grade/tolerance.hpp"
#include "gradecheck/numeric/real.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace gradecheck::writeup {

bool is_writeup(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext == ".md" || ext == ".markdown" || ext == ".tex" || ext == ".ipynb";
}

namespace {

using numeric::real50;

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// Where `needle` stands in `hay` as whole words (case ignored), or npos.
std::size_t find_words(const std::string& hay, const std::string& needle) {
  const std::string h = lower(hay), n = lower(needle);
  for (std::size_t at = h.find(n); at != std::string::npos; at = h.find(n, at + 1)) {
    const bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(h[at - 1]));
    const bool end = at + n.size() >= h.size() || !std::isalnum(static_cast<unsigned char>(h[at + n.size()]));
    if (start && end) return at;
  }
  return std::string::npos;
}

// The headings [first, last) of the section: from the heading that names it to the next heading
// of a sibling ("Problem 2" after "Problem 1"), or else to the next heading as high as its own.
std::optional<std::pair<int, int>> section_range(const document& d, const std::string& section) {
  const int n = static_cast<int>(d.headings.size());
  int first = -1;
  for (int k = 0; k < n && first < 0; ++k)
    if (find_words(d.headings[static_cast<std::size_t>(k)].title, section) != std::string::npos) first = k;
  if (first < 0) return std::nullopt;
  std::string stem = section;
  while (!stem.empty() && std::isdigit(static_cast<unsigned char>(stem.back()))) stem.pop_back();
  const bool numbered = stem.size() < section.size();
  for (int k = first + 1; k < n; ++k) {
    const auto& h = d.headings[static_cast<std::size_t>(k)];
    if (numbered) {
      const auto at = find_words(h.title, stem.substr(0, stem.find_last_not_of(' ') + 1));
      if (at != std::string::npos && find_words(h.title, section) == std::string::npos) {
        const std::size_t after = at + stem.find_last_not_of(' ') + 1;
        std::size_t digit = after;
        while (digit < h.title.size() && h.title[digit] == ' ') ++digit;
        if (digit < h.title.size() && std::isdigit(static_cast<unsigned char>(h.title[digit]))) return std::pair{first, k};
      }
    } else if (h.level <= d.headings[static_cast<std::size_t>(first)].level) {
      return std::pair{first, k};
    }
  }
  return std::pair{first, n};
}

expr::position origin_of(const place& p) { return {p.line, p.column}; }

// The place `bytes` into `text`, which starts at `start`.
place advance(place start, std::string_view text, std::size_t bytes) {
  for (std::size_t k = 0; k < bytes && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++start.line;
      start.column = 1;
    } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
      ++start.column;
    }
  }
  return start;
}

// The entries of a side written as a list: [o_1, o_2] gives o_1 and o_2, each at its place.
std::vector<side> entries_of(const side& s) {
  const std::string& t = s.text;
  const auto open = t.find_first_not_of(" \t\n");
  const auto close = t.find_last_not_of(" \t\n");
  if (open == std::string::npos || t[open] != '[' || t[close] != ']') return {};
  std::vector<side> out;
  int depth = 0;
  std::size_t begin = open + 1;
  for (std::size_t k = open + 1; k <= close; ++k) {
    const char ch = t[k];
    if (ch == '{' || ch == '(' || ch == '[') ++depth;
    if ((ch == '}' || ch == ')' || ch == ']') && depth > 0 && k != close) --depth;
    if ((ch == ',' && depth == 0) || k == close) {
      std::size_t b = begin;
      while (b < k && std::isspace(static_cast<unsigned char>(t[b]))) ++b;
      std::size_t e = k;
      while (e > b && std::isspace(static_cast<unsigned char>(t[e - 1]))) --e;
      out.push_back({t.substr(b, e - b), advance(s.where, t, b)});
      begin = k + 1;
    }
  }
  return out;
}

std::string one_line(std::string text) {
  for (auto& ch : text)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  const auto b = text.find_first_not_of(' ');
  const auto e = text.find_last_not_of(' ');
  return b == std::string::npos ? "" : text.substr(b, e - b + 1);
}

bool is_number(const expr::node& n) {
  if (n.kind == expr::node_kind::number) return true;
  return n.kind == expr::node_kind::negate && is_number(n.children[0]);
}

class binder {
 public:
  binder(const document& d, const std::filesystem::path& path, const cases::case_file& c, const expr::latex_symbols& symbols,
         const std::string& section)
      : d_(d), c_(c), symbols_(symbols) {
    out_.path = path;
    section_ = section.empty() ? c.section : section;
    try {
      givens_ = cases::evaluate_case<real50>(c);
    } catch (const std::exception&) {
    }
  }

  grade::submission run() {
    std::vector<const chain*> chains;
    if (section_.empty()) {
      for (const auto& ch : d_.chains) chains.push_back(&ch);
    } else if (const auto range = section_range(d_, section_)) {
      out_.section = d_.headings[static_cast<std::size_t>(range->first)].title;
      for (const auto& ch : d_.chains)
        if (ch.section >= range->first && ch.section < range->second) chains.push_back(&ch);
    } else {
      issue(place{}, "no heading matches the section '" + section_ + "'; the whole file is read");
      for (const auto& ch : d_.chains) chains.push_back(&ch);
    }
    for (const auto* ch : chains) restated_givens(*ch);
    for (const auto* ch : chains) answers(*ch);
    for (const auto* ch : chains) inside(*ch);
    return std::move(out_);
  }

 private:
  void issue(const place& p, std::string message) {
    out_.issues.push_back({origin_of(p), (p.cell ? "cell " + std::to_string(p.cell) + ": " : std::string()) + std::move(message)});
  }

  // True when two numbers are one answer restated: 0.59327 rounds to 0.5933.
  bool restated(const std::string& a, const std::string& b) const {
    try {
      return grade::same_number_restated(expr::parse_latex(a, symbols_), expr::parse_latex(b, symbols_));
    } catch (const std::exception&) {
      return false;
    }
  }

  void unbound(const side& s, std::string why) { out_.unbound.push_back({one_line(s.text), std::move(why), origin_of(s.where), s.where.cell}); }

  void bound(const side& s, const std::string& quantity, const std::string& how) {
    out_.bindings.push_back({one_line(s.text), quantity, how, origin_of(s.where), s.where.cell});
  }

  std::optional<expr::designation> name_of(const side& s) const {
    try {
      return expr::parse_latex_name(s.text, symbols_, origin_of(s.where));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }

  std::optional<expr::node> value_of(const side& s) const {
    try {
      return expr::parse_latex(s.text, symbols_, origin_of(s.where));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }

  // The givens whose value is exactly `x`.
  std::vector<std::string> givens_equal_to(const real50& x) const {
    std::vector<std::string> out;
    for (const auto& g : c_.given) {
      const auto it = givens_.find(g.name);
      if (it != givens_.end() && it->second.is_scalar() && it->second.data[0] == x) out.push_back(g.name);
    }
    return out;
  }

  // [o_1, o_2] = [0.01, 0.99] where the case calls them t1, t2: the write-up's names for its givens.
  void restated_givens(const chain& ch) {
    if (ch.sides.size() != 2 || ch.relations[0] != "=") return;
    std::vector<side> names = entries_of(ch.sides[0]), values = entries_of(ch.sides[1]);
    if (names.empty()) {
      names = {ch.sides[0]};
      values = {ch.sides[1]};
    }
    if (names.size() != values.size()) return;
    for (std::size_t k = 0; k < names.size(); ++k) {
      const auto v = value_of(values[k]);
      if (!v || !is_number(*v)) return;  // not data
    }
    // a list whose every value is a given's is the problem's data: its names are the givens' names
    const bool all_given = names.size() > 1 && std::all_of(values.begin(), values.end(), [&](const side& v) {
      return !givens_equal_to(expr::evaluate<real50>(*value_of(v), {}).data[0]).empty();
    });
    for (std::size_t k = 0; k < names.size(); ++k) {
      const auto d = name_of(names[k]);
      if (!d || !d->entry.empty()) continue;
      const real50 x = expr::evaluate<real50>(*value_of(values[k]), {}).data[0];
      const auto equal = givens_equal_to(x);
      if (std::find(equal.begin(), equal.end(), d->name) != equal.end()) {
        bound(names[k], d->name, "given");
        continue;
      }
      if (c_.is_given(d->name)) {
        unbound(names[k], d->name + " is given as " + one_line(c_.find(d->name)->text) + "; " + one_line(values[k].text) + " is another value");
        continue;
      }
      if (equal.size() == 1 && (!d->declared || all_given)) {
        // the write-up's own name for a given: read it so from here on
        try {
          symbols_.spell(names[k].text, equal[0]);
          bound(names[k], equal[0], "given");
          restated_.insert(one_line(names[k].text));
        } catch (const std::exception&) {
        }
      } else if (equal.size() > 1 && !d->declared) {
        std::string which;
        for (const auto& e : equal) which += (which.empty() ? "" : " or ") + e;
        unbound(names[k], "its value is that of " + which + ": not bound");
      }
    }
  }

  // The last side of a chain that names an asked quantity is its answer.
  void answers(const chain& ch) {
    if (restated_.count(one_line(ch.sides[0].text)) && ch.sides.size() == 2) return;
    const auto d = name_of(ch.sides[0]);
    if (!d) return;
    const std::string q = c_.answered_by(d->name);  // L = loss
    if (!d->declared) {
      unbound(ch.sides[0], "not a quantity of this problem");
      return;
    }
    if (c_.is_given(q)) return;  // restated givens were handled above
    if (!c_.find_asked(q)) {
      unbound(ch.sides[0], q + " is not asked");
      return;
    }
    const bool formula = c_.find_formula(q) != nullptr;
    // a numeric quantity's answer is the last side that is a value; a formula's, the last side in the
    // problem's own symbols (not the chain rule's factors such as \partial \hat{x} / \partial v)
    const side* last = nullptr;
    for (std::size_t k = ch.sides.size(); k-- > 1 && !last;) {
      const auto v = value_of(ch.sides[k]);
      if (!v) {
        if (formula && k + 1 == ch.sides.size()) last = &ch.sides[k];  // unreadable: graded so, with the reader's message
        continue;
      }
      const auto names = expr::free_names(*v);
      const bool own = std::all_of(names.begin(), names.end(), [&](const std::string& n) {
        return symbols_.names.count(n) > 0 || symbols_.indices.count(n) > 0;
      });
      if (formula ? own : names.empty()) last = &ch.sides[k];
    }
    if (!last) {
      unbound(ch.sides[0], formula ? "a formula for " + q + " in symbols the problem does not define" : "a formula for " + q + ", not its value");
      return;
    }
    add_answer(q, *last, ch.sides[0], "chain");
    // h_1 = 0.1 = 0.5933: two numbers in one chain are two answers, not a derivation (a restatement to
    // more digits excepted)
    if (!formula)
      for (std::size_t k = 1; k < ch.sides.size(); ++k) {
        const auto v = value_of(ch.sides[k]);
        if (&ch.sides[k] != last && v && is_number(*v)) add_answer(q, ch.sides[k], ch.sides[0], "chain");
      }
  }

  // \sigma(z_1) = ... = \sigma(0.3775): z_1 is 0.3775, when the write-up gives it nowhere else.
  void inside(const chain& ch) {
    for (std::size_t k = 0; k < ch.sides.size(); ++k) {
      const auto t = value_of(ch.sides[k]);
      if (!t || t->kind != expr::node_kind::call || t->children.size() != 1 || t->children[0].kind != expr::node_kind::name) continue;
      const std::string q = t->children[0].text;
      if (!c_.find_asked(q) || out_.answers.count(q)) continue;
      for (std::size_t j = ch.sides.size(); j-- > k + 1;) {
        const auto u = value_of(ch.sides[j]);
        if (!u || u->kind != expr::node_kind::call || u->text != t->text || u->children.size() != 1 || !is_number(u->children[0])) continue;
        // the argument's text, at its place inside the call
        const std::string& text = ch.sides[j].text;
        const auto open = text.find('(');
        const auto close = text.rfind(')');
        if (open == std::string::npos || close == std::string::npos || close <= open) break;
        side argument{text.substr(open + 1, close - open - 1), advance(ch.sides[j].where, text, open + 1)};
        const auto lead = argument.text.find_first_not_of(' ');
        if (lead != std::string::npos && lead > 0) {
          argument.where = advance(argument.where, argument.text, lead);
          argument.text = argument.text.substr(lead);
        }
        add_answer(q, argument, ch.sides[k], "inside");
        break;
      }
    }
  }

  void add_answer(const std::string& q, const side& value, const side& name, const std::string& how) {
    const std::string text = one_line(value.text);
    if (const auto first = out_.answers.find(q); first != out_.answers.end()) {
      if (first->second.text == text || restated(first->second.text, text)) return;
      if (first->second.conflicting_text.empty()) {
        first->second.conflicting_text = text;
        first->second.conflicting_line = value.where.line;
        issue(name.where, "'" + q + "' has two different answers (" + first->second.text + " and " + text + ", " +
                              (first->second.where.line == value.where.line ? "in one chain on line " + std::to_string(value.where.line)
                                                                            : "lines " + std::to_string(first->second.where.line) + " and " +
                                                                                  std::to_string(value.where.line)) +
                              "); only one may stand, so it earns nothing");
      }
      return;
    }
    grade::answer a;
    a.name = q;
    a.text = text;
    a.where = origin_of(value.where);
    a.cell = value.where.cell;
    a.latex = true;
    try {
      a.value = expr::parse_latex(value.text, symbols_, origin_of(value.where));
      a.read_as = expr::to_string(a.value);
    } catch (const expr::ambiguous_latex& e) {
      a.readable = false;
      a.readings = e.readings;
      a.problem = e.what();
    } catch (const expr::parse_error& e) {
      a.readable = false;
      a.problem = e.what();
    }
    out_.answers[q] = std::move(a);
    bound(name, q, how);
  }

  const document& d_;
  const cases::case_file& c_;
  expr::latex_symbols symbols_;
  std::string section_;
  expr::environment<real50> givens_;
  std::set<std::string> restated_;
  grade::submission out_;
};

}  // namespace

grade::submission bind(const document& d, const std::filesystem::path& path, const cases::case_file& c, const expr::latex_symbols& symbols,
                       const std::string& section) {
  return binder(d, path, c, symbols, section).run();
}

}  // namespace gradecheck::writeup
