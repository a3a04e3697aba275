#!/usr/bin/env bash
# Builds every page of Funnel Planner (release: the Plan and Channels areas and the blog embed,
# with the service worker and CSP) and serves dist/ on http://127.0.0.1:8080.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Set-up as its own process, so its errexit holds (see scripts/setup.sh); then its tools on PATH.
bash "$ROOT/scripts/setup.sh"
# shellcheck source=scripts/lib/tools-path.sh
source "$ROOT/scripts/lib/tools-path.sh"
cd "$ROOT"
echo "[serve] building every page (scripts/build.sh)…"
bash scripts/build.sh dist
echo "[serve] serving dist/ on http://127.0.0.1:8080 (the embed: /embed.html; Ctrl-C stops)…"
exec node scripts/static-server.mjs dist 8080
