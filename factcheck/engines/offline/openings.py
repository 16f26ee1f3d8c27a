"""A claim's first words when they point back ("He", "It", "Its", "They"): the name they stand for, when
the sentences before make it certain, or why a person must say (extract.py writes the claim around them)."""

from __future__ import annotations

import re

from factcheck.engines.offline import records
from factcheck.engines.offline.bodies import possessive
from factcheck.engines.offline.census import given_name
from factcheck.engines.offline.kinds import SPOKESPERSON, UNNAMED_PERSON
from factcheck.engines.offline.segment import Sentence
from factcheck.engines.offline.speakers import Speakers
from factcheck.engines.offline.wording import capitalise

# Openings that point back to something the claim does not name: a person must say what.
# '"Fakes are not harmless. They fund crime," she said': a quotation's "They" names nothing it says itself.
QUOTED_POINTER = re.compile(r"(?:They|It|These)\s(?!(?:is|was|are|were|has|have|had|will|would|could|must|may)\b)")
UNRESOLVED_START = re.compile(
    # "Those who drank two cups a day": a group the sentence itself defines.
    # "This summer was the warmest": a time the dateline fixes, not a thing pointed back to; "It is the second time
    # the ferry has run aground", "It is the second fire at the plant this year": the event just told, not a body.
    r"^(They|It(?! (?:is|was) (?:only )?the \w+ (?:time|fire|crash|collision|incident|attack|flood|outbreak|"
    r"breach|recall|spill|closure|strike|derailment|robbery|burglary|break-in)\b)|"
    r"This(?! (?:summer|winter|spring|autumn|season|week|month|year|morning|afternoon|evening)\b)|"
    r"That|These|Those(?! (?:who|whose|with|without|aged|living|born|taking|over|under)\b)|He|She|"
    r"We|Its|Their|One of (?:them|those|the \w+)|"
    r"(?:Some|Many|Most|Both|Each|All|None|Several|Two|Three) of (?:them|those)|The (?:company|firm|contractor))\b"
)
# "This year it started with 24,000 tonnes", "In March she bought …": a time, with no comma, then the pronoun.
_TIME = (
    r"(?:In|On|By|Since|Last|This|Next|Earlier|Later)\s(?:[A-Z][a-z]{2,8}|\d{4}|year|week|month|season|(?:win|summ)er)"
)
TIMED_POINTER = re.compile(  # never "Since 2024 it has been an offence to …": that "it" points at nothing
    rf"^{_TIME}(?:\s\d{{4}})?\s(it(?!\s(?:is|was|has\sbeen|will\sbe)\s(?:an?|illegal|compulsory)\b)|they|he|she|we|its|their)\b"
)
# "It was the sixth round of talks": "It" before a copula names an event, not the body that spoke.
POINTER = re.compile(r"(It|They)\s(?!(?<=It\s)(?:was|is|has\s+been|had\s+been|will\s+be|would\s+be)\b)")
_PRONOUN_SAID = re.compile(r"[“\"]?(?:He|She)\s+(?:said|added|told|says)\b")
# "It comes into force on 1 October": what a law, a duty or a price does, never the body that spoke.
A_THINGS_VERB = re.compile(
    r"(?:It|They) (?:will )?(?:comes?|came) into (?:force|effect)|(?:It|They) (?:will )?(?:takes?|took) effect|"
    r"(?:It|They) (?:will )?(?:costs?|expires?|expired|lapses?|lapsed)\b"
)


def its_owner(content: str, speaker: str | None, speakers: Speakers) -> str:
    """ "The junta said …. Its leader, X, made …": the junta's leader. Only a body's, never a person's
    ("Lee Chang said …. Its prize money …"): a name a pronoun was used for, or a first name opens, is no body."""
    owned = speaker.split("'s ", 1)[-1] if speaker and "'s " in speaker else None
    if owned and content.startswith(f"Its {owned}"):
        return capitalise(speaker or "") + content[4 + len(owned) :]  # "Its own figures show …": the council's
    owner = speakers.subject("it") if not speaker and content.startswith("Its ") else None
    if not owner:
        return content
    kind = speakers.kind(owner)
    person = given_name(owner) or owner in speakers.pronouns or owner in speakers.people
    return (
        f"{possessive(capitalise(owner))} {content[4:]}"
        if kind == "org" or (kind == "name" and not person)
        else content
    )


# "said it was the first time a pupil had reached the final", "said it was unclear whether …": an "it" that
# points at nothing, standing for the clause after it.
_EXPLETIVE_IT = re.compile(
    r"it (?:is|was|has been|had been|would be) (?:the (?:first|second|third|last|only) (?:time|occasion) |"
    r"(?:likely|unlikely|clear|unclear|possible|impossible|too early|not yet known) (?:that|whether|to|if) )",
    re.I,
)


def its_of_a_named_person(content: str, speaker: str | None, kind: str | None, split: bool = False) -> bool:
    """ "Richard Parker said that it would cost £12 million": what "it" is, the claim does not say. A
    spokesperson's "it" is the body they speak for, and a company's its own ("Voltra says its battery"),
    so only a person named, speaking for themself, counts. A clause split from a person's statement
    ("Hughes said … and that it accepted all 38") counts whatever its opening word."""
    if not speaker or SPOKESPERSON.search(speaker) or _EXPLETIVE_IT.match(content):
        return False
    if split and kind == "person":
        return not re.match(r"(?:he|she)\b", content)  # "she" kept after "X said that" is X herself
    if not re.match(r"its?\b", content) or len(speaker.split()) < 2:
        return False
    return (kind == "person" and not UNNAMED_PERSON.match(speaker.lower())) or (kind == "name" and given_name(speaker))


def opening_pronoun(
    content: str, sentence: Sentence, before: int, speaker: str | None, speakers: Speakers, said_that: bool = False
) -> tuple[str, bool, str | None]:
    """ "He had trained at altitude" names the one person it can mean, or keeps "He" and says why. After
    "Mirela Dobson said that" (said_that), a "she" meaning Mirela Dobson stays "she": no one else it can be."""
    # "In March, he argued against …": a time or place before the pronoun leaves it the subject.
    m = re.match(
        rf"((?:(?:In|On|By|Since|Earlier|Later|Last)\b[^,“”\"]{{1,30}},\s|{_TIME}\s)?)(He|She)\b", content, re.I
    )
    if not m:
        return content, False, None
    found = speakers.antecedent(m.group(2), sentence.text, before + m.start(2), speaker)
    # "She said she had …" with the first "She" unclear: the second is as unclear.
    if found.speaker and (speaker or not _PRONOUN_SAID.match(sentence.text)):
        # "Resident Gary Wragg said that he …": the speaker as the article introduced him is the same man.
        own = said_that and bool(speaker) and f" {speaker}".endswith(f" {found.speaker}")
        return m.group(1) + (m.group(2).lower() if own else found.speaker) + content[m.end() :], False, None
    return content, True, found.unclear


def record_named(words: str, claim: str, speakers: Speakers) -> str | None:
    """ "It recommends …" written "The draft recommends …": the record that just spoke is the claim's source."""
    body = speakers.subject("It") if words.lstrip().startswith("It ") and not claim.startswith("It ") else None
    return body if body and records.a_record(body) else None
