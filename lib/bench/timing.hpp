#pragma once
// Timing for the benchmarks: the median of repeated runs, which a shared, noisy machine disturbs least.

#include <algorithm>
#include <chrono>
#include <vector>

namespace gradecheck::bench {

/// The median of `reps` timings of f, in milliseconds.
template <class F>
double median_ms(int reps, F&& f) {
  std::vector<double> times;
  for (int k = 0; k < reps; ++k) {
    const auto start = std::chrono::steady_clock::now();
    f();
    times.push_back(1000 * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace gradecheck::bench
