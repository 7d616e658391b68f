#!/usr/bin/env bash
# The test command (README, .ci/run): installs what the browser tests need when it is missing
# (Debian's chromium; no browser is ever downloaded), then runs every test project of the solution
# and ends with a plain "N passed, N failed, N skipped" line.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || echo "warning: could not install chromium; browser tests will fail" >&2
fi

# The int8 quantizer's tests run scripts/quantize-int8.py, which needs Debian's onnx and numpy for python3.
if ! /usr/bin/python3 -c "import onnx, numpy" >/dev/null 2>&1; then
  echo "Installing Debian's python3-onnx and python3-numpy for the quantizer tests…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-onnx python3-numpy >/dev/null \
    || echo "warning: could not install python3-onnx; the quantizer tests will fail" >&2
fi

# The container check (Dockerfile replay, compose validation) runs first; its failure fails the test command.
container_status=0
scripts/check-container.sh || container_status=$?

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test NewsQA.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform's closing summary ("total: / failed: / succeeded: / skipped:") is not a line CI reads.
# -a: a failing property test prints the random text it found, control bytes and all, and grep would otherwise call
# the log binary and count nothing ("0 passed, 0 failed" for a run with a failure).
count() { grep -a -E "^[[:space:]]+$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
# CI shows only the log's tail: repeat each failed test's name and first lines of its message there.
failures=$(grep -a -n -E "^[[:space:]]*failed [^:(]" "$log" | grep -a -v -E "dll \(|with [0-9]+ error" | cut -d: -f1)
if [ -n "$failures" ]; then
  echo
  echo "Failed tests:"
  for line in $failures; do sed -n "${line},$((line + 8))p" "$log" | cut -c1-300; done | head -120
fi
echo
[ "$container_status" -ne 0 ] && echo "scripts/check-container.sh failed (exit $container_status)"
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
[ "$status" -eq 0 ] && status=$container_status
exit "$status"
