#!/usr/bin/env bash
# Performance benchmark: regenerates benches/RESULTS.md and benches/scaling.png.
#
#   bash benches/run.sh            # full run (about 10 minutes on 2 cores)
#   QUICK=1 bash benches/run.sh    # smaller sizes, one run each (a smoke test)
#
# It builds factcheck in release mode, writes a seeded synthetic corpus
# (benches/gen_corpus.rs) to benches/out/, times `factcheck check` end to end
# (wall, user, peak RSS by /usr/bin/time; median of RUNS runs), times the
# phases separately (benches/phases.rs), and runs the same retrieval task with
# bm25s and rapidfuzz (installed into a venv with pip) and a naive all-pairs
# strsim loop (benches/naive_allpairs.rs), including top-1 agreement with the
# gold evidence of ../shared/bench; then the real-text benchmark (benches/real_text.sh:
# tables of real prose, perf_ratio.py, time against rows up to 1M). Timings are never
# asserted by tests.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benches/out
BENCH_DIR=${BENCH_DIR:-../shared/bench}
RUNS=${RUNS:-3}
QUICK=${QUICK:-}
mkdir -p "$OUT"

echo "== build" >&2
cargo build --release --quiet --bin factcheck --example gen_corpus --example phases --example naive_allpairs
BIN=target/release/factcheck
EX=target/release/examples

echo "== python tools (venv)" >&2
VENV=$OUT/venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q bm25s==0.3.16 rapidfuzz==3.14.6 numpy scipy matplotlib
fi
PY=$VENV/bin/python

if [ -n "$QUICK" ]; then SIZES="1000 10000 100000"; BIG=100000; BIGC=10000; CMP=100000; RUNS=1
else SIZES="1000 10000 100000 1000000"; BIG=1000000; BIGC=100000; CMP=300000; fi

echo "== corpus" >&2
gen() { [ -f "$OUT/refs-$1.csv" ] && [ -f "$OUT/claims-$1-$2.csv" ] || "$EX/gen_corpus" "$OUT/refs-$1.csv" "$1" "$OUT/claims-$1-$2.csv" "$2"; }
for n in $SIZES; do gen "$n" 2000; done
gen "$BIG" "$BIGC"
gen "$CMP" 2000
# One article's worth of claims (about 40) against the biggest table.
head -41 "$OUT/claims-$BIG-$BIGC.csv" > "$OUT/claims-article.csv"

source benches/timing.sh  # (the repository root is the working directory)

echo "== scaling" >&2
: > "$OUT/scaling.txt"
for n in $SIZES; do
  read -r wall user rss < <(time_check "$OUT/refs-$n.csv" "$OUT/claims-$n-2000.csv")
  echo "$n $wall $user $rss" >> "$OUT/scaling.txt"
done

echo "== big run" >&2
read -r big_wall big_user big_rss < <(time_check "$OUT/refs-$BIG.csv" "$OUT/claims-$BIG-$BIGC.csv")
read -r art_wall art_user art_rss < <(time_check "$OUT/refs-$BIG.csv" "$OUT/claims-article.csv")
# The same article against the table indexed once into a file.
/usr/bin/time -o "$OUT/index.time" -f "%e" "$BIN" refs index "$OUT/refs-$BIG.csv" -o "$OUT/refs-$BIG.fcidx" 2>/dev/null
idx_build=$(tail -1 "$OUT/index.time")
read -r idx_wall idx_user idx_rss < <(time_check "$OUT/refs-$BIG.fcidx" "$OUT/claims-article.csv")
"$EX/phases" "$OUT/refs-$BIG.csv" "$OUT/claims-$BIG-$BIGC.csv" > "$OUT/phases.txt"

echo "== side by side on $CMP references x 2000 claims" >&2
read -r fc_wall fc_user fc_rss < <(time_check "$OUT/refs-$CMP.csv" "$OUT/claims-$CMP-2000.csv")
bm=()
for _ in $(seq "$RUNS"); do bm+=("$("$PY" benches/tools.py bm25s "$OUT/refs-$CMP.csv" "$OUT/claims-$CMP-2000.csv" | awk '{print $2}')"); done
bm_wall=$(printf '%s\n' "${bm[@]}" | median)
rf_claim=$("$PY" benches/tools.py rapidfuzz "$OUT/refs-$CMP.csv" "$OUT/claims-$CMP-2000.csv" 10 | awk '{print $2}')
nv_claim=$("$EX/naive_allpairs" "$OUT/refs-$CMP.csv" "$OUT/claims-$CMP-2000.csv" 3 | awk 'NR==1 {print $6}')
fc_claim=$(awk -v w="$fc_wall" 'BEGIN {printf "%.5f", w/2000}')

echo "== top-1 agreement on $BENCH_DIR" >&2
agree_rows=""
for dir in "$BENCH_DIR"/*/; do
  set_name=$(basename "$dir")
  [ -f "$dir/evidence_map.csv" ] || continue
  fc=$("$BIN" eval "$dir/claims.csv" --refs "$dir/references.csv" --evidence "$dir/evidence_map.csv" --format json \
       | "$PY" -c 'import json,sys; r=json.load(sys.stdin)["retrieval"]; print("%.3f (deciding reference %.3f)" % (r["retriever_at_1"], r["recall_at_1"]))')
  "$PY" benches/tools.py bm25s "$dir/references.csv" "$dir/claims.csv" "$OUT/bm25s-top1.csv" > /dev/null
  bm=$("$PY" benches/tools.py agreement "$OUT/bm25s-top1.csv" "$dir/evidence_map.csv" | awk '{print $2}')
  "$PY" benches/tools.py rapidfuzz "$dir/references.csv" "$dir/claims.csv" 200 "$OUT/rf-top1.csv" > /dev/null
  rf=$("$PY" benches/tools.py agreement "$OUT/rf-top1.csv" "$dir/evidence_map.csv" | awk '{print $2}')
  "$EX/naive_allpairs" "$dir/references.csv" "$dir/claims.csv" 200 | awk '/^top1/ {print $2 "," $3}' > "$OUT/nv-top1.csv"
  nv=$("$PY" benches/tools.py agreement "$OUT/nv-top1.csv" "$dir/evidence_map.csv" | awk '{print $2}')
  agree_rows+="| $set_name | $fc | $bm | $rf (first 200 claims) | $nv (first 200 claims) |"$'\n'
done

echo "== real text" >&2
OUT=$OUT BIN=$BIN PY=$PY RUNS=$RUNS QUICK=$QUICK BENCH_DIR=$BENCH_DIR bash benches/real_text.sh > /dev/null

echo "== plot" >&2
"$PY" - "$OUT/scaling.txt" benches/scaling.png <<'PY'
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
n = [r[0] for r in rows]
fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
ax.plot(n, [r[1] for r in rows], "o-", label="wall (s)")
ax.plot(n, [r[2] for r in rows], "s--", label="user CPU (s)")
ax.set_xscale("log"); ax.set_yscale("log")
ax.set_xlabel("reference statements"); ax.set_ylabel("seconds, 2,000 claims end to end")
ax.set_title("factcheck check: time vs table size")
ax.grid(True, which="both", alpha=0.3); ax.legend()
fig.tight_layout(); fig.savefig(sys.argv[2])
PY

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a/b}'; }
{
  echo "# Benchmark results"
  echo
  echo "Regenerated by \`bash benches/run.sh\` (medians of $RUNS runs; synthetic corpus from"
  echo "\`benches/gen_corpus.rs\`, seed 20261125). Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(rustc --version)."
  echo
  echo "## End to end: \`factcheck check CLAIMS --refs REFS --format json\`"
  echo
  echo "| references | claims | wall (s) | user CPU (s) | peak RSS (MB) |"
  echo "|---|---|---|---|---|"
  while read -r n wall user rss; do echo "| $n | 2000 | $wall | $user | $rss |"; done < "$OUT/scaling.txt"
  echo "| $BIG | $BIGC | $big_wall | $big_user | $big_rss |"
  echo "| $BIG | 40 (one article) | $art_wall | $art_user | $art_rss |"
  echo "| $BIG, saved index (built once by refs index in ${idx_build} s) | 40 (one article) | $idx_wall | $idx_user | $idx_rss |"
  echo
  echo "![time vs references](scaling.png)"
  echo
  echo "Phases, $BIG references x $BIGC claims (\`target/release/examples/phases\`, one run):"
  echo
  echo '```'
  cat "$OUT/phases.txt"
  echo '```'
  echo
  echo "## Side by side: $CMP references, 2,000 claims, top-5 retrieval"
  echo
  echo "| tool | end to end (s) | per claim (s) | factcheck is faster by |"
  echo "|---|---|---|---|"
  echo "| factcheck (load, index, retrieve, align, verdict, report) | $fc_wall | $fc_claim | 1x |"
  echo "| bm25s $( "$PY" -c 'import bm25s; print(bm25s.__version__)') (load, tokenize, index, retrieve k=5) | $bm_wall | - | $(ratio "$bm_wall" "$fc_wall")x |"
  echo "| rapidfuzz (extractOne, token_set_ratio; 10 claims) | - | $rf_claim | $(ratio "$rf_claim" "$fc_claim")x per claim |"
  echo "| naive all-pairs strsim (3 claims) | - | $nv_claim | $(ratio "$nv_claim" "$fc_claim")x per claim |"
  echo
  echo "## Top-1 retrieval agreement with the gold evidence ($BENCH_DIR)"
  echo
  echo "Share of claims with gold evidence whose first retrieved reference is gold. For factcheck: the"
  echo "first BM25 candidate (the same task as the other tools), and in brackets the reference that"
  echo "decided the verdict (or the best re-ranked candidate when none did)."
  echo
  echo "| set | factcheck | bm25s | rapidfuzz | naive strsim |"
  echo "|---|---|---|---|---|"
  printf '%s' "$agree_rows"
  echo
  cat "$OUT/real_text.md"
} > benches/RESULTS.md
cat benches/RESULTS.md
