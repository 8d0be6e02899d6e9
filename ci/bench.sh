#!/usr/bin/env bash
# Benchmarks, printing figures (not timed tests):
#   1. finite differences: correct digits of plain central differences and of Ridders'
#      extrapolation against every op's analytic derivative at 50 digits, and the time of a check;
#   2. the smallest error injected into an analytic derivative that the check catches, in real50
#      and double, and (when Debian's python3-torch is installed) that torch.autograd.gradcheck catches;
#   3. grading: submissions per second on one and two threads, the cost of the mistake search,
#      and a plain Python comparison with math.isclose as a baseline, in process and as whole
#      commands over a batch of files;
#   4. formula answers: the milliseconds to grade one (the softmax Jacobian, about 200 points);
#   5. write-ups: the milliseconds to check every chain of a 50 KB seed write-up, and to grade it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/build.sh --target grader fd_digits injection_sensitivity grading_throughput formula_latency writeup_speed >/dev/null
bin="${BUILD_DIR:-build}/lib/bench"
"$bin/fd_digits" "${1:-5}"
# every case's derivative claims, differenced in 100 digits: the least agreement over all of them
for c in cases/*/; do "${BUILD_DIR:-build}/lib/grader" verify "$c"; done |
  awk '/least agreement/ { for (i = 1; i <= NF; ++i) if ($i == "agreement") { d = $(i + 1) + 0; n++; if (!seen || d < least) { least = d; which = $1; seen = 1 } } }
       END { printf "case derivative claims: least agreement %.1f of 50 digits over %d cases (%s)\n", least, n, which }'
echo
"$bin/injection_sensitivity" | tail -1
# PyTorch from Debian lives with Debian's interpreter
torch_python=python3
[ -x /usr/bin/python3 ] && torch_python=/usr/bin/python3
"$torch_python" ci/bench_gradcheck_torch.py | tail -1
echo
"$bin/grading_throughput" . "${2:-400}"
python3 ci/bench_grading_baseline.py . 4000
# A class's batch, whole commands timed from the shell (start-up, the case's verification and the
# reading of every file included): N copies of the correct submission, graded by `grader grade` on
# one thread and on every core, and compared by the Python script.
batch=$(mktemp -d)
trap 'rm -rf "$batch"' EXIT
n_batch=${3:-5000}
for k in $(seq 1 "$n_batch"); do cp cases/mlp-2-2-2-sigmoid-mse/submissions/correct.txt "$batch/s$k.txt"; done
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
one=$(ms "${BUILD_DIR:-build}/lib/grader" grade mlp-2-2-2-sigmoid-mse "$batch" --jobs 1)
all=$(ms "${BUILD_DIR:-build}/lib/grader" grade mlp-2-2-2-sigmoid-mse "$batch")
py=$(ms python3 ci/bench_grading_baseline.py . "$batch")
rss="(GNU time absent)"
if [ -x /usr/bin/time ]; then
  rss="$(/usr/bin/time -f %M "${BUILD_DIR:-build}/lib/grader" grade mlp-2-2-2-sigmoid-mse "$batch" --jobs 1 2>&1 >/dev/null | tail -1) KB"
fi
echo "the batch's peak memory, one thread: $rss"
awk -v n="$n_batch" -v one="$one" -v all="$all" -v py="$py" 'BEGIN {
  printf "a batch of %d correct submissions, whole commands: grader one thread %d ms (%.0f/s), every core %d ms (%.0f/s); python %d ms (%.0f/s); grader on one thread / python: %.2f\n",
         n, one, n / one * 1000, all, n / all * 1000, py, n / py * 1000, py / one }'
echo
"$bin/formula_latency" . 15
echo
"$bin/writeup_speed" . 15
