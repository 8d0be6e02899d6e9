#include "gradecheck/random/seed.hpp"

#include <string>

namespace gradecheck::random {

std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char ch : text) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ULL;
  }
  return h;
}

std::mt19937_64 generator_for(std::string_view scope, std::string_view name) {
  return std::mt19937_64(stable_hash(std::string(scope) + "/" + std::string(name)));
}

}  // namespace gradecheck::random
