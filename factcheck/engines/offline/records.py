"""What a record is when it is cited as a source: figures, a report, a survey, a counter ("figures released
by the city council", "a council report", "the data provider PitchBook"). A record tells of a figure; it is
never the body a later "the council", "the group" or "the company" means."""

from __future__ import annotations

import re

# A record, never what "the company" means: "Payslips seen by the BBC".
RECORD = re.compile(r" (?:seen|published|obtained|released|compiled|leaked) ")
_TALLIER = re.compile(
    r"\b(?:data provider|data firm|tracking site|tracker|analytics (?:firm|company|provider))\b", re.I
)
# "According to council traffic counts", "according to a council report": named by what it counts or is.
A_RECORD = re.compile(
    r"\b(?:counts|figures|data|statistics|records|documents|accounts|filings|results|estimates|reports?|study|survey|"
    r"analysis|review|audit|poll|memo|memorandum|letter|email|filing|draft|inspection|investigation)$",
    re.I,
)
# "figures from …", "a survey by The Children's Society": what it is first, then whose.
_RECORD_FIRST = re.compile(
    r"(?:the\s+|new\s+|official\s+)?(?:figures|data|statistics)\b|"
    r"(?:an?\s+|the\s+)?(?:new\s+)?(?:survey|study|report|poll|analysis)\s+(?:by|from|for|of)\b",
    re.I,
)


def a_record(name: str) -> bool:
    """ "a council report", "figures released by the city council": a record cited as a source, never the
    body a later "the council" or "the group" means."""
    return bool(A_RECORD.search(name) or RECORD.search(f" {name} ") or _RECORD_FIRST.match(name))


def tallies(name: str) -> bool:
    """A record or a counter ("payslips seen by the BBC", "the data provider PitchBook"): cited for a figure,
    never "the company" the story is about."""
    return bool(RECORD.search(name) or _TALLIER.search(name))
