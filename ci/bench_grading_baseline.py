"""A baseline for grading throughput: a plain Python script that compares
answer files with the stored answer key of the seed 000 Problem 1 case,
quantity by quantity, with math.isclose (absolute tolerance 0.51e-4, the
case's decdig 4). No rounding intervals, no carry-forward, no diagnosis: only
the comparison, the script an instructor would write instead of the grader.

  bench_grading_baseline.py ROOT N      the case's correct.txt, read and compared N times
  bench_grading_baseline.py ROOT DIR    every .txt file of DIR, once (a batch, as `grader grade CASE DIR` grades it)
"""
import math
import os
import sys
import time

root = sys.argv[1] if len(sys.argv) > 1 else "."
what = sys.argv[2] if len(sys.argv) > 2 else "4000"


def read(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if "=" in line:
            name, value = (s.strip() for s in line.split("=", 1))
            out[name.replace("/", "_")] = value
    return out


key = {k: float(v) for k, v in read(f"{root}/reference/mlp-2-2-2-sigmoid-mse.key").items()}
if os.path.isdir(what):
    files = sorted(os.path.join(what, f) for f in os.listdir(what) if f.endswith(".txt"))
    label = f"{len(files)} files of a batch"
else:
    files = [f"{root}/cases/mlp-2-2-2-sigmoid-mse/submissions/correct.txt"] * int(what)
    label = "the correct submission, read again and again"
start = time.perf_counter()
for path in files:
    answers = read(path)
    right = sum(1 for k, r in key.items() if k in answers and math.isclose(float(answers[k]), r, rel_tol=0, abs_tol=0.51e-4))
elapsed = time.perf_counter() - start
n = len(files)
print(f"python baseline (math.isclose, one thread, {label}): {n / elapsed:.0f} submissions/s ({1000 * elapsed / n:.3f} ms each), "
      f"{right} of {len(key)} within tolerance in the last")
