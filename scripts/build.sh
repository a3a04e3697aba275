#!/usr/bin/env bash
# Builds every page of Funnel Planner (release) into one folder, default dist/: each page is its
# own Trunk build of the one crate (the pages as src/pages.rs lists them, printed by the crate's
# `site` tool: index.html = the Plan page, review.html = Annual plan, forecast.html = Forecast,
# channels.html = Channels and KPIs, results.html = Results, embed.html = the blog embed), so a
# page loads only the wasm it shows. Then scripts/postbuild.mjs adds the manifest, icons, service
# worker, catalogue files and Content-Security-Policy.
# Expects the tools on PATH (scripts/lib/tools-path.sh). Usage: bash scripts/build.sh [DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-dist}"
STAGE="target/site"
echo "[build] the pages (cargo run --bin site -- pages)…"
# An assignment, so that a failing tool stops the build (set -e) rather than build nothing.
PAGES="$(cargo run --quiet --bin site -- pages)"
mapfile -t ENTRIES < <(cut -d' ' -f1 <<< "$PAGES")
[ "${#ENTRIES[@]}" -gt 0 ] || { echo "[build] the page list is empty" >&2; exit 1; }
rm -rf "$STAGE"
for entry in "${ENTRIES[@]}"; do
  echo "[build] $entry.html (trunk build --release)…"
  # Relative addresses: the site works from any folder (a GitHub Pages project, a blog's path).
  trunk build --release --public-url ./ --dist "$STAGE/$entry" "$entry.html"
done
rm -rf "$OUT"
mkdir -p "$OUT"
for entry in "${ENTRIES[@]}"; do
  # Trunk names every page index.html; its staging folder is not part of the site.
  find "$STAGE/$entry" -maxdepth 1 -type f ! -name index.html -exec cp {} "$OUT/" \;
  cp "$STAGE/$entry/index.html" "$OUT/$entry.html"
done
node scripts/postbuild.mjs "$OUT"
echo "[build] done: $OUT/"
