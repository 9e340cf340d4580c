#!/usr/bin/env bash
# The performance benchmark (not part of scripts/test.sh): builds the release into
# bench/dist, measures native decoding and derivation (Criterion, benches/decode.rs),
# then the widget against a plain-JavaScript baseline in headless Chromium
# (bench/run.mjs), and writes bench/results/latest.md and latest.json and the results
# section of docs/performance.md. About 10 minutes on 2 cores once the toolchain is
# installed; --quick about 4.
#
#   scripts/bench.sh                 10 runs per figure (the median is reported)
#   scripts/bench.sh --runs 15       more runs
#   scripts/bench.sh --quick         3 runs and a short Criterion pass; a rough look,
#                                    so docs/performance.md is left as it is
#   scripts/bench.sh --no-build      measure bench/dist as it is
#   scripts/bench.sh --no-native     skip the Criterion benchmark (keeps its last figures)
#
# Other options are passed to bench/run.mjs (--sizes 50,1000,10000, --page-size 1000,
# --out DIR, --max-minutes 15).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
native=1
quick=0
run_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --no-native) native=0 ;;
    --quick) quick=1; run_args+=("$1") ;;
    *) run_args+=("$1") ;;
  esac
  shift
done

scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ "$build" = 1 ]; then
  step "release build into bench/dist"
  # Its own output folder, so a test run reading dist/ at the same time is not disturbed.
  for attempt in 1 2 3; do
    if trunk build --release --dist "$PWD/bench/dist"; then break; fi
    if [ "$attempt" = 3 ]; then echo "trunk build failed" >&2; exit 1; fi
    echo "trunk build failed; retrying in 5 s" >&2
    sleep 5
  done
fi

if [ "$native" = 1 ]; then
  step "native decoding and derivation (Criterion)"
  node bench/gen.mjs --write
  criterion_args=()
  if [ "$quick" = 1 ]; then criterion_args+=(--quick); fi
  cargo bench --bench decode -- "${criterion_args[@]}"
fi

step "browser: widget against the plain-JavaScript baseline"
doc_args=(--doc docs/performance.md)
if [ "$quick" = 1 ]; then doc_args=(); fi
node bench/run.mjs "${doc_args[@]}" "${run_args[@]}"
