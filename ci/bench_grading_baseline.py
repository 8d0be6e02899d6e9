"""A baseline for grading throughput: a plain Python script that compares the
seed 000 Problem 1 submission with the stored answer key, quantity by
quantity, with math.isclose (absolute tolerance 0.51e-4, the case's decdig 4).
No rounding intervals, no carry-forward, no diagnosis: only the comparison."""
import math
import sys
import time

root = sys.argv[1] if len(sys.argv) > 1 else "."
n = int(sys.argv[2]) if len(sys.argv) > 2 else 4000


def read(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if "=" in line:
            name, value = (s.strip() for s in line.split("=", 1))
            out[name.replace("/", "_")] = value
    return out


key = {k: float(v) for k, v in read(f"{root}/reference/mlp-2-2-2-sigmoid-mse.key").items()}
submission_path = f"{root}/cases/mlp-2-2-2-sigmoid-mse/submissions/seed.txt"
start = time.perf_counter()
for _ in range(n):
    answers = read(submission_path)
    right = sum(1 for k, r in key.items() if k in answers and math.isclose(float(answers[k]), r, rel_tol=0, abs_tol=0.51e-4))
elapsed = time.perf_counter() - start
print(f"python baseline (math.isclose, one thread): {n / elapsed:.0f} submissions/s ({1000 * elapsed / n:.3f} ms each), {right} of {len(key)} within tolerance")
