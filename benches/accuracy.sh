#!/usr/bin/env bash
# Runs `factcheck eval` on every labelled set in ../shared/bench (or $BENCH_DIR)
# and prints one table: whole file, and the dev-/test- splits where ids have them.
# Usage: bash benches/accuracy.sh [extra eval flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-../shared/bench}
cargo build --release --quiet
BIN=target/release/factcheck
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '| set | split | claims | accuracy | macro-F1 | P(contradicted) | R(contradicted) | recall@1 | recall@5 | BM25 top-1 |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for dir in "$BENCH_DIR"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/claims.csv" ] || continue
  # Splits: FEVER-Symmetric dev-/test- ids; Climate-FEVER even/odd ids
  # (the calibrated model trains on dev- and even ids only).
  for split in all dev test even odd; do
    claims="$dir/claims.csv"
    case "$split" in
      all) ;;
      dev|test)
        grep -q "^$split-" "$claims" || continue
        { head -1 "$claims"; grep "^$split-" "$claims"; } > "$tmp/$name-$split.csv"
        claims="$tmp/$name-$split.csv" ;;
      even|odd)
        grep -q "^cf-" "$claims" || continue
        want=$([ "$split" = even ] && echo 0 || echo 1)
        awk -F, -v w="$want" 'NR==1 || (substr($1,1,3)=="cf-" && (substr($1,4)+0)%2==w)' "$claims" > "$tmp/$name-$split.csv"
        claims="$tmp/$name-$split.csv" ;;
    esac
    ev=()
    [ -f "$dir/evidence_map.csv" ] && ev=(--evidence "$dir/evidence_map.csv")
    "$BIN" eval "$claims" --refs "$dir/references.csv" "${ev[@]}" --format json "$@" > "$tmp/out.json"
    python3 - "$name" "$split" "$tmp/out.json" <<'PY'
import json, sys
name, split, path = sys.argv[1:4]
e = json.load(open(path))
c = e["labels"]["contradicted"]
r = e.get("retrieval") or {}
fmt = lambda v: "-" if v is None else f"{v:.3f}"
print(f"| {name} | {split} | {e['claims']} | {e['accuracy']:.3f} | {e['macro_f1']:.3f} | {c['precision']:.3f} | {c['recall']:.3f} | {fmt(r.get('recall_at_1'))} | {fmt(r.get('recall_at_5'))} | {fmt(r.get('retriever_at_1'))} |")
PY
  done
done

# The article benches (end to end and claims mode): a second table.
bash "$(dirname "$0")/articles.sh" "$@"

# The article pairs (`compare A B`): the pairs scorer's lines.
bash "$(dirname "$0")/pairs.sh"
