#!/usr/bin/env bash
# Lexical verification apart from retrieval: verdicts against each claim's
# annotated evidence only, and how well the evidence features separate
# supported from unsupported claims. See benches/evidence_ceiling.py.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/train-venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q scikit-learn numpy; }
cargo build --release --quiet
"$venv/bin/python" benches/evidence_ceiling.py
