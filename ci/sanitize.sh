#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer (g++)
# into build-sanitize and runs the unit and case tests; any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
dir=${SANITIZE_BUILD_DIR:-build-sanitize}
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRADECHECK_BUILD_BENCHMARKS=OFF \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# (the install-and-consume test is left out: its consumer is built without the sanitizer runtime)
ctest --test-dir "$dir" --output-on-failure --parallel "$(nproc)" -L 'unit|cases' -E 'packaging.find_package_after_install' "$@"
