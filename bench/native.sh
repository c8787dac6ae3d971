#!/usr/bin/env bash
# Native benchmark (not part of the tests): LeNet-5 training throughput of our Flex (one thread, and
# every core) and wgpu paths beside PyTorch on the CPU (one thread, and its default), same data, model,
# optimizer and protocol (src/train/throughput.rs, bench/torch_lenet.py). JSON lines on stdout, a table
# on stderr. The first run installs PyTorch from PyPI into target/bench-venv (~3 GB with the CUDA
# libraries its Linux wheel requires, though only the CPU is used).
#   bash bench/native.sh [--batch 64,256] [--steps 30] [--warmup 5] > bench-native.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
venv=target/bench-venv
if ! "$venv/bin/python" -c 'import torch' 2>/dev/null; then
  echo "installing PyTorch into $venv (first run only)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check torch numpy >&2
fi
cargo build --quiet --bin lwkd 2>&1 | grep -v 'XDG_RUNTIME_DIR' >&2 || true
lwkd=target/debug/lwkd   # dev profile: our crate at opt-level 1, every dependency (Burn) at 3
out=$(mktemp)
{
  RAYON_NUM_THREADS=1 "$lwkd" bench --backend flex "${args[@]}" | sed 's/}$/,"threads":1}/'
  "$lwkd" bench --backend flex "${args[@]}" | sed "s/}\$/,\"threads\":$(nproc)}/"
  CUBECL_AUTOTUNE_LEVEL=minimal "$lwkd" bench --backend wgpu "${args[@]}" 2> >(grep -v XDG_RUNTIME_DIR >&2)
  "$venv/bin/python" bench/torch_lenet.py --threads 1 "${args[@]}"
  "$venv/bin/python" bench/torch_lenet.py "${args[@]}"
} | tee "$out"
python3 - "$out" >&2 <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
print(f"{'backend':<14}{'threads':>8}{'batch':>7}{'samples/s':>11}{'ms/step':>9}{'first ms':>10}")
for r in rows:
    print(f"{r['backend']:<14}{str(r.get('threads', '-')):>8}{r['batch']:>7}{r['samples_per_s']:>11.0f}{r['ms_per_step']:>9.1f}{r['first_step_ms']:>10.0f}")
torch1 = {r["batch"]: r for r in rows if r["backend"] == "pytorch-cpu" and r["threads"] == 1}
for r in rows:
    if r["backend"] != "pytorch-cpu" and r["batch"] in torch1:
        print(f"ours {r['backend']} ({r.get('threads', '-')} thr) / PyTorch 1 thread @ {r['batch']}: "
              f"{r['samples_per_s'] / torch1[r['batch']]['samples_per_s']:.2f}")
PY
rm -f "$out"
