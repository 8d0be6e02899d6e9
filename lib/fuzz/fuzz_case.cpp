// Fuzz target: loading a case file and evaluating its derivation. Any input
// must load or raise case_error, and evaluate or raise case_error.
#include "gradecheck/cases/derivation.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/numeric/real.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gradecheck;
  if (size > 16384) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto c = cases::parse_case(text, "fuzz.toml");
    (void)cases::evaluate_case<numeric::real50>(c);
  } catch (const cases::case_error&) {
  }
  return 0;
}
