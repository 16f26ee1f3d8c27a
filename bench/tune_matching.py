"""Fit claim matching's scoring model on the public claim-matching training data, choose the
desk's two thresholds on the development data, and report both against a BM25 baseline.

Data: CheckThat! 2022 Task 2A (tweets -> Snopes) and 2B (political debates -> PolitiFact), English,
read from ../shared/eval/matching (never copied into the project). The model is a logistic
regression over two similarities of each candidate the index proposes (BM25 relative to the
query's own, and the cosine of the vectors) and their product, fitted on the train splits' candidates
(relevant pairs against the rest). Thresholds are chosen on the dev splits: the suggestion
threshold is the lowest score whose suggestions are right at least 60% of the time, the link
threshold the lowest whose automatic links are right at least 95% of the time (a wrong link
costs a reviewer more than a missed one).

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/tune_matching.py [--shared ../shared] [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from factcheck.evaluation import matching as ev
from factcheck.matching import similarity
from factcheck.matching.similarity import Weights

ROOT = Path(__file__).resolve().parents[1]
TASKS = ["2a", "2b"]
SUGGEST_PRECISION, LINK_PRECISION = 0.60, 0.95


def load(shared: Path, task: str, split: str) -> ev.MatchingData:
    d = shared / "eval" / "matching"
    return ev.read(
        d / f"ct22_{task}_en_{split}_queries.tsv",
        d / f"ct22_{task}_en_vclaims.jsonl",
        d / f"ct22_{task}_en_{split}_qrels.tsv",
    )


def training_rows(index: similarity.Index, data: ev.MatchingData) -> tuple[np.ndarray, np.ndarray]:
    x, y = [], []
    for qid, text in data.queries:
        for c in index.search(text, k=200, lexical_only=True):  # every pooled candidate, unranked
            x.append([c.lexical, c.cosine, c.lexical * c.cosine])
            y.append(c.key in data.relevant[qid])
    return np.array(x), np.array(y)


def lowest_threshold(scored: list[tuple[float, bool]], precision: float) -> float:
    """The lowest score at which everything scoring at least that is right often enough."""
    scored = sorted(scored, reverse=True)
    best, right = 1.0, 0
    for n, (score, ok) in enumerate(scored, start=1):
        right += ok
        if right / n >= precision:
            best = score
    return round(best, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help="write the fitted model into the package")
    args = parser.parse_args()
    if not (args.shared / "eval" / "matching").exists():
        raise SystemExit("tune_matching: ../shared/eval/matching not found (needs ../shared beside the project)")

    indexes, xs, ys = {}, [], []
    for task in TASKS:
        train = load(args.shared, task, "train")
        indexes[task] = ev.build_index(train)
        x, y = training_rows(indexes[task], train)
        xs.append(x)
        ys.append(y)
        print(f"{task} train: {len(train.queries)} queries, {len(y)} candidates, {int(y.sum())} relevant")
    model = LogisticRegression(C=1.0, max_iter=10_000).fit(np.vstack(xs), np.concatenate(ys))
    b, (lex, cos, both) = float(model.intercept_[0]), model.coef_[0]
    weights = Weights(
        bias=round(b, 5), lexical=round(float(lex), 5), cosine=round(float(cos), 5), both=round(float(both), 5)
    )
    print(f"weights: {weights}")

    scored = []
    for task in TASKS:
        for index in (indexes[task],):
            index.weights = weights
        dev = load(args.shared, task, "dev")
        for qid, text in dev.queries:
            scored += [(c.score, c.key in dev.relevant[qid]) for c in indexes[task].search(text, k=5)]
    suggest = lowest_threshold(scored, SUGGEST_PRECISION)
    link = max(lowest_threshold(scored, LINK_PRECISION), suggest)
    print(f"thresholds chosen on dev: suggest at {suggest}, link at {link}")

    for task in TASKS:
        for split in ("train", "dev"):
            data = load(args.shared, task, split)
            base = ev.figures(ev.rankings(indexes[task], data, lexical_only=True), data, 2.0, 2.0)
            f = ev.figures(ev.rankings(indexes[task], data), data, suggest, link)
            print(
                f"{task} {split}: BM25 MAP@5 {base.map_at_5:.3f} P@1 {base.p_at_1:.3f} | "
                f"desk MAP@5 {f.map_at_5:.3f} P@1 {f.p_at_1:.3f} | suggestions P {f.suggestion_precision:.2f} "
                f"R {f.suggestion_recall:.2f} ({f.suggested}) | links P {f.link_precision:.2f} "
                f"R {f.link_recall:.2f} ({f.linked})"
            )

    if args.write:
        path = similarity._MODEL_FILE
        path.write_text(
            json.dumps(
                {
                    "about": "Written by bench/tune_matching.py --write; do not edit by hand.",
                    "trained_on": [f"../shared/eval/matching/ct22_{t}_en_train_*" for t in TASKS],
                    "weights": weights.__dict__,
                    "suggest": suggest,
                    "link": link,
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
