#!/usr/bin/env bash
# Proves that the test run reports the failures it once let through, by planting each one and
# reading what the run says:
#   (a) a worker fixture that throws in teardown (Playwright exits 1 with every test passed);
#   (b) CI mode (.ci/run): a stray `test.only` fails the run, and so does a stale server already
#       on the test port, where a run outside CI passes both;
#   (c) a failed set-up (a tool missing; an install step that fails) stops the run at once with
#       the summary line "0 passed, 1 failed";
#   (d) two failing cargo test binaries and one that crashes are all counted.
# Each case works in a temporary copy holding only what it needs, with the real scripts: a tiny
# static page as dist/ for Playwright, a tiny crate for cargo. No release build, about a minute.
# Prints PASS or FAIL per case and exits 1 if any case failed. scripts/test.sh runs it as one
# check. KEEP_PROOF=1 keeps the temporary copies and their logs to read.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/tools-path.sh
source "$ROOT/scripts/lib/tools-path.sh"

# Outside the work tree: cargo looks for Cargo.toml in parent folders, so a copy inside it that
# ran cargo (were set-up ever to carry on) would build the whole project.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/prove-test-run.XXXXXX")"
STALE_SERVER=""
cleanup() {
  if [ -n "$STALE_SERVER" ]; then kill "$STALE_SERVER" 2>/dev/null || true; fi
  [ -n "${KEEP_PROOF:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
# A port of its own, so the proof never meets the real suite's server (8091) or reuses one.
export E2E_PORT=$((20000 + $$ % 10000))
FAILURES=0

# Seconds since the previous case ended, to show where the proof spends its time.
CASE_START=$SECONDS
took() { echo "$((SECONDS - CASE_START)) s"; }

pass() {
  echo "PASS $1 ($(took))"
  CASE_START=$SECONDS
}
# Says why the case failed and shows the end of what the run printed.
fail() {
  echo "FAIL $1 ($(took))"
  CASE_START=$SECONDS
  echo "     ${2}; the run's last lines ($3):"
  tail -n 15 "$3" | sed 's/^/     | /'
  FAILURES=$((FAILURES + 1))
}

# Runs a command in `dir`, its output to `log`; prints its exit status (never stops the proof).
# A time limit, so a run that no longer stops where it should fails its case instead of hanging
# the proof (timeout ends the command's whole process group).
run_in() {
  local dir="$1" log="$2"; shift 2
  local status=0
  (cd "$dir" && timeout --kill-after=10 180 "$@") >"$log" 2>&1 || status=$?
  echo "$status"
}

# Runs one layer of scripts/lib/test-layers.sh in `dir` and ends with the summary line test.sh
# prints, without test.sh's set-up (which the cases that need it run through test.sh or .ci/run).
# shellcheck disable=SC2016 # expanded by the inner bash
ONE_LAYER='LOGS="$PWD/target/test-logs"; source "$1"; run_layer "$2"; echo; echo "$PASSED passed, $FAILED failed"'
run_layer_in() {
  local dir="$1" log="$2" layer="$3"
  run_in "$dir" "$log" bash -c "$ONE_LAYER" bash "$ROOT/scripts/lib/test-layers.sh" "$layer"
}

# A copy with the scripts, the Playwright set-up and what set-up reads, whose whole end-to-end
# suite is the spec given on stdin, against a one-heading page.
e2e_tree() {
  local tree="$WORK/$1"
  mkdir -p "$tree/.ci" "$tree/dist" "$tree/tests/e2e"
  cp -r "$ROOT/scripts" "$ROOT/src" "$tree/"
  cp "$ROOT/.ci/run" "$tree/.ci/"
  # -p: package-lock.json keeps its time, so set-up finds node_modules as fresh as the real one.
  cp -p "$ROOT/playwright.config.ts" "$ROOT/package.json" "$ROOT/package-lock.json" \
    "$ROOT/rust-toolchain.toml" "$ROOT/Cargo.toml" "$ROOT/Cargo.lock" "$tree/"
  # Hard links (a copy on another file system), not a symbolic link: should set-up ever run
  # npm ci in the copy, it replaces the copy's links and cannot empty the real node_modules.
  cp -al "$ROOT/node_modules" "$tree/node_modules" 2>/dev/null \
    || { rm -rf "$tree/node_modules" && cp -a "$ROOT/node_modules" "$tree/node_modules"; }
  printf '%s\n' '<!doctype html><html lang="en"><head><meta charset="utf-8">' \
    '<link rel="icon" href="data:,"><title>Proof</title></head>' \
    '<body><h1>Proof page</h1></body></html>' >"$tree/dist/index.html"
  cat >"$tree/tests/e2e/proof.spec.ts"
  echo "$tree"
}

# The figures of the run's last line, "N passed, N failed", or nothing when it is not that line.
summary_of() { tail -n 1 "$1" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p'; }

echo "[proof] cases run in $WORK, end-to-end on port $E2E_PORT"

# ---------------------------------------------------------------------------------------------
# (a) Playwright's errors outside any test. A worker-scoped fixture that throws in teardown
# leaves the test passed and adds one entry to the report's top-level `errors`: the run used to
# say "1 passed, 0 failed".
tree="$(e2e_tree a <<'EOF'
import { test as base, expect } from '@playwright/test';

const test = base.extend<object, { brokenWorker: string }>({
  brokenWorker: [
    async ({}, use) => {
      await use('ready');
      throw new Error('planted by prove-test-run.sh: a worker fixture throws in teardown');
    },
    { scope: 'worker' },
  ],
});

test('the page opens', async ({ page, brokenWorker }) => {
  expect(brokenWorker).toBe('ready');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Proof page' })).toBeVisible();
});
EOF
)"
status=$(run_in "$tree" "$WORK/a.log" bash scripts/test.sh e2e)
if [ "$status" -ne 0 ] && [ "$(summary_of "$WORK/a.log")" = "1 1" ]; then
  pass "(a) a fixture that throws in teardown is counted: \"1 passed, 1 failed\", exit $status"
else
  fail "(a) a fixture that throws in teardown" "expected \"1 passed, 1 failed\" and a non-zero exit, got exit $status" "$WORK/a.log"
fi

# ---------------------------------------------------------------------------------------------
# (b) CI mode. A stray test.only: outside CI only that test runs and the run passes; .ci/run
# sets CI, so forbidOnly refuses the suite.
tree="$(e2e_tree b-only <<'EOF'
import { test, expect } from '@playwright/test';

test.only('the one test left to run', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Proof page' })).toBeVisible();
});

test('a test that test.only skips', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Proof page' })).toBeVisible();
});
EOF
)"
# CI empty outside CI (the proof itself may run under .ci/run): Playwright reads it as unset.
outside=$(CI='' run_layer_in "$tree" "$WORK/b-only-outside-ci.log" e2e)
status=$(run_in "$tree" "$WORK/b-only.log" bash .ci/run e2e)
if [ "$outside" -eq 0 ] && [ "$(summary_of "$WORK/b-only-outside-ci.log")" = "1 0" ] \
  && [ "$status" -ne 0 ] && [ "$(summary_of "$WORK/b-only.log")" = "0 1" ] \
  && grep -q "item focused with '.only' is not allowed" "$WORK/b-only.log"; then
  pass "(b) a stray test.only fails CI: \"0 passed, 1 failed\" (outside CI it shrinks the suite to \"1 passed, 0 failed\")"
else
  fail "(b) a stray test.only" "expected \"1 passed, 0 failed\" outside CI and \"0 passed, 1 failed\" (.only not allowed) from .ci/run, got exits $outside and $status" "$WORK/b-only.log"
fi

# A stale server already on the test port: outside CI Playwright reuses it; in CI it must not.
tree="$(e2e_tree b-stale <<'EOF'
import { test, expect } from '@playwright/test';

test('the page opens', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Proof page' })).toBeVisible();
});
EOF
)"
node "$tree/scripts/static-server.mjs" "$tree/dist" "$E2E_PORT" >/dev/null 2>&1 &
STALE_SERVER=$!
for _ in $(seq 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$E2E_PORT") 2>/dev/null; then break; fi
  sleep 0.1
done
outside=$(CI='' run_layer_in "$tree" "$WORK/b-stale-outside-ci.log" e2e)
status=$(run_in "$tree" "$WORK/b-stale.log" bash .ci/run e2e)
kill "$STALE_SERVER" 2>/dev/null || true
STALE_SERVER=""
if [ "$outside" -eq 0 ] && [ "$(summary_of "$WORK/b-stale-outside-ci.log")" = "1 0" ] \
  && [ "$status" -ne 0 ] && [ "$(summary_of "$WORK/b-stale.log")" = "0 1" ] \
  && grep -q "already used" "$WORK/b-stale.log"; then
  pass "(b) a stale server on the test port fails CI: \"0 passed, 1 failed\" (outside CI it is reused)"
else
  fail "(b) a stale server on the test port" "expected \"1 passed, 0 failed\" outside CI and \"0 passed, 1 failed\" (port already used) from .ci/run, got exits $outside and $status" "$WORK/b-stale.log"
fi

# ---------------------------------------------------------------------------------------------
# (c) A failed set-up. Only what set-up reads before it fails is copied. The runs name one cheap
# layer, fmt, so a set-up that no longer stops the run shows as "[test] cargo fmt" in the output
# (and never runs this proof inside itself).
setup_tree() {
  local tree="$WORK/$1"
  mkdir -p "$tree"
  cp -r "$ROOT/scripts" "$tree/"
  cp "$ROOT/rust-toolchain.toml" "$tree/"
  echo "$tree"
}

# Node missing: set-up's own `exit 1`, which used to end the run without its summary line.
tree="$(setup_tree c-node)"
no_node="$WORK/bin-without-node"
mkdir -p "$no_node"
# Every program on PATH but node and npm, linked from one folder; the folders are taken last to
# first with `ln -f`, so the first one on PATH wins as it would. One `ln` per folder: fast.
IFS=: read -ra path_dirs <<<"$PATH"
for ((i = ${#path_dirs[@]} - 1; i >= 0; i--)); do
  [ -d "${path_dirs[i]}" ] || continue
  find "${path_dirs[i]}/" -maxdepth 1 -mindepth 1 -perm -u+x \
    ! -name node ! -name nodejs ! -name npm ! -name npx -exec ln -sf -t "$no_node" {} +
done
status=$(run_in "$tree" "$WORK/c-node.log" env PATH="$no_node" bash scripts/test.sh fmt)
if [ "$status" -ne 0 ] && [ "$(tail -n 1 "$WORK/c-node.log")" = "0 passed, 1 failed" ] \
  && grep -q "node is required" "$WORK/c-node.log" \
  && ! grep -q "\[test\] cargo fmt" "$WORK/c-node.log"; then
  pass "(c) set-up without node ends \"0 passed, 1 failed\", exit $status"
else
  fail "(c) set-up without node" "expected the last line \"0 passed, 1 failed\" and a non-zero exit, got exit $status" "$WORK/c-node.log"
fi

# An install step that fails: with errexit off (set-up sourced behind `||`) it carried on to the
# next steps and the layers. Stub rustup and cargo that fail; HOME elsewhere, so set-up's PATH
# does not put the real ~/.cargo/bin before the stubs.
tree="$(setup_tree c-install)"
stubs="$WORK/failing-rustup"
mkdir -p "$stubs" "$WORK/home"
for tool in rustup cargo; do
  printf '#!/bin/sh\necho "%s: planted failure by prove-test-run.sh" >&2\nexit 1\n' "$tool" >"$stubs/$tool"
  chmod +x "$stubs/$tool"
done
status=$(run_in "$tree" "$WORK/c-install.log" env HOME="$WORK/home" PATH="$stubs:$PATH" bash scripts/test.sh fmt)
if [ "$status" -ne 0 ] && [ "$(tail -n 1 "$WORK/c-install.log")" = "0 passed, 1 failed" ] \
  && grep -q "installing Rust" "$WORK/c-install.log" \
  && ! grep -qE "adding the wasm32|installing trunk|fetching Rust|\[test\] cargo fmt" "$WORK/c-install.log"; then
  pass "(c) a failed install stops set-up at that step and ends \"0 passed, 1 failed\", exit $status"
else
  fail "(c) a failed install" "expected set-up to stop after \"installing Rust\" and the last line \"0 passed, 1 failed\", got exit $status" "$WORK/c-install.log"
fi

# ---------------------------------------------------------------------------------------------
# (d) Failing cargo test binaries: the native layer of scripts/lib/test-layers.sh, run on a tiny
# crate whose binaries a_fails (1 passed, 1 failed) and b_fails (1 failed) fail, c_crashes
# aborts without a result line and d_passes passes (1 passed). Cargo used to stop at a_fails.
crate="$WORK/crate"
mkdir -p "$crate/src" "$crate/tests"
cp "$ROOT/rust-toolchain.toml" "$crate/"
# Its own workspace, so cargo never takes it for part of the project above it.
printf '[package]\nname = "prove-test-run"\nversion = "0.0.0"\nedition = "2021"\n\n[workspace]\n' >"$crate/Cargo.toml"
: >"$crate/src/lib.rs"
printf '#[test]\nfn passes() {}\n\n#[test]\nfn fails() {\n    panic!("planted failure one");\n}\n' >"$crate/tests/a_fails.rs"
printf '#[test]\nfn fails() {\n    panic!("planted failure two");\n}\n' >"$crate/tests/b_fails.rs"
printf '#[test]\nfn aborts() {\n    std::process::abort();\n}\n' >"$crate/tests/c_crashes.rs"
printf '#[test]\nfn passes() {}\n' >"$crate/tests/d_passes.rs"
run_layer_in "$crate" "$WORK/d.log" native >/dev/null
# shellcheck source=scripts/lib/test-layers.sh
browser_command="$(source "$ROOT/scripts/lib/test-layers.sh" && echo " ${BROWSER_TESTS[*]} ")"
if [ "$(summary_of "$WORK/d.log")" = "2 3" ] && [[ "$browser_command" == *" --no-fail-fast "* ]]; then
  pass "(d) two failing test binaries and a crashed one are all counted: \"2 passed, 3 failed\"; the browser run has --no-fail-fast too"
else
  fail "(d) failing cargo test binaries" "expected \"2 passed, 3 failed\" and --no-fail-fast in the browser run ($browser_command)" "$WORK/d.log"
fi

echo
if [ "$FAILURES" -eq 0 ]; then
  echo "[proof] every planted failure was reported"
else
  echo "[proof] $FAILURES case(s) not reported as they should be"
  exit 1
fi
