#!/usr/bin/env python3
"""How the raw seed write-ups grade against their transcriptions.

For every case with a stored transcription of a seed (submissions/seed*.txt with a .expected, not
the LaTeX copies), grades the seed's own write-up, kept unchanged as a seed-writeup.txt beside a case
that comes from it, against that case (its declared section, else the "Problem N" its source names,
else the whole file), and counts the verdicts that agree with the transcription's. Prints one line
per transcription and the total. Usage: python3 ci/seed_agreement.py [path/to/grader]
"""
import glob
import json
import os
import re
import subprocess
import sys

grader = sys.argv[1] if len(sys.argv) > 1 else "build/lib/grader"
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

# seed id -> the unchanged copy of its write-up in the repository
copies = {}
for path in glob.glob("cases/*/submissions/seed-writeup.txt"):
    source = open(os.path.join(os.path.dirname(os.path.dirname(path)), "case.toml")).read()
    m = re.search(r'^source = "(\d{3})_', source, re.M)
    if m:
        copies[m.group(1)] = path

agree_total = asked_total = 0
for expected in sorted(glob.glob("cases/*/submissions/seed*.expected")):
    name = os.path.basename(expected)[: -len(".expected")]
    if "latex" in name or "writeup" in name:
        continue
    case = expected.split(os.sep)[1]
    toml = open(f"cases/{case}/case.toml").read()
    m = re.search(r'^source = "(\d{3})_\w+\.txt, ([^";]+)', toml, re.M)
    if not m or m.group(1) not in copies:
        continue
    want = {}
    for line in open(expected):
        line = line.split("#")[0].strip()
        if "=" in line and not line.startswith("score"):
            key, verdict = (x.strip() for x in line.split("=", 1))
            want[key] = verdict
    cmd = [grader, "grade", case, copies[m.group(1)], "--format", "json"]
    problem = re.match(r"(Problem \d+)", m.group(2))
    if problem and not re.search(r"^section = ", toml, re.M):
        cmd += ["--section", problem.group(1)]
    got = {r["name"]: r["verdict"] for r in json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)["results"]}
    agree = sum(1 for k, v in want.items() if got.get(k) == v)
    missing = sum(1 for k in want if got.get(k) == "missing")
    print(f"{case} ({name}, seed {m.group(1)}): {agree} of {len(want)} as transcribed, {missing} not bound")
    agree_total += agree
    asked_total += len(want)
print(f"total: {agree_total} of {asked_total}")
