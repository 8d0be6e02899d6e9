#!/usr/bin/env bash
# Benchmarks: builds, then prints the finite-difference digits table (correct
# digits of plain central differences and of Ridders' extrapolation against
# every op's analytic derivative at 50 digits, and the time of one check).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh --target fd_digits >/dev/null
"${BUILD_DIR:-build}/lib/bench/fd_digits" "${1:-5}"
