"""Fit the quoted-reaction model (factcheck/engines/offline/reactions.py) on our annotated news articles.

Data: the quoted lines the offline engine tickets in bench/data/news (our own articles and annotations),
read with the reaction model switched off: every whole quotation with no figure, from a named speaker,
whose own words score at or above the engine's exclamation floor. A line the annotations call no claim
is a reaction (1), a required claim a statement (0); optional claims count as statements with a smaller
weight (an arguable line is not a reaction, but not as sure a statement either).

Selection: grouped 10-fold cross-validation over articles (a fold never sees another line of the same
article). For each regularisation strength C and optional weight, the threshold is the lowest on the grid
at which no required line of a held-out fold would be lost; the pair that then drops the most reactions
(fewest optional lines on a tie) is chosen. Also printed: the chosen setting fitted on the articles before
holdout287 (or --later N) only and scored on the rounds from there on, a split in time like the fresh rounds
the model will meet, beside the model in use scored on the same lines: a refit is kept only where it beats that.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/tune_reactions.py [--write]

--write replaces factcheck/engines/offline/reaction_model.json with the model fitted on every article.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from factcheck.encoders import minilm
from factcheck.engines.offline import moods, reactions
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.evaluation import ingest as ev

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "bench" / "data" / "news"
CS = (0.3, 1.0, 3.0, 10.0)
OPTIONAL_WEIGHTS = (0.0, 0.3, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.40, 0.96, 0.05))
FOLDS = 10
LATER = 287  # holdout287 on: the articles of the last two sessions, for the split in time


@dataclass
class Line:
    quotation: str
    own: float
    kind: str | None
    label: str  # JUNK | REQ | opt
    split: str
    article: str


def collect() -> list[Line]:
    """Every quoted line the engine tickets with the reaction model off, labelled by the annotations."""
    seen: list[dict] = []
    original = moods.quotation_score

    def watching(attr, scores, speaker, speakers, threshold):
        said = (attr.quotation or "").strip()
        whole = moods.whole_quotation(attr)
        if said and speaker and whole and scores[1] >= moods.EXCLAMATION and reactions.judged(said):
            seen.append({"quotation": said, "own": scores[1], "kind": speakers.kind(speaker)})
        return original(attr, scores, speaker, speakers, threshold)

    moods.quotation_score = watching
    reactions.is_reaction = lambda *_: False  # type: ignore[assignment]  # read as the engine did before it
    engine, lines = OfflineEngine(), []
    for item in ev.read_folder(NEWS):
        seen.clear()
        scored = ev.score(item, engine.extract(item.article).claims)
        for verdict in scored.verdicts:
            claim = verdict.claim.claim
            match = [s for s in seen if f"“{s['quotation'].rstrip('.,')}" in claim]
            if verdict.claim.kind.value != "quote" or not match:
                continue
            gold = verdict.gold
            label = "JUNK" if gold is None else ("opt" if gold.optional else "REQ")
            lines.append(Line(**match[-1], label=label, split=item.split, article=item.name))
    moods.quotation_score = original
    return lines


def design(lines: list[Line]) -> np.ndarray:
    vectors = minilm.shared().encode([line.quotation for line in lines])
    plain = np.array([reactions.features(line.quotation, line.own, line.kind) for line in lines], dtype=np.float32)
    return np.hstack([vectors, plain])


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> LogisticRegression:
    keep = w > 0
    return LogisticRegression(C=c, max_iter=5000).fit(x[keep], y[keep], sample_weight=w[keep])


def held_out(x, y, w, groups, c) -> np.ndarray:
    p = np.zeros(len(y))
    for train, test in GroupKFold(FOLDS).split(x, y, groups):
        p[test] = fit(x[train], y[train], w[train], c).predict_proba(x[test])[:, 1]
    return p


def counts(p: np.ndarray, labels: np.ndarray, t: float) -> tuple[int, int, int]:
    dropped = p >= t
    return tuple(int((dropped & (labels == k)).sum()) for k in ("JUNK", "REQ", "opt"))  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the fitted model into the package")
    parser.add_argument("--later", type=int, default=LATER, help="the first round of the split in time")
    args = parser.parse_args()
    lines = collect()
    labels = np.array([line.label for line in lines])
    x, y = design(lines), (labels == "JUNK").astype(int)
    groups = [line.article for line in lines]
    print(
        f"{len(lines)} quoted lines from {len(set(groups))} articles: {int(y.sum())} no claim, "
        f"{int((labels == 'REQ').sum())} required, {int((labels == 'opt').sum())} optional"
    )
    best = None
    for c in CS:
        for opt in OPTIONAL_WEIGHTS:
            w = np.where(labels == "opt", opt, 1.0)
            p = held_out(x, y, w, groups, c)
            safe = [t for t in THRESHOLDS if counts(p, labels, t)[1] == 0]
            if not safe:
                print(f"C={c:<5} optional weight {opt:<4}: loses a required line at every threshold")
                continue
            t = min(safe)
            junk, req, optional = counts(p, labels, t)
            print(
                f"C={c:<5} optional weight {opt:<4} threshold {t:.2f}: in held-out folds, "
                f"{junk} of {int(y.sum())} no-claim lines dropped, {req} required, {optional} optional"
            )
            key = (junk, -optional)
            if best is None or key > best[0]:
                best = (key, c, opt, t)
    _, c, opt, t = best
    print(f"chosen: C={c}, optional weight {opt}, threshold {t:.2f}")
    w = np.where(labels == "opt", opt, 1.0)
    later = np.array([_round(line.split) >= args.later for line in lines])
    model = fit(x[~later], y[~later], w[~later], c)
    junk, req, optional = counts(model.predict_proba(x[later])[:, 1], labels[later], t)
    print(
        f"fitted before holdout{args.later}, scored on holdout{args.later} on ({int(later.sum())} lines): "
        f"{junk} of {int(y[later].sum())} no-claim lines dropped, {req} of "
        f"{int((labels[later] == 'REQ').sum())} required, {optional} of {int((labels[later] == 'opt').sum())} optional"
    )
    in_use = reactions._model()
    if in_use is not None:  # the comparison that decides whether a refit is kept: the same later lines
        z = in_use["bias"] + x[later] @ np.asarray(in_use["weights"], dtype=np.float32)
        junk, req, optional = counts(1.0 / (1.0 + np.exp(-z)), labels[later], in_use["threshold"])
        print(
            f"the model in use ({in_use['lines']} lines), on the same lines: "
            f"{junk} dropped, {req} required, {optional} optional"
        )
    if args.write:
        final = fit(x, y, w, c)
        out = {
            "about": "Fitted by bench/tune_reactions.py on the quoted lines of bench/data/news; see reactions.py.",
            "encoder": "all-MiniLM-L6-v2",
            "dimensions": minilm.DIMENSIONS,
            "features": list(reactions.FEATURES),
            "C": c,
            "optional_weight": opt,
            "threshold": t,
            "lines": len(lines),
            "weights": [round(float(v), 6) for v in final.coef_[0]],
            "bias": round(float(final.intercept_[0]), 6),
        }
        reactions.MODEL.write_text(json.dumps(out) + "\n", encoding="utf-8")
        print(f"wrote {reactions.MODEL.relative_to(ROOT)}")


def _round(split: str) -> int:
    found = re.fullmatch(r"holdout(\d+)", split)
    return int(found.group(1)) if found else 0


if __name__ == "__main__":
    main()
