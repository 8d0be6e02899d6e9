#!/usr/bin/env bash
# Runs each libFuzzer target (FUZZ_TARGETS, default all five) for a bounded time (FUZZ_SECONDS, default 60),
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
cmake --build "$dir" --parallel "$(nproc)" --target fuzz_expression fuzz_submission fuzz_case fuzz_latex fuzz_writeup >/dev/null

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus/fuzz_case" "$corpus/fuzz_submission" "$corpus/fuzz_expression" "$corpus/fuzz_latex" "$corpus/fuzz_writeup"
cp cases/*/case.toml lib/tests/data/*.toml "$corpus/fuzz_case/" 2>/dev/null || true
for f in cases/*/case.toml; do cp "$f" "$corpus/fuzz_case/$(basename "$(dirname "$f")").toml"; done
# the submission target's case has seed 000 Problem 1's names: its submissions are the seeds that reach the grading
for f in cases/mlp-2-2-2-sigmoid-mse/submissions/*.txt cases/mlp-2-2-2-sigmoid-mse/students/*.txt; do cp "$f" "$corpus/fuzz_submission/"; done
# every right-hand side of the cases' derivations, and every reference formula, is an expression seed
for f in cases/*/case.toml; do
  { sed -n "/^derive = '''/,/^'''/p" "$f" | grep ' = ' | sed 's/^[^=]*= //; s/#.*//' || true
    grep '^reference = "' "$f" | sed 's/^reference = "//; s/"$//' || true; } | while IFS= read -r line; do
    printf '%s' "$line" > "$corpus/fuzz_expression/$(basename "$(dirname "$f")")-$RANDOM$RANDOM"
  done
done

# every LaTeX formula of the reader's unit tests (the first argument of read, error_of, readings_of,
# name_of and parse_latex), its C++ escapes undone by printf %b
grep -o '\(read\|error_of\|readings_of\|name_of\|parse_latex\)("[^"]*"' lib/tests/expr/latex_tests.cpp | sed 's/^[a-z_]*("//; s/"$//' |
  while IFS= read -r line; do
    printf '%b' "$line" > "$corpus/fuzz_latex/test-$RANDOM$RANDOM"
  done
# write-ups: the submissions of the cases, and small Markdown, LaTeX and notebook files
for f in cases/*/submissions/*.txt; do cp "$f" "$corpus/fuzz_writeup/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f")"; done
cat > "$corpus/fuzz_writeup/inline.md" <<'MD'
# Problem 1
The hidden unit is $h_1 = \sigma(z_1) \approx 0.5933$ and `$code$` is not math.
MD
cat > "$corpus/fuzz_writeup/display.md" <<'MD'
## Backward pass
$$
\frac{\partial L}{\partial w_5} = (o_1 - t_1) o_1 (1 - o_1) h_1 = 0.0822 \quad (1.3)
$$
$$= 0.08 $$
```
$$ not math $$
```
\[ w_5^{\text{new}} = w_5 - \eta \cdot 0.0822 \neq w_5 \]
MD
cat > "$corpus/fuzz_writeup/align.tex" <<'TEX'
\section{Forward pass}
% $x = 1$ is a comment
\begin{align*}
z_1 &= w_1 i_1 + w_2 i_2 + b_1 \label{eq:z} \\
    &= 0.3775 \tag{2.1} \\
    & + 0 \le 1
\end{align*}
\subsection{Output} Inline \(o_1 := \sigma(z_3)\) and $y \equiv x$.
TEX
cat > "$corpus/fuzz_writeup/equation.tex" <<'TEX'
\begin{equation}
  L = \frac{1}{2}\sum_{k=1}^{K} (t_k - o_k)^2 < 1
\end{equation}
TEX
cat > "$corpus/fuzz_writeup/cells.ipynb" <<'NB'
{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Q1\n", "$h_1 = \\sigma(z_1) = 0.59$\n"]},
 {"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": null},
 {"cell_type": "markdown", "metadata": {}, "source": "$$a = b \\approx c$$"}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
NB

status=0
for target in ${FUZZ_TARGETS:-fuzz_expression fuzz_submission fuzz_case fuzz_latex fuzz_writeup}; do
  mkdir -p "lib/fuzz/regressions/$target"
  log="$corpus/$target.log"
  # a submission is graded line by line: inputs of a few dozen lines reach every path, many times as often
  max_len=4096
  [ "$target" = fuzz_submission ] && max_len=1024
  if "$dir/lib/fuzz/$target" "$corpus/$target" "lib/fuzz/regressions/$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
       -max_len="$max_len" -artifact_prefix="lib/fuzz/regressions/$target/" >"$log" 2>&1; then
    echo "$target: $(grep -o 'Done [0-9]* runs' "$log" | tail -1 | sed 's/Done //') in ${seconds}s, no failure"
  else
    echo "$target: FAILED, see the input saved under lib/fuzz/regressions/$target/"
    tail -40 "$log"
    status=1
  fi
done
exit $status
