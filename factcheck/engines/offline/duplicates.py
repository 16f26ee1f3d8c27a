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
    cores = [drafting.core_claim(c.claim) for c in claims]
    toks = [_tokens(core) for core in cores]
    figures = [set(drafting.numbers(core)) for core in cores]
    # Who said it, and whether it is denied, make two claims of the same words.
    sides = [(_who(c), _negated(core)) for c, core in zip(claims, cores, strict=True)]
    # Which claims the encoder must read, found first, so it reads them all in one batch.
    asked = {k for i in range(len(claims)) for j in range(i) if _candidates(i, j, sides, toks, figures) for k in (i, j)}
    vectors = _encode(sorted(asked)[:MAX_ENCODED], cores)
    kept: list[int] = []
    for i, claim in enumerate(claims):
        for j in kept:
            if not _comparable(sides[i], sides[j]):
                continue
            if _same(toks[i], figures[i], toks[j], figures[j], lambda a=i, b=j: _close(vectors, a, b)):
                claims[j].score = max(claims[j].score, claim.score)
                break
        else:
            kept.append(i)
    return [claims[i] for i in kept]


# An article restates a claim or two; dozens of candidates is a hostile text, read by words alone
# past these. A claim's first MAX_CHARS say what it is (a "claim" longer than that is a list run on).
MAX_ENCODED = 8
MAX_CHARS = 300


def _candidates(i: int, j: int, sides, toks, figures) -> bool:
    if not _comparable(sides[i], sides[j]):
        return False
    union = toks[i] | toks[j]
    shared = len(toks[i] & toks[j])
    if not union or shared / len(union) >= SAME_WORDS:
        return False  # decided by the words alone
    if shared / max(1, min(len(toks[i]), len(toks[j]))) < CANDIDATE_OVERLAP:
        return False
    return not (figures[i] and figures[j] and not figures[i] & figures[j])


def _comparable(a: tuple[str | None, bool], b: tuple[str | None, bool]) -> bool:
    return len({a[0], b[0]} - {None}) <= 1 and a[1] == b[1]


def _encode(indices: list[int], cores: list[str]) -> dict[int, Any]:
    model = encoder() if indices else None
    if model is None:
        return {}
    return dict(zip(indices, model.encode([cores[i][:MAX_CHARS] for i in indices]), strict=True))


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


def _close(vectors: dict[int, Any], a: int, b: int) -> bool:
    if a not in vectors or b not in vectors:
        return False
    va, vb = vectors[a], vectors[b]
    return float(va @ vb) / max(float((va @ va) ** 0.5 * (vb @ vb) ** 0.5), 1e-9) >= SAME_CLAIM


def encoder():
    """The sentence encoder, loaded once per process (about 1.5 s), or None where it is not installed."""
    from factcheck.encoders import minilm

    return minilm.shared() if minilm.available() else None
