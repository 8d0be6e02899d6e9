// Every case that declares [variants]: N students' variants drawn and verified (finite
// differences), with how many draws were thrown away and why, and the time per student.
// Prints figures; run by ci/variants.sh.

#include "gradecheck/cases/load.hpp"
#include "gradecheck/cases/variant.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const std::filesystem::path root = argc > 1 ? argv[1] : ".";
  const int students = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1000;
  std::vector<std::filesystem::path> cases;
  for (const auto& e : std::filesystem::directory_iterator(root / "cases"))
    if (std::filesystem::exists(e.path() / "case.toml")) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  std::printf("%-24s %9s %8s %9s  %s\n", "case", "students", "redraws", "ms each", "redraws by reason");
  for (const auto& dir : cases) {
    const auto c = gradecheck::cases::load_case(dir);
    if (c.variants.empty()) continue;
    gradecheck::cases::redraw_counts total;
    std::size_t redraws = 0, most = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int s = 0; s < students; ++s) {
      const auto v = gradecheck::cases::variant_for(c, "student" + std::to_string(s));
      for (const auto& [reason, n] : v.redraws) total[reason] += n, redraws += n;
      most = std::max(most, v.draws);
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / students;
    std::string why;
    for (const auto& [reason, n] : total) why += (why.empty() ? "" : ", ") + reason + " " + std::to_string(n);
    std::printf("%-24s %9d %8zu %9.1f  %s (at most %zu draws for one student)\n", c.id.c_str(), students, redraws, ms,
                why.empty() ? "none" : why.c_str(), most);
  }
  return 0;
}
