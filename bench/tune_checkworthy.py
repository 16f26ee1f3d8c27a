"""Fit the offline check-worthiness weights on the ClaimBuster sample, then report on the held-out sets.

Reads the labelled data from ../shared/eval (it is not copied into the project). Prints the fitted
weights as Python, ready to paste into factcheck/engines/offline/checkworthy.py, and the figures
that `factcheck eval checkworthy` would print for each set with those weights.

    .venv/bin/python bench/tune_checkworthy.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from factcheck.engines.offline import checkworthy as cw
from factcheck.evaluation.checkworthy import evaluate, read_tsv

TUNE = "checkworthy_claimbuster_groundtruth_sample300.tsv"
REPORT = ["checkworthy_ct23_1b_test_gold.tsv", "checkworthy_clef2019_20190205_trump_state_of_union.tsv"]


def fit(texts: list[str], labels: list[bool], l2: float = 0.01, epochs: int = 3000, lr: float = 0.1):
    """Class-balanced logistic regression by full-batch gradient descent (300 rows: no library needed)."""
    names = sorted(cw.features(texts[0]))
    rows = [[cw.features(t)[n] for n in names] for t in texts]
    y = [1.0 if v else 0.0 for v in labels]
    pos = sum(y)
    class_weight = {1.0: len(y) / (2 * pos), 0.0: len(y) / (2 * (len(y) - pos))}
    w, b = [0.0] * len(names), 0.0
    for _ in range(epochs):
        gw, gb = [0.0] * len(names), 0.0
        for xi, yi in zip(rows, y):
            z = max(-30.0, min(30.0, b + sum(a * c for a, c in zip(w, xi))))
            g = (1 / (1 + math.exp(-z)) - yi) * class_weight[yi]
            for j, v in enumerate(xi):
                gw[j] += g * v
            gb += g
        w = [wj - lr * (gj / len(y) + l2 * wj) for wj, gj in zip(w, gw)]
        b -= lr * gb / len(y)
    return dict(zip(names, w)), b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    eval_dir = args.shared / "eval"
    if not (eval_dir / TUNE).exists():
        raise SystemExit(f"tune_checkworthy: {eval_dir / TUNE} not found (needs ../shared beside the project)")
    tune = read_tsv(eval_dir / TUNE)
    weights, bias = fit([r.text for r in tune], [r.label for r in tune])
    print("WEIGHTS: dict[str, float] = {")
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f'    "{name}": {value:.3f},')
    print("}")
    print(f"BIAS = {bias:.3f}\n")

    def score(text: str) -> float:
        f = cw.features(text)
        return 1 / (1 + math.exp(-(bias + sum(weights[k] * v for k, v in f.items()))))

    for name in [TUNE, *REPORT]:
        rows = read_tsv(eval_dir / name)
        s = evaluate([r.label for r in rows], [score(r.text) for r in rows], 0.5)
        at = " ".join(f"P@{k}={v:.2f}" for k, v in s.precision_at.items())
        print(f"{name}: n={s.n} pos={s.positives} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"AP={s.average_precision:.3f} {at}")


if __name__ == "__main__":
    main()
