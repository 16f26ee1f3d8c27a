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
    total: int  # judged by a person
    waiting: int  # not yet judged
    segments: list[Segment]


def _claims(p: Producer) -> Counter[str]:
    """Kept and edited overlap (an edited claim is kept): drawn apart, kept means kept as found."""
    c = Counter(p.claims)
    c["kept"] = max(0, c["kept"] - c["edited"])
    return c


def bars(p: Producer) -> list[Bar]:
    """A bar for each kind of work the producer does (an engine's claim finder has no drafts)."""
    out = []
    kinds = [("claims", _claims(p))] if "claims" in p.work else []
    kinds += [("questions", p.questions), ("sources", p.sources)] if "drafts" in p.work else []
    for what, counts in kinds:
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
        out.append(Bar(what, total, counts["waiting"] + counts["stale"], segments))
    return out
