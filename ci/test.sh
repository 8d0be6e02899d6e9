#!/usr/bin/env bash
# The whole test suite: installs, configures, builds, runs every CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)" "$@"
