#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time (FUZZ_SECONDS, default 60),
# built with clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# build-fuzz. Seed corpora come from cases/ and the stored regressions. Prints
# the executions run per target; an input that crashes is written to
# lib/fuzz/regressions/<target>/ to be kept as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || { apt-get update -qq && apt-get install -y -qq "$p" >/dev/null; }
done
seconds=${FUZZ_SECONDS:-60}
dir=${FUZZ_BUILD_DIR:-build-fuzz}
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
CC=clang CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRADECHECK_FUZZ=ON -DGRADECHECK_BUILD_TESTS=OFF \
  -DGRADECHECK_BUILD_BENCHMARKS=OFF -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$dir" --parallel "$(nproc)" --target fuzz_expression fuzz_submission fuzz_case >/dev/null

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus/fuzz_case" "$corpus/fuzz_submission" "$corpus/fuzz_expression"
cp cases/*/case.toml lib/tests/data/*.toml "$corpus/fuzz_case/" 2>/dev/null || true
for f in cases/*/case.toml; do cp "$f" "$corpus/fuzz_case/$(basename "$(dirname "$f")").toml"; done
for f in cases/*/submissions/*.txt; do cp "$f" "$corpus/fuzz_submission/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f")"; done
# every right-hand side of the cases' derivations, and every reference formula, is an expression seed
for f in cases/*/case.toml; do
  { sed -n "/^derive = '''/,/^'''/p" "$f" | grep ' = ' | sed 's/^[^=]*= //; s/#.*//' || true
    grep '^reference = "' "$f" | sed 's/^reference = "//; s/"$//' || true; } | while IFS= read -r line; do
    printf '%s' "$line" > "$corpus/fuzz_expression/$(basename "$(dirname "$f")")-$RANDOM$RANDOM"
  done
done

status=0
for target in fuzz_expression fuzz_submission fuzz_case; do
  mkdir -p "lib/fuzz/regressions/$target"
  log="$corpus/$target.log"
  if "$dir/lib/fuzz/$target" "$corpus/$target" "lib/fuzz/regressions/$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
       -max_len=4096 -artifact_prefix="lib/fuzz/regressions/$target/" >"$log" 2>&1; then
    echo "$target: $(grep -o 'Done [0-9]* runs' "$log" | tail -1 | sed 's/Done //') in ${seconds}s, no failure"
  else
    echo "$target: FAILED, see the input saved under lib/fuzz/regressions/$target/"
    tail -40 "$log"
    status=1
  fi
done
exit $status
