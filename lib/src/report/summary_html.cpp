#include "gradecheck/report/summary.hpp"

#include "gradecheck/numeric/format.hpp"
#include "gradecheck/report/feedback.hpp"
#include "gradecheck/report/html.hpp"
#include "html_parts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace gradecheck::report {

namespace {

using html::colour_of;
using html::escaped;

std::string num(double x) { return numeric::to_fixed(x, 1); }

std::string of(std::size_t k, std::size_t n) { return std::to_string(k) + " of " + std::to_string(n); }

// White for a step every submission got right, to red for one nobody did.
std::string shade(double wrong) {
  const double f = std::clamp(wrong, 0.0, 1.0);
  const auto mix = [&](int to) { return static_cast<int>(std::lround(255 - f * (255 - to))); };
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", mix(0xe0), mix(0x5a), mix(0x4f));
  return out;
}

// The mistake in one clause, as the students' reports say it. The parameters that held one file's
// own lines or numbers are not in a counted diagnosis (grade::as_counted), so the clauses that
// would name them are said without them.
std::string clause(const grade::diagnosis& d, const view& how) {
  if (d.kind == grade::mistake::two_answers) return "two different answers for one quantity, of which only one may stand";
  if (d.kind == grade::mistake::inferred_intermediate) {
    auto unnamed = how;
    unnamed.show_key = false;
    return describe(d, unnamed);
  }
  return describe(d, how);
}

std::string names(const std::vector<std::string>& files) {
  std::string out;
  for (std::size_t k = 0; k < files.size(); ++k) out += (k == 0 ? "" : ", ") + escaped(files[k]);
  return out;
}

// One quantity's verdicts as a bar of segments, each as wide as its share of the class.
std::string verdict_bar(const grade::quantity_summary& q, const view& how) {
  constexpr double width = 320, height = 18;
  std::string out = "<svg class=\"bar\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" role=\"img\" aria-label=\"verdicts of " + escaped(q.name) + "\">";
  if (q.submissions == 0) return out + "<rect class=\"empty\" x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" fill=\"#f4f4f4\"/></svg>";
  double x = 0;
  for (const auto v : grade::all_verdicts) {
    const auto it = q.verdicts.find(v);
    if (it == q.verdicts.end() || it->second == 0) continue;
    const double w = width * static_cast<double>(it->second) / static_cast<double>(q.submissions);
    // a white edge keeps apart neighbours that share a colour (sign and factor errors, ...)
    out += "<rect class=\"seg\" x=\"" + num(x) + "\" y=\"0\" width=\"" + num(w) + "\" height=\"" + num(height) + "\" fill=\"" + colour_of(v) +
           "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" + of(it->second, q.submissions) + ": " + escaped(verdict_text(v, how)) + "</title></rect>";
    x += w;
  }
  return out + "</svg>";
}

// A step of the score axis with at most eight ticks: 0.1, 0.2, 0.5, 1, 2, 5, 10 ...
double tick_step(double max_score) {
  for (double step = 0.1;; step *= 10)
    for (const double s : {step, 2 * step, 5 * step})
      if (max_score / s <= 8) return s;
}

std::string median_of(const grade::score_distribution& d) {
  std::size_t n = 0;
  for (const auto& sc : d.scores) n += sc.count;
  if (n == 0) return "";
  // the lower and upper middle of the sorted scores; their mean when n is even
  const auto at = [&](std::size_t k) {
    for (const auto& sc : d.scores) {
      if (k < sc.count) return sc.score;
      k -= sc.count;
    }
    return d.scores.back().score;
  };
  return numeric::to_general((at((n - 1) / 2) + at(n / 2)) / 2);
}

// One part's scores as a histogram on an axis from 0 to its points.
std::string histogram(const grade::score_distribution& d, const std::string& caption) {
  const double width = d.name.empty() ? 520 : 300, height = 130;
  const double left = 30, right = 12, top = 16, bottom = 22;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  std::size_t most = 0;
  for (const auto& sc : d.scores) most = std::max(most, sc.count);
  const double max_score = d.max_score > 0 ? d.max_score : 1;
  // bars three quarters as wide as the closest two scores lie apart (a point when there is one score),
  // within [3, 18] pixels, and all of each inside the axes
  double closest = max_score;
  for (std::size_t k = 1; k < d.scores.size(); ++k) closest = std::min(closest, d.scores[k].score - d.scores[k - 1].score);
  const double bar = std::clamp(0.75 * plot_w * std::min(closest, 1.0) / max_score, 3.0, 18.0);
  const auto x_of = [&](double score) { return left + bar / 2 + 1 + (plot_w - bar - 2) * std::clamp(score / max_score, 0.0, 1.0); };
  // a count is written above its bar when it does not run into a neighbour's (two digits need 16 pixels)
  const auto count_fits = [&](std::size_t k) {
    const double x = x_of(d.scores[k].score);
    return (k == 0 || x - x_of(d.scores[k - 1].score) >= 16) && (k + 1 == d.scores.size() || x_of(d.scores[k + 1].score) - x >= 16);
  };

  std::string out = "<figure class=\"hist\"><svg width=\"" + num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " +
                    num(height) + "\" role=\"img\" aria-label=\"scores of " + escaped(caption) + "\">";
  const double base = top + plot_h;
  out += "<line x1=\"" + num(left) + "\" y1=\"" + num(base) + "\" x2=\"" + num(left + plot_w) + "\" y2=\"" + num(base) + "\" stroke=\"#888888\"/>";
  out += "<line x1=\"" + num(left) + "\" y1=\"" + num(top) + "\" x2=\"" + num(left) + "\" y2=\"" + num(base) + "\" stroke=\"#888888\"/>";
  out += "<text class=\"axis\" x=\"" + num(left - 4) + "\" y=\"" + num(top + 4) + "\" text-anchor=\"end\">" + std::to_string(most) + "</text>";
  out += "<text class=\"axis\" x=\"" + num(left - 4) + "\" y=\"" + num(base) + "\" text-anchor=\"end\">0</text>";
  const double step = tick_step(max_score);
  for (int k = 0; k * step <= max_score + 1e-9; ++k) {
    const double t = std::round(k * step * 1e9) / 1e9;  // 3 * 0.1 is written 0.3
    out += "<line x1=\"" + num(x_of(t)) + "\" y1=\"" + num(base) + "\" x2=\"" + num(x_of(t)) + "\" y2=\"" + num(base + 4) + "\" stroke=\"#888888\"/>";
    out += "<text class=\"axis\" x=\"" + num(x_of(t)) + "\" y=\"" + num(base + 15) + "\" text-anchor=\"middle\">" + numeric::to_general(t) + "</text>";
  }
  for (std::size_t k = 0; k < d.scores.size(); ++k) {
    const auto& sc = d.scores[k];
    const double h = most ? plot_h * static_cast<double>(sc.count) / static_cast<double>(most) : 0;
    const double x = x_of(sc.score);
    out += "<rect class=\"bin\" x=\"" + num(x - bar / 2) + "\" y=\"" + num(base - h) + "\" width=\"" + num(bar) + "\" height=\"" + num(h) +
           "\" fill=\"#7aa6d6\"><title>" + std::to_string(sc.count) + (sc.count == 1 ? " submission" : " submissions") + " scored " +
           numeric::to_general(sc.score) + " / " + numeric::to_general(d.max_score) + "</title></rect>";
    if (count_fits(k))
      out += "<text class=\"count\" x=\"" + num(x) + "\" y=\"" + num(base - h - 3) + "\" text-anchor=\"middle\">" + std::to_string(sc.count) + "</text>";
  }
  const std::string median = median_of(d);
  return out + "</svg><figcaption>" + escaped(caption) + " &middot; out of " + numeric::to_general(d.max_score) +
         (median.empty() ? "" : " &middot; median " + median) + "</figcaption></figure>\n";
}

// The verdicts that occur, one entry per colour: verdicts that share a colour share an entry.
std::string legend(const grade::class_summary& s, const view& how) {
  std::vector<std::pair<std::string, std::string>> entries;  // colour, words
  for (const auto v : grade::all_verdicts) {
    const bool occurs = std::any_of(s.quantities.begin(), s.quantities.end(), [&](const grade::quantity_summary& q) {
      const auto it = q.verdicts.find(v);
      return it != q.verdicts.end() && it->second > 0;
    });
    if (!occurs) continue;
    const auto same = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == colour_of(v); });
    if (same == entries.end()) entries.emplace_back(colour_of(v), verdict_text(v, how));
    else same->second += " / " + verdict_text(v, how);
  }
  std::string out = "<p class=\"legend\">";
  for (const auto& [colour, words] : entries)
    out += "<span><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"" + colour + "\" stroke=\"#999999\"/></svg> " + escaped(words) +
           "</span>";
  return out + "</p>\n";
}

std::string mistakes(const grade::quantity_summary& q, const view& how) {
  if (q.mistakes.empty()) return q.not_accepted() == 0 ? "" : "<span class=\"none\">no mistake named</span>";
  std::string out = "<ul>";
  for (const auto& m : q.mistakes) {
    const std::string files = names(m.examples);
    out += "<li class=\"mistake\"><b>" + of(m.count, q.submissions) + "</b> submissions at <code>" + escaped(q.name) + "</code>: \u201c" +
           escaped(clause(m.what, how)) + "\u201d <span class=\"eg\">(" + (m.examples.size() < m.count ? "e.g. " : "") + files + ")</span></li>";
  }
  return out + "</ul>";
}

}  // namespace

std::string to_summary_dot(const cases::case_file& c, const grade::class_summary& s) {
  std::map<std::string, const grade::quantity_summary*> by_name;
  std::vector<std::string> asked;
  for (const auto& q : s.quantities) {
    by_name[q.name] = &q;
    asked.push_back(q.name);
  }
  return html::derivation_dot(c, asked, [&](const std::string& name) {
    const auto* q = by_name.at(name);
    const std::size_t wrong = q->not_accepted();
    const double fraction = q->submissions ? static_cast<double>(wrong) / static_cast<double>(q->submissions) : 0;
    return html::node_look{shade(fraction), of(wrong, q->submissions) + " wrong"};
  });
}

std::string to_summary_html(const cases::case_file& c, const grade::class_summary& s, const view& how) {
  const std::string svg = draw_svg(to_summary_dot(c, s));
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Class summary: " + escaped(c.title) +
      "</title>\n<style>\nbody{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:1200px}\n"
      "h1{margin-bottom:0.2em}.sub{color:#555;margin-top:0}\n"
      ".hists{display:flex;flex-wrap:wrap;gap:1.5em}.hist{margin:0}.hist figcaption{font-size:0.85em;color:#444;text-align:center}\n"
      "svg text{font-family:Helvetica,Arial,sans-serif}.axis{font-size:10px;fill:#555}.count{font-size:10px;fill:#222}\n"
      ".graph svg{max-width:100%;height:auto}.scale{font-size:0.85em;color:#444}\n"
      "table{border-collapse:collapse;margin-top:0.5em}td,th{border-bottom:1px solid #ddd;padding:6px 8px;vertical-align:top;text-align:left}\n"
      "td.bar{white-space:nowrap}.n{font-size:0.8em;color:#555}td ul{margin:0;padding-left:1.2em}.eg{color:#666;font-size:0.9em}.none{color:#888}\n"
      ".legend span{margin-right:1.2em;white-space:nowrap}.legend svg{vertical-align:-1px}\n</style></head><body>\n";
  out += "<h1>Class summary</h1>\n<p class=\"sub\">" + escaped(c.title) + "</p>\n";
  out += "<p>" + escaped(c.source) + " &middot; case <code>" + escaped(s.case_id) + "</code> &middot; <b>" + std::to_string(s.submissions) +
         (s.submissions == 1 ? " submission" : " submissions") + "</b></p>\n";

  out += "<h2>Scores</h2>\n<div class=\"hists\">\n" + histogram(s.total, "total");
  for (const auto& p : s.parts) out += histogram(p, p.name);
  out += "</div>\n";

  out += "<h2>Where the class went wrong</h2>\n";
  out += "<p class=\"scale\">Each step of the derivation, from white (every answer accepted) to red (none); "
         "\u201cwrong\u201d counts every answer not accepted: a mistake, too few digits, missing or unreadable.</p>\n";
  out += svg.empty() ? "<p class=\"graph\">(The derivation graph needs Graphviz's <code>dot</code>, which is not installed where this page was made.)</p>\n"
                     : "<div class=\"graph\">\n" + svg + "</div>\n";

  out += "<h2>Each quantity</h2>\n" + legend(s, how);
  out += "<table><tr><th>quantity</th><th>verdicts</th><th>most common mistakes</th></tr>\n";
  for (const auto& q : s.quantities)
    out += "<tr><td><code>" + escaped(q.name) + "</code></td><td class=\"bar\">" + verdict_bar(q, how) + "<div class=\"n\">" +
           of(q.submissions - q.not_accepted(), q.submissions) + " accepted</div></td><td>" + mistakes(q, how) + "</td></tr>\n";
  return out + "</table>\n</body></html>\n";
}

}  // namespace gradecheck::report
