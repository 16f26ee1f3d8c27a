"""Fit the offline check-worthiness model, then report it on the held-out sets.

Training data: the ClaimBuster sample, read from ../shared/eval (it is not copied into the project),
plus bench/data/checkworthy_written*.tsv, sentences we wrote and labelled ourselves (see
bench/data/README.md). The regularisation strength is chosen by 10-fold cross-validation on the
training data alone (F1 at the engine's 0.5 threshold, averaged over 5 shuffles); the CheckThat! 2023
test and the CLEF-2019 speech are only ever scored, never fitted.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/tune_checkworthy.py [--shared ../shared] [--write]

--write replaces factcheck/engines/offline/checkworthy_model.json with the fitted weights.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from factcheck.engines.offline import checkworthy as cw
from factcheck.engines.offline import embedding
from factcheck.evaluation.checkworthy import evaluate, read_tsv

ROOT = Path(__file__).resolve().parents[1]
TUNE = "checkworthy_claimbuster_groundtruth_sample300.tsv"
# Sentences we wrote and labelled, one file per batch (bench/data/README.md).
WRITTEN = sorted((ROOT / "bench" / "data").glob("checkworthy_written*.tsv"))
REPORT = ["checkworthy_ct23_1b_test_gold.tsv", "checkworthy_clef2019_20190205_trump_state_of_union.tsv"]
GRID = [0.1, 0.3, 1.0, 3.0, 10.0]
THRESHOLD = 0.5


def classifier(c: float) -> LogisticRegression:
    # Balanced: the training mix is ~35% check-worthy, articles and debates vary from 10% to 40%.
    return LogisticRegression(C=c, class_weight="balanced", max_iter=10_000)


def cross_validated_f1(x: np.ndarray, y: np.ndarray, c: float, debates: np.ndarray) -> tuple[float, float]:
    """Out-of-fold F1 on all the training data, and on its debate sentences alone (the ClaimBuster
    sample: the register of the CheckThat! test, so the fairest estimate of it we have)."""
    runs, debate_runs = [], []
    for seed in range(5):
        folds = StratifiedKFold(10, shuffle=True, random_state=seed)
        p = cross_val_predict(classifier(c), x, y, cv=folds, method="predict_proba")[:, 1]
        runs.append(f1_score(y, p >= THRESHOLD))
        debate_runs.append(f1_score(y[debates], p[debates] >= THRESHOLD))
    return float(np.mean(runs)), float(np.mean(debate_runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help="write the fitted model into the package")
    parser.add_argument("--labels", type=Path, action="append", default=[],
                        help="the desk's own decisions (`factcheck labels export`), added to the training data")
    args = parser.parse_args()
    eval_dir = args.shared / "eval"
    if not (eval_dir / TUNE).exists():
        raise SystemExit(f"tune_checkworthy: {eval_dir / TUNE} not found (needs ../shared beside the project)")
    tune = read_tsv(eval_dir / TUNE)
    train = tune + [row for path in [*WRITTEN, *args.labels] for row in read_tsv(path)]
    debates = np.arange(len(train)) < len(tune)
    x = cw.feature_matrix([r.text for r in train])
    y = np.array([r.label for r in train])
    sources = " + ".join([TUNE, *(p.name for p in [*WRITTEN, *args.labels])])
    print(f"training: {len(train)} sentences ({int(y.sum())} check-worthy): {sources}")

    cv = {c: cross_validated_f1(x, y, c, debates) for c in GRID}
    best = max(GRID, key=lambda c: cv[c][0])
    by_c = "  ".join(f"{c:g}: {f:.3f}" for c, (f, _) in cv.items())
    print(f"10-fold cross-validated F1 by C: {by_c}  -> C={best:g}")
    print(f"  at C={best:g}, on the {TUNE} sentences alone: F1 {cv[best][1]:.3f}")
    model = classifier(best).fit(x, y)

    names = cw.feature_names()
    weights = model.coef_[0]
    named = dict(zip(names, (round(float(w), 5) for w in weights[: len(names)])))
    print("named feature weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in sorted(named.items(), key=lambda t: -abs(t[1]))))

    def score(texts: list[str]) -> list[float]:
        return model.predict_proba(cw.feature_matrix(texts))[:, 1].tolist()

    for name in [TUNE, *REPORT]:
        rows = read_tsv(eval_dir / name)
        s = evaluate([r.label for r in rows], score([r.text for r in rows]), THRESHOLD)
        at = " ".join(f"P@{k}={v:.2f}" for k, v in s.precision_at.items())
        role = "(in training)" if name == TUNE else "(held out)"
        print(f"{name} {role}: n={s.n} pos={s.positives} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"AP={s.average_precision:.3f} {at}")

    if args.write:
        out = {
            "about": "Written by bench/tune_checkworthy.py --write; do not edit by hand.",
            "embedding_model": embedding.MODEL,
            "trained_on": [TUNE, *(f"bench/data/{p.name}" for p in WRITTEN)],
            "C": best,
            "cross_validated_f1": round(cv[best][0], 4),
            "bias": round(float(model.intercept_[0]), 5),
            "features": named,
            "embedding": [round(float(w), 5) for w in weights[len(names):]],
        }
        path = Path(cw.__file__).with_name("checkworthy_model.json")
        path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
