"""Positions in an article's text: the paragraph around a claim."""

from __future__ import annotations

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
