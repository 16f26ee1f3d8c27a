"""Fit claim matching's scoring model on the public claim-matching training data, choose the
desk's two thresholds on the development data, and report both against a BM25 baseline.

Data: CheckThat! 2022 Task 2A (tweets -> Snopes) and 2B (political debates -> PolitiFact), English,
read from ../shared/eval/matching (never copied into the project). A candidate's score is a linear
fusion of two similarities, fusion × cosine of the vectors + (1 − fusion) × BM25 relative to the
query's own; the fusion weight is chosen on the dev splits (the best mean MAP@5 of the two tasks
over a grid), and the fused score is calibrated into a probability by a logistic regression fitted
on the train splits' candidates (relevant pairs against the rest). Thresholds are chosen on the dev
splits: the suggestion
threshold is the lowest score whose suggestions are right at least 60% of the time, the link
threshold the lowest whose automatic links are right at least 95% of the time (a wrong link
costs a reviewer more than a missed one).

Each encoder gets its own fitted model and thresholds (the scores of two encoders' cosines mean
different things). Vectors of the collections are kept in ~/.cache/factcheck/vectors, so a second
run does not encode 33,000 claims again.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/tune_matching.py [--shared ../shared] [--encoder minilm|wordllama] [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from factcheck import encoders
from factcheck.core.config import get_settings
from factcheck.evaluation import matching as ev
from factcheck.matching import similarity
from factcheck.matching.similarity import Weights

ROOT = Path(__file__).resolve().parents[1]
TASKS = ["2a", "2b"]
SUGGEST_PRECISION, LINK_PRECISION = 0.60, 0.95
FUSIONS = [round(0.4 + 0.05 * i, 2) for i in range(11)]  # 0.40 … 0.90


def load(shared: Path, task: str, split: str) -> ev.MatchingData:
    d = shared / "eval" / "matching"
    return ev.read(
        d / f"ct22_{task}_en_{split}_queries.tsv",
        d / f"ct22_{task}_en_vclaims.jsonl",
        d / f"ct22_{task}_en_{split}_qrels.tsv",
    )


def training_rows(index: similarity.Index, data: ev.MatchingData) -> tuple[np.ndarray, np.ndarray]:
    x, y = [], []
    # Every pooled candidate, unranked.
    for qid, found in ev.rankings(index, data, lexical_only=True, cache=ev.cache_folder(), k=200).items():
        for c in found:
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
    parser.add_argument(
        "--write",
        nargs="?",
        const=similarity._MODEL_FILE,
        type=Path,
        help="write the fitted model into the package, or into this file (a desk's own encoder: "
        "FACTCHECK_MATCHING_MODEL names it)",
    )
    parser.add_argument("--encoder", default=encoders.chosen(None), choices=sorted(encoders.ENCODERS))
    args = parser.parse_args()
    encoder = encoders.get(args.encoder, get_settings())
    print(f"encoder: {encoder.name}")
    if not (args.shared / "eval" / "matching").exists():
        raise SystemExit("tune_matching: ../shared/eval/matching not found (needs ../shared beside the project)")

    indexes, xs, ys = {}, [], []
    for task in TASKS:
        train = load(args.shared, task, "train")
        indexes[task] = ev.build_index(train, encoder, ev.cache_folder())
        x, y = training_rows(indexes[task], train)
        xs.append(x)
        ys.append(y)
        print(f"{task} train: {len(train.queries)} queries, {len(y)} candidates, {int(y.sum())} relevant")
    devs = {task: load(args.shared, task, "dev") for task in TASKS}
    best_fusion, best_map = 0.0, -1.0
    for fusion in FUSIONS:
        maps = []
        for task in TASKS:
            indexes[task].weights = Weights(bias=0.0, lexical=1 - fusion, cosine=fusion, both=0.0)
            maps.append(
                ev.figures(ev.rankings(indexes[task], devs[task], cache=ev.cache_folder()), devs[task], 2, 2).map_at_5
            )
        print(f"fusion {fusion:.2f}: dev MAP@5 " + ", ".join(f"{t} {m:.3f}" for t, m in zip(TASKS, maps, strict=True)))
        if sum(maps) > best_map:
            best_fusion, best_map = fusion, sum(maps)
    x = np.vstack(xs)
    fused = best_fusion * x[:, 1] + (1 - best_fusion) * x[:, 0]
    model = LogisticRegression(C=1.0, max_iter=10_000).fit(fused[:, None], np.concatenate(ys))
    slope, b = float(model.coef_[0][0]), float(model.intercept_[0])
    weights = Weights(
        bias=round(b, 5), lexical=round(slope * (1 - best_fusion), 5), cosine=round(slope * best_fusion, 5), both=0.0
    )
    print(f"fusion chosen on dev: {best_fusion:.2f}; calibrated on train: {weights}")

    scored = []
    for task in TASKS:
        indexes[task].weights = weights
        dev = devs[task]
        for qid, found in ev.rankings(indexes[task], dev, cache=ev.cache_folder()).items():
            scored += [(c.score, c.key in dev.relevant[qid]) for c in found]
    suggest = lowest_threshold(scored, SUGGEST_PRECISION)
    link = max(lowest_threshold(scored, LINK_PRECISION), suggest)
    print(f"thresholds chosen on dev: suggest at {suggest}, link at {link}")

    for task in TASKS:
        for split in ("train", "dev"):
            data = load(args.shared, task, split)
            cache = ev.cache_folder()
            base = ev.figures(ev.rankings(indexes[task], data, lexical_only=True, cache=cache), data, 2.0, 2.0)
            f = ev.figures(ev.rankings(indexes[task], data, cache=cache), data, suggest, link)
            print(
                f"{task} {split}: BM25 MAP@5 {base.map_at_5:.3f} P@1 {base.p_at_1:.3f} | "
                f"desk MAP@5 {f.map_at_5:.3f} P@1 {f.p_at_1:.3f} | suggestions P {f.suggestion_precision:.2f} "
                f"R {f.suggestion_recall:.2f} ({f.suggested}) | links P {f.link_precision:.2f} "
                f"R {f.link_recall:.2f} ({f.linked})"
            )

    if args.write:
        path = args.write
        kept = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}  # other encoders' models
        models = kept.get("models", {})
        models[encoder.name] = {"weights": weights.__dict__, "suggest": suggest, "link": link}
        path.write_text(
            json.dumps(
                {
                    "about": "Written by bench/tune_matching.py --write; do not edit by hand.",
                    "trained_on": [f"../shared/eval/matching/ct22_{t}_en_train_*" for t in TASKS],
                    "thresholds_chosen_on": [f"../shared/eval/matching/ct22_{t}_en_dev_*" for t in TASKS],
                    "models": models,
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
