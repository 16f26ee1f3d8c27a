"""Whose voice a sentence is in when its own words do not say: an interview's answers (the one person the
introduction names), a lead's pointer before anyone has spoken (the body that speaks next), a phrase quoted
inside the reporter's account of an act, and a source named well enough to make its account checkable."""

from __future__ import annotations

from factcheck.engines.offline import bodies, records
from factcheck.engines.offline.attribution import Attribution
from factcheck.engines.offline.speakers import Speakers


def interviewee(speakers: Speakers) -> str | None:
    """Who answers an interview's questions: the one person the article named before its first answer
    ("Glaciologist Dr Ilona Varga … We asked her what the numbers mean."); None when it named more or none."""
    people = {name for at, _, name in speakers.named if at < speakers.sentence}
    return people.pop() if len(people) == 1 else None


def on_record(source: str, speakers: Speakers) -> bool:
    """Whether a source is named ("according to NHS England", "according to Dr Mira Abernethy", "the memo
    said"), so its account is checkable as such; never "according to them"."""
    return speakers.kind(source) in {"org", "name", "person"} or records.a_record(source)


def phrase_quoted(text: str) -> bool:
    """Whether a quotation opens inside the sentence, after words of the reporter's own."""
    curly, straight = text.find("“"), text.find('"')
    return curly > 0 or (straight > 0 and text.count('"') >= 2)


def named_next(pointer: str | None, after: Attribution, speakers: Speakers) -> str | None:
    """ "A plane made an emergency landing …, the airline has confirmed. …, Sunjet Airways said.": a lead's
    pointer, before anyone has spoken, is the body that speaks in the very next sentence, when its name
    says it is one ("Airways") or, for "the company", when it is known to be a body."""
    noun = m.group("noun").lower() if (m := bodies.ORG_POINTER.match((pointer or "").lower().strip())) else None
    name = after.speaker or ""
    if not noun or not name or bodies.is_pointer(name) or speakers.kind(name) in {"person", "group"}:
        return None
    # "The crew union SNPVAC" says it is a union: never what a lead's "the airline" means.
    another = any(n.lower() not in bodies.COMMERCIAL for n in bodies.ORG_NOUN.findall(name))
    fits = bodies.named_as(noun, name) or (noun in bodies.COMMERCIAL and speakers.kind(name) == "org" and not another)
    return name if fits and not bodies.public(noun, name, speakers.public_acronyms) else None
