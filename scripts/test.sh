#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test: formatting, lints,
# native tests (model, decoding, properties), component tests in headless Chromium,
# the release build, and the Playwright end-to-end suite against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "lints (native and wasm)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: model, decoding, API, properties"
cargo test

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test web

step "release build"
# First with the designer gallery (not in the bundle hosts embed), for its end-to-end tests.
trunk build --release --features gallery --dist dist-gallery
trunk build --release
scripts/sizes.sh

step "end-to-end tests (Playwright, against dist/ and dist-gallery/)"
(cd end2end && npx playwright test)

step "all tests passed"
