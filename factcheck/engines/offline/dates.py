"""Relative dates ("last week", "on Sunday") made absolute against the article's publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE = re.compile(
    r"\b(?P<phrase>yesterday|today|last\s+week|this\s+week|last\s+month|last\s+year|this\s+year|"
    r"(?:on|last|this\s+past)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"(?!,?\s+(?:\w+\s+)?\d)",  # already followed by a date: leave it
    re.I,
)


def _long(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def _previous_weekday(published: date, weekday: int) -> date:
    delta = (published.weekday() - weekday) % 7
    return published - timedelta(days=delta or 7)


def resolve(text: str, published: date | None) -> str:
    """Rewrite relative dates; without a publication date the text is returned unchanged."""
    if published is None:
        return text

    def repl(m: re.Match) -> str:
        phrase = m.group("phrase")
        low = " ".join(phrase.lower().split())
        if m.group("wd"):
            day = _previous_weekday(published, _WEEKDAYS.index(m.group("wd").lower()))
            return f"on {day:%A}, {_long(day)}"
        if low == "yesterday":
            return f"on {_long(published - timedelta(days=1))}"
        if low == "today":
            return f"on {_long(published)}"
        if low == "last week":
            monday = published - timedelta(days=published.weekday() + 7)
            return f"in the week of {_long(monday)}"
        if low == "this week":
            return f"in the week of {_long(published - timedelta(days=published.weekday()))}"
        if low == "last month":
            first = published.replace(day=1) - timedelta(days=1)
            return f"in {first:%B} {first.year}"
        if low == "last year":
            return f"in {published.year - 1}"
        if low == "this year":
            return f"in {published.year}"
        return phrase

    return _RELATIVE.sub(repl, text)
