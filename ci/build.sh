#!/usr/bin/env bash
# Installs dependencies, configures and builds into ./build (or $BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
build_dir=${BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DGRADECHECK_WERROR="$werror" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)" "$@"
