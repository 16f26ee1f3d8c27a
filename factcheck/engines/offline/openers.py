"""What a sentence opens with, when it is what a pointer after it means: the body ("The Child Poverty
Action Group welcomed …. The charity said"), the group ("The researchers used …. They found"), the
document ("The review … examined …. It said") or the body whose thing the sentence is about ("The zoo's
remaining two elephants will be moved …, it said")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from factcheck.encoders.wordvectors import usually_lower_case
from factcheck.engines.offline import bodies
from factcheck.engines.offline.bodies import ORG_NOUN, ORG_NOUNS, ORG_WORDS, THE_ACRONYM, named_bodies
from factcheck.engines.offline.census import given_name

# A sentence opening with an organisation's name: "The Child Poverty Action Group welcomed …".
# "The Labour-run council approved …": the noun after the capitals is part of the name.
ORG_OPENER = re.compile(
    # "A Skyrose Airways flight made …": an article before the capitals is none of the name.
    r"^(?!(?:A|An)\s)((?:The\s+)?[A-Z][\w&’'.-]{0,30}(?:\s+(?:[A-Z][\w&’'.-]{0,30}|of|for|and|on)){1,7}"
    # "Action Fraud, the national reporting centre for fraud, received …": what it is, between commas.
    rf"(?:\s+(?:{ORG_NOUNS})\b)?)(?:,\s(?:the|a|an)\s[^,“”\"]{{2,80}},)?\s+[a-z]"
)
# "The tribunal's decision, published on Friday, said …. It found …": a ruling is read like a report.
DOCUMENT_OPENER = re.compile(
    r"^((?:The|This)\s+(?:[a-z][\w’'-]{0,20}\s+)?(?:review|report|study|inquiry|audit|survey|investigation|analysis|"
    r"decision|judgment|judgement|ruling))\b"
)
GROUP_OPENER = re.compile(
    r"^((?:The|Those)\s+(?:[a-z][\w-]{0,20}\s+)?(?:researchers|scientists|officials|investigators|doctors|"
    r"experts|authors|analysts|economists|inspectors|auditors|campaigners|organisers|organizers|"
    # "The group, all German nationals, had been skiing …. They were aged …": the people the story is about.
    r"group|men|women|victims|pair|couple|skiers|climbers|walkers|hikers|passengers|pupils|students|brothers|"
    r"sisters|three|four|five|team)"
    # "Researchers at the University of Eastbridge followed …": who "the team" after them is.
    # "Administrators from the firm Keble Ryland were appointed …. They said …": a firm's people, the same.
    r"|(?:Researchers|Scientists|Administrators|Auditors)\s+(?:at|from)\s+(?:the\s+)?(?:firm\s+)?[A-Z][\w’'-]{0,30}"
    r"(?:\s+(?:of|[A-Z][\w’'-]{0,30})){0,5}"
    # "Inspectors visited the school …. Their report said …": a profession's plural, no article needed.
    r"|(?:Inspectors|Investigators|Auditors|Researchers|Scientists)(?=\s+[a-z]+ed\b))\b"
)
# "The zoo's remaining two elephants …", "The company's shares …": a body's thing, told in its name.
# "The zoo is part of a breeding programme. …, it said.": a place that speaks for itself, opening a sentence.
# "Kessaran's defence ministry denied …. It said …": a country's body, by what it is.
_COUNTRYS_BODY = re.compile(
    rf"^([A-Z][\w-]{{1,30}}['’]s\s+(?:[a-z][\w-]{{1,20}}\s+){{0,3}}(?:{ORG_NOUNS}))\s+(?:has\s+|had\s+)?[a-z]{{2,}}ed\b"
)
# "Shares in copper miner Brackenfield Resources jumped …. It said …": the company whose shares moved.
_SHARES_IN = re.compile(r"^Shares in (?:[a-z][\w-]{1,20} ){0,3}([A-Z][\w&’'.-]{1,30}(?: [A-Z][\w&’'.-]{1,30}){0,3})\b")
_PLACE = re.compile(r"^(The\s+(?:zoo|museum|gallery|theatre|library|prison))\s+(?:is|was|has|had|will|[a-z]{2,}ed)\b")
_OWNED = re.compile(rf"^(The\s+(?:{ORG_NOUNS}|zoo|museum|gallery|theatre|library|prison))['’]s\s", re.I)
# "The drug's maker, Vertex, agreed …": a business named after what it is to the story; the next "the company".
_MAKER_NAMED = re.compile(
    r"^(?:The|Its)\s+(?:[\w-]{1,30}['’]s\s+)?(?:maker|manufacturer|owner|developer|operator|supplier|parent\s+company),"
    r"\s+(?P<name>[A-Z][\w&’'.-]{0,30}(?:\s+[A-Z][\w&’'.-]{0,30}){0,3}),"
)

# "Spain's state weather agency AEMET has issued …", "The energy regulator Ofgem has …": what the body is,
# then its name, then its verb; the next "It" is the body by that name.
_DESCRIBED_NAMED = re.compile(
    rf"^(?:[A-Z][\w-]{{1,30}}['’]s\s+|The\s+)(?:[a-z][\w-]{{0,20}}\s+){{0,4}}(?:{ORG_NOUNS})\s+"
    r"(?P<name>[A-Z][\w&’'.-]{0,30}(?:\s+[A-Z][\w&’'.-]{0,30}){0,3})\s+(?:has|have|is|was|had|will|[a-z]{2,}ed)\b"
)

# "Pupils at the schools … slept longer, the researchers found. They were also …": a plural subject opening
# the sentence is what "They" after it means as much as the speaker tagged at its end; a person says which.
_PLURAL_SUBJECT = re.compile(
    r"^(?:(?:The|Those|These|Many|Most|Some|All)\s+)?(?:[a-z][\w-]{0,20}\s+){0,2}?"
    r"(?!(?:Its|This|Thus|Was|Has|Is|As|Plus|Perhaps|Unless|Besides|Whereas|Across|Yes)\b)"
    r"[A-Za-z][a-z-]{1,30}[^su'’\W]s(?=\s+(?:[a-z]|\d))"
)


# "The court heard that inspectors … visited": what was heard opens with its own subject.
_HEARD_THAT = re.compile(r"[^,;“”\"]{1,60}?\b(?:heard|said|found|reported|showed|shows) that ")


def plural_subject(text: str) -> str | None:
    """The plural common noun ``text`` opens with as its subject ("Pupils at …", "Exports fell"), or the
    statement it reports does ("The court heard that inspectors …"), if any."""
    text = text.lstrip(' “"')
    found = _PLURAL_SUBJECT.match(text)
    if not found and (heard := _HEARD_THAT.match(text)):
        found = _PLURAL_SUBJECT.match(text[heard.end() :])
    return found and found.group(0)


# A body's name, then what it is in a relative clause between commas, then its verb.
_NAME_WHICH = re.compile(
    # "which has about 310,000 members,": a figure's comma is not the clause's end.
    r"^([A-Z][\w&’'.-]{1,30}(?: [A-Z][\w&’'.-]{1,30}){0,4}), (?:which|who) (?:[^,“”\"]|(?<=\d),(?=\d{3})){2,120}, "
    r"(?:is|was|has|had|will|[a-z]{2,}ed|[a-z]{2,}[^s\W]s)\b"
)


class Opened(NamedTuple):
    document: str | None
    group: str | None
    body: str | None


# What may come before a body's name in a sentence that still opens with it: "But the ministry …".
_LEADING = re.compile(r"\s{0,3}(?:[A-Z][\w’'-]{0,30}(?: [\w’'-]{1,30}){0,6}, ?|(?:But|And|However|Meanwhile),? ?)")


def opens(text: str, at: int) -> bool:
    """Whether the name at ``at`` opens ``text`` (after a quotation mark, a lead-in clause or a "But")."""
    return not text[:at].strip(' “"').rstrip(",") or bool(_LEADING.fullmatch(text[:at]))


def bodies_named(text: str) -> list[tuple[str, str, bool]]:
    """The bodies a sentence names, as (phrase, noun, whether the sentence opens with it): "Russia's foreign
    ministry", and an acronym with no noun ("which the FDA did not name")."""
    found = [(m.group(1), "", False) for m in THE_ACRONYM.finditer(text)]
    others = named_as_other([text])  # "a neighbouring council, Castlemead District Council": not the story's own
    named = [m for m in named_bodies(text) if m.group(0) not in others]
    return found + [(m.group(0), m.group("noun").lower(), opens(text, m.start())) for m in named]


# "RIVERTON — ", "HARBOUR CITY, June 11 (Wire) - ", "McGREGOR, Texas (Wire) — ", "LARCHMONT, Okla., May 17 (Wire) - ":
# where and when the wire filed from, before the story's own first words.
DATELINE = (
    r"(?:Mc|Mac)?[A-Z][A-Z .'’-]{2,40}(?:,\s+[A-Z][A-Za-z.]+(?:\s+\d{1,2})?){0,2}(?:\s+\([A-Za-z .]{2,30}\))?"
    r"\s+[—–-]{1,2}\s+"
)


RESEARCHERS_AT = re.compile(r"(?:researchers|scientists) (?:at|from) ", re.I)


def undated(text: str) -> str:
    """The sentence without the dateline it may open with: "LEEDS (Wire) - Sarrell Rail will …" opens with Sarrell."""
    return re.sub(f"^{DATELINE}", "", text, count=1)


def opened(text: str, is_org: Callable[[str], bool]) -> Opened:
    """What ``text`` opens with; ``is_org`` says whether a capitalised run is known to be a body."""
    document = DOCUMENT_OPENER.match(text)
    group = GROUP_OPENER.match(text)
    return Opened(document and document.group(1), group and group.group(1), _body(text, is_org))


def _body(text: str, is_org: Callable[[str], bool]) -> str | None:
    if owned := _OWNED.match(text) or _PLACE.match(text):
        return owned.group(1).lower()
    if country := _COUNTRYS_BODY.match(text) or _SHARES_IN.match(text):
        return country.group(1)
    if maker := _MAKER_NAMED.match(text) or _DESCRIBED_NAMED.match(text):
        return maker.group("name")
    if (which := _NAME_WHICH.match(text)) and is_org(which.group(1)):
        return which.group(1)  # "Aldermoor, which has 86 stores, was bought …. It reported …": the retailer
    opener = ORG_OPENER.match(text)
    # "The …" before a run of capitalised words names a body, not a person; "Customers of Westmere
    # Bank" names the bank's customers, not the bank.
    head, _, owner = opener.group(1).partition(" of ") if opener else ("", "", "")
    if owner and head.split()[-1] not in ORG_WORDS and not ORG_NOUN.fullmatch(head.split()[-1]):
        # The body the sentence is about: the next "the bank"; "Members of Fenmoor County Council's cabinet":
        # the council, not "Council's".
        return re.sub(r"['’]s$", "", owner)
    if opener and (is_org(opener.group(1)) or opener.group(1).startswith("The ")):
        # "The Child Poverty Action Group welcomed the decision.": who the next "the charity" means;
        # "Wensley District Council's website …": the council, without the possessive.
        return re.sub(r"['’]s$", "", opener.group(1))
    return None


# "Sunhold has unveiled …": a name opening its sentence as the subject of its verb.
_NAME_SUBJECT = re.compile(
    r"^([A-Z][\w&’'-]{1,30}(?: [A-Z][\w&’'-]{1,30}){0,3}) (?:has|have|had|is|was|will|[a-z]{2,}ed)\b"
)
_BARE_DESCRIPTION = re.compile(r"^the (?:[A-Z][a-z]+ ){0,2}(?:[a-z][\w-]* ){0,3}[a-z]+$")


def name_subject(text: str) -> str | None:
    """The name ``text`` opens with as the subject of its verb ("Northern cancelled …"), if any: never
    "The …" nor a word English writes small ("Passengers were stranded …, the airline said")."""
    subject = _NAME_SUBJECT.match(text)
    name = subject.group(1) if subject else ""
    if name in {"It", "They", "He", "She", "We", "This", "That", "These", "Those", "There"}:
        return None  # "It had connected 11,300 …": a pointer, never a name
    # "Engineers will have to …, the company said": a plural of people by their work names no business;
    # "Self-checkouts will stay …": nor does a word whose later parts are small, as no name's are.
    workers = bool(bodies.WORKERS.fullmatch(name)) or bool(re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)+", name))
    return (
        name
        if name and not name.startswith("The ") and not usually_lower_case(name.split()[0]) and not workers
        else None
    )


def described_subject(text: str, phrase: str) -> str | None:
    """The name a bare description in ``text`` stands for, when the sentence opens with it: "Sunhold has
    unveiled …, as the South Korean company tries …" (the company is Sunhold). Else None."""
    subject = name_subject(text)  # never "Drivers will be charged …, after the county council …"
    return subject if subject and _BARE_DESCRIPTION.match(phrase) and phrase in text else None


def opened_before(noun: str | None, opened: str | None, before: list[str], here: list[str]) -> str | None:
    """The body the sentence before opened with (``opened``), unless "the company" means a business named by
    its name: one that sentence names ("Pellham House is owned by Trevithick Care Ltd. The company said …" is
    the owner), or one this sentence names ("Administrators from Elstow Partners were appointed …, the firm
    said" is Elstow Partners, never the bus company the story opened with)."""
    if noun not in bodies.COMMERCIAL or not opened:
        return opened
    if any(bodies.bare(name) != bodies.bare(opened) for name in here):
        return None
    owners = {name for name in before if name != opened}
    if owners and not bodies.a_business(noun, opened):
        return owners.pop() if len(owners) == 1 else None
    return opened


# "The cathedral has raised …": a thing the article may have named, opening the sentence.
_THE_THING = re.compile(r"^The ([a-z]{3,20}) (?:has|have|had|is|was|will|[a-z]{2,}ed)\b")


def named_for_opening(text: str, earlier: list[str]) -> str | None:
    """The one name the article gave the thing ``text`` opens with ("The cathedral …": "St Aldric's
    Cathedral", named in an ``earlier`` sentence), if it gave exactly one; or the name it opens with, when
    that is no person's ("Hambledon Aquarium has hatched 14 chicks, it said")."""
    opening = _THE_THING.match(text)
    if not opening:
        own = name_subject(text)
        return own if own and len(own.split()) >= 2 and not given_name(own) else None
    noun = opening.group(1).capitalize()
    pattern = re.compile(rf"(?<![\w’'-])((?:(?!(?:The|A|An|In|At|On)\b)[A-Z][\w’'&-]*\s){{1,4}}{noun})\b")
    names = {m.group(1) for sentence in earlier for m in pattern.finditer(sentence)}
    return names.pop() if len(names) == 1 else None


_A_THING = re.compile(r"^The ([a-z]{3,20})\b(?!['’]s)")


def thing_opened(text: str, speaker: str) -> bool:
    """Whether ``text`` opens on a thing that is no body and not ``speaker`` ("The planet, named X, is …, the
    team wrote"), or speaks of a thing as "it" ("… stop running the service because too few people used it"):
    what a next "It" or "Its" may as well mean."""
    opening = _A_THING.match(text)
    opened = bool(opening) and not ORG_NOUN.fullmatch(opening.group(1)) and opening.group(1) not in speaker.lower()
    return opened or bool(_THING_AS_IT.search(text))


# "… because too few people used it", "… the cost of running it": "it" as an object is a thing, not the speaker.
_THING_AS_IT = re.compile(r"\b(?:[a-z]+ed|use|using|run|running|keep|keeping|of|for|with|about|into|on)\s+it\b")


def named_in_passing(text: str, phrase: str) -> bool:
    """Whether ``phrase`` ("the county council") is named in ``text`` only as one of a list a preposition
    takes ("charges for the county council, police and fire service"): no more than "the council" says."""
    return bool(re.search(rf"\b(?:for|to|from|with|including)\s+{re.escape(phrase)},\s[^.;]{{1,60}}\band\b", text))


def owned_bodies(noun: str | None, texts: list[str], names: list[str]) -> set[str]:
    """ "the county's fire service", "The council's licensing committee": bodies the article describes by whose
    they are, of the kind ``noun`` names; none when a body of that kind is named by its name (among ``names``)."""
    if not noun or any(name.endswith(f" {noun.title()}") for name in names):
        return set()
    owned = re.compile(rf"\b[Tt]he\s([a-z][\w-]{{1,30}}['’]s\s(?:[a-z][\w-]{{1,30}}\s){{0,3}}{re.escape(noun)})\b")
    return {f"the {m.group(1)}" for text in texts for m in owned.finditer(text)}


# "The company now expects to complete …": a business named by what it is, opening its sentence as the subject.
_POINTER_OPENS = re.compile(
    r"^(The (?:company|firm|business|retailer|chain|bank|operator|airline|group|housebuilder|brewer|carmaker))"
    r" (?:now |also |still |has |had |will |would )?[a-z]{2,20}(?:s|ed)\b"
)


def opening_pointer(text: str) -> str | None:
    """ "the company" when ``text`` opens with it as its subject ("The company now expects …"), else None."""
    opened = _POINTER_OPENS.match(text)
    return opened.group(1).lower() if opened else None


# "The £90 figure comes from a neighbouring council, Castlemead District Council, …": a body named as another than
# the story's own, never what a later "the council" means.
_AS_OTHER = re.compile(
    r"\b(?:a|another|the)\s(?:neighbouring|neighboring|nearby|rival|different|separate)\s[a-z]{3,20},\s"
    r"(?P<name>[A-Z][\w’'&-]*(?:\s(?:of|and|for|[A-Z][\w’'&-]*)){0,5})"
)


def named_as_other(texts: list[str]) -> set[str]:
    return {m.group("name") for text in texts for m in _AS_OTHER.finditer(text)}


def described_opener(noun: str, texts: list[str]) -> str | None:
    """ "the blood service" when one of ``texts`` (the sentences just before) opens with it, the nearest first:
    a body the story names only by what it is ("The blood service has asked donors …")."""
    described = rf"The ((?!(?:last|first|new|same|other|only|next) )(?:[a-z]+ ){{1,2}}{re.escape(noun)})\b"
    pattern = described + r"(?! (?:of|for|at|in)\b)"
    for text in reversed(texts):
        if m := re.match(pattern, text):
            return f"the {m.group(1)}"
    return None


# "It recommends spending £3.2m", "It made four recommendations": what a report, a draft or a review does.
RECORD_DOES = re.compile(
    r"It (?:recommends|recommended|made \w+ recommendations|calls for|called for|concludes|concluded|found|finds|"
    r"warns|warned|estimates|estimated|says|said)\b"
)
