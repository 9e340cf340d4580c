#!/usr/bin/env bash
# Installs whatever is missing to build, preview and test Contact History, and skips
# whatever is already installed at the right version. Safe to run again.
# Versions follow ../shared/TOOLCHAIN.md (verified to work on this kind of machine).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must match the `wasm-bindgen` pin in Cargo.toml
TRUNK_VERSION=0.21.14          # trunk 0.22 needs a newer rustc than 1.95
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
  rustup component add clippy rustfmt
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 10 minutes)"
  # Not --locked: the registry lacks one of its locked dependency versions.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION (about 15 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
command -v brotli >/dev/null || missing_debs+=(brotli)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "installing ${missing_debs[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_debs[@]}"
fi

# binaryen 132 from npm: Debian's wasm-opt silently breaks the build.
if [ ! -x tools/node_modules/.bin/wasm-opt ]; then
  say "installing binaryen (wasm-opt) from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -f end2end/package.json ] && [ ! -d end2end/node_modules/@playwright/test ]; then
  say "installing the end-to-end test dependencies from npm"
  (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
fi
say "ready"
