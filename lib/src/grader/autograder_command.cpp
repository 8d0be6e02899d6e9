#include "autograder_command.hpp"

#include "case_path.hpp"
#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/numeric/format.hpp"
#include "gradecheck/report/json.hpp"
#include "gradecheck/writeup/bind.hpp"
#include "grade_command.hpp"
#include "output_file.hpp"
#include "prepared_points.hpp"
#include "zip_writer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

namespace gradecheck::cli {

namespace {

// The student's file for a case: <id>.txt or <id>.json, or, for a single case, the only answer file.
// The student's file for case `id`: <id>.txt, .json, .md, .tex or .ipynb; else, for a single case, the
// only answer file or write-up; else the only write-up, which holds every problem (each case reads
// its own section).
std::optional<std::filesystem::path> submission_for(const std::string& id, const std::filesystem::path& dir, bool single) {
  for (const char* ext : {".txt", ".json", ".md", ".tex", ".ipynb"})
    if (std::filesystem::exists(dir / (id + ext))) return dir / (id + ext);
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  std::vector<std::filesystem::path> files, writeups;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    if (writeup::is_writeup(e.path())) writeups.push_back(e.path());
    else if (e.path().extension() == ".txt" || e.path().extension() == ".json") files.push_back(e.path());
  }
  if (single && files.size() + writeups.size() == 1) return files.empty() ? writeups[0] : files[0];
  if (writeups.size() == 1) return writeups[0];
  return std::nullopt;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

std::string student_of(const std::string& format, const std::filesystem::path& submission_dir) {
  const auto root = std::filesystem::absolute(submission_dir).lexically_normal().parent_path();
  const auto file = format == "prairielearn" ? root / "data" / "data.json" : root / "submission_metadata.json";
  if (!std::filesystem::is_regular_file(file)) return "";
  if (std::filesystem::file_size(file) > (16u << 20)) throw std::runtime_error(file.string() + ": larger than 16 MiB");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read_file(file));
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(file.string() + ": not JSON: " + e.what());
  }
  if (format == "prairielearn") {
    if (doc.contains("params") && doc["params"].is_object() && doc["params"].contains("gradecheck_student") && doc["params"]["gradecheck_student"].is_string())
      return doc["params"]["gradecheck_student"].get<std::string>();
    if (doc.contains("variant_seed") && (doc["variant_seed"].is_number_integer() || doc["variant_seed"].is_string()))
      return doc["variant_seed"].is_string() ? doc["variant_seed"].get<std::string>() : std::to_string(doc["variant_seed"].get<long long>());
    throw std::runtime_error(file.string() + ": no params.gradecheck_student and no variant_seed");
  }
  if (doc.contains("users") && doc["users"].is_array() && !doc["users"].empty() && doc["users"][0].is_object() && doc["users"][0].contains("email") &&
      doc["users"][0]["email"].is_string())
    return doc["users"][0]["email"].get<std::string>();
  throw std::runtime_error(file.string() + ": expected users[0].email, as Gradescope writes it");
}

int run_autograde(const autograde_options& o) {
  const std::string student = o.student.empty() ? student_of(o.format, o.submission_dir) : o.student;
  nlohmann::ordered_json merged;
  double score = 0, max_score = 0;
  auto tests = nlohmann::ordered_json::array();
  std::string message;
  for (const auto& id_or_path : o.cases) {
    const auto c = verified_case(cases::load_case(resolve_case(id_or_path)), student, o.verified_at_setup, true);
    const auto ref = o.points.empty() ? grade::make_reference(c) : reference_with_points(c, o.points);
    const auto file = submission_for(c.id, o.submission_dir, o.cases.size() == 1);
    grade::submission s;
    if (file) {
      const auto symbols = cases::latex_symbols_of(c);
      s = read_any(*file, c, {expr::syntax_named(o.syntax), &symbols}, "");
    } else {
      s.path = o.submission_dir + "/" + c.id + ".txt";
      s.issues.push_back({{1, 1}, "no answer file: upload " + c.id + ".txt (name = value lines), " + c.id +
                                      ".json, or your write-up (.md, .tex or .ipynb)"});
    }
    grade::grading_options options;
    options.credit = credit_from(c, {});
    const auto r = grade::grade_submission(ref, s, options);
    score += r.score;
    max_score += r.max_score;
    const auto policy = reveal_from(c, o.reveal);
    const auto how = report::make_view(c, policy);
    const auto doc = nlohmann::ordered_json::parse(o.format == "prairielearn" ? report::to_prairielearn(r, how) : report::to_gradescope(r, how, policy));
    for (auto t : doc["tests"]) {
      if (o.cases.size() > 1) t["name"] = c.id + ": " + t["name"].get<std::string>();
      tests.push_back(t);
    }
    message += (message.empty() ? "" : "\n") + c.id + ": " + numeric::to_general(r.score) + " / " + numeric::to_general(r.max_score);
    if (!c.variants.empty())
      message += student.empty() ? " (no student in the platform's metadata: graded with the case's own numbers)" : " (the numbers of " + student + ")";
  }
  if (o.format == "prairielearn") {
    merged["gradable"] = true;
    merged["score"] = max_score > 0 ? score / max_score : 0.0;
    merged["message"] = message;
  } else {
    merged["score"] = score;
    merged["output"] = message;
    merged["visibility"] = "visible";
    merged["stdout_visibility"] = "hidden";
  }
  merged["tests"] = tests;
  std::filesystem::create_directories(std::filesystem::path(o.results).parent_path());
  write_whole(o.results, merged.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  return 0;
}

int run_package(const package_options& o) {
  const std::filesystem::path src = o.source;
  if (!std::filesystem::exists(src / "CMakeLists.txt") || !std::filesystem::exists(src / "lib"))
    throw std::invalid_argument(o.source + ": not a gradecheck source tree (run from it, or give --source)");
  std::string case_args;
  for (const auto& id : o.cases) {
    const auto c = cases::load_case(resolve_case(id));
    case_args += " cases/" + c.id;
  }
  const bool gradescope = o.platform == "gradescope";
  const std::string reveal = o.reveal.empty() ? "" : " --reveal " + o.reveal;
  const std::string setup =
      "#!/usr/bin/env bash\n"
      "# Installs the Debian packages gradecheck needs and builds the grader (run once, when the image is built).\n"
      "set -euo pipefail\n"
      "cd \"${AUTOGRADER_SOURCE:-" + std::string(gradescope ? "/autograder/source" : "/grade/source") + "}\"\n"
      "bash ci/install-deps.sh\n"
      "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGRADECHECK_BUILD_TESTS=OFF -DGRADECHECK_BUILD_BENCHMARKS=OFF\n"
      "cmake --build build --target grader --parallel \"$(nproc)\"\n"
      "# every case's derivation checked by finite differences once, here: a wrong one stops the setup; the points\n"
      "# its formula answers are tested at are drawn and evaluated here too, once, for every submission to read\n"
      "build/lib/grader verify" + case_args + " --save-points build/points\n";
  const std::string run =
      gradescope ? "#!/usr/bin/env bash\n"
                   "# Gradescope runs this for every submission: grades /autograder/submission into results.json.\n"
                   "set -euo pipefail\n"
                   "root=${AUTOGRADER_ROOT:-/autograder}\n"
                   "cd \"${AUTOGRADER_SOURCE:-$root/source}\"\n"
                   "build/lib/grader autograde --format gradescope --submission \"$root/submission\" --results \"$root/results/results.json\" --verified-at-setup --points build/points" + reveal +
                       case_args + "\n"
                 : "#!/usr/bin/env bash\n"
                   "# PrairieLearn's external grader runs this for every submission: grades /grade/student into results.json.\n"
                   "set -euo pipefail\n"
                   "root=${GRADE_ROOT:-/grade}\n"
                   "cd \"${AUTOGRADER_SOURCE:-$root/source}\"\n"
                   "build/lib/grader autograde --format prairielearn --submission \"$root/student\" --results \"$root/results/results.json\" --verified-at-setup --points build/points" + reveal +
                       case_args + "\n";
  zip_writer zip;
  zip.add("setup.sh", setup, true);
  zip.add(gradescope ? "run_autograder" : "run.sh", run, true);
  std::size_t files = 2;
  for (const char* item : {"CMakeLists.txt", "README.md", "ci", "lib", "cases", "property_tests"}) {
    const auto path = src / item;
    if (std::filesystem::is_regular_file(path)) {
      zip.add(item, read_file(path));
      ++files;
      continue;
    }
    std::vector<std::filesystem::path> inside;
    for (const auto& e : std::filesystem::recursive_directory_iterator(path))
      if (e.is_regular_file()) inside.push_back(e.path());
    std::sort(inside.begin(), inside.end());  // the same archive every time
    for (const auto& f : inside) {
      const auto name = std::filesystem::relative(f, src).generic_string();
      zip.add(name, read_file(f), f.extension() == ".sh");
      ++files;
    }
  }
  std::filesystem::create_directories(o.output);
  const auto archive = std::filesystem::path(o.output) / (gradescope ? "autograder.zip" : "prairielearn-grader.zip");
  write_whole(archive, zip.finish());
  std::cout << archive.string() << ": " << files << " files\n";
  return 0;
}

}  // namespace gradecheck::cli
