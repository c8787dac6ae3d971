#!/usr/bin/env bash
# The lightweight teacher's budget against LW-KD's student (not part of the tests): the default
# "Noisy labels" scenario, LW-KD only, 3 seeds per teacher budget (images per class × epochs), and CE
# once as the line to beat. Prints a markdown table and writes docs/teacher-budget.svg.
#   bash bench/teacher-budget.sh          (about 4 minutes natively on one core)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin lwkd 2>&1 | grep -v 'XDG_RUNTIME_DIR' >&2 || true
lwkd=target/debug/lwkd
out=$(mktemp -d)
run() { # name, flags…
  local name=$1; shift
  RAYON_NUM_THREADS=1 "$lwkd" compare --scenario noisy --seeds 3 --json "$@" >"$out/$name.json" 2>"$out/$name.err"
}
run ce --methods ce
for b in 10x1 50x1 200x1 200x2 200x3 1000x1 1000x5; do
  run "b$b" --methods lwkd --per-class "${b%x*}" --teacher-epochs "${b#*x}"
done
python3 - "$out" <<'PY'
import json, math, re, statistics as st, sys, pathlib
d = pathlib.Path(sys.argv[1])
def rows(name):
    line = [l for l in (d / f"{name}.json").read_text().splitlines() if l.startswith("[{")][0]
    return json.loads(line)
def spread(xs):
    return st.mean(xs), (st.stdev(xs) if len(xs) > 1 else 0.0)
ce = spread([r["test_acc"] * 100 for r in rows("ce")])
points = []
for b in ["10x1", "50x1", "200x1", "200x2", "200x3", "1000x1", "1000x5"]:
    n, e = map(int, b.split("x"))
    rs = rows(f"b{b}")
    val = [float(v) for v in re.findall(r"\[Teacher\] done: validation accuracy ([\d.]+)%", (d / f"b{b}.err").read_text() + (d / f"b{b}.json").read_text())]
    acc = spread([r["test_acc"] * 100 for r in rs])
    secs = st.mean(r["teacher_s"] for r in rs)
    points.append((n * 10 * e, n, e, st.mean(val), secs, acc))
print("| teacher budget: images × epochs | teacher's validation accuracy (%) | teacher time (s) | LW-KD student test accuracy (%) |")
print("|---|---|---|---|")
for budget, n, e, val, secs, (m, s) in points:
    print(f"| {n * 10:,} × {e} = {budget:,} | {val:.1f} | {secs:.1f} | {m:.2f} ± {s:.2f} |")
print(f"| CE, no teacher | — | 0 | {ce[0]:.2f} ± {ce[1]:.2f} |")
# The curve: student accuracy (mean ± std) against the budget on a log axis, CE's band for reference.
W, H, L, R, T, B = 640, 320, 60, 20, 20, 50
xs = [math.log10(p[0]) for p in points]
x0, x1 = min(xs) - 0.2, max(xs) + 0.2
ys = [p[5][0] for p in points] + [ce[0]]
y0, y1 = math.floor(min(ys) - 3), math.ceil(max(ys) + 3)
X = lambda v: L + (v - x0) / (x1 - x0) * (W - L - R)
Y = lambda v: T + (y1 - v) / (y1 - y0) * (H - T - B)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="#fff"/>']
svg.append(f'<rect x="{L}" y="{Y(ce[0] + ce[1]):.1f}" width="{W - L - R}" height="{Y(ce[0] - ce[1]) - Y(ce[0] + ce[1]):.1f}" fill="#5a5a5a" opacity="0.15"/>')
svg.append(f'<line x1="{L}" x2="{W - R}" y1="{Y(ce[0]):.1f}" y2="{Y(ce[0]):.1f}" stroke="#5a5a5a" stroke-dasharray="6 4"/>')
svg.append(f'<text x="{W - R - 4}" y="{Y(ce[0]) + 16:.1f}" text-anchor="end" fill="#5a5a5a">CE, no teacher: {ce[0]:.2f} %</text>')
for v in range(y0, y1 + 1):
    svg.append(f'<text x="{L - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v}</text><line x1="{L}" x2="{W - R}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#eee"/>')
for k in range(2, 6):
    if x0 <= k <= x1:
        svg.append(f'<text x="{X(k):.1f}" y="{H - B + 16}" text-anchor="middle">{10 ** k:,}</text>')
path = " ".join(f"{'M' if i == 0 else 'L'}{X(x):.1f},{Y(p[5][0]):.1f}" for i, (x, p) in enumerate(zip(xs, points)))
svg.append(f'<path d="{path}" fill="none" stroke="#0072b2" stroke-width="2"/>')
for x, p in zip(xs, points):
    m, s = p[5]
    svg.append(f'<line x1="{X(x):.1f}" x2="{X(x):.1f}" y1="{Y(m - s):.1f}" y2="{Y(m + s):.1f}" stroke="#0072b2" stroke-width="2"/>')
    svg.append(f'<circle cx="{X(x):.1f}" cy="{Y(m):.1f}" r="4" fill="#0072b2"/>')
    svg.append(f'<text x="{X(x):.1f}" y="{Y(m + s) - 6:.1f}" text-anchor="middle" fill="#0072b2" font-size="10">{p[3]:.0f} %</text>')
svg.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">lightweight teacher\'s budget: synthesized images × epochs (log scale)</text>')
svg.append(f'<text transform="translate(14 {(T + H - B) / 2}) rotate(-90)" text-anchor="middle">LW-KD student test accuracy (%)</text>')
svg.append(f'<text x="{L + 6}" y="{T + 12}" fill="#0072b2">LW-KD, mean ± std of 3 seeds; labels: the teacher\'s own validation accuracy</text>')
svg.append("</svg>")
pathlib.Path("docs/teacher-budget.svg").write_text("\n".join(svg) + "\n")
print("\nwrote docs/teacher-budget.svg")
PY
