"""Attribution in layers: "President Joe Biden has said he will not use the act, a White House official
told reporters." The sentence opens with one speaker and closes with another; the closing one is who
told the reporter, the opening one what they were told about. Read as one layer, the claim carried
", a White House official told reporters" in its words and the official was never named as its source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.engines.offline import tailtags
from factcheck.engines.offline.attribution import Attribution

_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
# "Studies have found that …, the NHS says.", "A recount has confirmed that …, county officials said.": the
# opening subject is a finding, not a speaker; the closing tag says who told of it, and the claim is all of it.
_FINDING = re.compile(
    r"^(?:(?:the|a|an|new|recent|several|many|some|two|three)\s+)?(?:[\w-]+\s+){0,2}(?:studies|study|research|"
    r"tests?|trials?|recount|review|audit|analysis|analyses|surveys?|investigation|inquiry|post-mortem|scans?|"
    r"checks?|inspections?)$",
    re.I,
)


def outer_source(attr: Attribution, sentence: str = "") -> Attribution:
    """``attr`` with a closing tag after its statement read as the source that reported it."""
    if not attr.speaker or attr.reported_by or attr.is_quote or attr.whole:
        return attr
    tagged = tailtags.tail_tag(attr.content)
    if not tagged:
        return attr
    who, content = tagged.who, tagged.content
    if who.lower() in _PRONOUNS or who.lower() == attr.speaker.lower():
        return attr  # "…, he said" after "Smith said": one speaker, said twice
    told = tailtags.tail_tag(sentence) if attr.speaker.lower() in _PRONOUNS else None
    if told:  # "He told her that …, police said": what police say "he" told her, his words and all
        return Attribution(speaker=told.who, reported_by=None, content=told.content, content_offset=0, verb=told.verb)
    start = sentence.lower().find(attr.speaker.lower())
    whole = tailtags.tail_tag(sentence[start:]) if _FINDING.match(attr.speaker) and start >= 0 else None
    if whole:
        return Attribution(
            speaker=whole.who, reported_by=None, content=whole.content, content_offset=start, verb=whole.verb
        )
    # "Detectives believe …, the force said on Friday": the day belongs to the report, and is kept with it.
    dated = re.search(r"\bon [A-Z][a-z]*day\b", tagged.verb)
    return replace(attr, reported_by=who, content=content, verb=tagged.verb if dated else attr.verb)
