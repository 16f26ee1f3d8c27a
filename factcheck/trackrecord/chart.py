"""The track record drawn: one stacked bar per kind of work and producer, in SVG the server
writes (no script), with the same figures in a table beside it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from factcheck.trackrecord.service import Producer

WIDTH = 420
# What each part of a bar is, in the order drawn: kept first, refused last, not yet judged apart.
PARTS = {
    "claims": [("kept", "kept"), ("edited", "edited"), ("merged", "merged"), ("dismissed", "dismissed")],
    "questions": [("approved", "approved"), ("edited", "edited"), ("rejected", "rejected")],
    "sources": [("approved", "approved"), ("edited", "edited"), ("rejected", "rejected")],
}


@dataclass
class Segment:
    kind: str
    n: int
    x: float
    w: float
    title: str


@dataclass
class Bar:
    label: str
    total: int
    segments: list[Segment]


def _claims(p: Producer) -> Counter[str]:
    """Kept and edited overlap (an edited claim is kept): drawn apart, kept means kept as found."""
    c = Counter(p.claims)
    c["kept"] = max(0, c["kept"] - c["edited"])
    return c


def bars(p: Producer) -> list[Bar]:
    out = []
    for what, counts in (("claims", _claims(p)), ("questions", p.questions), ("sources", p.sources)):
        parts = [(kind, word, counts[kind]) for kind, word in PARTS[what]]
        total = sum(n for _, _, n in parts)
        x, segments = 0.0, []
        for kind, word, n in parts:
            if not n:
                continue
            w = WIDTH * n / total
            segments.append(
                Segment(kind, n, round(x, 1), round(w, 1), f"{n} {what} {word} ({round(100 * n / total)}%)")
            )
            x += w
        out.append(Bar(what, total, segments))
    return out
