#pragma once
/// Seeding: every random draw of gradecheck (formula points, variants of a
/// problem per student) comes from a generator seeded by a stable hash of
/// names, so that the same names give the same numbers on every build and
/// machine. std::mt19937_64's sequence is fixed by the C++ standard.

#include <cstdint>
#include <random>
#include <string_view>

namespace gradecheck::random {

/// Returns the FNV-1a hash of `text`: stable, unlike std::hash.
std::uint64_t stable_hash(std::string_view text);

/// Returns the generator seeded by "scope/name": ("case id", "question") for a
/// formula's points, ("case id", "student/ID") for a student's variant.
std::mt19937_64 generator_for(std::string_view scope, std::string_view name);

}  // namespace gradecheck::random
