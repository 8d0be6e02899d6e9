#include "gradecheck/cases/load.hpp"

#include "gradecheck/expr/parser.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace gradecheck::cases {

namespace {

// Case files are small; anything larger is a mistake, not a case.
constexpr std::uintmax_t max_case_bytes = 1 << 20;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

case_error located(const std::filesystem::path& path, const std::vector<std::string>& lines, expr::position at,
                   const std::string& message) {
  std::string out = path.string() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message;
  if (at.line >= 1 && static_cast<std::size_t>(at.line) <= lines.size())
    out += "\n" + expr::caret_picture(lines[static_cast<std::size_t>(at.line) - 1], at.column);
  return case_error(out);
}

class loader {
 public:
  loader(std::string text, std::filesystem::path path) : path_(std::move(path)), text_(std::move(text)) {
    if (text_.size() > max_case_bytes)
      throw case_error(path_.string() + ": a case file is at most 1 MiB, this one is " + std::to_string(text_.size()) + " bytes");
    lines_ = split_lines(text_);
  }

  case_file load() {
    toml::table doc;
    try {
      doc = toml::parse(text_, path_.string());
    } catch (const toml::parse_error& e) {
      fail({static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)}, std::string(e.description()));
    }
    case_file c;
    c.path = path_;
    c.id = required_string(doc, "id");
    c.title = required_string(doc, "title");
    c.source = required_string(doc, "source");
    c.statement = optional_string(doc, "statement");
    c.given = block(doc, "given");
    c.derive = block(doc, "derive");
    check_names(c);
    c.ask = ask(doc, c);
    c.parts = parts(doc, c);
    c.mistakes = mistakes(doc, c);
    return c;
  }

 private:
  [[noreturn]] void fail(expr::position at, const std::string& message) const { throw located(path_, lines_, at, message); }

  static expr::position where(const toml::node& n) {
    return {static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
  }

  std::string required_string(const toml::table& doc, const char* key) const {
    const auto* n = doc.get(key);
    if (!n) fail({1, 1}, std::string("expected a key '") + key + "'");
    if (!n->is_string()) fail(where(*n), std::string("expected '") + key + "' to be a string");
    return std::string(*n->as_string());
  }

  static std::string optional_string(const toml::table& doc, const char* key) {
    const auto* n = doc.get(key);
    return n && n->is_string() ? std::string(*n->as_string()) : std::string();
  }

  // A block of `name = expression` lines, as a TOML multi-line literal string
  // ('''...'''). Its first line in the file follows the line of the opening quotes.
  std::vector<expr::assignment> block(const toml::table& doc, const char* key) const {
    const auto* n = doc.get(key);
    if (!n) return {};
    if (!n->is_string()) fail(where(*n), std::string("expected '") + key + "' to be a block of name = expression lines in '''...'''");
    const expr::position at = where(*n);
    const std::string& line = lines_[static_cast<std::size_t>(at.line) - 1];
    const std::size_t after_quotes = static_cast<std::size_t>(at.column) - 1 + 3;
    const bool starts_next_line = after_quotes <= line.size() && line.find_first_not_of(" \t\r", after_quotes) == std::string::npos;
    try {
      return expr::parse_assignments(std::string(*n->as_string()), at.line + (starts_next_line ? 1 : 0));
    } catch (const expr::parse_error& e) {
      fail(e.where, std::string(key) + ": " + e.message);
    }
  }

  void check_names(const case_file& c) const {
    std::set<std::string> seen;
    for (const auto* b : {&c.given, &c.derive})
      for (const auto& a : *b)
        if (!seen.insert(a.name).second) fail(a.where, "'" + a.name + "' is defined twice");
  }

  tolerance read_tolerance(const toml::node& n, tolerance t) const {
    const auto* table = n.as_table();
    if (!table) fail(where(n), "expected a tolerance table such as { kind = \"relabs\", rtol = 0.01, atol = 1e-8 }");
    const std::string kind = (*table)["kind"].value_or(std::string("relabs"));
    if (kind == "relabs") {
      t.type = tolerance::kind::relabs;
      t.rtol = (*table)["rtol"].value_or(t.rtol);
      t.atol = (*table)["atol"].value_or(t.atol);
    } else if (kind == "sigfig" || kind == "decdig") {
      t.type = kind == "sigfig" ? tolerance::kind::sigfig : tolerance::kind::decdig;
      t.digits = static_cast<int>((*table)["digits"].value_or(static_cast<int64_t>(t.digits)));
      if (t.digits < 0 || t.digits > 40) fail(where(n), "digits must lie in 0..40");
    } else {
      fail(where(n), "expected kind = \"relabs\", \"sigfig\" or \"decdig\", found \"" + kind + "\"");
    }
    if (!(t.rtol >= 0) || !(t.atol >= 0)) fail(where(n), "rtol and atol must be non-negative");
    return t;
  }

  std::vector<asked> ask(const toml::table& doc, const case_file& c) const {
    const auto* n = doc.get("ask");
    if (!n || !n->is_table()) fail({1, 1}, "expected an [ask] table naming the quantities to submit");
    const auto& t = *n->as_table();
    asked defaults;
    if (const auto* p = t.get("points")) defaults.points = p->value<double>().value_or(1);
    if (const auto* tol = t.get("tolerance")) defaults.within = read_tolerance(*tol, defaults.within);
    const auto* names = t.get("quantities");
    if (!names || !names->is_string()) fail(where(*n), "expected ask.quantities: the names to submit, separated by spaces");
    std::vector<asked> out;
    std::istringstream words{std::string(*names->as_string())};
    for (std::string name; words >> name;) {
      if (!c.find(name)) fail(where(*names), "ask.quantities names '" + name + "', which the case does not define");
      asked a = defaults;
      a.name = name;
      out.push_back(a);
    }
    if (out.empty()) fail(where(*names), "ask.quantities is empty");
    if (const auto* each = t.get("each")) {
      if (!each->is_table()) fail(where(*each), "expected [ask.each.NAME] tables");
      for (const auto& [key, value] : *each->as_table()) {
        const std::string name(key.str());
        auto it = std::find_if(out.begin(), out.end(), [&](const asked& a) { return a.name == name; });
        if (it == out.end()) fail(where(value), "ask.each." + name + " is not an asked quantity");
        const auto* entry = value.as_table();
        if (!entry) fail(where(value), "expected a table");
        if (const auto* p = entry->get("points")) it->points = p->value<double>().value_or(it->points);
        if (const auto* tol = entry->get("tolerance")) it->within = read_tolerance(*tol, it->within);
      }
    }
    return out;
  }

  std::vector<part> parts(const toml::table& doc, const case_file& c) const {
    std::vector<part> out;
    std::vector<int> lines;
    const auto* n = doc.at_path("ask.parts").node();
    if (!n) return out;
    if (!n->is_table()) fail(where(*n), "expected [ask.parts] with name = \"q1 q2 ...\" entries");
    for (const auto& [key, value] : *n->as_table()) {
      if (!value.is_string()) fail(where(value), "expected a string of quantity names");
      part p{std::string(key.str()), {}};
      std::istringstream words{std::string(*value.as_string())};
      for (std::string name; words >> name;) {
        if (std::none_of(c.ask.begin(), c.ask.end(), [&](const asked& a) { return a.name == name; }))
          fail(where(value), "part '" + p.name + "' names '" + name + "', which is not asked");
        p.quantities.push_back(name);
      }
      out.push_back(std::move(p));
      lines.push_back(where(value).line);
    }
    // TOML tables are unordered: keep the order in which the parts are written
    std::vector<std::size_t> order(out.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lines[a] < lines[b]; });
    std::vector<part> sorted;
    for (const auto k : order) sorted.push_back(out[k]);
    return sorted;
  }

  std::vector<known_mistake> mistakes(const toml::table& doc, const case_file& c) const {
    std::vector<known_mistake> out;
    const auto* n = doc.get("mistake");
    if (!n) return out;
    const auto* list = n->as_array();
    if (!list) fail(where(*n), "expected [[mistake]] tables");
    for (const auto& item : *list) {
      const auto* t = item.as_table();
      if (!t) fail(where(item), "expected a table with quantity, expr and feedback");
      const auto quantity = (*t)["quantity"].value<std::string>();
      const auto text = (*t)["expr"].value<std::string>();
      const auto feedback = (*t)["feedback"].value<std::string>();
      if (!quantity || !text || !feedback) fail(where(item), "a [[mistake]] needs quantity, expr and feedback strings");
      if (!c.find(*quantity)) fail(where(item), "[[mistake]] names '" + *quantity + "', which the case does not define");
      known_mistake m{*quantity, {}, *text, *feedback};
      try {
        m.expression = expr::parse_expression(*text, where(*t->get("expr")));
      } catch (const expr::parse_error& e) {
        fail(where(*t->get("expr")), "mistake expr: " + e.message);
      }
      out.push_back(std::move(m));
    }
    return out;
  }

  std::filesystem::path path_;
  std::string text_;
  std::vector<std::string> lines_;
};

}  // namespace

case_file load_case(const std::filesystem::path& where) {
  std::filesystem::path path = where;
  if (std::filesystem::is_directory(path)) path /= "case.toml";
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw case_error(path.string() + ": cannot read the case file (" + ec.message() + ")");
  if (size > max_case_bytes) throw case_error(path.string() + ": a case file is at most 1 MiB, this one is " + std::to_string(size) + " bytes");
  std::ifstream in(path, std::ios::binary);
  return loader(std::string(std::istreambuf_iterator<char>(in), {}), path).load();
}

case_file parse_case(const std::string& text, const std::filesystem::path& path) { return loader(text, path).load(); }

case_error error_at(const std::filesystem::path& path, expr::position at, const std::string& message) {
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  return located(path, split_lines(text), at, message);
}

}  // namespace gradecheck::cases
