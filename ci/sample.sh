#!/usr/bin/env bash
# The main job, on what ships in the repository: installs, builds, and prints
# the gradient-check report of every reference op in 50 digits.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh --target grader >/dev/null
"${BUILD_DIR:-build}/lib/grader" gradcheck "$@"
