# shellcheck shell=bash
# Puts the tools scripts/setup.sh installs on PATH: npm's (wasm-opt, Playwright) before cargo's
# (trunk, wasm-bindgen). Sourced by setup.sh and by every script that runs set-up as its own
# process (a child cannot change its parent's PATH). Needs ROOT, the work tree.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
