// Fuzz target: the write-up reader. Any input, read as Markdown, as LaTeX and
// as a notebook, must either read or raise read_error, and every side of every
// chain it finds must have some text.
#include "gradecheck/writeup/document.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gradecheck;
  if (size > 65536) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto kind : {writeup::format::markdown, writeup::format::latex, writeup::format::notebook}) {
    writeup::document d;
    try {
      d = writeup::read_document(text, kind);
    } catch (const writeup::read_error&) {
      continue;
    }
    for (const auto& c : d.chains)
      for (const auto& s : c.sides)
        if (s.text.empty()) std::abort();
  }
  return 0;
}
