"""Who a source is: the phrase that names an actor ("Doug Bandow, a senior fellow at X,", "sources familiar
with the talks"), an "according to" wherever it stands in the sentence, and what a claim calls a source
the article does not name."""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.engines.offline import records, subjects

# An actor phrase: a capitalised name, possibly with an appositive ("Doug Bandow, a senior fellow at X,"),
# or a descriptive source ("an anonymous source", "unnamed sources", "sources familiar with …").
# Written so that no text can make it backtrack: words are separated by whitespace only (a hyphen
# belongs to its word, "Jean-Pierre"; a separator that a word may also contain let "A-A-A-…" be cut
# 2^n ways), a word is at most 40 characters and a phrase at most 13 words.
NAME_WORD = r"[A-Z][\w’'.\-]{0,40}"
ACTOR = (
    # "The claim is worth …": an article is never a name on its own, whatever verb a noun after it looks like.
    # An actor starts a word: "chairman Derek Stoddart said" holds no "an Derek Stoddart".
    rf"(?<![\w’'-])(?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]ultiple)\s+)?(?:(?!(?:The|An?|This|That|These|Those)\s){NAME_WORD}|"
    r"anonymous|unnamed|senior|new|"
    r"recent|report|sources?|officials?|people|person|spokes\w{0,20}|outlet|newspaper|paper|network|reporters?|"
    r"audit|study|survey|analysis|review|investigation|inquiry|memo|filing|lawsuit|complaint|records|data|"
    # A whole word: "report" is not the start of "reporters".
    rf"documents)(?![\w’'-])(?:\s(?:{NAME_WORD}|of|for|at|the|in|with|"
    r"and|familiar|close|to|anonymous|unnamed|senior|administration|officials?|sources?|people|"
    # Particles inside a name: "Rubén del Campo", "Ursula von der Leyen".
    r"de|del|da|di|van|von|der|den|du|la|le|al|bin|dos|"
    r"person|spokes\w{0,20}|recent|conversation|between|matter|plans?|talks?|situation|knowledge|who|"
    r"spoke|on|condition|anonymity|a|an|outlet|newspaper|report)){0,12}"
)
APPOSITIVE = r"(?:,\s+(?:a|an|the)\s[^,“\"]{2,120},)?"

_ACCORDING_LEAD = re.compile(rf"^According to ({ACTOR}{APPOSITIVE}),\s+(?P<rest>.+)$", re.S)
# "According to the state labor department, …": any short source a subject could name.
_ACCORDING_ANY = re.compile(r"^According to (?P<who>[^,“”\"]{2,100}?),\s+(?P<rest>.+)$", re.S)
# A full stop inside the source is part of a name ("the tracker Layoffs.fyi", "the U.S. Census Bureau").
_ACCORDING_TAIL = re.compile(
    r"^(?P<rest>.+?),\s+according to (?P<who>(?:[^,.;“”\"\d]|\d(?:[,.]\d)?|\.(?=\w| [A-Z])){2,140})\.?$", re.S
)
_ROLE_AFTER_NAME = re.compile(r"(?:(?:the|a|an|its|his|her|their) [^,.;“”\"]{1,60}|(?:who|which) [^,.;“”\"]{1,80})\.")
_RECORD_AFTER_NAME = re.compile(
    r"(?:released|published|obtained|compiled|issued|collected|seen) (?:under|by|on|in|last|this|through|from) "
    r"[^,.;“”\"]{1,80}\."
)
_NAME_AFTER_ROLE = re.compile(r"[A-Z][\w&’'.-]{0,30}(?: (?:of |for |and )?[A-Z][\w&’'.-]{0,30}){0,5}\.")
# "…fell to 79 percent, according to state data, well below …": the source between two commas.
_ACCORDING_MID = re.compile(r"^(?P<rest>[^“”\"]+?), according to (?P<who>[^,.;“”\"\d]{2,90}), (?P<more>[^“”\"]+)$")
# "…, but the player is understood to …" after a source between commas: a turn in the reporter's voice.
_SOURCE_THEN_TURN = re.compile(r", according to [^,.;“”\"]{2,60}, (?:but|although|though|yet) ")
_TURN = re.compile(r"^(?P<rest>[^“”\"]+?), (?:but|although|though|yet) (?P<then>[a-z][^“”\"]{20,})$")
_READING = re.compile(r"(?:meaning|suggesting|showing|which|while|whereas) ")
_SOURCE_SAYS = re.compile(r"(?:which|who) (?:says|said|estimates|found|counts|reports) (?:that )?(?P<also>[^“”\"]+)$")
_ACCORDING_ANONYMOUS = re.compile(
    r"^(?P<rest>[^“”\"]+?), according to (?P<who>[^,.;“”\"\d]{2,60}), (?P<why>who [^“”\"]{2,200})$"
)
ANONYMITY = re.compile(
    r"anonymity|not\s+to\s+be\s+(named|identified)|not\s+authori[sz]ed|declined\s+to\s+be\s+(named|identified)|"
    r"without\s+being\s+(named|identified)|on\s+background|familiar\s+with|with\s+knowledge\s+of",
    re.I,
)
_PLURAL_SOURCE = re.compile(
    r"^(two|three|four|several|multiple|some)\b|\b(people|officials|sources|aides|"
    r"employees|members|staffers|workers|diplomats)\b",
    re.I,
)


def clean(actor: str | None) -> str | None:
    """A source as a claim names it: no "also", no description after a comma."""
    if not actor:
        return None
    actor = actor.strip(" ,.")
    actor = re.sub(r"^(?:also|later)\s+", "", actor)
    # "Dr. Rupert Vance, a hepatologist who led the report": the name, not the description.
    actor = re.sub(r",\s+(?:a|an|the|who|which|whose)\s.*$", "", actor)
    return actor or None


def unnamed(description: str) -> str:
    """What a claim calls a source the article does not name: "unnamed sources" for people,
    "an unnamed county official" for one described in a few words."""
    if _PLURAL_SOURCE.search(description):
        return "unnamed sources"
    head = re.sub(r"^(an?|one)\s+", "", description.strip(), flags=re.I)
    return f"an unnamed {head}" if 0 < len(head.split()) <= 3 else "an unnamed source"


class Sourced(NamedTuple):
    who: str | None  # the source an "according to" names
    rest: str  # the sentence without it
    offset: int  # where that starts
    also: str | None = None  # a second statement of the source's own ("…, which says 13,500 jobs have gone")
    # A clause after the source in the reporter's own voice: "…, according to reports in Belgium, but the
    # player is understood to have preferred …" (the source vouches for what comes before it only).
    then: str | None = None


def according_to(body: str, offset: int) -> Sourced:
    """The source an "according to" in ``body`` names, and what it is the source of."""
    found = _according_to(body, offset)
    turn = _TURN.match(found.rest) if found.who and not found.also and _SOURCE_THEN_TURN.search(body) else None
    return found._replace(rest=turn.group("rest"), then=turn.group("then")) if turn else found


def _according_to(body: str, offset: int) -> Sourced:
    m = _ACCORDING_LEAD.match(body)
    generic = None if m else _ACCORDING_ANY.match(body)
    # "According to police recorded crime figures, …": a record however its words read, as a witness's account is.
    who = generic.group("who") if generic else ""
    if generic and not (subjects.subject_name(who) or witnessed(who) or records.a_record(who)):
        generic = None
    if m or generic:
        who = clean(m.group(1).split(",")[0]) if m else clean(generic.group("who"))
        return Sourced(who, (m or generic).group("rest"), offset + (m or generic).start("rest"))
    m = _ACCORDING_TAIL.match(body)
    if m:
        return Sourced(clean(m.group("who")), _stopped(m.group("rest")), offset)
    anonymous = _ACCORDING_ANONYMOUS.match(body)
    if anonymous and ANONYMITY.search(anonymous.group("why")):
        # "…, according to one EU official, who spoke on condition of anonymity because …"
        return Sourced(unnamed(anonymous.group("who")), _stopped(anonymous.group("rest")), offset)
    mid = _ACCORDING_MID.match(body)
    if mid and _NAME_AFTER_ROLE.fullmatch(mid.group("more")):
        # "…, according to the promoter, Live Nation.": the source's name, not more of the sentence.
        return Sourced(clean(mid.group("more").rstrip(".")), f"{mid.group('rest')}.", offset)
    # "…, according to separate ONS data, meaning …": a record is a source however its name starts (not before
    # a tag of its own: "…, according to early estimates from tax data, she said").
    record = bool(mid) and records.a_record(mid.group("who")) and bool(_READING.match(mid.group("more")))
    named = bool(mid) and (subjects.subject_name(mid.group("who")) is not None or record)
    # "…, according to the Centre for Retail Research, which says 13,500 jobs have gone.": a claim of its own,
    # however short ("…, according to the charity, which said it had attended 14 whales this year.").
    says = _SOURCE_SAYS.match(mid.group("more")) if named else None
    if says:
        return Sourced(clean(mid.group("who")), f"{mid.group('rest')}.", offset, says.group("also"))
    if named and _RECORD_AFTER_NAME.fullmatch(mid.group("more")):
        # "…, according to the figures, released under the Freedom of Information Act.": how the source came out.
        return Sourced(f"{clean(mid.group('who'))} {mid.group('more').rstrip('.')}", f"{mid.group('rest')}.", offset)
    if named and _ROLE_AFTER_NAME.fullmatch(mid.group("more")):
        # "…, according to Grant Fitzner, the ONS's chief economist." (or "…, who tracks local contests."):
        # who the source is, not the claim.
        return Sourced(clean(mid.group("who")), f"{mid.group('rest')}.", offset)
    if named:
        return Sourced(clean(mid.group("who")), f"{mid.group('rest')}, {mid.group('more')}", offset)
    return Sourced(None, body, offset)


def _stopped(rest: str) -> str:
    """The sentence before its source, with its full stop back: once ("… by 9 a.m."), never twice."""
    return rest if rest.endswith(".") else rest + "."


# "According to two people who were at the meeting, …": an account of what witnesses saw, checkable as theirs.
_WITNESSES = re.compile(
    r"^(?:(?:two|three|four|several|some|\d{1,3})\s)?(?:people|witnesses|eyewitnesses|passengers|residents|members|staff)"
    r"\s(?:who\s(?:were|was|had\sbeen)\s(?:at|in|on|there)\b|present\b)",
    re.I,
)


def witnessed(source: str) -> bool:
    return bool(_WITNESSES.match(source.strip()))
