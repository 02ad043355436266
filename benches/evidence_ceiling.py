"""How far lexical verification can go on a labelled set, apart from retrieval.

Two figures per set in ../shared/bench (or $BENCH_DIR):
1. gold evidence only: each claim is checked against a table holding just its
   annotated evidence sentences (evidence_map.csv), so retrieval cannot fail;
   accuracy and macro-F1 of the verdicts.
2. separability: ROC AUC of supported vs unsupported claims for single
   evidence features (and a 5-fold logistic regression over all of them), from
   `factcheck eval --rules --dump-features`.

Run: bash benches/evidence_ceiling.sh   (makes the venv, builds, runs this)
"""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import cross_val_predict

BIN = "target/release/factcheck"


def gold_only(bench, name, tmp):
    d = os.path.join(bench, name)
    claims = list(csv.DictReader(open(os.path.join(d, "claims.csv"), encoding="utf-8")))
    refs = {r["id"]: r for r in csv.DictReader(open(os.path.join(d, "references.csv"), encoding="utf-8"))}
    evidence = collections.defaultdict(list)
    for r in csv.DictReader(open(os.path.join(d, "evidence_map.csv"), encoding="utf-8")):
        if r.get("ref_id"):
            evidence[r["claim_id"]].append(r["ref_id"])

    def one(c):
        if not evidence[c["id"]]:
            return None
        base = os.path.join(tmp, name + "-" + c["id"])
        with open(base + ".refs.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "statement", "source"])
            for rid in evidence[c["id"]]:
                w.writerow([rid, refs[rid]["statement"], refs[rid]["source"]])
        with open(base + ".claims.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "text"])
            w.writerow([c["id"], c["text"]])
        out = subprocess.run(
            [BIN, "check", base + ".claims.csv", "--refs", base + ".refs.csv", "--format", "json"],
            capture_output=True, text=True, check=False,
        ).stdout
        return c["label"], json.loads(out)["claims"][0]["verdict"]

    with ThreadPoolExecutor(4) as ex:
        pairs = [p for p in ex.map(one, claims) if p]
    gold = [g for g, _ in pairs]
    pred = [p for _, p in pairs]
    return len(pairs), accuracy_score(gold, pred), f1_score(gold, pred, average="macro")


def separability(bench, name, tmp):
    d = os.path.join(bench, name)
    dump = os.path.join(tmp, name + "-features.csv")
    subprocess.run(
        [BIN, "eval", os.path.join(d, "claims.csv"), "--refs", os.path.join(d, "references.csv"),
         "--rules", "--dump-features", dump],
        capture_output=True, check=True,
    )
    rows = list(csv.DictReader(open(dump, encoding="utf-8")))
    names = [k for k in rows[0] if k not in ("id", "label", "bias")]
    x = np.array([[float(r[n]) for n in names] for r in rows])
    y = np.array([r["label"] for r in rows])
    keep = y != "contradicted"
    x, target = x[keep], (y[keep] == "supported").astype(int)
    single = {n: roc_auc_score(target, x[:, names.index(n)])
              for n in ("best_coverage", "joint_coverage", "retrieval")}
    p = cross_val_predict(LogisticRegression(max_iter=5000), x, target, cv=5, method="predict_proba")[:, 1]
    return single, roc_auc_score(target, p)


def main():
    bench = os.environ.get("BENCH_DIR", "../shared/bench")
    print("| set | claims | gold-evidence-only accuracy | macro-F1 | AUC best_coverage | AUC joint_coverage | AUC retrieval | AUC all features (LR, 5-fold) |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(bench)):
            if not os.path.exists(os.path.join(bench, name, "evidence_map.csv")):
                continue
            n, acc, f1 = gold_only(bench, name, tmp)
            single, lr = separability(bench, name, tmp)
            print(f"| {name} | {n} | {acc:.3f} | {f1:.3f} | {single['best_coverage']:.3f} | "
                  f"{single['joint_coverage']:.3f} | {single['retrieval']:.3f} | {lr:.3f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
