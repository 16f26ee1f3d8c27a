"""How a claim is worded once its speaker is known: "X said that …", "According to X, …", which opening
word keeps its capital behind the attribution, and where a statement needs its closing stop."""

from __future__ import annotations

import re

from factcheck.engines.offline import bodies
from factcheck.engines.offline.entities import Actors

_LOWER_FIRST = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "There",
    "Some",
    "Many",
    # A conditional after "said that" stays one sentence: "… said that if the numbers hold, …".
    "If",
    "When",
    "Unless",
    "Once",
    "While",
    "Although",
    "Because",
    "After",
    "Before",
    # "The hearing was told that former PC Laura Thorley …": a title's "Former" is an ordinary word.
    "Former",
    "Current",
}
# Openings that are never a name, moved after "said that" or "According to X,": "Hundreds of flights",
# "More than 400", "Sixty-one percent". A name keeps its capital, so only closed classes are listed.
_COMMON_OPENING = re.compile(
    r"^(?:More|Most|Fewer|Less|Few|Any|Some|Many|Much|Anyone|Everyone|Nobody|Nothing|Hundreds|Thousands|Millions|Billions|Dozens|Tens|Scores|Nearly|Almost|About|"
    r"Around|Roughly|Over|Under|Only|Just|Every|Each|No|None|All|Both|Half|Several|Other|Such|Our|Their|His|"
    r"Her|In|On|At|For|By|From|Of|During|Since|Until|Without|With|Across|Last|Next|Up|Down|"
    # "According to the DfT, outside London, …": a preposition opening a place or a time, never a name.
    r"Outside|Inside|Within|Beyond|Among|Between|Throughout|Despite|Against|Along|Behind|Near|Through|Before|After|"
    # "Instead it dumped the loads …, Ms Ollery said": a linking word carries on the speaker's account.
    r"(?:Instead|However|Meanwhile|Moreover|Furthermore|Otherwise|Therefore|Nevertheless|Nonetheless|Indeed|Also|"
    r"Then|Later|Yet|Already|Again|Even),?|"
    r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|"
    r"Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|"
    r"Sixty|Seventy|Eighty|Ninety)(?:-\w+)?)$"
)


def closed(content: str) -> str:
    content = content.rstrip()
    # 'were "slightly ahead"' ends a sentence with a full stop after the mark; '… everything."' has one.
    return content if content.rstrip("”\"'’").endswith((".", "!", "?")) else content + "."


def with_attribution(
    content: str, speaker: str | None, reported_by: str | None, verb: str, actors: Actors | None = None
) -> str:
    content = closed(content)
    body = lower_first(content, actors)
    if reported_by and _ON_A_DAY.search(verb):
        # "the Financial Times reported on Wednesday, citing …": when it was reported stays with the report.
        citing = f", citing {speaker}," if speaker else ""
        return f"{capitalise(reported_by)} {verb}{citing} that {body}"
    if speaker and reported_by and _FIGURES.search(reported_by):
        # "He said a scheme had cut energy use by 40%, according to police figures": figures report no one's
        # words; they are the speaker's own source.
        return f"{capitalise(speaker)} {verb} that, according to {reported_by}, {body}"
    if speaker and reported_by:
        return f"According to {reported_by}, citing {speaker}, {body}"
    if reported_by and not re.match(r"(?:it|they|he|she|we)\b", body) and " and that " not in body:
        return f"According to {reported_by}, {body}"
    if speaker or reported_by:
        # "According to the agency, it had slowed arrivals" leaves "it" to anyone; "said that it" is the agency;
        # "said behaviour was good and that …" needs its "said".
        return f"{capitalise(speaker or reported_by or '')} {verb} that {body}"
    return capitalise(content)


_ON_A_DAY = re.compile(r"\bon [A-Z][a-z]*day\b")
# "…, according to a survey by the local health authority": a survey, study or report is the speaker's source
# too; it never cites the speaker.
_FIGURES = re.compile(
    r"\b(?:figures|data|statistics|counts|estimates)$|^(?:a|an|the|its|his|her|their)\s(?:[\w-]+\s)?"
    r"(?:survey|poll|study|report|analysis|audit|review|census)\b",
    re.I,
)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str, actors: Actors | None = None) -> str:
    first, _, rest = text.partition(" ")
    # "According to the BMA, nationally, the number …": a sentence adverb is never a name.
    adverb = first.endswith("ly,") and first[:-1].isalpha()
    lower = (
        first in _LOWER_FIRST
        or adverb
        or _COMMON_OPENING.match(first)
        or (actors and actors.usually_lower(first, rest))
    )
    return text[:1].lower() + text[1:] if lower else text


def lower_article(actor: str) -> str:
    first = actor.split(" ", 1)[0]
    if actor.startswith("The ") and actor.split()[1][:1].isupper():
        return actor  # "The Miami Herald" keeps its capital
    if first in {"An", "A", "The", "Unnamed", "Anonymous", "Sources", "Officials", "People", "Several", "Two", "Three"}:
        return actor[:1].lower() + actor[1:]
    # "Detectives believe": a common noun opening its sentence; "Police Scotland" is a name.
    if first in _INQUIRERS and (actor == first or actor.split()[1][:1].islower()):
        return actor[:1].lower() + actor[1:]
    return actor


_INQUIRERS = {"Police", "Detectives", "Investigators", "Officers", "Prosecutors", "Firefighters"}


def shown(speaker: str | None, attributed: str | None) -> str | None:
    """Who the claim's words name as its speaker: ``speaker``, or, where the pointer found no one ("The regulator
    said it had …" with no regulator named, "He said she had …" with no one he can be), the pointer itself, so
    the claim is never the reporter's own."""
    pointer = bodies.is_pointer(attributed or "") or (attributed or "").lower() in {"he", "she", "it", "they"}
    return speaker or (lower_article(attributed) if pointer and attributed else None)
