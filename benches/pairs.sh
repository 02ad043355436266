#!/usr/bin/env bash
# Scores `factcheck compare A B` on the article pairs in ../shared/bench/pairs
# (or $BENCH_DIR/pairs): every <case>-a.md / <case>-b.md with a <case>-gold.csv
# of shared facts (key_a,key_b,relation). Prints the scorer's per-case lines and
# its last line (pairs_right, conflicts_recall, false_conflicts).
# Usage: bash benches/pairs.sh [--keep DIR] [--verbose] [extra compare flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-../shared/bench}
dir="$BENCH_DIR/pairs"
keep=""
quiet=(-q)
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=$2; shift 2 ;;
    --verbose) quiet=(); shift ;;
    *) break ;;
  esac
done
[ -f "$dir/score_pairs.py" ] || { echo "no pairs bench in $dir" >&2; exit 0; }
cargo build --release --quiet
BIN=$PWD/target/release/factcheck
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for gold in "$dir"/*-gold.csv; do
  head -1 "$gold" | grep -q key_a || continue
  case=$(basename "$gold" -gold.csv)
  a="$dir/$case-a.md"; [ -f "$a" ] || a="$dir/$case-a.txt"
  b="$dir/$case-b.md"; [ -f "$b" ] || b="$dir/$case-b.txt"
  "$BIN" compare "$a" "$b" --format json "$@" > "$tmp/$case.json" 2>/dev/null \
    || [ -s "$tmp/$case.json" ] || echo '{"pairs":[]}' > "$tmp/$case.json"
done
python3 "$dir/score_pairs.py" --outputs "$tmp" --cases "$dir" "${quiet[@]}"
if [ -n "$keep" ]; then mkdir -p "$keep"; cp "$tmp"/*.json "$keep"/; fi
