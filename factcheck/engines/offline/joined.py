"""A reporter's fact and a body's own statement joined in one sentence: "The bridge has been closed by
Telford and Wrekin Council, which said …", "…, and the council says …", "The company employs 46 people and
says …". The fact is the reporter's (``act``); what follows the verb of saying is the body's."""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.engines.offline import subjects


class Joined(NamedTuple):
    who: str
    start: int  # where the body's statement begins in the sentence
    verb: str
    act: str  # the reporter's fact before it, as a sentence of its own


def statement_joined(body: str) -> Joined | None:
    if "“" in body or '"' in body:
        return None  # a quotation's tag is read with it (attribution.py)
    return _agent_says(body) or _does_and_says(body) or _and_says(body)


# "The bridge has been closed by Telford and Wrekin Council, which said it would be inspected …": what was
# done is the reporter's; what follows "which said" is the agent's own statement.
_WHICH_SAID = re.compile(r", (?:which|who) (?P<verb>says|said) (?:that )?")
# "reported seeing it to the Northern Meteor Watch, a network of amateur astronomers, which said …": whom it
# was told to says the rest; what the body is, between commas, is no part of its name.
_AGENT = re.compile(
    r"\b(?:by|from|to) (?P<who>[A-Za-z](?:(?! by | from | to )[^,“”\"]){1,100})(?:, (?:a|an) [^,“”\"]{1,80})?$"
)
# "…set up a campaign group, Keep Glaisdale School, which says …": a name between commas says it too.
_APPOSED = re.compile(r", (?P<who>[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){0,4})$")


def _agent_says(body: str) -> Joined | None:
    said = _WHICH_SAID.search(body)
    agent = (_AGENT.search(body, 0, said.start()) or _APPOSED.search(body, 0, said.start())) if said else None
    who = subjects.subject_name(agent.group("who")) if agent else None
    if not said or not who or who.lower().startswith(("a ", "an ")):
        return None
    if len(body[said.end() :].split()) < 3 or said.start() < 20:
        return None
    return Joined(who, said.end(), said.group("verb"), body[: said.start()].rstrip() + ".")


# "The company employs 46 people at the site and says another 120 jobs depend on it": what it is, then
# what it claims, one subject for both.
_DOES_AND_SAYS = re.compile(
    r"^(?P<who>(?:The|the) [a-z]{3,20}|[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){0,3}) "
    # "The company has set up four water stations and says …": what it has done, too.
    r"(?P<did>(?!says\b)(?:[a-z]{3,20}s|has [a-z]{3,20}) [^,;“”\"]{3,150}?) and (?P<verb>says) (?:that )?"
)


def _does_and_says(body: str) -> Joined | None:
    both = _DOES_AND_SAYS.match(body)
    who = subjects.subject_name(both.group("who")) if both else None
    if not both or not who:
        return None
    return Joined(who, both.end(), both.group("verb"), f"{both.group('who')} {both.group('did')}.")


# "The building has stood empty since 2019, and the council says a car park would …": the reporter's fact,
# then a body's statement joined to it ("Sales rose 3%, but the company said a wet August had cost it £9m",
# the same, in contrast).
_AND_SAYS = re.compile(
    r", (?:and|but) (?P<who>(?:the|its) [a-z]{3,20}(?: [a-z]{3,20})?|[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){0,3}) "
    # "…, and Mosedale Water said on Wednesday that …": the day it was said stays with the verb.
    r"(?P<verb>says|said(?: on [A-Z][a-z]{2,8}day(?: morning| afternoon| evening)?)?) (?:that )?"
)


def _and_says(body: str) -> Joined | None:
    said = _AND_SAYS.search(body)
    who = subjects.subject_name(said.group("who")) if said else None
    if not said or not who or who.lower() in subjects.PRONOUNS:
        return None
    if len(body[said.end() :].split()) < 3 or said.start() < 20:
        return None
    return Joined(who, said.end(), said.group("verb"), body[: said.start()] + ".")
