#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Funnel Planner, and says what it is doing.
# Idempotent: a second run only checks. Needs rustup, cargo, node and npm; installs Chromium with
# apt-get (as root, or through sudo). Nothing is downloaded from outside the package registries.
#
# Run it as its own process (`bash scripts/setup.sh`), never sourced: a script sourced behind
# `||` or `if` runs with errexit off, so a failed install would carry on. Callers then put the
# tools on PATH with scripts/lib/tools-path.sh, as this script does for its own checks.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/tools-path.sh
source "$ROOT/scripts/lib/tools-path.sh"

TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
TRUNK_VERSION="0.21.14"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

for tool in rustup cargo node npm; do
  command -v "$tool" >/dev/null || { echo "[setup] $tool is required but not installed" >&2; exit 1; }
done

if ! rustup toolchain list | grep -q "^$TOOLCHAIN"; then
  say "installing Rust $TOOLCHAIN (pinned in rust-toolchain.toml)…"
  rustup toolchain install "$TOOLCHAIN" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
fi
if ! rustup target list --installed --toolchain "$TOOLCHAIN" | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target to Rust $TOOLCHAIN…"
  rustup target add wasm32-unknown-unknown --toolchain "$TOOLCHAIN"
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed --toolchain "$TOOLCHAIN" | grep -q "^$component"; then
    say "adding $component to Rust $TOOLCHAIN…"
    rustup component add "$component" --toolchain "$TOOLCHAIN"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a first install compiles for 10–15 minutes)…"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (a first install compiles for 5–12 minutes)…"
  # Not --locked: its lock file names a webpki-roots version this registry does not have.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

if [ -L node_modules ]; then
  # A work tree may borrow another tree's node_modules through a link. `npm ci` empties the
  # folder the link points to before installing, which breaks the other tree mid-run (it did), so
  # through a link only check that the tools are there.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ]; then
    echo "[setup] node_modules links to $(readlink -f node_modules), which lacks wasm-opt or Playwright: run npm ci there" >&2
    exit 1
  fi
elif [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] || [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen's wasm-opt, esbuild, Playwright, axe) from package-lock.json…"
  npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ]; then
  say "installing Debian's chromium, chromium-driver and poppler-utils (the browser and end-to-end tests; pdftotext reads the printed pages)…"
  as_root apt-get update -o DPkg::Lock::Timeout=600
  as_root apt-get install -y -o DPkg::Lock::Timeout=600 chromium chromium-driver poppler-utils
fi

say "fetching Rust dependencies (Trunk builds offline)…"
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"
