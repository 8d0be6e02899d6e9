#pragma once
// Output files are written whole or not at all: to a temporary file beside
// the target, then renamed over it.

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace gradecheck::cli {

inline void write_whole(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path tmp = path.string() + ".partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path.string() + ": cannot write");
    out << text;
    out.flush();
    if (!out) {
      std::filesystem::remove(tmp);
      throw std::runtime_error(path.string() + ": cannot write");
    }
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace gradecheck::cli
