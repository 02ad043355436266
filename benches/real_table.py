#!/usr/bin/env python3
"""Writes the real-text reference table of ../shared/bench/perf/perf_ratio.py, any size.

    python3 real_table.py SHARED_DIR N_ROWS OUT.csv
    python3 real_table.py --aliases N OUT.csv      # one row with N `|`-separated aliases

The rows are those of perf_ratio.py (the fever_symmetric and climate_fever sentences,
then sentences joined from the start of one and the end of another, seed 20261125), so
a table of N >= 8,431 rows here is byte for byte the one perf_ratio.py builds for N, and a
smaller table is the first rows of a larger one. The alias table has one row whose
`aliases` cell names one thing N ways (short names, so the cell stays under the 1 MiB
cell limit), beside 199 ordinary rows.
"""
import csv
import random
import sys


def real_table(shared, n_refs, path):
    rng = random.Random(20261125)
    sents = []
    for d in ("fever_symmetric", "climate_fever"):
        with open(f"{shared}/bench/{d}/references.csv", encoding="utf-8") as f:
            sents += [r["statement"] for r in csv.DictReader(f)]
    words = [s.split() for s in sents]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "statement", "source"])
        for i, s in enumerate(sents[:n_refs]):
            w.writerow([f"r{i}", s, "bench"])
        for i in range(len(sents), n_refs):
            a, b = rng.choice(words), rng.choice(words)
            ka, kb = rng.randint(3, max(3, len(a))), rng.randint(0, len(b))
            w.writerow([f"r{i}", " ".join(a[:ka] + b[kb:]), "synthetic"])


def alias_table(n, path):
    cell = "|".join(f"n{i:x}" for i in range(n))
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "statement", "source", "aliases"])
        w.writerow(["A1", "The bridge n11 opened in 1901.", "https://example.org/bridge", cell])
        for i in range(1, 200):
            w.writerow([f"R{i}", f"Town {i} has {i} bridges.", "", ""])


if __name__ == "__main__":
    if sys.argv[1] == "--aliases":
        alias_table(int(sys.argv[2]), sys.argv[3])
    else:
        real_table(sys.argv[1], int(sys.argv[2]), sys.argv[3])
