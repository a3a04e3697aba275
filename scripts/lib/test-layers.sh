# shellcheck shell=bash
# The test run's layers and how each one is counted. Sourced by scripts/test.sh, which runs every
# layer after set-up, and by scripts/prove-test-run.sh, which runs single layers against failures
# planted on purpose, so the counting is proven without a release build.
#
# The layers run in the current directory (the work tree) and need LOGS, a folder for the cargo
# logs. Each layer adds to PASSED and FAILED: a check (fmt, clippy, build, budget) counts as one
# test; a layer that cannot run, or runs nothing, counts as one failure, so a run that executed
# nothing cannot pass. Source it without `set -e`: a failing command is to be counted, not fatal.

PASSED=${PASSED:-0}
FAILED=${FAILED:-0}

# Every layer, in the order a full run takes them.
# The proof comes early: it is quick, and it says whether the counts that follow can be trusted.
ALL_LAYERS=(fmt proof clippy clippy-wasm native browser build budget e2e)

# The two cargo test runs. --no-fail-fast: cargo otherwise stops at the first failing test
# binary, and the tests of the binaries after it are never counted.
NATIVE_TESTS=(cargo test --tests --no-fail-fast)
# The browser tests' JavaScript bindings are generated as the pages' are, without wasm-bindgen's
# debug assertions (WASM_BINDGEN_NO_DEBUG): the start-up worker's stand-in for a page
# (browser_stand_in) answers a read of a number with itself, which those assertions reject and the
# release bindings take as 0.
BROWSER_TESTS=(env WASM_BINDGEN_NO_DEBUG=1 cargo test --no-fail-fast --target wasm32-unknown-unknown --test browser_storage --test browser_app --test browser_intl --test browser_worker --test browser_stand_in)

step() { printf '\n\033[1m[test] %s\033[0m\n' "$*"; }

# Adds one layer's figures to the run's and says them.
count() {
  local name="$1" passed="$2" failed="$3"
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  echo "[test] $name: $passed passed, $failed failed"
}

# A command that passes or fails as a whole.
check() {
  local name="$1"; shift
  step "$name"
  if "$@"; then count "$name" 1 0; else count "$name" 0 1; fi
}

# A cargo test run (with --no-fail-fast, so every test binary runs and the total is real): sums
# its "test result:" lines. A binary that crashed (an abort, a signal) prints no result line, but
# cargo names it in "error: test failed, to rerun pass …": each such binary beyond those whose
# result line says FAILED counts as one failure. A failed run with no failure counted (it did
# not compile) counts as one, and so does a run without any result line.
cargo_tests() {
  local name="$1"; shift
  local log="$LOGS/${name// /-}.log"
  step "$name"
  mkdir -p "$LOGS"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local passed failed
  passed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{ s += $1 } END { print s + 0 }')
  failed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/' | awk '{ s += $1 } END { print s + 0 }')
  local failed_binaries reported_failing
  # `|| true`: grep -c prints 0 but fails when nothing matches.
  failed_binaries=$(grep -cE '^error: test failed, to rerun pass' "$log" || true)
  reported_failing=$(grep -cE '^test result: FAILED' "$log" || true)
  if [ "$failed_binaries" -gt "$reported_failing" ]; then
    echo "[test] $((failed_binaries - reported_failing)) test binary(ies) ended without a result line: one failure each"
    failed=$((failed + failed_binaries - reported_failing))
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "[test] $name exited with status $status without a counted failure: counted as one"
    failed=1
  fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "[test] $name ran no test"; fi
  count "$name" "$passed" "$failed"
}

# The Playwright suite: its JSON report's counts, where errors outside any test count as
# failures too. A worker fixture that throws in teardown, a `test.only` under forbidOnly or a port
# already taken leaves every test passed (or none run) and only an entry in the report's top-level
# `errors` and a non-zero exit: either way the run must fail.
e2e_tests() {
  local report="target/e2e-results.json"
  step "end-to-end tests (Playwright, Chromium)"
  rm -f "$report"
  npx playwright test
  local status=$?
  local passed=0 failed=0 errors=0
  if [ -s "$report" ]; then
    read -r passed failed errors < <(node -e '
      const report = require(process.argv[1]);
      const s = report.stats;
      console.log(s.expected + s.flaky, s.unexpected, (report.errors ?? []).length);
    ' "$PWD/$report") || { passed=0; failed=0; errors=1; echo "[test] the Playwright report could not be read"; }
  else
    echo "[test] Playwright wrote no report"
    errors=1
  fi
  if [ "$errors" -gt 0 ]; then echo "[test] $errors error(s) outside any test, counted as failures"; fi
  failed=$((failed + errors))
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "[test] Playwright exited with status $status without a counted failure: counted as one"
    failed=1
  fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "[test] end-to-end ran no test"; fi
  count "end-to-end" "$passed" "$failed"
}

# Runs one layer by its name in ALL_LAYERS; an unknown name is a failure, not a silent skip.
run_layer() {
  case "$1" in
    fmt) check "cargo fmt --check" cargo fmt --all -- --check ;;
    proof) check "test-run proof (planted failures are reported)" bash scripts/prove-test-run.sh ;;
    clippy) check "clippy (native)" cargo clippy --all-targets --quiet -- -D warnings ;;
    clippy-wasm) check "clippy (wasm32)" cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings ;;
    native) cargo_tests "native tests" "${NATIVE_TESTS[@]}" ;;
    browser) cargo_tests "browser tests" "${BROWSER_TESTS[@]}" ;;
    build) check "release build (every entry, trunk)" bash scripts/build.sh dist ;;
    budget) check "first-load size budgets (each page)" node scripts/sizes.mjs --check ;;
    e2e) e2e_tests ;;
    *) echo "[test] no layer named '$1' (layers: ${ALL_LAYERS[*]})"; count "$1" 0 1 ;;
  esac
}
