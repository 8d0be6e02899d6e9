#include "gradecheck/cases/load.hpp"

#include "gradecheck/expr/latex.hpp"
#include "gradecheck/expr/parser.hpp"
#include "gradecheck/formula/check.hpp"
#include "gradecheck/grade/verdict.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <tuple>
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
    if (const auto* st = doc.get("statement")) statement_line_ = where(*st).line;
    c.section = optional_string(doc, "section");
    c.given = block(doc, "given");
    c.derive = block(doc, "derive");
    check_names(c);
    c.domain = domain(doc);
    c.formulas = formulas(doc, c);
    c.trajectory = trajectory(doc, c);
    c.ask = ask(doc, c);
    c.parts = parts(doc, c);
    c.mistakes = mistakes(doc, c);
    c.grading = grading(doc);
    c.latex = latex(doc, c);
    c.variants = variants(doc, c);
    check_placeholders(c);
    c.index_names();
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
  std::vector<expr::assignment> block(const toml::table& doc, const char* key) const { return block(doc.get(key), key); }

  std::vector<expr::assignment> block(const toml::node* n, const std::string& key) const {
    if (!n) return {};
    if (!n->is_string()) fail(where(*n), "expected '" + key + "' to be a block of name = expression lines in '''...'''");
    const expr::position at = where(*n);
    const std::string& line = lines_[static_cast<std::size_t>(at.line) - 1];
    const std::size_t after_quotes = static_cast<std::size_t>(at.column) - 1 + 3;
    const bool starts_next_line = after_quotes <= line.size() && line.find_first_not_of(" \t\r", after_quotes) == std::string::npos;
    try {
      return expr::parse_assignments(std::string(*n->as_string()), at.line + (starts_next_line ? 1 : 0));
    } catch (const expr::parse_error& e) {
      fail(e.where, key + ": " + e.message);
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
      if (!c.find(name) && !c.find_formula(name)) fail(where(*names), "ask.quantities names '" + name + "', which the case does not define");
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
        if (const auto* pin = entry->get("pin_orientation")) {
          if (!pin->is_boolean()) fail(where(*pin), "expected pin_orientation = true or false");
          it->pin_orientation = pin->as_boolean()->get();
        }
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

  grading_policy grading(const toml::table& doc) const {
    grading_policy out;
    const auto* n = doc.get("grading");
    if (!n) return out;
    if (!n->is_table()) fail(where(*n), "expected a [grading] table with reveal and credit");
    for (const auto& [key, value] : *n->as_table()) {
      if (key.str() == "reveal") {
        const auto text = value.value<std::string>();
        if (!text || (*text != "never" && *text != "after_due_date" && *text != "always"))
          fail(where(value), "expected reveal = \"never\", \"after_due_date\" or \"always\"");
        out.reveal = *text;
      } else if (key.str() == "credit") {
        if (!value.is_table()) fail(where(value), "expected credit = { imprecise = 0.5, ... }");
        for (const auto& [verdict, fraction] : *value.as_table()) {
          const auto f = fraction.value<double>();
          if (!f || !(*f >= 0 && *f <= 1)) fail(where(fraction), "a credit is a fraction in [0, 1]");
          try {
            grade::verdict_named(verdict.str());
          } catch (const std::invalid_argument&) {
            fail(where(fraction), "unknown verdict '" + std::string(verdict.str()) + "' in [grading] credit");
          }
          out.credit[std::string(verdict.str())] = *f;
        }
      } else {
        fail(where(value), "unknown key '" + std::string(key.str()) + "' in [grading]; expected reveal or credit");
      }
    }
    return out;
  }

  // [variants]: name = { range = [lo, hi], digits = d } or { choices = [...] } per given that varies,
  // and a block `constraints` of name = condition lines on the givens and derived quantities.
  variant_rules variants(const toml::table& doc, const case_file& c) const {
    variant_rules out;
    const auto* n = doc.get("variants");
    if (!n) return out;
    const auto* t = n->as_table();
    if (!t) fail(where(*n), "expected a [variants] table: name = { range = [0.1, 0.9], digits = 2 } per given that varies");
    for (const auto& [key, value] : *t) {
      const std::string name(key.str());
      if (name == "constraints") {
        out.constraints = block(&value, "variants.constraints");
        continue;
      }
      if (!c.is_given(name)) fail(where(value), "[variants] names '" + name + "', which is not a given of this case");
      const auto* spec = value.as_table();
      if (!spec) fail(where(value), "expected " + name + " = { range = [lo, hi], digits = d } or { choices = [...] }");
      varied_given g;
      g.name = name;
      g.where = where(value);
      if (const auto* choices = spec->get("choices")) {
        const auto* list = choices->as_array();
        if (!list || list->empty()) fail(where(*choices), "choices: expected a list of values, such as [0.5, 1] or [\"[1, 0]\", \"[0, 1]\"]");
        for (const auto& item : *list) {
          std::string text;
          if (const auto* s = item.as_string()) text = std::string(*s);
          else if (item.is_integer()) text = std::to_string(item.as_integer()->get());
          else if (const auto* d = item.as_floating_point()) text = number_text(d->get());
          else fail(where(item), "choices: expected a number or an expression in quotes");
          try {
            (void)expr::parse_expression(text);
          } catch (const expr::parse_error& e) {
            fail(where(item), "choices: '" + text + "' is not an expression: " + e.message);
          }
          g.choices.push_back(text);
        }
      } else {
        const auto* range = spec->get("range");
        const auto* ends = range ? range->as_array() : nullptr;
        if (!ends || ends->size() != 2 || !(*ends)[0].is_number() || !(*ends)[1].is_number())
          fail(range ? where(*range) : where(value), name + ": expected range = [lo, hi] (or choices = [...])");
        g.lo = (*ends)[0].value_or(0.0);
        g.hi = (*ends)[1].value_or(0.0);
        if (!(g.lo <= g.hi)) fail(where(*range), name + ": the range's low end is above its high end");
        g.decimals = static_cast<int>((*spec)["digits"].value_or(static_cast<int64_t>(2)));
        if (g.decimals < 0 || g.decimals > 12) fail(where(value), name + ": digits (after the point) must lie in 0..12");
      }
      out.givens.push_back(g);
    }
    if (out.givens.empty() && !out.constraints.empty()) fail(where(*n), "[variants] has constraints but no given that varies");
    std::set<std::string> known;
    for (const auto* b : {&c.given, &c.derive})
      for (const auto& a : *b) known.insert(a.name);
    for (const auto& a : out.constraints)
      for (const auto& name : expr::free_names(a.expression))
        if (!known.count(name)) fail(a.where, "the constraint " + a.name + " uses '" + name + "', which is neither a given nor a derived quantity");
    return out;
  }

  // A {{name}} in the statement must name a given; a given that varies must not be written out
  // there by value, or every student's sheet would show the case's own number.
  void check_placeholders(const case_file& c) const {
    for (auto at = c.statement.find("{{"); at != std::string::npos; at = c.statement.find("{{", at + 2)) {
      const auto close = c.statement.find("}}", at);
      const std::string name = close == std::string::npos ? "" : c.statement.substr(at + 2, close - at - 2);
      if (!c.is_given(name)) fail({statement_line_, 1}, "the statement's {{" + name + "}} names no given of this case");
    }
    for (const auto& g : c.variants.givens) {
      const std::string seed = expr::written_value(*c.find(g.name));
      if (c.statement.find(g.name + " = " + seed) != std::string::npos)
        fail(g.where, g.name + " varies, but the statement writes its value (" + g.name + " = " + seed + "): write {{" + g.name + "}} there instead");
    }
  }

  static std::string number_text(double d) {
    std::ostringstream out;
    out.precision(15);
    out << d;
    return out.str();
  }

  // [latex]: name = "spelling" or ["spelling", ...], each one LaTeX symbol with its scripts.
  std::map<std::string, std::vector<std::string>> latex(const toml::table& doc, const case_file& c) const {
    std::map<std::string, std::vector<std::string>> out;
    const auto* n = doc.get("latex");
    if (!n) return out;
    if (!n->is_table()) fail(where(*n), "expected a [latex] table: name = ['\\hat{x}', ...]");
    const auto symbols = c.domain.symbols();
    for (const auto& [key, value] : *n->as_table()) {
      const std::string name(key.str());
      if (!c.find(name) && !c.find_formula(name) && std::find(symbols.begin(), symbols.end(), name) == symbols.end())
        fail(where(value), "[latex] spells '" + name + "', which is not a symbol of this case");
      std::vector<const toml::node*> items;
      if (const auto* list = value.as_array()) {
        for (const auto& item : *list) items.push_back(&item);
      } else {
        items.push_back(&value);
      }
      for (const auto* item : items) {
        const auto text = item->value<std::string>();
        if (!text) fail(where(*item), "expected a LaTeX spelling as a string, such as '\\hat{x}'");
        try {
          expr::latex_symbols check;
          check.spell(*text, name);
        } catch (const expr::parse_error& e) {
          fail(where(*item), "[latex] " + name + ": " + e.message);
        }
        out[name].push_back(*text);
      }
    }
    return out;
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
      if (!c.find(*quantity) && !c.find_formula(*quantity))
        fail(where(item), "[[mistake]] names '" + *quantity + "', which the case does not define");
      known_mistake m{*quantity, expression(*t->get("expr"), "mistake expr"), *text, *feedback};
      out.push_back(std::move(m));
    }
    return out;
  }

  // An expression in a one-line TOML string: positions point into the file (after the opening quote).
  expr::node expression(const toml::node& n, const std::string& what) const {
    if (!n.is_string()) fail(where(n), "expected " + what + " to be a string holding an expression");
    expr::position at = where(n);
    ++at.column;
    try {
      return expr::parse_expression(std::string(*n.as_string()), at);
    } catch (const expr::parse_error& e) {
      fail(e.where, what + ": " + e.message);
    }
  }

  static std::vector<std::string> words(const toml::node& n) {
    std::vector<std::string> out;
    if (const auto* s = n.as_string()) out.push_back(std::string(**s));
    if (const auto* a = n.as_array())
      for (const auto& item : *a) {
        if (const auto* s = item.as_string()) out.push_back(std::string(**s));
        if (const auto* i = item.as_integer()) out.push_back(std::to_string(**i));
      }
    return out;
  }

  std::pair<double, double> pair_of_numbers(const toml::node& n, const std::string& what) const {
    const auto* a = n.as_array();
    if (!a || a->size() != 2 || !(*a)[0].value<double>() || !(*a)[1].value<double>()) fail(where(n), "expected " + what + " as [low, high]");
    const double lo = *(*a)[0].value<double>(), hi = *(*a)[1].value<double>();
    if (!(lo <= hi)) fail(where(n), what + ": low must not exceed high");
    return {lo, hi};
  }

  // [domain]: sizes = { K = [2, 6] }, indices = { i = "K" }, [domain.variables] name = { shape, range,
  // kind, kinks, margin }, and blocks define (name = expr) and constraints (label = condition).
  formula::domain domain(const toml::table& doc) const {
    formula::domain d;
    const auto* n = doc.get("domain");
    if (!n) return d;
    const auto* t = n->as_table();
    if (!t) fail(where(*n), "expected a [domain] table");
    std::set<std::string> names;
    const auto add_name = [&](const std::string& name, const toml::node& at) {
      if (!names.insert(name).second) fail(where(at), "'" + name + "' is defined twice in the domain");
    };
    if (const auto* sizes = t->get("sizes")) {
      if (!sizes->is_table()) fail(where(*sizes), "expected sizes = { K = [2, 6] }");
      for (const auto& [key, value] : *sizes->as_table()) {
        const auto [lo, hi] = pair_of_numbers(value, "the range of size " + std::string(key.str()));
        if (lo < 1 || hi > 64 || lo != static_cast<double>(static_cast<long>(lo)) || hi != static_cast<double>(static_cast<long>(hi)))
          fail(where(value), "a size is a whole number between 1 and 64");
        add_name(std::string(key.str()), value);
        d.sizes.push_back({std::string(key.str()), static_cast<long>(lo), static_cast<long>(hi)});
      }
    }
    if (const auto* indices = t->get("indices")) {
      if (!indices->is_table()) fail(where(*indices), "expected indices = { i = \"K\" }");
      for (const auto& [key, value] : *indices->as_table()) {
        const auto size = value.value<std::string>();
        if (!size || !d.find_size(*size)) fail(where(value), "an index runs over a size of the domain: expected its name");
        add_name(std::string(key.str()), value);
        d.indices.push_back({std::string(key.str()), *size});
      }
    }
    if (const auto* variables = t->get("variables")) {
      if (!variables->is_table()) fail(where(*variables), "expected [domain.variables]");
      for (const auto& [key, value] : *variables->as_table()) {
        const auto* spec = value.as_table();
        if (!spec) fail(where(value), "expected { shape = [\"K\"], range = [-3, 3] }");
        formula::variable v;
        v.name = std::string(key.str());
        add_name(v.name, value);
        if (const auto* shape = spec->get("shape")) v.shape = words(*shape);
        if (v.shape.size() > 2) fail(where(value), "a variable is a scalar, a vector or a matrix: at most two sizes");
        for (const auto& s : v.shape)
          if (!d.find_size(s) && (s.empty() || s.size() > 2 || s.find_first_not_of("0123456789") != std::string::npos || s == "0"))
            fail(where(value), "shape names '" + s + "', which is neither a size of the domain nor a whole number in 1..99");
        const std::string kind = (*spec)["kind"].value_or(std::string("uniform"));
        if (kind == "uniform")
          v.type = formula::variable::kind::uniform;
        else if (kind == "one_hot")
          v.type = formula::variable::kind::one_hot;
        else if (kind == "binary")
          v.type = formula::variable::kind::binary;
        else if (kind == "label")
          v.type = formula::variable::kind::label;
        else
          fail(where(value), "expected kind = \"uniform\", \"one_hot\", \"binary\" or \"label\", found \"" + kind + "\"");
        if (v.type == formula::variable::kind::label) {
          v.classes = (*spec)["classes"].value_or(std::string());
          if (!d.find_size(v.classes)) fail(where(value), "a label variable needs classes = \"k\", the size its labels run below");
        }
        if (const auto* range = spec->get("range")) std::tie(v.lo, v.hi) = pair_of_numbers(*range, "range");
        if (const auto* kinks = spec->get("kinks")) {
          const auto* list = kinks->as_array();
          if (!list) fail(where(*kinks), "expected kinks = [0]");
          for (const auto& k : *list) {
            if (!k.value<double>()) fail(where(k), "expected a number");
            v.kinks.push_back(*k.value<double>());
          }
          v.margin = 1e-3;
        }
        v.margin = (*spec)["margin"].value_or(v.margin);
        if (!(v.margin >= 0)) fail(where(value), "margin must be non-negative");
        d.variables.push_back(v);
      }
    }
    d.define = block(*t, "define");
    for (const auto& a : d.define)
      if (!names.insert(a.name).second) fail(a.where, "'" + a.name + "' is defined twice in the domain");
    d.constraints = block(*t, "constraints");
    return d;
  }

  void check_symbols(const expr::node& e, const std::vector<std::string>& known, const std::string& what) const {
    for (const auto& name : formula::unknown_names(e, known)) fail(e.where, what + " uses '" + name + "', which is not a symbol of the domain");
    for (const auto& f : formula::unknown_functions(e)) fail(e.where, what + " calls '" + f + "', which is not a known function");
  }

  std::vector<formula::question> formulas(const toml::table& doc, const case_file& c) const {
    std::vector<formula::question> out;
    const auto* n = doc.get("formula");
    if (!n) return out;
    const auto* list = n->as_array();
    if (!list) fail(where(*n), "expected [[formula]] tables");
    std::vector<std::string> known = c.domain.symbols();
    for (const auto& item : *list) {
      const auto* t = item.as_table();
      if (!t) fail(where(item), "expected a [[formula]] table");
      formula::question q;
      q.where = where(item);
      const auto name = (*t)["name"].value<std::string>();
      if (!name) fail(where(item), "a [[formula]] needs a name");
      q.name = *name;
      if (std::find(known.begin(), known.end(), q.name) != known.end() || c.find(q.name))
        fail(where(item), "'" + q.name + "' is already a symbol of the case");
      if (const auto* of = t->get("derivative_of")) {
        q.derivative_of = formula::written_expression{of->value_or(std::string()), expression(*of, "derivative_of")};
        check_symbols(q.derivative_of->tree, known, "derivative_of");
        const auto* wrt = t->get("with_respect_to");
        if (!wrt) fail(where(item), "derivative_of needs with_respect_to: a variable or defined quantity, or one entry of it (z[j])");
        const expr::node target = expression(*wrt, "with_respect_to");
        const expr::node& base = target.kind == expr::node_kind::index ? target.children[0] : target;
        const bool movable = base.kind == expr::node_kind::name &&
                             (std::any_of(c.domain.variables.begin(), c.domain.variables.end(), [&](const auto& v) { return v.name == base.text; }) ||
                              std::any_of(c.domain.define.begin(), c.domain.define.end(), [&](const auto& a) { return a.name == base.text; }));
        if (!movable) fail(where(*wrt), "with_respect_to must name a variable or a defined quantity of the domain, or one entry of it");
        q.with_respect_to = base.text;
        if (target.kind == expr::node_kind::index) {
          q.entry.assign(target.children.begin() + 1, target.children.end());
          for (const auto& e : q.entry) check_symbols(e, known, "with_respect_to");
        }
      }
      if (const auto* ref = t->get("reference")) {
        q.reference = formula::written_expression{ref->value_or(std::string()), expression(*ref, "reference")};
        check_symbols(q.reference->tree, known, "reference");
      }
      if (!q.derivative_of && !q.reference) fail(where(item), "a [[formula]] needs derivative_of (with with_respect_to), reference, or both");
      const std::string layout = (*t)["layout"].value_or(std::string("gradient"));
      if (layout != "gradient" && layout != "numerator")
        fail(where(item), "layout is \"gradient\" (dL/dw has the shape of w) or \"numerator\" (a 1 x n row)");
      q.numerator_layout = layout == "numerator";
      const auto samples = (*t)["samples"].value_or(static_cast<int64_t>(200));
      if (samples < 1 || samples > 100000) fail(where(item), "samples must lie in 1..100000");
      q.samples = static_cast<std::size_t>(samples);
      known.push_back(q.name);  // later formulas may use this answer's name
      out.push_back(std::move(q));
    }
    return out;
  }

  std::optional<formula::trajectory> trajectory(const toml::table& doc, const case_file& c) const {
    const auto* n = doc.get("trajectory");
    if (!n) return std::nullopt;
    const auto* t = n->as_table();
    if (!t) fail(where(*n), "expected a [trajectory] table");
    formula::trajectory out;
    out.where = where(*n);
    const auto symbols = c.domain.symbols();
    const auto field = [&](const char* key, bool is_answer) {
      const auto v = (*t)[key].value<std::string>();
      if (!v) fail(where(*n), std::string("[trajectory] needs ") + key);
      const bool ok = is_answer ? c.find_formula(*v) != nullptr : std::find(symbols.begin(), symbols.end(), *v) != symbols.end();
      if (!ok)
        fail(where(*n), std::string("[trajectory] ") + key + " names '" + *v + "', which is not " + (is_answer ? "a [[formula]]" : "a symbol of the domain"));
      return *v;
    };
    out.optimizer = (*t)["optimizer"].value_or(std::string("momentum_ema"));
    if (out.optimizer != "sgd" && out.optimizer != "momentum_ema" && out.optimizer != "momentum" && out.optimizer != "nesterov")
      fail(where(*n), "optimizer must be sgd, momentum_ema, momentum or nesterov");
    out.parameter = field("parameter", false);
    out.velocity = field("velocity", false);
    out.gradient = field("gradient", false);
    out.learning_rate = field("learning_rate", false);
    out.momentum = field("momentum", false);
    out.new_parameter = field("new_parameter", true);
    out.new_velocity = field("new_velocity", true);
    out.steps = static_cast<int>((*t)["steps"].value_or(static_cast<int64_t>(8)));
    if (out.steps < 1 || out.steps > 1000) fail(where(*n), "steps must lie in 1..1000");
    return out;
  }

  std::filesystem::path path_;
  std::string text_;
  int statement_line_ = 1;
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
