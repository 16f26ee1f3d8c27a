"""Fit the offline check-worthiness model, then report it on the held-out sets.

Training data, read from ../shared/eval (never copied into the project): the ClaimBuster
crowd-labelled debate sentences (train/, 20,438 sentences, the CheckThat! 2024 English training
set) and the ClaimBuster expert sample; plus bench/data/checkworthy_written*.tsv, sentences we
wrote and labelled ourselves (see bench/data/README.md), and any desk labels given with --labels.

Model selection: the CheckThat! 2023 1B test is the development-test set, as in the 2024 lab. The
feature set was chosen on it (README, "How well it finds claims"), and so are the regularisation
strength C, how much more a carefully labelled sentence (the expert sample, ours) counts than a
crowd-labelled one, and whether our news sentences (checkworthy_written_news.tsv, a register the
debates lack) count as carefully labelled or as one crowd sentence each: the triple with the best
F1 at the engine's 0.5 threshold (then average precision). It is never fitted on. 5-fold
cross-validation on the training data is printed for the chosen triple (the TF-IDF vocabulary is
fitted inside each fold). The CLEF-2019 speech is only
ever scored.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/tune_checkworthy.py [--shared ../shared] [--write] [--labels corrections.tsv]

--write replaces factcheck/engines/offline/checkworthy_model.json with the fitted weights.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from factcheck.encoders import wordvectors
from factcheck.engines.offline import checkworthy as cw
from factcheck.evaluation.checkworthy import evaluate, read_tsv

ROOT = Path(__file__).resolve().parents[1]
CROWD = "train/checkworthy_claimbuster_crowdsourced_train.tsv"
EXPERT = "checkworthy_claimbuster_groundtruth_sample300.tsv"
# Sentences we wrote and labelled, one file per batch (bench/data/README.md).
WRITTEN = sorted((ROOT / "bench" / "data").glob("checkworthy_written*.tsv"))
DEV_TEST = "checkworthy_ct23_1b_test_gold.tsv"
HELD_OUT = "checkworthy_clef2019_20190205_trump_state_of_union.tsv"
NEWS = "checkworthy_written_news.tsv"
# (C, weight of a carefully labelled sentence, weight of a news sentence): the news file either counts
# as careful or as crowd-labelled, so the development test says how far a new register may pull.
GRID = [(c, w, n) for c in (1.0, 3.0) for w in (1.0, 3.0, 6.0) for n in sorted({1.0, w})]
THRESHOLD = 0.5
MIN_DF = 2  # a word seen once in 20,000 sentences says more about that sentence than about claims


def vectorizer() -> TfidfVectorizer:
    # Must read text as cw.term_scores does: lower-cased, cw.TOKEN words, sublinear tf, L2 norm.
    return TfidfVectorizer(lowercase=True, token_pattern=cw.TOKEN.pattern, min_df=MIN_DF, sublinear_tf=True)


def classifier(c: float) -> LogisticRegression:
    # Balanced: debates run ~25% check-worthy, articles from 10% to 40%.
    return LogisticRegression(C=c, class_weight="balanced", max_iter=10_000)


class Fitted:
    def __init__(self, c: float, dense: np.ndarray, texts: list[str], y: np.ndarray, weights: np.ndarray):
        self.vec = vectorizer().fit(texts)
        self.model = classifier(c).fit(self._inputs(dense, texts), y, sample_weight=weights)

    def _inputs(self, dense: np.ndarray, texts: list[str]):
        return hstack([csr_matrix(dense), self.vec.transform(texts)]).tocsr()

    def proba(self, dense: np.ndarray, texts: list[str]) -> np.ndarray:
        return self.model.predict_proba(self._inputs(dense, texts))[:, 1]


def cross_validated_f1(dense: np.ndarray, texts: list[str], y: np.ndarray, c: float, weights: np.ndarray) -> float:
    p = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(dense, y):
        fitted = Fitted(c, dense[train], [texts[i] for i in train], y[train], weights[train])
        p[test] = fitted.proba(dense[test], [texts[i] for i in test])
    return float(f1_score(y, p >= THRESHOLD))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help="write the fitted model into the package")
    parser.add_argument(
        "--labels",
        type=Path,
        action="append",
        default=[],
        help="the desk's own decisions (`factcheck labels export`), added to the training data",
    )
    args = parser.parse_args()
    eval_dir = args.shared / "eval"
    if not (eval_dir / CROWD).exists():
        raise SystemExit(f"tune_checkworthy: {eval_dir / CROWD} not found (needs ../shared beside the project)")
    sources = [eval_dir / CROWD, eval_dir / EXPERT, *WRITTEN, *args.labels]
    batches = [read_tsv(path) for path in sources]
    train = [row for batch in batches for row in batch]
    crowd = np.concatenate(
        [np.full(len(batch), path.name == Path(CROWD).name) for path, batch in zip(sources, batches, strict=True)]
    )
    news = np.concatenate(
        [np.full(len(batch), path.name == NEWS) for path, batch in zip(sources, batches, strict=True)]
    )
    texts = [r.text for r in train]
    dense = cw.feature_matrix(texts)
    y = np.array([r.label for r in train])
    print(f"training: {len(train)} sentences ({int(y.sum())} check-worthy): " + " + ".join(p.name for p in sources))

    dev = read_tsv(eval_dir / DEV_TEST)
    dev_dense, dev_texts, dev_y = (
        cw.feature_matrix([r.text for r in dev]),
        [r.text for r in dev],
        [r.label for r in dev],
    )

    def weights(careful: float, news_weight: float) -> np.ndarray:
        return np.where(crowd, 1.0, np.where(news, news_weight, careful))

    dev_scores = {}
    for c, careful, news_weight in GRID:
        fitted = Fitted(c, dense, texts, y, weights(careful, news_weight))
        s = evaluate(dev_y, fitted.proba(dev_dense, dev_texts).tolist(), THRESHOLD)
        dev_scores[c, careful, news_weight] = (round(s.f1, 3), s.average_precision)
        print(
            f"  C={c:g}, careful labels x{careful:g}, news x{news_weight:g}: "
            f"development test F1 {s.f1:.3f} AP {s.average_precision:.3f}"
        )
    best, careful, news_weight = max(GRID, key=lambda k: dev_scores[k])
    cv = cross_validated_f1(dense, texts, y, best, weights(careful, news_weight))
    print(
        f"chosen on the development test: C={best:g}, careful labels x{careful:g}, news x{news_weight:g}; "
        f"5-fold cross-validated F1 on the training data {cv:.3f}"
    )
    fitted = Fitted(best, dense, texts, y, weights(careful, news_weight))

    names = cw.feature_names()
    weights = fitted.model.coef_[0]
    named = dict(zip(names, (round(float(w), 5) for w in weights[: len(names)]), strict=True))
    emb = weights[len(names) : len(names) + wordvectors.DIMENSIONS]
    terms = {
        t: (round(float(fitted.vec.idf_[i]), 5), round(float(weights[len(names) + wordvectors.DIMENSIONS + i]), 5))
        for t, i in fitted.vec.vocabulary_.items()
    }
    print(
        "named feature weights: "
        + ", ".join(f"{n} {w:+.2f}" for n, w in sorted(named.items(), key=lambda t: -abs(t[1])))
    )
    by_weight = sorted(terms.items(), key=lambda t: t[1][1])
    print("words most for:  " + ", ".join(t for t, _ in by_weight[-15:][::-1]))
    print("words most against: " + ", ".join(t for t, _ in by_weight[:15]))

    # The engine scores without scikit-learn: its arithmetic must give the fitted model's numbers.
    z = (
        dev_dense @ np.concatenate([list(named.values()), emb])
        + cw.term_scores(dev_texts, terms)
        + fitted.model.intercept_[0]
    )
    drift = float(np.max(np.abs(1 / (1 + np.exp(-z)) - fitted.proba(dev_dense, dev_texts))))
    print(f"engine arithmetic vs scikit-learn on the development test: largest difference {drift:.1e}")
    if drift > 1e-3:
        raise SystemExit("tune_checkworthy: the engine's term scoring disagrees with the fitted model")

    for name, role in [(EXPERT, "in training"), (DEV_TEST, "development test"), (HELD_OUT, "held out")]:
        rows = read_tsv(eval_dir / name)
        s = evaluate(
            [r.label for r in rows],
            fitted.proba(cw.feature_matrix([r.text for r in rows]), [r.text for r in rows]).tolist(),
            THRESHOLD,
        )
        at = " ".join(f"P@{k}={v:.2f}" for k, v in s.precision_at.items())
        print(
            f"{name} ({role}): n={s.n} pos={s.positives} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"AP={s.average_precision:.3f} {at}"
        )

    if args.write:
        out = {
            "about": "Written by bench/tune_checkworthy.py --write; do not edit by hand.",
            "embedding_model": wordvectors.MODEL,
            "trained_on": [
                f"../shared/eval/{CROWD}",
                f"../shared/eval/{EXPERT}",
                *(f"bench/data/{p.name}" for p in WRITTEN),
                *(p.name for p in args.labels),
            ],
            "C": best,
            "careful_label_weight": careful,
            "news_label_weight": news_weight,
            "cross_validated_f1": round(cv, 4),
            "bias": round(float(fitted.model.intercept_[0]), 5),
            "features": named,
            "embedding": [round(float(w), 5) for w in emb],
            "terms": dict(sorted(terms.items())),
        }
        path = Path(cw.__file__).with_name("checkworthy_model.json")
        path.write_text(json.dumps(out, indent=0, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
