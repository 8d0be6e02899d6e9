#pragma once
// A minimal ZIP writer (stored entries, no compression): enough for the
// autograder archives Gradescope expects, without a dependency.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace gradecheck::cli {

class zip_writer {
 public:
  /// Adds a file at `name` (forward slashes) with `bytes`; `executable` sets mode 0755.
  void add(const std::string& name, const std::string& bytes, bool executable = false) {
    const std::uint32_t crc = crc32(bytes);
    const std::uint32_t offset = static_cast<std::uint32_t>(out_.size());
    put32(0x04034b50);
    put16(20), put16(0), put16(0), put16(0), put16(0x21);  // version, flags, stored, time, date (1980-01-01)
    put32(crc), put32(size32(bytes)), put32(size32(bytes));
    put16(static_cast<std::uint16_t>(name.size())), put16(0);
    out_ += name;
    out_ += bytes;
    entries_.push_back({name, crc, size32(bytes), offset, executable});
  }

  /// Returns the whole archive.
  std::string finish() {
    const std::uint32_t start = static_cast<std::uint32_t>(out_.size());
    for (const auto& e : entries_) {
      put32(0x02014b50);
      put16(0x0314), put16(20), put16(0), put16(0), put16(0), put16(0x21);  // made by unix, version, flags, stored, time, date
      put32(e.crc), put32(e.size), put32(e.size);
      put16(static_cast<std::uint16_t>(e.name.size())), put16(0), put16(0), put16(0), put16(0);
      put32((e.executable ? 0100755u : 0100644u) << 16);
      put32(e.offset);
      out_ += e.name;
    }
    const std::uint32_t size = static_cast<std::uint32_t>(out_.size()) - start;
    put32(0x06054b50);
    put16(0), put16(0), put16(static_cast<std::uint16_t>(entries_.size())), put16(static_cast<std::uint16_t>(entries_.size()));
    put32(size), put32(start), put16(0);
    return out_;
  }

 private:
  struct entry {
    std::string name;
    std::uint32_t crc, size, offset;
    bool executable;
  };
  static std::uint32_t size32(const std::string& s) { return static_cast<std::uint32_t>(s.size()); }
  static std::uint32_t crc32(const std::string& bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
      std::array<std::uint32_t, 256> t{};
      for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[n] = c;
      }
      return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
  }
  void put16(std::uint16_t v) { out_ += static_cast<char>(v & 0xFF), out_ += static_cast<char>(v >> 8); }
  void put32(std::uint32_t v) { put16(static_cast<std::uint16_t>(v & 0xFFFF)), put16(static_cast<std::uint16_t>(v >> 16)); }

  std::string out_;
  std::vector<entry> entries_;
};

}  // namespace gradecheck::cli
