#!/usr/bin/env bash
# Runs every check and test layer, then prints one summary line over all of them:
#   format, clippy (native and wasm), native tests, browser tests (wasm-bindgen-test in
#   Chromium), the release build with its size budget, and the Playwright end-to-end suite.
# A check (fmt, clippy, build, budget) counts as one test; a layer that cannot run counts as
# one failure, so a run that executed nothing cannot pass.
#
# Not `set -e`: a failing layer is counted and the run goes on to the next one.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
PASSED=0
FAILED=0
step() { printf '\n\033[1m[test] %s\033[0m\n' "$*"; }

# A command that passes or fails as a whole.
check() {
  local name="$1"; shift
  step "$name"
  if "$@"; then PASSED=$((PASSED + 1)); echo "[test] $name: ok"; else FAILED=$((FAILED + 1)); echo "[test] $name: FAILED"; fi
}

# A cargo test run: sums its "test result:" lines; no line at all counts as one failure.
cargo_tests() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  step "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local passed failed
  passed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{ s += $1 } END { print s + 0 }')
  failed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/' | awk '{ s += $1 } END { print s + 0 }')
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "[test] $name ran no test"; fi
  PASSED=$((PASSED + passed)); FAILED=$((FAILED + failed))
  echo "[test] $name: $passed passed, $failed failed"
}

check "cargo fmt --check" cargo fmt --all -- --check
check "clippy (native)" cargo clippy --all-targets --quiet -- -D warnings
check "clippy (wasm32)" cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
cargo_tests "native tests" cargo test --tests
cargo_tests "browser tests" cargo test --target wasm32-unknown-unknown --test browser_storage --test browser_app
check "release build (trunk)" trunk build --release
check "first-load size budget" node scripts/sizes.mjs --check

step "end-to-end tests (Playwright, Chromium)"
rm -f target/e2e-results.json
npx playwright test
if [ -s target/e2e-results.json ]; then
  read -r e2e_passed e2e_failed < <(node -e '
    const s = require(process.argv[1]).stats;
    console.log(s.expected + s.flaky, s.unexpected + (s.expected + s.flaky + s.unexpected === 0 ? 1 : 0));
  ' "$ROOT/target/e2e-results.json")
else
  e2e_passed=0; e2e_failed=1
fi
PASSED=$((PASSED + e2e_passed)); FAILED=$((FAILED + e2e_failed))
echo "[test] end-to-end: $e2e_passed passed, $e2e_failed failed"

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
