"""Trains the calibrated verdict model and writes src/data/calibration.txt.

Training data: the features factcheck computes for each claim of the public
benchmark (../shared/bench), dumped with
    factcheck eval CLAIMS --refs REFS --dump-features OUT.csv
Training split, fixed by id: FEVER-Symmetric ids starting with `dev-`, and
Climate-FEVER ids `cf-N` with N even. The other halves (FEVER `test-`,
Climate-FEVER odd N) are held out and reported by benches/accuracy.sh.
Model: multinomial logistic regression (scikit-learn, lbfgs, L2), each set
weighted equally; deterministic.
Run: bash tools/train_calibration.sh   (dumps features, trains, writes the file)
"""
import csv
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

LABELS = ["supported", "contradicted", "unsupported"]


def load(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    names = [k for k in rows[0].keys() if k not in ("id", "label")]
    return rows, names


def is_train(claim_id):
    if claim_id.startswith("dev-"):
        return True
    if claim_id.startswith("cf-"):
        return int(claim_id[3:]) % 2 == 0
    return False


def main(paths, out):
    xs, ys, ws = [], [], []
    names = None
    for path in paths:
        rows, names = load(path)
        train = [r for r in rows if is_train(r["id"]) and r["label"] in LABELS]
        for r in train:
            xs.append([float(r[n]) for n in names[1:]])  # bias is the intercept
            ys.append(LABELS.index(r["label"]))
            ws.append(1.0 / len(train))
    x, y, w = np.array(xs), np.array(ys), np.array(ws) * len(ws)
    model = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced")
    model.fit(x, y, sample_weight=w)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# factcheck calibrated verdict model: multinomial logistic regression.\n")
        f.write("# Trained by tools/train_calibration.py on FEVER-Symmetric dev- ids and Climate-FEVER even ids.\n")
        f.write("features " + " ".join(names) + "\n")
        for k, label in enumerate(LABELS):
            weights = [model.intercept_[k]] + list(model.coef_[k])
            f.write(label + " " + " ".join(f"{v:.6f}" for v in weights) + "\n")


if __name__ == "__main__":
    main(sys.argv[2:], sys.argv[1])
