#include "check_command.hpp"

#include "gradecheck/writeup/check.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace gradecheck::cli {

namespace {

std::string where_text(const writeup::place& p) {
  return (p.cell ? "cell " + std::to_string(p.cell) + ", " : std::string()) + "line " + std::to_string(p.line) + ", column " +
         std::to_string(p.column);
}

nlohmann::ordered_json place_json(const writeup::place& p) {
  nlohmann::ordered_json out;
  if (p.cell) out["cell"] = p.cell;
  out["line"] = p.line;
  out["column"] = p.column;
  return out;
}

std::string one_line(std::string text) {
  for (auto& ch : text)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return text;
}

// The failing links a file must have: `line:column fails` lines; `#` starts a comment.
std::set<std::string> expected_failures(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::set<std::string> out;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string at, status;
    if (!(words >> at)) continue;
    if (!(words >> status) || status != "fails") throw std::runtime_error(path + ":" + std::to_string(n) + ": expected 'line:column fails'");
    out.insert(at);
  }
  return out;
}

}  // namespace

int run_check(const check_options& o) {
  if (!o.expect.empty() && o.files.size() != 1) throw std::invalid_argument("--expect takes one write-up");
  int status = 0;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& file : o.files) {
    writeup::document d;
    try {
      d = writeup::read_document_file(file);
    } catch (const writeup::read_error& e) {
      std::cerr << "grader: " << file << ": " << e.what() << "\n";
      status = 2;
      continue;
    }
    const auto r = writeup::check_document(d);
    const auto holds = r.count(writeup::link_status::holds), fails = r.count(writeup::link_status::fails),
               unchecked = r.count(writeup::link_status::not_checked);
    if (fails > 0 && status == 0) status = 1;
    if (!o.expect.empty()) {
      // the failing links must be exactly those stored: no false alarm, no slip missed
      const auto expected = expected_failures(o.expect);
      std::set<std::string> found;
      for (const auto& l : r.links)
        if (l.status == writeup::link_status::fails) found.insert(std::to_string(l.where.line) + ":" + std::to_string(l.where.column));
      bool same = true;
      for (const auto& e : expected)
        if (!found.count(e)) same = false, std::cerr << file << ":" << e << ": expected to fail, but it does not\n";
      for (const auto& f : found)
        if (!expected.count(f)) same = false, std::cerr << file << ":" << f << ": fails, which was not expected\n";
      status = same ? 0 : 1;
    }
    if (o.format == "json") {
      nlohmann::ordered_json links = nlohmann::ordered_json::array();
      for (const auto& l : r.links) {
        nlohmann::ordered_json j = {{"where", place_json(l.where)}, {"left", l.left},   {"relation", l.relation},
                                    {"right", l.right},             {"status", std::string(writeup::name_of(l.status))}};
        if (!l.tag.empty()) j["tag"] = l.tag;
        if (!l.left_value.empty()) j["left_value"] = l.left_value;
        if (!l.right_value.empty()) j["right_value"] = l.right_value;
        if (!l.why.empty()) j["why"] = l.why;
        links.push_back(j);
      }
      files.push_back({{"file", file},
                       {"chains", d.chains.size()},
                       {"links", r.links.size()},
                       {"holds", holds},
                       {"fails", fails},
                       {"not_checked", unchecked},
                       {"results", links}});
      continue;
    }
    std::cout << file << ": " << d.chains.size() << " chains, " << r.links.size() << " links: " << holds << " hold, " << fails << " fail, "
              << unchecked << " not checked\n";
    for (const auto& l : r.links) {
      if (l.status == writeup::link_status::holds && !o.all) continue;
      if (l.status == writeup::link_status::not_checked && !o.all) continue;
      std::cout << "  " << where_text(l.where) << (l.tag.empty() ? "" : " (" + l.tag + ")") << ": " << writeup::name_of(l.status) << ": "
                << one_line(l.left) << (l.relation == "=" ? " = " : " " + l.relation + " ") << one_line(l.right) << "\n";
      if (!l.left_value.empty() || !l.right_value.empty())
        std::cout << "      the left side gives " << (l.left_value.empty() ? "?" : l.left_value) << ", the right side "
                  << (l.right_value.empty() ? "?" : l.right_value) << "\n";
      if (!l.why.empty()) std::cout << "      " << l.why << "\n";
    }
  }
  if (o.format == "json") std::cout << files.dump(2) << "\n";
  return status;
}

}  // namespace gradecheck::cli
