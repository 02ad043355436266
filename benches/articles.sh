#!/usr/bin/env bash
# Scores factcheck on every article-style set in ../shared/bench (or $BENCH_DIR):
# each folder with <case>-gold.csv files and a score.py (articles, xsumfaith, cliff).
# Two modes per set: end to end (the article itself) and claims mode (the gold
# sentences ready-made as claims in <case>-claims.csv: verdicts without extraction).
# Prints one table; `--keep DIR` keeps the JSON outputs for inspection.
# Usage: bash benches/articles.sh [--keep DIR] [extra check flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-../shared/bench}
keep=""
if [ "${1:-}" = "--keep" ]; then keep=$2; shift 2; fi
cargo build --release --quiet
BIN=$PWD/target/release/factcheck
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '| set | mode | gold rows | accuracy | R(supported) | R(contradicted) | R(unsupported) | mean label recall | extracted |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for dir in "$BENCH_DIR"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/score.py" ] || continue
  ls "$dir"/*-gold.csv >/dev/null 2>&1 || continue
  for mode in article claims; do
    out="$tmp/$name-$mode"; mkdir -p "$out"
    for gold in "$dir"/*-gold.csv; do
      case=$(basename "$gold" -gold.csv)
      if [ "$mode" = article ]; then
        input="$dir/$case.md"; [ -f "$input" ] || input="$dir/$case.txt"
      else
        input="$dir/$case-claims.csv"
      fi
      "$BIN" check "$input" --refs "$dir/$case-refs.csv" --format json --fail-on never "$@" \
        > "$out/$case.json" 2>/dev/null || echo '{"claims":[]}' > "$out/$case.json"
    done
    python3 "$dir/score.py" --outputs "$out" --cases "$dir" > "$out/score.txt"
    python3 - "$name" "$mode" "$out/score.txt" <<'PY'
import re, sys
name, mode, path = sys.argv[1:4]
text = open(path).read()
# Per-case "misses" lines give gold and prediction of every wrong row; the
# per-case recall lines give the counts, which we sum.
counts = {lab: [0, 0] for lab in ("supported", "contradicted", "unsupported")}
for line in text.splitlines():
    if line.strip().startswith("recall "):
        for lab, ok, tot in re.findall(r"(supported|contradicted|unsupported) [0-9.]+ \((\d+)/(\d+)\)", line):
            counts[lab][0] += int(ok); counts[lab][1] += int(tot)
missing = len(re.findall(r"pred=missing", text))
gold = sum(t for _, t in counts.values())
acc = sum(o for o, _ in counts.values()) / gold if gold else 0.0
rec = {lab: (o / t if t else None) for lab, (o, t) in counts.items()}
present = [v for v in rec.values() if v is not None]
mean = sum(present) / len(present) if present else 0.0
# The scorer lists a row as pred=missing only when it is wrong: a supported or
# contradicted sentence that got no claim at all.
fmt = lambda v: "-" if v is None else "%.3f" % v
print("| %s | %s | %d | %.3f | %s | %s | %s | %.3f | %d missing (S/C) |" % (
    name, mode, gold, acc, fmt(rec["supported"]), fmt(rec["contradicted"]),
    fmt(rec["unsupported"]), mean, missing))
PY
    if [ -n "$keep" ]; then mkdir -p "$keep"; rm -rf "$keep/$name-$mode"; cp -r "$out" "$keep/$name-$mode"; fi
  done
done
