#!/usr/bin/env bash
# Builds the optimised web app into dist/ (Trunk, wasm-release profile, wasm-opt from npm's binaryen)
# adds the Content-Security-Policy (scripts/csp.mjs) and prints the size of what a browser downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Trunk must not download tools (nothing but the package registries is reachable): it takes
# wasm-bindgen from ~/.cargo/bin and wasm-opt from npm's binaryen.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Relative asset URLs: the site works from any sub-path (how most static hosts and blogs serve it).
trunk build --release --offline --public-url ./
node scripts/version-worker.mjs dist
node scripts/csp.mjs dist/index.html
node scripts/service-worker.mjs dist
node scripts/precompress.mjs dist
node scripts/report-size.mjs dist
