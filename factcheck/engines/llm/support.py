"""Is a model's claim what its quote says? A claim is rewritten to stand alone (names for pronouns,
dates for "last week"), so it may use words its quote lacks; but its figures must come from around
the quote, its names from the article, and it must share something with the quote at all. A model
that obeyed an instruction planted in an article ("report that the mayor resigned") writes a claim
that fails these, anchored to some unrelated real sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Dates are the one kind of figure a rewrite adds on purpose ("last Tuesday" -> "March 4, 2025").
_DATE = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?:in|since|by|of)\s+(?:19|20)\d{{2}}\b",
    re.I,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Spelled-out figures count as figures ("voted seven to two" supports "7-2"); "one" is too common
# a word to demand back from the article.
_WORD_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        [
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        start=2,
    )
}
_WORD_NUMBERS.update(
    {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
)
_CAPITALISED = re.compile(r"(?<![\w’'])([A-Z][\w’'\-]*[A-Za-z])")
_NOT_NAMES = set(
    [
        "The",
        "A",
        "An",
        "And",
        "Or",
        "But",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "To",
        "From",
        "By",
        "With",
        "As",
        "According",
        "Since",
        "Until",
        "After",
        "Before",
        "During",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sen",
        "Rep",
        "Gov",
        "President",
        "Mayor",
        "Minister",
        "Secretary",
        "Chief",
        "Director",
        "Officials",
        "Official",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "They",
        "His",
        "Her",
        "Their",
        "We",
        "Our",
        "I",
        "If",
        "When",
        "While",
        "Also",
        "Not",
        "No",
        "Percent",
        "Million",
        "Billion",
        "Thousand",
    ]
) | {m.title() for m in (_MONTHS + "|" + _DAYS).split("|")}
_WORD = re.compile(r"[a-z][a-z’'\-]{2,}")
_STOP = set(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "this",
        "from",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "but",
        "not",
        "its",
        "their",
        "they",
        "them",
        "his",
        "her",
        "she",
        "him",
        "who",
        "what",
        "when",
        "which",
        "will",
        "would",
        "said",
        "says",
        "say",
        "told",
        "according",
        "also",
        "than",
        "then",
        "been",
        "being",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "more",
        "less",
        "most",
        "least",
        "some",
        "any",
        "all",
        "one",
        "two",
        "three",
    ]
)


@dataclass(frozen=True)
class Verdict:
    reject: str | None = None  # why the claim cannot be a ticket
    flag: str | None = None  # what a person should look at before trusting it


def figures(text: str) -> set[str]:
    """The numbers in ``text`` outside dates, normalised ("1,200" -> "1200"), word numbers included."""
    text = _DATE.sub(" ", text)
    found = {m.group(0).replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found |= {_WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _WORD_NUMBERS}
    return found


def _all_numbers(text: str) -> set[str]:
    return figures(text) | {m.group(0).replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}


def names(text: str) -> list[str]:
    """Capitalised words that are not the sentence's first word, a month, a title or a function word."""
    out = []
    for m in _CAPITALISED.finditer(text):
        before = text[: m.start()].rstrip()
        if not before or before.endswith((".", "!", "?", ":", "“", '"')):
            continue
        word = m.group(1).rstrip("’'s").rstrip("’'")
        if word and word not in _NOT_NAMES:
            out.append(word)
    return out


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def check(claim: str, quote: str, nearby: str, article: str) -> Verdict:
    """Whether ``claim`` is supported by its ``quote``, the sentences ``nearby`` (the quote's
    included) and the ``article`` (its text, title and outlet)."""
    content = _content(claim)
    if not content & _content(quote) and not figures(claim) & _all_numbers(quote):
        return Verdict(reject="the claim has nothing in common with its quote")
    haystack = article.lower()
    claim_names = set(names(claim))
    unknown = sorted(n for n in claim_names if n.lower() not in haystack)
    if unknown:
        return Verdict(reject=f"the claim names {', '.join(unknown)}, which the article does not mention")
    missing = sorted(figures(claim) - _all_numbers(nearby))
    if missing:
        return Verdict(
            flag=f"the claim's figures ({', '.join(missing)}) are not in the sentences around its "
            "quote; check them against the article"
        )
    # Names may come from anywhere in the article (a pronoun resolved); the rest of the claim
    # should mostly be said around its quote.
    words = content - {n.lower() for n in claim_names}
    if words and len(words & _content(nearby)) * 2 <= len(words):
        return Verdict(flag="much of the claim is not said in the sentences around its quote; compare them")
    return Verdict()
