#!/usr/bin/env bash
# Benchmark (not a test): builds the release app, prints dist sizes (raw/gzip/brotli, first-load
# total) and median timings over cold loads in headless Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
echo "[bench] building the release app…"
trunk build --release
echo "[bench] sizes"
node scripts/sizes.mjs
echo "[bench] timings"
node scripts/bench.mjs
