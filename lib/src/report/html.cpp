#include "gradecheck/report/html.hpp"

#include "gradecheck/numeric/format.hpp"
#include "gradecheck/report/feedback.hpp"
#include "html_parts.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

namespace gradecheck::report {

namespace html {

// Fill colours, the same in the graph and the table.
const char* colour_of(grade::verdict v) {
  switch (v) {
    case grade::verdict::correct: return "#b9e4c0";
    case grade::verdict::correct_rounded: return "#d9f2dc";
    case grade::verdict::carried_forward:
    case grade::verdict::repeated_mistake: return "#cfe3f7";
    case grade::verdict::imprecise: return "#eef5c6";
    case grade::verdict::sign_error:
    case grade::verdict::factor_error:
    case grade::verdict::shape_error:
    case grade::verdict::known_mistake: return "#f9d3a9";
    case grade::verdict::wrong: return "#f5b5b5";
    case grade::verdict::missing: return "#e0e0e0";
    case grade::verdict::unreadable: return "#fff2a8";
  }
  return "#ffffff";
}

std::string escaped(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string derivation_dot(const cases::case_file& c, const std::vector<std::string>& asked, const std::function<node_look(const std::string&)>& look) {
  const std::set<std::string> is_asked(asked.begin(), asked.end());
  // The asked quantities and givens a step reads, through the intermediates the case does not ask
  // for (the student never saw them named): dL_dw5 = delta_o1*h1 reads o1, t1 and h1.
  const std::function<void(const expr::node&, std::set<std::string>&, std::set<std::string>&, int)> reads =
      [&](const expr::node& e, std::set<std::string>& inputs, std::set<std::string>& givens, int depth) {
        for (const auto& n : expr::free_names(e)) {
          if (c.is_given(n)) givens.insert(n);
          else if (is_asked.count(n)) inputs.insert(n);
          else if (const auto* q = c.find(n); q && depth < 64) reads(q->expression, inputs, givens, depth + 1);
        }
      };
  const auto node = [&](const std::string& name) {
    const auto* q = c.find(name);
    std::set<std::string> inputs, givens;
    if (q) reads(q->expression, inputs, givens, 0);
    std::string uses;
    for (const auto& g : givens) uses += (uses.empty() ? "" : " ") + g;
    const node_look l = look(name);
    return "    \"" + name + "\" [fillcolor=\"" + l.fill + "\", label=\"" + name + "\\n" + l.text + (uses.empty() ? "" : "\\n(" + uses + ")") + "\"];\n";
  };
  std::string out =
      "digraph derivation {\n  rankdir=LR;\n  newrank=true;\n  node [fontname=\"Helvetica\", fontsize=11, style=\"filled,rounded\", shape=box];\n"
      "  edge [color=\"#888888\", arrowsize=0.6];\n";
  // one column per part, in the order the case writes them (forward, backward, updates)
  std::set<std::string> placed;
  for (std::size_t k = 0; k < c.parts.size(); ++k) {
    out += "  subgraph cluster_" + std::to_string(k) + " {\n    label=\"" + c.parts[k].name + "\";\n    style=rounded;\n    color=\"#bbbbbb\";\n";
    for (const auto& name : c.parts[k].quantities)
      if (is_asked.count(name)) {
        out += node(name);
        placed.insert(name);
      }
    out += "  }\n";
  }
  for (const auto& name : asked)
    if (!placed.count(name)) out += node(name);
  // Arrows from the nearest inputs only (a transitive reduction): h1 reaches dL_dw1 through
  // dL_dh1, so no arrow of its own crosses the page.
  std::map<std::string, std::set<std::string>> inputs;
  for (const auto& name : asked)
    if (const auto* q = c.find(name)) {
      std::set<std::string> givens;
      reads(q->expression, inputs[name], givens, 0);
    }
  const std::function<bool(const std::string&, const std::string&)> reaches = [&](const std::string& from, const std::string& to) {
    const auto it = inputs.find(to);
    if (it == inputs.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& in) { return in == from || reaches(from, in); });
  };
  for (const auto& name : asked)
    for (const auto& in : inputs[name]) {
      const auto& others = inputs[name];
      const bool through_another = std::any_of(others.begin(), others.end(), [&](const std::string& o) { return o != in && reaches(in, o); });
      if (!through_another) out += "  \"" + in + "\" -> \"" + name + "\";\n";
    }
  return out + "}\n";
}

}  // namespace html

using html::colour_of;
using html::escaped;

std::string to_dot(const cases::case_file& c, const grade::report& r, const view& how) {
  std::map<std::string, const grade::graded*> by_name;
  std::vector<std::string> asked;
  for (const auto& g : r.results) {
    by_name[g.name] = &g;
    asked.push_back(g.name);
  }
  return html::derivation_dot(c, asked, [&](const std::string& name) {
    const auto* g = by_name.at(name);
    return html::node_look{colour_of(g->outcome), verdict_text(g->outcome, how)};
  });
}

std::string draw_svg(const std::string& graph) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto input = dir / ("gradecheck-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(&graph)) + ".dot");
  {
    std::ofstream out(input);
    out << graph;
  }
  std::string svg;
  if (FILE* pipe = ::popen(("dot -Tsvg '" + input.string() + "' 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) svg.append(buf, n);
    if (::pclose(pipe) != 0) svg.clear();
  }
  std::filesystem::remove(input);
  const auto start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

std::string to_html(const cases::case_file& c, const grade::report& r, const view& how) {
  const std::string svg = draw_svg(to_dot(c, r, how));
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escaped(c.title) +
      "</title>\n<style>\nbody{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222}\n"
      "table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}\n"
      ".v{font-family:monospace;padding:2px 6px;border-radius:4px}.graph svg{max-width:100%;height:auto}\n"
      ".legend span{margin-right:1em}\n</style></head><body>\n";
  out += "<h1>" + escaped(c.title) + "</h1>\n<p>" + escaped(c.source) + " &middot; submission " + escaped(file_name(r.submission)) + "</p>\n";
  out += "<h2>Score " + numeric::to_general(r.score) + " / " + numeric::to_general(r.max_score) + "</h2>\n";
  if (!r.parts.empty()) {
    out += "<ul>";
    for (const auto& p : r.parts) out += "<li>" + escaped(p.name) + ": " + numeric::to_general(p.score) + " / " + numeric::to_general(p.max_score) + "</li>";
    out += "</ul>\n";
  }
  out += "<p class=\"legend\">";
  for (const auto v : grade::all_verdicts)
    out += "<span class=\"v\" style=\"background:" + std::string(colour_of(v)) + "\">" + verdict_text(v, how) + "</span>";
  out += "</p>\n";
  out += svg.empty() ? "<p class=\"graph\">(The derivation graph needs Graphviz's <code>dot</code>, which is not installed where this page was made.)</p>\n"
                     : "<div class=\"graph\">\n" + svg + "</div>\n";
  if (!r.issues.empty()) {
    out += "<h3>Problems in the file</h3><ul>";
    for (const auto& i : r.issues)
      out += "<li>line " + std::to_string(i.where.line) + ", column " + std::to_string(i.where.column) + ": " + escaped(i.message) + "</li>";
    out += "</ul>\n";
  }
  out += std::string("<table><tr><th>quantity</th><th>verdict</th><th>points</th><th>you wrote</th>") + (how.show_key ? "<th>reference</th>" : "") +
         "<th>feedback</th></tr>\n";
  for (const auto& g : r.results)
    out += "<tr><td><code>" + escaped(g.name) + "</code></td><td><span class=\"v\" style=\"background:" + colour_of(g.outcome) + "\">" +
           escaped(verdict_text(g.outcome, how)) + "</span></td><td>" + numeric::to_general(g.score) + " / " + numeric::to_general(g.max_score) +
           "</td><td><code>" + escaped(g.student) + "</code>" + (g.read_as.empty() || g.read_as == g.student ? std::string() : "<br><small>read as <code>" + escaped(g.read_as) + "</code></small>") + "</td>" +
           (how.show_key ? "<td><code>" + escaped(g.compared.reference) + "</code></td>" : "") + "<td>" + escaped(feedback(g, how)) + "</td></tr>\n";
  return out + "</table>\n</body></html>\n";
}

}  // namespace gradecheck::report
