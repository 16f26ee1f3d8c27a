"""Paragraphs and sentences with exact character offsets, and the page chrome to leave out."""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")

# Paragraphs or sentences that belong to the page, not the story.
_CHROME = re.compile(
    r"""(
      ^\s*(sign\ up|subscribe|register\ now|log\ ?in|follow\ us|share\ (this|on)|click\ here|
           read\ (more|next|also)|related(\ articles|\ stories|\ coverage)?\s*:|advertisement|sponsored|
           latest\ (stories|news)|more\ from|most\ (read|popular)|recommended|trending|
           you\ may\ also\ like|don.t\ miss|watch\s*:|listen\s*:|download\ (the|our)\ app|get\ the\ app|
           skip\ to|back\ to\ top|comments?\s*\(|leave\ a\ comment|photo\s*:|image\s*:|video\s*:)
      |newsletter|all\ rights\ reserved|©|\(c\)\ \d{4}|cookie|terms\ of\ (use|service)|privacy\ policy
      |this\ section\ doesn.t\ currently\ include|add\ content\ to\ this\ section|using\ the\ sidebar
      |getty\ images|\bAP\ Photo\b|reporting\ by\ .{1,60}editing\ by|contributed\ to\ this\ report
      |^\s*(updated|published|posted)\s*:?\s+\w+\ \d
      |^\s*\d+\s+min(ute)?s?\ read
      |^\s*by\ [A-Z][\w.'-]+(\ [A-Z][\w.'-]+){0,3}\s*(,|\||$)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A short heading like "Latest Stories" starts the page's tail: nothing after it is the story.
_TAIL_HEADING = re.compile(
    r"^\s*(latest\ (stories|news)|related(\ (articles|stories|coverage|content))?|more\ (from|stories|news)"
    r"|most\ (read|popular|viewed)|recommended(\ for\ you)?|trending(\ now)?|you\ may\ also\ like"
    r"|comments|share\ this(\ article)?|read\ next|popular\ now)\s*:?\s*$",
    re.IGNORECASE | re.VERBOSE,
)


def is_chrome(text: str) -> bool:
    return bool(_CHROME.search(text))


def is_heading(text: str) -> bool:
    """A short line without closing punctuation: a headline or a section title, not a claim."""
    stripped = text.strip()
    words = stripped.split()
    return 0 < len(words) <= 12 and not re.search(r"[.!?:;\"”’)]\s*$", stripped)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; single newlines separate paragraphs when no blank lines do."""
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n+")
    spans, pos = [], 0
    for m in breaks.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentences(text: str) -> list[Sentence]:
    """Story sentences with offsets into ``text``; chrome, headings and the page tail are left out."""
    out: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        para = text[p_start:p_end]
        # The heading may sit on the first line of its list: "Related Stories\nSchools test for lead".
        if _TAIL_HEADING.match(para.split("\n", 1)[0]):
            break
        if is_chrome(para) and len(para) < 400:
            continue
        if is_heading(para):
            continue
        # blingfire's finite-state splitter: exact character offsets, ~1 ms for an 800-word article.
        _, offsets = blingfire.text_to_sentences_and_offsets(para)
        for span_start, span_end in _bounded(para, offsets):
            for rel_start, piece in _split_adjacent_quotes(span_start, para[span_start:span_end]):
                lead = len(piece) - len(piece.lstrip())
                trimmed = piece.strip()
                if not trimmed or is_chrome(trimmed):
                    continue
                start = p_start + rel_start + lead
                out.append(Sentence(trimmed, start, start + len(trimmed), index))
    return out


# Longer than this, a "sentence" is a list or a table run together, not one claim: it is read in
# pieces cut at a space, so the work done on each sentence stays bounded.
MAX_SENTENCE_CHARS = 1_500


def _bounded(text: str, offsets) -> list[tuple[int, int]]:
    spans = []
    for start, end in offsets:
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            spans.append((start, cut))
            start = cut
        spans.append((start, end))
    return spans


# pysbd keeps `… yes.” “I wouldn’t …` together; a closed quotation followed by a new one is two sentences.
_ADJACENT_QUOTES = re.compile(r"(?<=[.!?][”\"])\s+(?=[“\"])")


def _split_adjacent_quotes(offset: int, text: str) -> list[tuple[int, str]]:
    pieces, pos = [], 0
    for m in _ADJACENT_QUOTES.finditer(text):
        pieces.append((offset + pos, text[pos : m.start()]))
        pos = m.end()
    pieces.append((offset + pos, text[pos:]))
    return pieces
