"""Positions in an article's text: the paragraph around a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    before: str
    quote: str
    after: str

    @property
    def paragraph(self) -> str:
        return (self.before + self.quote + self.after).strip()


def span_context(text: str, start: int, end: int) -> Context:
    """The paragraph (blank-line separated) around ``text[start:end]``, split so the span can be
    highlighted exactly."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    return Context(text[para_start:start], text[start:end], text[end:para_end])


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")


def surroundings(text: str, start: int, end: int, *, sentences: int = 2, max_chars: int = 1200) -> str:
    """The span's paragraph, or when that is long, the span with up to ``sentences`` sentences on
    either side (at most ``max_chars`` in all): what a drafter needs, never the whole article."""
    ctx = span_context(text, start, end)
    paragraph = ctx.before + ctx.quote + ctx.after
    if len(paragraph.strip()) <= max_chars:
        return paragraph.strip()
    q0, q1 = len(ctx.before), len(ctx.before) + len(ctx.quote)
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(paragraph)), len(paragraph)]
    first = max(i for i, cut in enumerate(cuts) if cut <= q0)
    last = min(i for i, cut in enumerate(cuts) if cut >= q1)
    window = paragraph[cuts[max(0, first - sentences)] : cuts[min(len(cuts) - 1, last + sentences)]]
    if len(window) > max_chars:
        room = max(0, (max_chars - len(ctx.quote)) // 2)
        window = paragraph[max(0, q0 - room) : q1 + room]
    return window.strip()
