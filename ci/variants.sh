#!/usr/bin/env bash
# Draws the variants of N students (default 1000) for every case that declares [variants], each
# verified by finite differences as grading would, and prints how many draws each constraint
# (or a failed verification) threw away. Prints figures; the constraints themselves are tested
# under ctest (unit.variant_tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh --target variant_draws >/dev/null
"${BUILD_DIR:-build}/lib/bench/variant_draws" . "${1:-1000}"
