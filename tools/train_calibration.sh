#!/usr/bin/env bash
# Dumps evidence features on the public benchmark, trains the calibrated
# model on the named training split and writes src/data/calibration.txt.
# Needs python3 with scikit-learn and numpy (a venv is made in target/).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-../shared/bench}
venv=target/train-venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q scikit-learn numpy; }
cargo build --release --quiet
out=target/features; mkdir -p "$out"
for set in fever_symmetric climate_fever; do
  ./target/release/factcheck eval "$BENCH_DIR/$set/claims.csv" --refs "$BENCH_DIR/$set/references.csv" \
    --rules --dump-features "$out/$set.csv" > /dev/null
done
"$venv/bin/python" tools/train_calibration.py src/data/calibration.txt "$out/fever_symmetric.csv" "$out/climate_fever.csv"
cargo build --release --quiet
echo "wrote src/data/calibration.txt"
