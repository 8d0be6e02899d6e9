#include "sheet_command.hpp"

#include "case_path.hpp"
#include "gradecheck/cases/key.hpp"
#include "output_file.hpp"
#include "roster.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace gradecheck::cli {

int run_template(const sheet_options& o) {
  if (o.roster.empty()) {
    if (!o.output.empty()) throw std::invalid_argument("-o goes with --roster: one sheet per student under that folder");
    std::cout << cases::write_template(load_verified_case(o.case_path, o.student));
    return 0;
  }
  if (o.output.empty()) throw std::invalid_argument("--roster needs -o DIR, the folder of the sheets");
  if (!o.student.empty()) throw std::invalid_argument("--student and --roster do not go together");
  const auto students = read_roster(o.roster);
  const auto c = cases::load_case(resolve_case(o.case_path));
  // every sheet is made before any is written: a bad roster or case leaves no partial folder
  std::vector<std::pair<std::string, std::string>> sheets;
  auto table = nlohmann::ordered_json::array();
  std::size_t redraws = 0;
  for (const auto& s : students) {
    auto v = cases::variant_for(c, s);
    for (const auto& [reason, n] : v.redraws) redraws += n;
    sheets.emplace_back(folder_name(s), cases::write_template(v.c));
    nlohmann::ordered_json givens = nlohmann::ordered_json::object();
    for (const auto& [name, text] : v.givens) givens[name] = text;
    table.push_back({{"student", s}, {"folder", folder_name(s)}, {"givens", givens}});
  }
  const std::filesystem::path dir = o.output;
  for (const auto& [folder, text] : sheets) {
    std::filesystem::create_directories(dir / folder);
    write_whole(dir / folder / (c.id + ".txt"), text);
  }
  const nlohmann::ordered_json doc = {{"case", c.id}, {"students", table}};
  write_whole(dir / "variants.json", doc.dump(2) + "\n");
  std::cout << dir.string() << ": " << sheets.size() << (sheets.size() == 1 ? " sheet" : " sheets") << " of " << c.id
            << (c.variants.empty() ? " (the case declares no [variants]: every sheet has its own givens)" : "") << ", " << redraws
            << (redraws == 1 ? " redraw\n" : " redraws\n");
  return 0;
}

}  // namespace gradecheck::cli
