#!/usr/bin/env bash
# Installs whatever is missing, then serves the designer preview on demo data at
# http://127.0.0.1:8080 (rebuilds on change). Pass extra trunk flags through, e.g.
# `scripts/preview.sh --port 9000`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "Designer preview: http://127.0.0.1:8080  (gallery: http://127.0.0.1:8080/?view=gallery)"
exec trunk serve "$@"
