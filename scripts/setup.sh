#!/usr/bin/env bash
# Everything a fresh machine needs before building or testing: tools, then data. Idempotent and quick
# when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
node scripts/prepare-data.mjs
