"""A quoted reaction told from a quoted statement.

"We ran into the street in our nightclothes.", "Nobody chased it up", "People are being asked to pay
more for a service that got worse": a named person's quotation with no figure in it is often a scene, a
feeling or a verdict, and the check-worthiness model, fitted on debates, scores many of them as high as
a checkable line ("Staff found out from the local paper", "I have never taken a banned substance in my
life"). What tells them apart is what the words mean, so a small logistic model reads the quotation's
sentence-encoder vector (encoders/minilm.py) beside a few plain features: its own check-worthiness,
first and second persons, a sweeping opening ("Nobody", "Every"), names, times and whether a person or a
body said it.

It was fitted by bench/tune_reactions.py on the quoted lines of our annotated news articles
(bench/data/news): a line the annotations call no claim against one they require; its regularisation and
its threshold were chosen by cross-validation over articles, so that no required line in a held-out fold
was lost. Without the encoder installed, or without the model file, no quotation is judged a reaction
this way, and the engine reads as it did before.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.engines.offline import drafting, duplicates

MODEL = Path(__file__).with_name("reaction_model.json")

_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
_FIRST_SINGULAR = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself"})
_FIRST_PLURAL = frozenset({"we", "we're", "we've", "we'd", "we'll", "our", "us", "ourselves"})
_SECOND = frozenset({"you", "your", "you're", "you've", "you'd", "you'll", "yourself"})
_SWEEPING = re.compile(r"(?:Nobody|No one|Every|Everyone|Everything|Nothing|Anyone|You never|There is no)\b")
_TIME = re.compile(
    r"\b(?:since|ago|last (?:year|week|month|summer|winter|spring|autumn)|in (?:19|20)\d\d|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|years?|months?|weeks?)\b"
)
_MODAL = re.compile(r"\b(?:would|could|should|might|must)\b")
_NEGATIVE = re.compile(r"\b(?:not|never|no)\b|n[’']t\b")
_COMPARING = re.compile(r"\b(?:more|less|fewer|than|first|highest|lowest|record|most|largest|biggest)\b", re.I)
# The plain features, in the order the model's weights list them (after the encoder's dimensions).
FEATURES = (
    "own check-worthiness",
    "first person singular",
    "first person plural",
    "second person",
    "sweeping opening",
    "names inside",
    "a time",
    "words",
    "a person said it",
    "a modal",
    "a negative",
    "but",
    "a comparison",
)


def features(quotation: str, own: float, kind: str | None) -> list[float]:
    words = _WORD.findall(quotation)
    lower = [w.lower().replace("’", "'") for w in words]
    n = max(len(words), 1)
    names = sum(1 for w in words[1:] if w[0].isupper() and w.lower().replace("’", "'") not in _FIRST_SINGULAR)
    return [
        own,
        5 * sum(w in _FIRST_SINGULAR for w in lower) / n,
        5 * sum(w in _FIRST_PLURAL for w in lower) / n,
        5 * sum(w in _SECOND for w in lower) / n,
        float(bool(_SWEEPING.match(quotation))),
        min(names, 3) / 3,
        float(bool(_TIME.search(quotation))),
        min(n, 30) / 30,
        float(kind == "person"),
        float(bool(_MODAL.search(quotation))),
        float(bool(_NEGATIVE.search(quotation.lower()))),
        float(bool(re.search(r"\bbut\b", quotation, re.I))),
        float(bool(_COMPARING.search(quotation))),
    ]


# An article quotes a dozen lines or so; one of hundreds is hostile text, and past MAX_READ quotations the
# rest are read as before, with no encoder time spent on them. A reaction is a line or two: a quotation
# longer than MAX_CHARS is a statement, or a run-on the encoder would only spend time on.
MAX_READ = 24
MAX_CHARS = 300


def judged(quotation: str) -> bool:
    """Whether the model reads this quotation at all: a figure is checkable however the words around it read."""
    return bool(quotation.strip()) and len(quotation) <= MAX_CHARS and not drafting.numbers(quotation)


@lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    try:
        model = json.loads(MODEL.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    dims, weights = model["dimensions"], model["weights"]
    if len(weights) != dims + len(FEATURES):
        return None
    model["vector_weights"] = np.asarray(weights[:dims], dtype=np.float32)
    model["feature_weights"] = weights[dims:]
    return model


def vectors(quotations: list[str], own: list[float], floor: float) -> list[Any]:
    """The encoder's vector for each quotation the model will read (None for the rest), in one batch:
    those with no figure whose own words score at or above ``floor`` (below it they are reactions already)."""
    asked = [i for i, (q, s) in enumerate(zip(quotations, own, strict=True)) if s >= floor and judged(q)][:MAX_READ]
    out: list[Any] = [None] * len(quotations)
    model = duplicates.encoder() if asked and _model() is not None else None
    if model is None:
        return out
    for i, vector in zip(asked, model.encode([quotations[i] for i in asked]), strict=True):
        out[i] = vector
    return out


def probability(vector: Any, quotation: str, own: float, kind: str | None) -> float:
    """How likely the quotation is a reaction, not a statement (0 when it cannot be read)."""
    model = _model()
    if model is None or vector is None:
        return 0.0
    z = model["bias"] + float(vector @ model["vector_weights"])
    z += sum(w * x for w, x in zip(model["feature_weights"], features(quotation, own, kind), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def is_reaction(vector: Any, quotation: str, own: float, kind: str | None) -> bool:
    model = _model()
    return model is not None and probability(vector, quotation, own, kind) >= model["threshold"]
