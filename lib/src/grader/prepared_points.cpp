#include "prepared_points.hpp"

#include "gradecheck/formula/prepared_file.hpp"
#include "gradecheck/grade/formula_answer.hpp"
#include "gradecheck/random/seed.hpp"
#include "output_file.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace gradecheck::cli {

namespace {

std::filesystem::path points_file(const cases::case_file& c, const std::filesystem::path& dir) { return dir / (c.id + ".points"); }

// The case's text (its points follow from it alone, drawn from seeds of its id), hashed.
std::string fingerprint(const cases::case_file& c) {
  std::ifstream in(c.path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  std::ostringstream out;
  out << std::hex << random::stable_hash(text) << "-" << text.size();
  return out.str();
}

}  // namespace

bool save_points(const cases::case_file& c, const std::filesystem::path& dir) {
  if (c.formulas.empty()) return false;
  std::filesystem::create_directories(dir);
  write_whole(points_file(c, dir).string(), formula::write_prepared(grade::prepare_formulas(c), fingerprint(c)));
  return true;
}

grade::reference reference_with_points(const cases::case_file& c, const std::filesystem::path& dir) {
  if (c.formulas.empty()) return grade::make_reference(c);
  const auto file = points_file(c, dir);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << file.string() << ": no prepared points; preparing them now\n";
    return grade::make_reference(c);
  }
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  try {
    if (auto prepared = formula::read_prepared(text, c.domain, c.formulas, fingerprint(c))) return grade::make_reference(c, std::move(*prepared));
    std::cerr << file.string() << ": prepared from another version of the case; preparing them now\n";
  } catch (const formula::prepared_file_error& e) {
    std::cerr << file.string() << ": " << e.what() << "; preparing them now\n";
  }
  return grade::make_reference(c);
}

}  // namespace gradecheck::cli
