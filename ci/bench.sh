#!/usr/bin/env bash
# Benchmarks, printing figures (not timed tests):
#   1. finite differences: correct digits of plain central differences and of Ridders'
#      extrapolation against every op's analytic derivative at 50 digits, and the time of a check;
#   2. grading: submissions per second on one and two threads, and the cost of the mistake search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh --target fd_digits grading_throughput >/dev/null
"${BUILD_DIR:-build}/lib/bench/fd_digits" "${1:-5}"
echo
"${BUILD_DIR:-build}/lib/bench/grading_throughput" . "${2:-400}"
