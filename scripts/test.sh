#!/usr/bin/env bash
# Runs every check and test layer, then prints one summary line over all of them:
#   format, the proof that the count reports planted failures (scripts/prove-test-run.sh),
#   clippy (native and wasm), native tests, browser tests (wasm-bindgen-test in Chromium), the
#   release build with its size budget, and the Playwright end-to-end suite.
# How each layer runs and is counted is in scripts/lib/test-layers.sh.
#
# Usage: bash scripts/test.sh [LAYER…]
#   No layer: all of them (what CI runs). Naming layers runs only those, in the order given
#   (fmt proof clippy clippy-wasm native browser build budget e2e); `budget` and `e2e` use
#   the dist/ already built.
#
# Not `set -e`: a failing layer is counted and the run goes on to the next one.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGS="$ROOT/target/test-logs"
# shellcheck source=scripts/lib/test-layers.sh
source "$ROOT/scripts/lib/test-layers.sh"

# Set-up runs as its own process: sourced behind `||` it ran with errexit off, so a failed install
# carried on, and its own `exit 1` ended the run without the summary line.
if ! bash "$ROOT/scripts/setup.sh"; then
  echo "[test] set-up failed: nothing was tested"
  echo
  echo "0 passed, 1 failed"
  exit 1
fi
# shellcheck source=scripts/lib/tools-path.sh
source "$ROOT/scripts/lib/tools-path.sh"
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver

if [ "$#" -eq 0 ]; then set -- "${ALL_LAYERS[@]}"; fi
for layer in "$@"; do
  run_layer "$layer"
done

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
