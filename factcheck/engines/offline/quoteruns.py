"""Quotations that run over several sentences of a paragraph.

The sentence splitter cuts '"Floodwater is far more powerful than it looks. Fifteen centimetres can knock
an adult off their feet," he said.' in two. Read one at a time, the first is an untagged quotation (given
to whoever spoke last, who may be someone else) and the second is the reporter's voice with a stray
'," he said.' on it. Read as a run, every sentence of it is the tagged speaker's words.
"""

from __future__ import annotations

import re

from factcheck.engines.offline.attribution import Attribution, attribute
from factcheck.engines.offline.segment import LEAD_IN, Sentence
from factcheck.engines.offline.subjects import subject_name

# "The club issued the following statement on Friday evening:": who issued it is whose words follow.
_ISSUED = re.compile(
    r"^(?P<who>[^,:“”\"]{2,80}?)\s(?:has\s)?(?:issued|released|published|put\sout)\s(?:the\s)?following\s"
)

# A run longer than this is more likely a missing closing mark than one quotation.
_MAX_RUN = 6


def carry(found: list[Sentence], attrs: list[Attribution]) -> None:
    """Give every sentence of a quotation run the speaker its closing tag names, in place; a run with
    no tag keeps no speaker (the tracker's question: who spoke just before, or a person)."""
    i = 0
    while i < len(attrs):
        if not (attrs[i].is_quote and _opens(found[i].text)):
            i += 1
            continue
        j = i + 1
        while j < len(attrs) and j - i <= _MAX_RUN and found[j].paragraph == found[i].paragraph:
            if _closes(found[j].text) or _opening_mark(found[j].text) is not None:
                break
            j += 1
        if j >= len(attrs) or found[j].paragraph != found[i].paragraph or not _closes(found[j].text):
            i += 1
            continue
        closing = _closing(found[j].text)
        # 'Owen Hale said: "The bridge is shut. It will reopen in May."': the tag may come first instead.
        speaker = attrs[i].speaker or closing.speaker
        attrs[i].speaker = closing.speaker = speaker
        attrs[j] = closing
        for k in range(i + 1, j):
            text = found[k].text
            attrs[k] = Attribution(speaker, None, content=text, content_offset=0, quotation=text)
        i = j + 1


def _opens(text: str) -> bool:
    """Whether the sentence opens a quotation and does not close it."""
    opening = _opening_mark(text)
    if opening is None:
        return False
    close = _closing_mark(text[opening + 1 :])
    return close is None


def _opening_mark(text: str) -> int | None:
    curly = text.find("“")
    straight = next((i for i, c in enumerate(text) if c == '"' and (i == 0 or text[i - 1].isspace())), -1)
    found = [i for i in (curly, straight) if i >= 0]
    return min(found) if found else None


def _closes(text: str) -> bool:
    """Whether the sentence closes a quotation it did not open: a closing mark before any opening one."""
    close = _closing_mark(text)
    opening = _opening_mark(text)
    return close is not None and (opening is None or close < opening)


def _closing_mark(text: str) -> int | None:
    curly = text.find("”")
    straight = next((i for i, c in enumerate(text) if c == '"' and i > 0 and not text[i - 1].isspace()), -1)
    found = [i for i in (curly, straight) if i >= 0]
    return min(found) if found else None


def _closing(text: str) -> Attribution:
    """The sentence that ends the run: its words up to the mark are quoted, its tag names who spoke."""
    close = _closing_mark(text) or 0
    mark = "“" if text[close] == "”" else '"'
    tagged = attribute(mark + text)
    quotation = text[:close].rstrip(" ,")
    speaker = tagged.speaker if tagged.is_quote else None
    return Attribution(speaker, tagged.reported_by if speaker else None, text, 0, quotation=quotation)


def lead_ins(found: list[Sentence], attrs: list[Attribution]) -> None:
    """ "In a post on X on Tuesday, Graham Tallis-Webb wrote:" and then the post, a paragraph of its own with or
    without marks: every sentence of that paragraph is the speaker's, and the line that hands it over says nothing."""
    handed = []
    for i, sentence in enumerate(found[: len(attrs)]):
        tagged = attribute(sentence.text + " “Words follow.”") if LEAD_IN.search(sentence.text) else None
        issued = _ISSUED.match(sentence.text) if tagged else None
        speaker = (tagged.speaker if tagged else None) or (issued and subject_name(issued.group("who")))
        if not speaker:
            continue
        handed.append(i)
        para = sentence.paragraph + 1
        for k in range(i + 1, len(attrs)):
            # A statement in full runs on over paragraphs that each open with a quotation mark.
            if found[k].paragraph == para + 1 and found[k].text.startswith(("“", '"')) and k > i + 1:
                para += 1
            if found[k].paragraph != para or attrs[k].speaker or attrs[k].reported_by:
                break
            words = found[k].text.strip('“”" ')
            attrs[k] = Attribution(speaker, None, content=found[k].text, content_offset=0, quotation=words)
    for i in reversed(handed):
        del found[i], attrs[i]
