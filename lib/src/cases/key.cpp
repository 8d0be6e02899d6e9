#include "gradecheck/cases/key.hpp"

#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/cases/printed.hpp"
#include "gradecheck/numeric/certified.hpp"
#include "gradecheck/numeric/format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace gradecheck::cases {

namespace {

std::string one_decimal(double x) { return numeric::to_fixed(x, 1); }

const derivative_check* check_of(const std::vector<derivative_check>& checks, const std::string& name) {
  for (const auto& c : checks)
    if (c.name == name) return &c;
  return nullptr;
}

// Lines of a multi-line text, each prefixed.
std::string prefixed(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) out += prefix + line + "\n";
  return out;
}

std::string latex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '&' || c == '%' || c == '#' || c == '$' || c == '{' || c == '}') out += '\\';
    if (c == '^') {
      out += "\\^{}";
      continue;
    }
    out += c;
  }
  return out;
}

nlohmann::ordered_json tolerance_json(const tolerance& t) {
  switch (t.type) {
    case tolerance::kind::relabs: return {{"kind", "relabs"}, {"rtol", t.rtol}, {"atol", t.atol}};
    case tolerance::kind::sigfig: return {{"kind", "sigfig"}, {"digits", t.digits}};
    case tolerance::kind::decdig: return {{"kind", "decdig"}, {"digits", t.digits}};
  }
  return nullptr;
}

// A value as data: a string of digits for a scalar, arrays of them for a vector or a matrix (the
// digits would not survive a JSON number).
nlohmann::ordered_json value_json(const printed& v) {
  if (v.entries.size() == 1) return v.entries[0].text;
  auto out = nlohmann::ordered_json::array();
  if (v.cols == 1) {
    for (const auto& e : v.entries) out.push_back(e.text);
    return out;
  }
  for (std::size_t i = 0; i < v.rows; ++i) {
    auto row = nlohmann::ordered_json::array();
    for (std::size_t j = 0; j < v.cols; ++j) row.push_back(v.entries[i * v.cols + j].text);
    out.push_back(row);
  }
  return out;
}

// A note for a value printed to fewer digits than asked, or an empty string.
std::string fewer_digits_note(const printed& v, int digits) {
  const int n = v.least_digits();
  return n < digits ? "printed to " + std::to_string(n) + " digits: the rounding to " + std::to_string(digits) + " could not be certified" : "";
}

std::string json_key(const case_file& c, const std::vector<derivative_check>& checks, int digits, const std::map<std::string, printed>& values) {
  auto quantities = nlohmann::ordered_json::array();
  for (const auto& a : c.ask) {
    nlohmann::ordered_json q = {{"name", a.name}, {"points", a.points}};
    const auto* chk = check_of(checks, a.name);
    if (const auto* f = c.find_formula(a.name)) {
      q["formula"] = f->reference ? nlohmann::ordered_json(f->reference->text) : nlohmann::ordered_json(nullptr);
      q["derivative_of"] = f->derivative_of ? nlohmann::ordered_json(f->derivative_text()) : nlohmann::ordered_json(nullptr);
      q["check"] = chk ? nlohmann::ordered_json{{"claim", chk->claim}, {"passed", chk->passed}, {"detail", chk->detail}} : nlohmann::ordered_json(nullptr);
    } else {
      const auto& v = values.at(a.name);
      q["value"] = value_json(v);
      q["shape"] = {v.rows, v.cols};
      q["digits"] = v.least_digits();
      q["expression"] = expr::to_string(c.find(a.name)->expression);
      q["tolerance"] = tolerance_json(a.within);
      q["check"] = chk ? nlohmann::ordered_json{{"of", chk->of}, {"with_respect_to", chk->wrt}, {"digits", std::stod(one_decimal(chk->digits))}}
                       : nlohmann::ordered_json(nullptr);
    }
    quantities.push_back(q);
  }
  nlohmann::ordered_json doc = {{"case", c.id}, {"title", c.title}, {"source", c.source}};
  if (!c.student.empty()) {
    auto givens = nlohmann::ordered_json::object();
    for (const auto& g : c.given) givens[g.name] = expr::written_value(g);
    doc["student"] = c.student;
    doc["givens"] = givens;
  }
  doc["digits"] = digits;
  if (!checks.empty()) {
    double least = 50;
    for (const auto& k : checks) least = std::min(least, k.digits);
    doc["least_check_digits"] = std::stod(one_decimal(least));
  }
  doc["quantities"] = quantities;
  return doc.dump(2) + "\n";
}

}  // namespace

std::string format_value(const expr::value<numeric::real50>& v, int digits) {
  const auto entry = [&](std::size_t k) { return numeric::to_significant(v.data[k], digits); };
  if (v.is_scalar()) return entry(0);
  std::string out = "[";
  if (v.cols == 1) {
    for (std::size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + entry(k);
    return out + "]";
  }
  for (std::size_t i = 0; i < v.rows; ++i) {
    out += i ? ", [" : "[";
    for (std::size_t j = 0; j < v.cols; ++j) out += (j ? ", " : "") + entry(i * v.cols + j);
    out += "]";
  }
  return out + "]";
}

std::string write_key(const case_file& c, const std::vector<derivative_check>& checks, key_format format, int digits) {
  const auto values = printed_values(c, digits);
  if (format == key_format::json) return json_key(c, checks, digits, values);
  std::ostringstream out;
  if (format == key_format::text) {
    out << "# answer key: " << c.id << "\n# " << c.title << "\n# source: " << c.source << "\n";
    if (!c.student.empty() && !c.variants.empty()) {
      out << "# the variant of student " << c.student << ":";
      for (const auto& g : c.variants.givens) out << " " << g.name << " = " << expr::written_value(*c.find(g.name)) << ";";
      out << "\n";
    }
    out
        << "# " << digits << " significant digits, correctly rounded: computed with 100 digits, each rounding checked by\n"
        << "# computing again with 200. A derivative's check is the number of digits to which it\n"
        << "# agrees with finite differences of the case's own derivation (differenced in 100 digits).\n";
    if (!checks.empty()) {
      double least = 50;
      for (const auto& k : checks) least = std::min(least, k.digits);
      out << "# least agreement of the " << checks.size() << " derivative checks: " << one_decimal(least) << " of 50 digits\n";
    }
    for (const auto& a : c.ask) {
      const auto* q = c.find(a.name);
      if (const auto* f = c.find_formula(a.name)) {
        out << "\n# " << a.name << ": a formula" << (f->derivative_of ? ", " + f->derivative_text() : "") << "   [" << a.points << " pt]\n";
        if (const auto* chk = check_of(checks, a.name)) out << "# check: " << chk->claim << ": " << chk->detail << "\n";
        out << a.name << " = " << (f->reference ? f->reference->text : "(finite differences of " + f->derivative_text() + ")") << "\n";
        continue;
      }
      out << "\n# " << a.name << " = " << expr::to_string(q->expression) << "   [" << a.points << " pt, " << describe(a.within) << "]\n";
      if (const auto* chk = check_of(checks, a.name))
        out << "# check: d" << chk->of << "/d" << chk->wrt << " agrees to " << one_decimal(chk->digits) << " digits\n";
      if (const auto note = fewer_digits_note(values.at(a.name), digits); !note.empty()) out << "# " << note << "\n";
      out << a.name << " = " << values.at(a.name).text() << "\n";
    }
  } else if (format == key_format::markdown) {
    out << "## " << c.title << " (`" << c.id << "`)\n\nSource: " << c.source << "\n\n"
        << "| quantity | value | expression | check |\n|---|---|---|---|\n";
    for (const auto& a : c.ask) {
      const auto* chk = check_of(checks, a.name);
      if (const auto* f = c.find_formula(a.name)) {
        out << "| `" << a.name << "` | `" << (f->reference ? f->reference->text : "") << "` | " << f->derivative_text() << " | "
            << (chk ? one_decimal(chk->digits) + " digits" : "") << " |\n";
        continue;
      }
      out << "| `" << a.name << "` | " << values.at(a.name).text() << " | `" << expr::to_string(c.find(a.name)->expression)
          << "` | " << (chk ? one_decimal(chk->digits) + " digits" : "") << " |\n";
    }
  } else {
    out << "% " << c.id << "\n\\begin{tabular}{lll}\n\\hline\nquantity & value & check \\\\\n\\hline\n";
    for (const auto& a : c.ask) {
      const auto* chk = check_of(checks, a.name);
      const auto* f = c.find_formula(a.name);
      const std::string shown = f ? "\\texttt{" + latex_escape(f->reference ? f->reference->text : f->derivative_text()) + "}"
                                  : "$" + values.at(a.name).text() + "$";
      out << "\\texttt{" << latex_escape(a.name) << "} & " << shown << " & "
          << (chk ? one_decimal(chk->digits) + " digits" : "") << " \\\\\n";
    }
    out << "\\hline\n\\end{tabular}\n";
  }
  return out.str();
}

std::string write_template(const case_file& c) {
  std::ostringstream out;
  out << "# " << c.title << " (" << c.id << ")\n";
  out << prefixed(c.written_statement(), "# ");
  if (!c.given.empty()) {
    out << "#\n# " << (c.student.empty() ? "Given:" : "Your numbers (" + c.student + "):") << "\n";
    for (const auto& g : c.given) out << "#   " << g.name << " = " << expr::written_value(g) << "\n";
  }
  if (c.formulas.size() < c.ask.size())
    out << "#\n# Write each answer after its '=': a number (0.5933), an expression (1/sqrt(13)),\n"
        << "# a vector [1, 2] or a matrix [[1, 2], [3, 4]]. Lines starting with # are comments.\n";
  if (!c.formulas.empty()) {
    std::string symbols;
    for (const auto& s : c.domain.symbols()) symbols += " " + s;
    out << "#\n# Formula answers are expressions in the symbols" << symbols << ",\n"
        << "# indices from 0: y[i], M[i, j], delta(i, j), sum(k, y[k]*z[k]), c ? a : b, x', @ or *, .*\n";
  }
  out << "\n";
  for (const auto& a : c.ask) out << a.name << " =\n";
  return out.str();
}

}  // namespace gradecheck::cases
