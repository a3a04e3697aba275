#!/usr/bin/env bash
# Builds the bare Leptos counter (bench/counter) the way the app's pages are built: the app's
# Cargo.lock (the same Leptos and wasm-bindgen), its release profile, Trunk with wasm-opt -Os.
# Usage: bash scripts/bench-counter.sh DIR   (expects the tools on PATH: scripts/lib/tools-path.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:?usage: bench-counter.sh DIR}")"
WORK="$ROOT/target/bench-counter"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$ROOT/bench/counter/." "$WORK/"
cp "$ROOT/Cargo.lock" "$ROOT/rust-toolchain.toml" "$WORK/"
cd "$WORK"
CARGO_TARGET_DIR="$ROOT/target/bench-counter-target" trunk build --release --public-url ./ --dist "$OUT" index.html
