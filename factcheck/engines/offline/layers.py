"""Attribution in layers: "President Joe Biden has said he will not use the act, a White House official
told reporters." The sentence opens with one speaker and closes with another; the closing one is who
told the reporter, the opening one what they were told about. Read as one layer, the claim carried
", a White House official told reporters" in its words and the official was never named as its source.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.engines.offline import tailtags
from factcheck.engines.offline.attribution import Attribution

_PRONOUNS = {"he", "she", "it", "they", "we", "i"}


def outer_source(attr: Attribution) -> Attribution:
    """``attr`` with a closing tag after its statement read as the source that reported it."""
    if not attr.speaker or attr.reported_by or attr.is_quote or attr.whole:
        return attr
    tagged = tailtags.tail_tag(attr.content)
    if not tagged:
        return attr
    who, _, content = tagged
    if who.lower() in _PRONOUNS or who.lower() == attr.speaker.lower():
        return attr  # "…, he said" after "Smith said": one speaker, said twice
    return replace(attr, reported_by=who, content=content)
