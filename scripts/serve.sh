#!/usr/bin/env bash
# Builds Funnel Planner (release) and serves it on http://127.0.0.1:8080, rebuilding on change.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Set-up as its own process, so its errexit holds (see scripts/setup.sh); then its tools on PATH.
bash "$ROOT/scripts/setup.sh"
# shellcheck source=scripts/lib/tools-path.sh
source "$ROOT/scripts/lib/tools-path.sh"
cd "$ROOT"
echo "[serve] building and serving on http://127.0.0.1:8080 (Ctrl-C stops)…"
exec trunk serve --release --address 127.0.0.1 --port 8080
