#!/usr/bin/env bash
# The real-text benchmark: factcheck on tables of real prose (the bench sentences,
# recombined: ../shared/bench/perf/perf_ratio.py), beside bm25s and rapidfuzz, with
# time against table size. Writes benches/out/real_text.md (run.sh puts it into
# benches/RESULTS.md) and benches/real_scaling.svg.
#
#   bash benches/real_text.sh              # sizes 10k to 1M
#   QUICK=1 bash benches/real_text.sh      # up to 100k, one run each
#
# Needs BIN (built), PY (a python with bm25s and rapidfuzz) and OUT from run.sh, or
# builds and installs them itself. Timings are never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-benches/out}
BENCH_DIR=${BENCH_DIR:-../shared/bench}
SHARED=$(cd "$BENCH_DIR/.." && pwd)
RUNS=${RUNS:-3}
QUICK=${QUICK:-}
BIN=${BIN:-target/release/factcheck}
mkdir -p "$OUT"
if [ -z "${PY:-}" ]; then
  cargo build --release --quiet --bin factcheck
  VENV=$OUT/venv
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q bm25s==0.3.16 rapidfuzz==3.14.6 numpy scipy
  fi
  PY=$VENV/bin/python
fi
if [ -n "$QUICK" ]; then SIZES="10000 30000 100000"; CMP=100000; RUNS=1
else SIZES="10000 30000 100000 300000 1000000"; CMP=300000; fi
BIG=${SIZES##* }

echo "== real-text tables" >&2
for n in $SIZES; do
  [ -f "$OUT/real-$n.csv" ] || python3 benches/real_table.py "$SHARED" "$n" "$OUT/real-$n.csv"
done
[ -f "$OUT/real-aliases-145000.csv" ] || python3 benches/real_table.py --aliases 145000 "$OUT/real-aliases-145000.csv"
# Claims: the bench claims, as perf_ratio.py takes them; one, and one article's worth (40).
"$PY" - "$SHARED" "$OUT" <<'PY'
import csv, sys
shared, out = sys.argv[1:3]
claims = []
for d in ("fever_symmetric", "climate_fever"):
    claims += [r["text"] for r in csv.DictReader(open(f"{shared}/bench/{d}/claims.csv", encoding="utf-8"))]
for n in (1, 40):
    with open(f"{out}/real-claims-{n}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f); w.writerow(["id", "text"])
        for i, c in enumerate(claims[:n]): w.writerow([f"c{i}", c])
with open(f"{out}/real-alias-claims.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["id", "text"])
    w.writerow(["c1", "The bridge n2710 opened in 1902."]); w.writerow(["c2", "Town 26 has 2 bridges."])
PY

source benches/timing.sh  # (the repository root is the working directory)

echo "== real-text scaling (one claim: nearly all of it is reading and indexing the table)" >&2
: > "$OUT/real_scaling.txt"
for n in $SIZES; do
  read -r wall user rss < <(time_check "$OUT/real-$n.csv" "$OUT/real-claims-1.csv")
  echo "$n $wall $user $rss" >> "$OUT/real_scaling.txt"
done

echo "== saved index of $BIG rows, one article (40 claims)" >&2
/usr/bin/time -o "$OUT/real-index.time" -f "%e %M" "$BIN" refs index "$OUT/real-$BIG.csv" -o "$OUT/real-$BIG.fcidx" 2>/dev/null
read -r idx_build idx_build_rss < "$OUT/real-index.time"
read -r art_wall art_user art_rss < <(time_check "$OUT/real-$BIG.csv" "$OUT/real-claims-40.csv")
read -r sav_wall sav_user sav_rss < <(time_check "$OUT/real-$BIG.fcidx" "$OUT/real-claims-40.csv")

echo "== one row with 145,000 aliases" >&2
read -r al_wall al_user al_rss < <(time_check "$OUT/real-aliases-145000.csv" "$OUT/real-alias-claims.csv")

echo "== perf_ratio.py $CMP x 2000 (factcheck, bm25s, rapidfuzz in one run)" >&2
: > "$OUT/perf_ratio.txt"
for _ in $(seq "$RUNS"); do
  TMPDIR=$(cd "$OUT" && pwd) "$PY" "$BENCH_DIR/perf/perf_ratio.py" "$BIN" "$SHARED" "$CMP" 2000 >> "$OUT/perf_ratio.txt"
done

echo "== plot" >&2
python3 - "$OUT/real_scaling.txt" benches/real_scaling.svg > "$OUT/real_plot.txt" <<'PY'
import sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
per = [(int(n), w / n * 1e6) for n, w, _, _ in rows]
# A text plot: microseconds of wall time per reference row, by table size.
top = max(p for _, p in per)
for n, p in per:
    print(f"{n:>9,} rows | {'#' * max(1, round(40 * p / top)):<40} {p:6.2f} us/row")
# The same as a small SVG: time against rows, both axes logarithmic.
import math
W, H, M = 480, 300, 50
xs = [math.log10(r[0]) for r in rows]; ys = [math.log10(max(r[1], 1e-3)) for r in rows]
x0, x1 = min(xs), max(xs); y0, y1 = min(ys) - 0.2, max(ys) + 0.2
X = lambda v: M + (v - x0) / ((x1 - x0) or 1) * (W - 2 * M)
Y = lambda v: H - M - (v - y0) / ((y1 - y0) or 1) * (H - 2 * M)
pts = " ".join(f"{X(a):.1f},{Y(b):.1f}" for a, b in zip(xs, ys))
# A line of slope 1 through the first point: linear scaling.
lin = f"{X(xs[0]):.1f},{Y(ys[0]):.1f} {X(xs[-1]):.1f},{Y(ys[0] + xs[-1] - xs[0]):.1f}"
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W/2}" y="18" text-anchor="middle" font-size="13">factcheck check, real-text table, one claim: wall time vs rows</text>',
       f'<line x1="{M}" y1="{H-M}" x2="{W-M}" y2="{H-M}" stroke="black"/><line x1="{M}" y1="{M}" x2="{M}" y2="{H-M}" stroke="black"/>',
       f'<polyline points="{lin}" fill="none" stroke="#bbb" stroke-dasharray="4 3"/>',
       f'<polyline points="{pts}" fill="none" stroke="#1f77b4" stroke-width="2"/>']
for (n, w, _, _), a, b in zip(rows, xs, ys):
    svg.append(f'<circle cx="{X(a):.1f}" cy="{Y(b):.1f}" r="3" fill="#1f77b4"/>')
    svg.append(f'<text x="{X(a):.1f}" y="{H-M+15}" text-anchor="middle">{int(n):,}</text>')
    svg.append(f'<text x="{X(a)+5:.1f}" y="{Y(b)-6:.1f}">{w:.2f} s</text>')
svg.append(f'<text x="{W/2}" y="{H-12}" text-anchor="middle">reference rows (log); dashed: linear</text>')
svg.append('</svg>')
open(sys.argv[2], "w").write("\n".join(svg) + "\n")
PY

{
  echo "## Real text: tables of real prose (\`$BENCH_DIR/perf/perf_ratio.py\`)"
  echo
  echo "Rows of the bench sentences and of sentences joined from two of them (\`benches/real_table.py\`, the"
  echo "same rows as perf_ratio.py): long, with names, numbers and acronyms defined in brackets. Medians of"
  echo "$RUNS runs; the machine is shared, so read ratios rather than seconds."
  echo
  echo "### perf_ratio.py, $CMP rows x 2,000 claims, $RUNS runs of the script"
  echo
  echo '```'
  cat "$OUT/perf_ratio.txt"
  echo '```'
  echo
  echo "### Time against rows: \`factcheck check\` of one claim"
  echo
  echo "| rows | wall (s) | user CPU (s) | peak RSS (MB) | wall per row (us) |"
  echo "|---|---|---|---|---|"
  while read -r n wall user rss; do
    echo "| $n | $wall | $user | $rss | $(awk -v w="$wall" -v n="$n" 'BEGIN {printf "%.2f", w / n * 1e6}') |"
  done < "$OUT/real_scaling.txt"
  echo
  echo '```'
  cat "$OUT/real_plot.txt"
  echo '```'
  echo
  echo "![time vs rows, real text](real_scaling.svg)"
  echo
  echo "### $BIG rows: one article's worth of claims (40)"
  echo
  echo "| references | wall (s) | user CPU (s) | peak RSS (MB) |"
  echo "|---|---|---|---|"
  echo "| $BIG rows, CSV (read and indexed in the run) | $art_wall | $art_user | $art_rss |"
  echo "| $BIG rows, saved index (\`refs index\`: $idx_build s, peak RSS $((idx_build_rss / 1024)) MB) | $sav_wall | $sav_user | $sav_rss |"
  echo
  echo "### One row with 145,000 \`|\`-separated aliases (and 199 plain rows), two claims"
  echo
  echo "| wall (s) | user CPU (s) | peak RSS (MB) |"
  echo "|---|---|---|"
  echo "| $al_wall | $al_user | $al_rss |"
} > "$OUT/real_text.md"
cat "$OUT/real_text.md"
