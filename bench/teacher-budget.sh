#!/usr/bin/env bash
# The lightweight teacher's budget against LW-KD's student (not part of the tests): for each scenario
# named (default: noisy, digits — Fashion-MNIST and MNIST as the target), LW-KD at the scenario's
# settings, 5 seeds per teacher budget (images per class × epochs; each seed trains its own teacher),
# and CE on the same seeds as the line to beat. Prints a markdown table per scenario and writes both
# curves to docs/teacher-budget.svg.
#   bash bench/teacher-budget.sh [SCENARIO…]     (about 5 minutes per scenario natively on one core)
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(noisy digits)
cargo build --quiet --bin lwkd 2>&1 | grep -v 'XDG_RUNTIME_DIR' >&2 || true
lwkd=target/debug/lwkd
out=$(mktemp -d)
budgets=(10x1 50x1 200x1 200x2 200x3 1000x1 1000x5)
run() { # scenario, name, flags…
  local s=$1 name=$2; shift 2
  RAYON_NUM_THREADS=1 "$lwkd" compare --scenario "$s" --seeds 5 --json "$@" >"$out/$s-$name.json" 2>"$out/$s-$name.err"
}
for s in "${scenarios[@]}"; do
  run "$s" ce --methods ce
  for b in "${budgets[@]}"; do
    run "$s" "b$b" --methods lwkd --per-class "${b%x*}" --teacher-epochs "${b#*x}"
  done
done
python3 - "$out" "${budgets[*]}" "${scenarios[@]}" <<'PY'
import json, math, re, statistics as st, sys, pathlib
d, budgets, scenarios = pathlib.Path(sys.argv[1]), sys.argv[2].split(), sys.argv[3:]
def rows(name):
    line = [l for l in (d / f"{name}.json").read_text().splitlines() if l.startswith("[{")][0]
    return json.loads(line)
def spread(xs):
    return st.mean(xs), (st.stdev(xs) if len(xs) > 1 else 0.0)
curves = []
for s in scenarios:
    ce = spread([r["test_acc"] * 100 for r in rows(f"{s}-ce")])
    points = []
    for b in budgets:
        n, e = map(int, b.split("x"))
        rs = rows(f"{s}-b{b}")
        # Every seed's teacher logs its accuracy on held-out numerals after each epoch; keep its last.
        log = (d / f"{s}-b{b}.err").read_text()
        val = [float(v) for ep, v in re.findall(r"\[Lightweight teacher[^\]]*\] epoch (\d+):.*test accuracy ([\d.]+)%", log) if int(ep) == e]
        acc = spread([r["test_acc"] * 100 for r in rs])
        secs = st.mean(r["teacher_s"] for r in rs)
        points.append((n * 10 * e, n, e, st.mean(val), secs, acc))
    curves.append((s, ce, points))
    print(f"\n{s}:\n")
    print("| teacher budget: images × epochs | teacher's held-out numeral accuracy (%) | teacher time (s) | LW-KD student test accuracy (%) |")
    print("|---|---|---|---|")
    for budget, n, e, val, secs, (m, sd) in points:
        print(f"| {n * 10:,} × {e} = {budget:,} | {val:.1f} | {secs:.1f} | {m:.2f} ± {sd:.2f} |")
    print(f"| CE, no teacher | — | 0 | {ce[0]:.2f} ± {ce[1]:.2f} |")
# The curves: student accuracy (mean ± std) against the budget on a log axis, each CE's line beside.
W, H, L, R, T, B = 640, 360, 60, 20, 20, 50
colors = ["#0072b2", "#d55e00", "#009e73"]
xs = [math.log10(p[0]) for p in curves[0][2]]
x0, x1 = min(xs) - 0.2, max(xs) + 0.2
ys = [p[5][0] for c in curves for p in c[2]] + [c[1][0] for c in curves]
y0, y1 = math.floor(min(ys) - 3), math.ceil(max(ys) + 3)
step = max(1, (y1 - y0) // 8)
X = lambda v: L + (v - x0) / (x1 - x0) * (W - L - R)
Y = lambda v: T + (y1 - v) / (y1 - y0) * (H - T - B)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="#fff"/>']
for v in range(y0, y1 + 1, step):
    svg.append(f'<text x="{L - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v}</text><line x1="{L}" x2="{W - R}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#eee"/>')
for k in range(2, 6):
    if x0 <= k <= x1:
        svg.append(f'<text x="{X(k):.1f}" y="{H - B + 16}" text-anchor="middle">{10 ** k:,}</text>')
for i, (s, ce, points) in enumerate(curves):
    c = colors[i % len(colors)]
    svg.append(f'<line x1="{L}" x2="{W - R}" y1="{Y(ce[0]):.1f}" y2="{Y(ce[0]):.1f}" stroke="{c}" stroke-dasharray="6 4" opacity="0.7"/>')
    svg.append(f'<text x="{W - R - 4}" y="{Y(ce[0]) - 5:.1f}" text-anchor="end" fill="{c}">{s}: CE, no teacher, {ce[0]:.2f} %</text>')
    path = " ".join(f"{'M' if j == 0 else 'L'}{X(x):.1f},{Y(p[5][0]):.1f}" for j, (x, p) in enumerate(zip(xs, points)))
    svg.append(f'<path d="{path}" fill="none" stroke="{c}" stroke-width="2"/>')
    for x, p in zip(xs, points):
        m, sd = p[5]
        svg.append(f'<line x1="{X(x):.1f}" x2="{X(x):.1f}" y1="{Y(m - sd):.1f}" y2="{Y(m + sd):.1f}" stroke="{c}" stroke-width="2"/>')
        svg.append(f'<circle cx="{X(x):.1f}" cy="{Y(m):.1f}" r="4" fill="{c}"/>')
        svg.append(f'<text x="{X(x):.1f}" y="{Y(m + sd) - 6:.1f}" text-anchor="middle" fill="{c}" font-size="10">{p[3]:.0f} %</text>')
    svg.append(f'<text x="{L + 6}" y="{T + 12 + 14 * i}" fill="{c}">{s}: LW-KD, mean ± std of 5 seeds (labels: the teacher\'s held-out numeral accuracy)</text>')
svg.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">lightweight teacher\'s budget: synthesized images × epochs (log scale)</text>')
svg.append(f'<text transform="translate(14 {(T + H - B) / 2}) rotate(-90)" text-anchor="middle">LW-KD student test accuracy (%)</text>')
svg.append("</svg>")
pathlib.Path("docs/teacher-budget.svg").write_text("\n".join(svg) + "\n")
print("\nwrote docs/teacher-budget.svg")
PY
