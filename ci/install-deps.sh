#!/usr/bin/env bash
# Installs the Debian packages gradecheck builds with (and Graphviz, which draws the
# derivation graph of the HTML report, mpmath, with which ci/independent_keys.py recomputes
# the answer keys, and Chromium, in which a test renders the class summary page headless). Idempotent: silent and
# quick when everything is already present.
set -euo pipefail

packages=(
  cmake g++ make
  libboost-dev libmpfr-dev libgmp-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev
  libarmadillo-dev
  libgtest-dev librapidcheck-dev
  graphviz
  python3-mpmath
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
