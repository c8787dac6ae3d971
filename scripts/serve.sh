#!/usr/bin/env bash
# The README's first command: set up, build and serve the app with its default data.
# Open http://127.0.0.1:${PORT:-8080}/ when it says "serving". HOST=0.0.0.0 serves the local network
# (a classroom: others open this machine's address).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-web.sh
exec node scripts/static-server.mjs dist "${PORT:-8080}"
