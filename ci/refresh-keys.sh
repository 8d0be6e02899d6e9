#!/usr/bin/env bash
# Regenerates reference/<id>.key for every case listed in cases/CMakeLists.txt.
# Review the diff before committing: a changed key is a changed answer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh --target grader >/dev/null
ids=$(sed -n '/^set(GRADECHECK_CASES/,/^)/p' cases/CMakeLists.txt | grep -v '^set\|^)' | tr -d ' ')
for id in $ids; do
  tmp=$(mktemp)
  if "${BUILD_DIR:-build}/lib/grader" key "cases/$id" > "$tmp"; then
    mv "$tmp" "reference/$id.key"
    echo "reference/$id.key"
  else
    rm -f "$tmp"
    echo "cases/$id: no key written" >&2
    exit 1
  fi
done
