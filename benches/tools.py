"""The other tools of the benchmark, run the way a user would run them.

    python tools.py bm25s REFS.csv CLAIMS.csv [TOP1_OUT]
        load + tokenize + index + retrieve(k=5) for every claim; prints the
        end-to-end seconds; writes "claim_id,ref_id" top-1 lines if asked.
    python tools.py rapidfuzz REFS.csv CLAIMS.csv N [TOP1_OUT]
        process.extractOne(token_set_ratio) for the first N claims; prints
        seconds per claim.
"""
import csv
import sys
import time


def load(path, col):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["id"] for r in rows], [r[col] for r in rows]


def bm25s_run(refs, claims, out=None):
    import bm25s

    t = time.perf_counter()
    ref_ids, statements = load(refs, "statement")
    claim_ids, texts = load(claims, "text")
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(statements, stopwords="en", show_progress=False), show_progress=False)
    docs, _ = retriever.retrieve(bm25s.tokenize(texts, stopwords="en", show_progress=False), k=min(5, len(statements)), show_progress=False, n_threads=2)
    secs = time.perf_counter() - t
    print(f"seconds {secs:.3f}")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for cid, row in zip(claim_ids, docs):
                f.write(f"{cid},{ref_ids[int(row[0])]}\n")


def rapidfuzz_run(refs, claims, n, out=None):
    from rapidfuzz import fuzz, process

    ref_ids, statements = load(refs, "statement")
    claim_ids, texts = load(claims, "text")
    claim_ids, texts = claim_ids[:n], texts[:n]
    t = time.perf_counter()
    top = []
    for cid, text in zip(claim_ids, texts):
        _, _, idx = process.extractOne(text, statements, scorer=fuzz.token_set_ratio)
        top.append((cid, ref_ids[idx]))
    secs = time.perf_counter() - t
    print(f"per_claim {secs / max(1, len(texts)):.4f}")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for cid, rid in top:
                f.write(f"{cid},{rid}\n")


def agreement(top1, evidence):
    """Share of claims with gold evidence whose top-1 reference is gold."""
    gold = {}
    with open(evidence, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            label = r.get("evidence_label", "")
            if r["ref_id"] and label != "unsupported":
                gold.setdefault(r["claim_id"], set()).add(r["ref_id"])
    n = hit = 0
    with open(top1, encoding="utf-8") as f:
        for line in f:
            cid, rid = line.strip().split(",", 1)
            if cid in gold:
                n += 1
                hit += rid in gold[cid]
    print(f"agreement {hit / max(1, n):.3f} over {n}")


if __name__ == "__main__":
    tool = sys.argv[1]
    if tool == "agreement":
        agreement(sys.argv[2], sys.argv[3])
        sys.exit(0)
    if tool == "bm25s":
        bm25s_run(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif tool == "rapidfuzz":
        rapidfuzz_run(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else None)
    else:
        sys.exit(f"unknown tool {tool}")
