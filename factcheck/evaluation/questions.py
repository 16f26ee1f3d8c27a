"""Measuring drafted verification questions against reference questions (ClaimDecomp).

Matching is lexical: a reference question counts as covered when some drafted question shares at
least half of its content words (token recall after lower-casing, dropping stop words and a light
suffix strip). It rewards naming the same actors, figures and actions; it cannot see paraphrase.

Coverage alone flatters echoing: the claim itself, turned into one question, covers two thirds of
ClaimDecomp's references. So the claim is scored too, as the *echo baseline*, and a draft is
credited for what it adds: the references the echo misses that the draft covers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.core.errors import InvalidInput

COVER_THRESHOLD = 0.5
_STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "with",
        "as",
        "by",
        "at",
        "from",
        "about",
        "into",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "him",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "any",
        "all",
        "some",
        "such",
        "not",
        "no",
        "yes",
        "can",
        "could",
        "would",
        "should",
        "will",
        "may",
        "might",
        "must",
        "if",
        "so",
        "very",
        "more",
        "most",
        "also",
        "just",
        "only",
        "other",
        "own",
        "same",
        "too",
        "s",
        "t",
        "don",
        "now",
        "said",
        "says",
        "say",
    ]
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
class QuestionScores:
    claims: int
    references: int
    drafted: int
    covered: int
    echo_covered: int  # by the claim alone, as one question
    beyond_echo: int  # references the echo misses that the drafts cover
    useful: int  # drafted questions that cover at least one reference

    @property
    def echo_missed(self) -> int:
        return self.references - self.echo_covered


def score_questions(examples: list[QgenExample], drafted: list[list[str]]) -> QuestionScores:
    covered = echo = beyond = useful = 0
    for ex, questions in zip(examples, drafted, strict=True):
        for ref in ex.references:
            by_draft = coverage(ref, questions) >= COVER_THRESHOLD
            by_echo = coverage(ref, [ex.claim]) >= COVER_THRESHOLD
            covered += by_draft
            echo += by_echo
            beyond += by_draft and not by_echo
        useful += sum(any(coverage(ref, [q]) >= COVER_THRESHOLD for ref in ex.references) for q in questions)
    return QuestionScores(
        claims=len(examples),
        references=sum(len(e.references) for e in examples),
        drafted=sum(map(len, drafted)),
        covered=covered,
        echo_covered=echo,
        beyond_echo=beyond,
        useful=useful,
    )


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
            raise InvalidInput(
                f"{path}, line {number}: expected a JSON object with 'claim' and 'annotations'."
            ) from None
    return out
