#!/usr/bin/env bash
# The main job, on what ships in the repository: installs and builds, then
# grades a student's write-up as they wrote it (seed 000, Markdown with LaTeX,
# eight problems: narrowed to the case's Problem 1) against the case's 50-digit
# reference, and prints the report as a TA sees it (--reveal always: with the key).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh --target grader >/dev/null
"${BUILD_DIR:-build}/lib/grader" grade mlp-2-2-2-sigmoid-mse cases/mlp-2-2-2-sigmoid-mse/submissions/seed-writeup.txt --reveal always "$@"
