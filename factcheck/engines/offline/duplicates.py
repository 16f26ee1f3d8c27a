"""The same claim twice in one article becomes one ticket.

Stories restate their lead in a summary box or a closing paragraph, in other words: "Doctors at
the hospital have now written up 14 cases of liver injury …" and, later, "Doctors have now recorded
14 cases of liver injury …". Two claims are one when they share most of their words, or when they
share enough words and their figures to be a candidate and the sentence encoder (all-MiniLM-L6-v2,
encoders/minilm.py) puts them at or above ``SAME_CLAIM``. Only candidates are encoded, so an article
costs a few encoder calls at most; without the encoder installed, only the word rule applies.

``SAME_CLAIM`` was chosen on the development articles of bench/data/news: the restated claim there
scored 0.94, and the closest pair of different claims 0.73.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.engines.base import ExtractedClaim
from factcheck.engines.offline import drafting

SAME_CLAIM = 0.85
# Share of the shorter claim's words the other must hold: at or above it, a pair is a candidate.
CANDIDATE_OVERLAP = 0.4
SAME_WORDS = 0.8  # Jaccard over words at which two claims are one without asking the encoder
_WORD = re.compile(r"[\w’']+")
_NEGATION = re.compile(r"\b(?:not|no|never|none|nor|neither|without|denied|denies|rejected|false)\b|n[’']t\b", re.I)


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def merge(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """One ticket per claim: the first the article makes, with the higher of the two scores."""
    kept: list[tuple[set[str], set[str], ExtractedClaim]] = []
    cores = {id(c): drafting.core_claim(c.claim) for c in claims}
    vectors: dict[int, Any] = {}
    for claim in claims:
        toks, figures = _tokens(cores[id(claim)]), set(drafting.numbers(cores[id(claim)]))
        for other_toks, other_figures, other in kept:
            speakers = {_who(claim), _who(other)} - {None}
            if len(speakers) > 1 or _negated(cores[id(claim)]) != _negated(cores[id(other)]):
                continue  # who said it, and whether it is denied, make two claims of the same words
            if _same(toks, figures, other_toks, other_figures, lambda o=other, c=claim: _close(o, c, cores, vectors)):
                other.score = max(other.score, claim.score)
                break
        else:
            kept.append((toks, figures, claim))
    return [c for _, _, c in kept]


def _who(claim: ExtractedClaim) -> str | None:
    return (claim.speaker or claim.reported_by or "").lower() or None


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _same(toks: set[str], figures: set[str], other_toks: set[str], other_figures: set[str], close) -> bool:
    union = toks | other_toks
    if not union:
        return False
    shared = len(toks & other_toks)
    if shared / len(union) >= SAME_WORDS:
        return True
    if shared / max(1, min(len(toks), len(other_toks))) < CANDIDATE_OVERLAP:
        return False
    if figures and other_figures and not figures & other_figures:
        return False  # "14 cases" and "23 reports" are two claims however alike the words
    return close()


def _close(a: ExtractedClaim, b: ExtractedClaim, cores: dict[int, str], vectors: dict[int, Any]) -> bool:
    encoder = _encoder()
    if encoder is None:
        return False
    missing = [c for c in (a, b) if id(c) not in vectors]
    if missing:
        for claim, vector in zip(missing, encoder.encode([cores[id(c)] for c in missing]), strict=True):
            vectors[id(claim)] = vector
    va, vb = vectors[id(a)], vectors[id(b)]
    return float(va @ vb) / max(float((va @ va) ** 0.5 * (vb @ vb) ** 0.5), 1e-9) >= SAME_CLAIM


def _encoder():
    from factcheck.encoders import minilm

    return minilm.shared() if minilm.available() else None
