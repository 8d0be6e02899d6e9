#!/usr/bin/env bash
# The HTML report for a student, drawn and checked in a browser: installs
# Graphviz and Chromium (Debian), grades the seed 000 Problem 1 submission to
# build/report.html, renders it headless to build/report.png, and checks that
# the page shows the graph and the verdicts.
set -euo pipefail
cd "$(dirname "$0")/.."
for p in graphviz chromium; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
bash ci/build.sh --target grader >/dev/null
out=${BUILD_DIR:-build}
"$out/lib/grader" grade mlp-2-2-2-sigmoid-mse cases/mlp-2-2-2-sigmoid-mse/submissions/seed.txt --format html -o "$out/report.html"
grep -q '<svg' "$out/report.html" || { echo "no graph in the report"; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars --window-size=1400,1800 \
  --screenshot="$PWD/$out/report.png" "file://$PWD/$out/report.html" >/dev/null 2>&1
# the DOM as Chromium built it must hold the table rows and the drawn nodes
dom=$(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --dump-dom "file://$PWD/$out/report.html" 2>/dev/null)
rows=$(grep -o '<tr>' <<<"$dom" | wc -l)
nodes=$(grep -o 'class="node"' <<<"$dom" | wc -l)
echo "rendered $out/report.png: $rows table rows, $nodes graph nodes"
[ "$rows" -ge 32 ] && [ "$nodes" -ge 31 ]   # a node per asked quantity
