#!/usr/bin/env bash
# Prints the release bundle's sizes (raw, gzip -9, brotli -q 11) as a Markdown table.
# Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/../dist"
printf '| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|\n'
total_raw=0; total_gz=0; total_br=0
for f in contact-history_bg.wasm contact-history.js contact-history.css; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '| %s | %d | %d | %d |\n' "$f" "$raw" "$gz" "$br"
done
printf '| **total** | %d | %d | %d |\n' "$total_raw" "$total_gz" "$total_br"
