#!/usr/bin/env bash
# Benchmark (not a test): builds the release app, prints dist sizes (raw/gzip/brotli, first-load
# total), median timings over cold loads in headless Chromium, each page's start-up (longest task,
# blocking time, layout shift; scripts/startup.mjs) and Lighthouse scores per page.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Set-up as its own process, so its errexit holds (see scripts/setup.sh); then its tools on PATH.
bash "$ROOT/scripts/setup.sh"
# shellcheck source=scripts/lib/tools-path.sh
source "$ROOT/scripts/lib/tools-path.sh"
cd "$ROOT"
echo "[bench] building every page (release)…"
bash scripts/build.sh dist
echo "[bench] sizes"
node scripts/sizes.mjs
echo "[bench] timings"
node scripts/bench.mjs
echo "[bench] the bare Leptos counter to compare start-up with (bench/counter)"
bash scripts/bench-counter.sh target/bench-counter-dist
echo "[bench] start-up (CPU slowed 4×)"
STARTUP_COUNTER=target/bench-counter-dist node scripts/startup.mjs
echo "[bench] Lighthouse (mobile defaults, brotli as a CDN serves it): the bare Leptos counter, then every page"
# Figures only: a page Lighthouse cannot measure is reported and the bench carries on.
LIGHTHOUSE_DIST=target/bench-counter-dist node scripts/lighthouse.mjs index.html \
  || echo "[bench] Lighthouse could not measure the bare counter (see above)"
node scripts/lighthouse.mjs || echo "[bench] Lighthouse could not measure every page (see above); the figures above stand"
