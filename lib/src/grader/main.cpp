// grader: the command line of gradecheck.
//
//   grader gradcheck [--digits N] [--seed S]   check every reference op's analytic
//                                              derivative against Ridders' finite
//                                              differences in 50 digits; exit 1 on a failure

#include "gradecheck/diff/gradient_check.hpp"
#include "gradecheck/numeric/real.hpp"
#include "gradecheck/ops/catalog.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using gradecheck::numeric::real50;

constexpr std::string_view usage =
    "usage: grader gradcheck [--digits N] [--seed S]\n"
    "  gradcheck   check every reference op's analytic derivative against\n"
    "              finite differences (Ridders' extrapolation) in 50 digits\n";

int gradcheck(int digits, std::uint64_t seed) {
  bool all_passed = true;
  for (const auto& op : gradecheck::ops::op_catalog<real50>(seed)) {
    const auto report = gradecheck::diff::check_jacobian(op.value, op.point, op.jacobian(op.point));
    all_passed = all_passed && report.passed();
    char digits_text[16];
    std::snprintf(digits_text, sizeof digits_text, "%.1f", report.worst_digits());
    std::cout << "== " << op.name << " (" << digits_text << " digits agree at worst)\n"
              << gradecheck::diff::to_table(report, digits) << "\n";
  }
  std::cout << (all_passed ? "all ops passed\n" : "SOME OPS FAILED\n");
  return all_passed ? 0 : 1;
}

// Parses a non-negative integer option value, or exits with status 2.
unsigned long parse_count(std::string_view flag, const char* text, unsigned long low, unsigned long high) {
  char* end = nullptr;
  const unsigned long v = std::strtoul(text, &end, 10);
  if (*text == '\0' || *end != '\0' || v < low || v > high) {
    std::cerr << "grader: " << flag << " expects an integer in [" << low << ", " << high << "], got \"" << text << "\"\n";
    std::exit(2);
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << usage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] != "gradcheck") {
    std::cerr << "grader: unknown command \"" << args[0] << "\"\n" << usage;
    return 2;
  }
  int digits = 12;
  std::uint64_t seed = 2025;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if ((args[i] == "--digits" || args[i] == "--seed") && i + 1 < args.size()) {
      if (args[i] == "--digits")
        digits = static_cast<int>(parse_count("--digits", argv[i + 2], 1, 50));
      else
        seed = parse_count("--seed", argv[i + 2], 0, 1UL << 62);
      ++i;
    } else {
      std::cerr << "grader: unexpected argument \"" << args[i] << "\"\n" << usage;
      return 2;
    }
  }
  return gradcheck(digits, seed);
}
