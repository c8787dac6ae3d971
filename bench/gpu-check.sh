#!/usr/bin/env bash
# On a machine with a real GPU (not part of the tests): one JSON object with native wgpu (Vulkan)
# against Flex on LeNet-5 — throughput and first step, `lwkd bench` — and headless Chromium with WebGPU
# on the hardware adapter (bench/gpu-check.mjs: the adapter, *Measure both backends*, *Automatic*'s
# choice, the Quick look link on WebGPU and on the CPU). Builds what is missing first.
#   bash bench/gpu-check.sh [--skip-quick] > gpu-check.json   (GPU_FLAGS=…: Chromium's flags, see the .mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || bash scripts/build-web.sh >&2
cargo build --quiet --bin lwkd 2>&1 | grep -v 'XDG_RUNTIME_DIR' >&2 || true
lwkd=target/debug/lwkd   # dev profile: our crate at opt-level 1, every dependency (Burn) at 3
native=$(mktemp)
{
  "$lwkd" bench --backend flex --batch 64,256 --steps 30
  "$lwkd" bench --backend wgpu --batch 64,256 --steps 30 2> >(grep -v XDG_RUNTIME_DIR >&2)
} > "$native"
browser=$(node bench/gpu-check.mjs "$@")
node -e '
const [native, browser] = [process.argv[1], process.argv[2]];
const rows = require("fs").readFileSync(native, "utf8").split("\n").filter((l) => l.startsWith("{")).map(JSON.parse);
console.log(JSON.stringify({ date: new Date().toISOString(), gpu: require("child_process").execSync("nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null || true").toString().trim() || null,
  native: rows, browser: JSON.parse(browser) }, null, 2));
' "$native" "$browser"
