#!/usr/bin/env bash
# The class summary page as a browser draws it: grades a folder of submissions with
# `--summary summary.html`, renders the page in headless Chromium (its DOM and a screenshot)
# and checks the DOM for the verdict bars, the mistake sentences and no reference value.
#
#   summary_page_test.sh GRADER CASE_DIR WORK_DIR
#
# Exit status: 0 passed, 1 failed, 77 skipped (no Chromium).
set -uo pipefail
grader=$1 case_dir=$2 work=$3
submissions=$case_dir/submissions

fail() { echo "FAIL: $*" >&2; exit 1; }

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[[ -n $browser ]] || { echo "no Chromium: skipped"; exit 77; }

rm -rf "$work" && mkdir -p "$work" || fail "cannot make $work"
"$grader" grade "$case_dir" "$submissions" --summary "$work/summary.html" --jobs 2 >"$work/grade.log" 2>&1
status=$?
# 1: one of the stored submissions has an unreadable answer, on purpose
[[ $status -eq 0 || $status -eq 1 ]] || { cat "$work/grade.log" >&2; fail "grader exited $status"; }
[[ -s $work/summary.html ]] || fail "no summary.html written"

flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$work/profile")
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/summary.html" >"$work/dom.html" 2>"$work/chromium.log" || fail "chromium --dump-dom failed"
timeout 120 "$browser" "${flags[@]}" --screenshot="$work/summary.png" --window-size=1200,2000 "file://$work/summary.html" \
  >>"$work/chromium.log" 2>&1 || fail "chromium --screenshot failed"
[[ -s $work/summary.png ]] || fail "no screenshot"

dom=$work/dom.html
# Independent counts: the TA's .expected files, one line per asked quantity, one file per .txt submission.
quantities=$(grep -cE '^[A-Za-z_][A-Za-z0-9_]* = ' "$submissions/seed.expected")
files=$(find "$submissions" -maxdepth 1 -name '*.txt' | wc -l)
bars=$(grep -o '<svg class="bar"' "$dom" | wc -l)
segments=$(grep -o '<rect class="seg"' "$dom" | wc -l)
[[ $bars -eq $quantities ]] || fail "$bars verdict bars, expected one per quantity ($quantities)"
[[ $segments -ge $quantities ]] || fail "$segments bar segments, expected at least $quantities"
grep -qF "<b>$files submissions</b>" "$dom" || fail "the page does not say $files submissions"
# seed.txt, seed-latex.txt and seed-writeup.txt swap w5 and w7 in dL_dh1, and flip the sign of dL_db1 (seed*.expected)
grep -qF "3 of $files</b> submissions at <code>dL_dh1</code>: “w5 and w7 are swapped”" "$dom" ||
  fail "no sentence on the swapped weights in dL_dh1"
grep -qF "3 of $files</b> submissions at <code>dL_db1</code>: “the sign is wrong”" "$dom" || fail "no sentence on the sign of dL_db1"
grep -qF "seed-latex.txt, seed-writeup.txt, seed.txt" "$dom" || fail "no example files"
grep -q '<rect class="bin"' "$dom" || fail "no histogram"
grep -q 'class="graph"' "$dom" || fail "no graph"
# the key (z1 = 0.3775, h1 = 0.5933, loss = 0.2984, dL_dw5 = 0.0822, w5_new = 0.3589 ...) is never shown
if grep -qE '0\.3775|0\.5932|0\.5933|0\.2983|0\.2984|0\.0821|0\.0822|0\.3589' "$dom"; then fail "a reference value is on the page"; fi
if grep -qE '<script|<link|@import' "$dom"; then fail "the page fetches or runs something"; fi
echo "passed: $bars bars, $segments segments; screenshot $work/summary.png"
