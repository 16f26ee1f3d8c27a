"""Measuring drafted verification questions against reference questions (ClaimDecomp).

Matching is lexical: a reference question counts as covered when some drafted question shares at
least half of its content words (token recall after lower-casing, dropping stop words and a light
suffix strip). It rewards naming the same actors, figures and actions; it cannot see paraphrase.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.core.errors import InvalidInput

COVER_THRESHOLD = 0.5
_STOP = set(
    "a an the of to in on for and or but is are was were be been being do does did has have had that this "
    "these those it its with as by at from about into than then there their they them he she his her him "
    "what which who whom whose when where why how any all some such not no yes can could would should will "
    "may might must if so very more most also just only other own same too s t don now said says say".split()
)
_WORD = re.compile(r"[a-z0-9$%.,]+")


def content_words(text: str) -> set[str]:
    words = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.strip(".,")
        if not w or w in _STOP:
            continue
        w = re.sub(r"(ing|ed|es|s|e)$", "", w) if len(w) > 4 and not w[0].isdigit() else w
        words.add(w)
    return words


def coverage(reference: str, drafted: list[str]) -> float:
    ref = content_words(reference)
    if not ref:
        return 0.0
    return max((len(ref & content_words(d)) / len(ref) for d in drafted), default=0.0)


@dataclass
class QgenExample:
    claim: str
    person: str | None
    references: list[str]


def read_jsonl(path: Path) -> list[QgenExample]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Cannot read {path}: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            refs = [q for ann in row.get("annotations", []) for q in ann.get("questions", [])]
            out.append(QgenExample(claim=row["claim"], person=row.get("person"), references=refs))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
            raise InvalidInput(f"{path}, line {number}: expected a JSON object with 'claim' and 'annotations'.") from None
    return out
