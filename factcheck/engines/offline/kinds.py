"""What kind of speaker a span names: a person, an organisation, a group, or a capitalised name the
article has not yet shown to be either. Every pointer the tracker resolves ("she", "the company",
"they") may only land on a speaker of its kind, so this is where a wrong name is first kept out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.engines.offline.bodies import DESCRIBED_POINTER, ORG_NOUN, ORG_NOUNS, ORG_WORDS, PUBLIC_BODY
from factcheck.engines.offline.census import given_name, pronoun_of
from factcheck.engines.offline.entities import PORTFOLIO, TITLES, Actors

_GROUP = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}(organi[sz]ers|officials|police|researchers|scientists|doctors|experts|"
    r"prosecutors|investigators|authorities|residents|witnesses|analysts|sources|unions|campaigners|"
    r"companies|families|parents|teachers|workers|protesters|firefighters|rescuers|data|figures|statistics|"
    r"lawyers|solicitors|barristers|attorneys|inspectors|auditors|economists|engineers|surveyors|detectives|officers|"
    r"paramedics|nurses|naturalists|ecologists|botanists|biologists|zoologists|ornithologists|birdwatchers|"
    r"geologists|entomologists|palaeontologists|paleontologists|meteorologists|physicists|chemists|vets|"
    # A party's members as a body of opinion: "Republicans said the measure spends too much."
    r"republicans|democrats|conservatives|tories|liberals|greens|nationalists)$",
    re.I,
)
# "Councillors said …. …, he said": a plural of people is never who "he" or "she" means, though as a speaker
# it stays a name the model weighs like any other.
PEOPLE_PLURAL = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}(?:councillors|councilors|ministers|mps|senators|lawmakers|legislators|"
    r"members|nurses|midwives|staff|pupils|students|patients|passengers|drivers|commuters|managers|inspectors|"
    r"auditors|economists|engineers|volunteers|neighbours|neighbors|locals|villagers|fans|players|voters|shoppers|"
    r"customers|consumers|farmers|landlords|tenants|employees|activists|critics|opponents|supporters|judges|"
    r"magistrates|paramedics|surgeons|academics|keepers|crews?)$",
    re.I,
)
_TITLE_START = re.compile(rf"^(?:{TITLES})\s+[A-Z]")
_DESCRIBED_NAME = re.compile(rf"^(?:[a-z-]+['’]? ){{0,2}}(?:{ORG_NOUNS}) [A-Z]")  # "the drivers' union Aslef" too
# "Employment Judge Aisha Rahman", "Labour MP Kim Leadbeater", "Josephine County Sheriff Dale Whitcomb": a
# title qualified by capitalised words.
_QUALIFIED_TITLE = re.compile(rf"^(?:[A-Z][\w-]+\s+){{1,3}}(?:{TITLES}|MP|MEP|MSP)\s+[A-Z][\w’'.-]+\s+[A-Z]")
# "chief executive Laura Mendes", "Analyst Chen Wei", "lead author Ingrid Solberg": a role, then a name.
_ROLE_START = re.compile(
    r"^(?:(?:(?!(?:the|a|an|its|their|his|her)\b)[a-z][\w-]*\s+){1,3}|(?:Analyst|Economist|Lawyer|Attorney|Coach|Manager|Captain|Spokesman|"
    r"Spokeswoman|Spokesperson|Opposition\s+leader|Leader|Lead\s+author|Author|Researcher|Scientist|Doctor|"
    r"Nurse|Officer|Detective|Inspector|Superintendent|Councillor|Councilor|Councilwoman|Councilman|"
    r"Lieutenant\s+Governor|Race\s+director|Director|Founder|Owner|Chief\s+\w+|Comptroller|Treasurer|Auditor|"
    r"Controller|Clerk|Administrator|Trustee|Principal|Headteacher|Pastor|Bishop|Rabbi|Imam)\s+)[A-Z][\w’'.-]+\s+[A-Z]"
)
# "Dr Rao", "Ms Marsh", "Cllr Jones": British honorifics take no full stop, and are never a body's.
# Only the name itself: "Dr Adebayo's family" is her family.
_HONORIFIC = re.compile(
    r"^(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Sir|Dame|Lord|Lady|Cllr|Rev|Revd|Fr)\.?(?: [A-Z][\w-]{0,30}){1,3}$"
)
# "Kwame Mensah, 34,": an age is said of a person.
AGED = re.compile(
    r"\b([A-Z][\w’'-]{0,30}(?: [A-Z][\w’'-]{0,30}){0,2}), (?:aged )?\d{1,3},"
    # "the 34-year-old Kwame Mensah": an age before the name says a person as much as one after it.
    r"|\b[Tt]he \d{1,3}-year-old ([A-Z][\w’'-]{0,30}(?: [A-Z][\w’'-]{0,30}){1,2})"
    # "Seraphina Athelney, who founded a cider farm, has died aged 92": an obituary's subject is a person.
    r"|^([A-Z][\w’'-]{0,30}(?: [A-Z][\w’'-]{0,30}){1,2}),? (?:who [^.;“”\"]{1,200}?,? )?(?:has )?died aged \d{1,3}\b"
    # "Lucasta Idony worked as a codebreaker from 1942": a trade is a person's.
    r"|^([A-Z][\w’'-]{0,30}(?: [A-Z][\w’'-]{0,30}){1,2}) (?:worked|works|served|trained|qualified) as an? "
)
_ITS_OFFICER = re.compile(
    r"^(?:its|their)\s+(?:[a-z-]+\s+){0,2}(?:secretary|executive|chair|chairman|chairwoman|president|director|"
    r"leader|spokes(?:man|woman|person)|founder|head|manager|officer|boss|chief)$",
    re.I,
)
_BUSINESS_THEN_NAME = re.compile(rf"^(?:[a-z][\w-]{{0,20}}\s+){{0,2}}(?:{ORG_NOUNS})\s+[A-Z]")
# "The 46-year-old added": a person the article named before, pointed back to by age.
# "The 46-year-old added", "the Welshwoman said": a person named before, pointed back to by age or nation.
AGE_POINTER = re.compile(
    r"^the (?:\d{1,3}-year-old|(?:welsh|english|irish|scots|french|dutch)(?:man|woman)|scot|briton)$"
)
PLURAL = re.compile(r"\b(?:spokes(?:men|women|people)|two|three|several)\b", re.I)
SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person)\b", re.I)
_ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")
# One person described, not named: "the lorry driver", "the victim's mother", "the defendant".
UNNAMED_PERSON = re.compile(
    r"^(?:the|a|an|one) (?:[a-z’'-]+ ){0,3}(?:driver|man|woman|boy|girl|passenger|witness|victim|defendant|resident|"
    r"officer|mother|father|son|daughter|wife|husband|widow|neighbour|neighbor|owner|pilot|teacher|nurse|doctor|"
    r"patient|customer|worker|employee|student|pupil|landlord|tenant|shopkeeper|cyclist|pedestrian|survivor)$"
)


# Bodies that act as one, named by what they are: a later "It" or "Its" is theirs.
_COLLECTIVE = {"junta", "military", "army", "navy", "cabinet", "parliament", "legislature", "regime", "tribunal"}

# One person described, not named, anywhere in a sentence ("the inquest heard that the van driver, who …"):
# who a "He" after it may mean as well as the person named before. Not an apposition or a predicate ("Michael
# Moreau, 52, a science teacher", "was a nurse"): those describe the person named.
_SOMEONE = re.compile(
    r"(?<!, )(?<!\bwas )(?<!\bis )(?<!\bas )\b(?:[Tt]he|[Aa]n?) (?:[a-z’'-]+ ){0,2}?(?P<who>driver|motorist|man|"
    r"woman|boy|girl|passenger|victim|defendant|suspect|gunman|attacker|officer|pilot|pedestrian|cyclist|rider|teenager|"
    r"mother|father|son|daughter|wife|husband|brother|sister)\b"
)
_HIS = {"man", "boy", "gunman", "father", "son", "husband", "brother"}
_HERS = {"woman", "girl", "mother", "daughter", "wife", "sister"}


def someone(text: str, pronoun: str) -> str | None:
    """The first unnamed person ``text`` describes whom ``pronoun`` ("he" or "she") could mean."""
    for m in _SOMEONE.finditer(text):
        who = m.group("who")
        if who not in (_HERS if pronoun == "he" else _HIS):
            return m.group(0)[:1].lower() + m.group(0)[1:]  # "The driver …" opening its sentence: "the driver"
    return None


def kind_of(name: str, actors: Actors, people: set[str]) -> str:
    """person, org, group, or name: a capitalised name the article has not yet shown to be either."""
    words = name.split()
    # "Staffordshire Police" is a force, a body; "police" and "Police" are officers.
    named_force = len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper()
    if (_GROUP.match(name) and not named_force) or name.lower().startswith(("unnamed ", "the companies", "organi")):
        return "group"
    if _BUSINESS_THEN_NAME.match(name):
        return "org"  # "operator Channel Crossings", "developer Kestrel Land": what it is, then its name
    if _ITS_OFFICER.match(name):
        return "person"  # "Its general secretary": someone's role, never a body "the company" may mean
    # "the Rev Ambrosia Tancred", "the Very Rev …": a cleric, whose title takes an article.
    titled = _TITLE_START.match(re.sub(r"^the\s+(?:(?:Very|Right|Rt|Most)\s+)?(?=Rev)", "", name))
    titled = titled or _ROLE_START.match(name) or PORTFOLIO.match(name) or _HONORIFIC.match(name)
    titled = titled or _QUALIFIED_TITLE.match(name)
    if titled or name in people or SPOKESPERSON.search(name) or UNNAMED_PERSON.match(name.lower()):
        return "person"  # "Analyst Chen Wei of Harbor Securities" is a person at a company
    role = [w for w in words[1:-2] if w[:1].islower() and w not in {"of", "for", "and", "on", "the", "in", "at"}]
    # "Council leader Graham Pike", "Town council leader Joan Addy": a role (its last word no body), then a name.
    named = len(words) > 2 and (" ".join(words[-2:]) in actors.full_names.values() or given_name(words[-2]))
    if role and not ORG_NOUN.search(role[-1]) and named:  # the name noted, or a first name not yet noted
        return "person"
    if DESCRIBED_POINTER.match(name) or (len(words) == 2 and words[0].lower() == "the" and words[1] in _COLLECTIVE):
        return "org"  # "the trade body", "the county council", "the junta"
    if any(w.strip(".,") in ORG_WORDS for w in words) or _ACRONYM.match(name) or PUBLIC_BODY.search(name):
        return "org"
    if len(words) == 1 and any(full.split()[0] == words[0] for full in actors.full_names.values()):
        return "person"  # "Karen", first name of Karen Lowe
    if len(words) >= 2 and words[0].lower() == "the" and words[1][:1].isupper():
        return "org"  # "the GMB union", "the UK Health Security Agency"
    if len(words) >= 3 and words[0].lower() == "the" and _DESCRIBED_NAME.match(" ".join(words[1:])):
        return "org"  # "the charity Heart Research UK", "the housing charity Shelter"
    return "name" if name[:1].isupper() else "group"


def short_for(name: str, texts: Iterable[str]) -> str:
    """The name in full that a one-word ``name`` is short for, when sentences before ``texts`` wrote it out
    with a body's word ("Garroway" after "Garroway Building Society"); else ``name``."""
    if " " in name:
        return name
    full = re.compile(rf"\b{re.escape(name)}(?: [A-Z][\w’'&-]+){{1,3}}")
    for text in texts:
        for m in full.finditer(text):
            if any(w in ORG_WORDS for w in m.group(0).split()[1:]):
                return m.group(0)
    return name


# A person's role just before their name: "signed striker Moussa Diallo", "Its founder, Jo Whitfield,", "Chef Ana Vale".
ROLE_BEFORE = re.compile(
    r"\b(?i:striker|midfielder|defender|goalkeeper|forward|winger|coach|manager|singer|actor|actress|rapper|author|"
    r"writer|teacher|nurse|doctor|surgeon|officer|detective|lawyer|solicitor|barrister|judge|pilot|driver|player|"
    r"athlete|sprinter|runner|boxer|footballer|cricketer|MP|senator|councillor|minister|president|founder|"
    r"co-founder|owner|farmer|student|pupil|scientist|researcher|professor|economist|analyst|spokes(?:man|woman|"
    r"person)|artist|musician|chef|comedian|presenter|journalist|reporter|photographer|businessman|businesswoman|"
    r"entrepreneur|campaigner|activist|volunteer|mother|father|son|daughter|wife|husband|grandmother|grandfather|"
    r"brother|sister|partner|neighbour|neighbor|friend|colleague|victim|suspect|defendant|witness|passenger|"
    r"nephew|niece|aunt|uncle|cousin|grandson|granddaughter|conductor|curator|vicar|"
    r"resident|executive|director|chairman|chairwoman|secretary|leader|captain|editor|head)(?:, | )"
    r"(?P<name>[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){1,2})\b"
)


def named_after_role(text: str) -> list[str]:
    """The people a role names ("signed striker Moussa Diallo"), never a body an owner or a partner
    may be ("The home's owner, Northgate Care Group")."""
    found = (m.group("name") for m in ROLE_BEFORE.finditer(text))
    return [name for name in found if not any(w in ORG_WORDS for w in name.split())]


# "Ms Leadbeater", "Dr Rao": an honorific and a surname the article has given in full before.
_SURNAME_ONLY = re.compile(r"^(Mr|Mrs|Ms|Miss|Dr|Prof)\.? ([A-Z][\w’'-]{1,30})$")


_SEXED = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}


def in_full(name: str, actors: Actors) -> str:
    """ "Ms Leadbeater" after "Labour MP Kim Leadbeater": the full name, so the claim stands on its
    own; never when two people share the surname or the honorific says another sex ("Mr" for Kim)."""
    m = _SURNAME_ONLY.match(name)
    full = actors.full_names.get(m.group(2), "") if m else ""
    if m and m.group(1) in _SEXED and m.group(2) in actors.shared_surnames:  # "Mrs Truelove" of Gail and Martin
        named = [n for n in actors.namesakes.get(m.group(2), ()) if not _SURNAME_ONLY.match(n)]  # not "Mrs Truelove"
        sexes = {n: pronoun_of(n) for n in named}  # each namesake's sex known, or none is chosen
        fits = [n for n, sex in sexes.items() if sex == _SEXED[m.group(1)]]
        return fits[0] if len(fits) == 1 and None not in sexes.values() else name
    if not m or len(full.split()) < 2 or m.group(2) in actors.shared_surnames:
        return name
    said = pronoun_of(full)
    if (m.group(1) == "Mr" and said == "she") or (m.group(1) in {"Mrs", "Ms", "Miss"} and said == "he"):
        return name
    return f"{m.group(1)} {full}" if m.group(1) in {"Dr", "Prof"} else full


def as_named(name: str, full_names: dict[str, str]) -> str:
    """The full name the article gave the person ``name`` means ("Eva Kovacs" for "Kovacs", "Selwyn Rushworth"
    for "Dr Selwyn Rushworth"), never another who shares the surname ("Linus Idony" beside his aunt Lucasta)."""
    full = full_names.get(name.split()[-1], "")
    return full if full and (" " not in name or name.endswith(full)) else name


def same_person(a: str, b: str) -> bool:
    """ "Kiptoo" and "Eliud Kiptoo": one surname in the other's words."""
    return a.split()[-1] in b.split() or b.split()[-1] in a.split()


# Starts only where a word starts, so no run of word characters is scanned from each of its letters.
ROLE_WORD = re.compile(r"(?<![\w-])(?!(?:of|at|for|from|in|with|and|the)\b)[a-z][\w-]+ $")
_SHE = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]erself)\b")
_HE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")
_QUOTATION = re.compile(r"“[^”“]{0,2000}”|\"[^\"]{0,2000}\"")  # a new opening mark ends the scan: linear


def pronouns_in(text: str) -> frozenset[str]:
    """ "she", "he", or both: the person pronouns a sentence uses in the reporter's words (a quotation's
    "she" is the speaker's, and may mean anyone)."""
    plain = _QUOTATION.sub(" ", text)
    return frozenset(said for said, pattern in (("she", _SHE), ("he", _HE)) if pattern.search(plain))


def looks_personal(name: str) -> bool:
    """Whether a name no sentence has shown to be anyone's holds a first name before its last word
    ("Campaigner Helen Trentham"): never what "it" means, though "John Lewis" the shop is left unsaid too."""
    words = name.split()
    # "The Kimber and Lyndhurst Hospitals Trust": a body's name, whatever given name a place in it shares.
    if words[:1] == ["The"] or any(w in ORG_WORDS for w in words):
        return False
    return any(given_name(word) for word in words[:-1])


# "Hovenden Crown Court heard …", "the inquest was told …": a hearing is told things; the next sentence's "They"
# are those it heard about, never the hearing.
_HEARING = re.compile(r"\b(?:court|inquest|tribunal|jury|hearing|trial|inquiry)\b", re.I)


def a_hearing(name: str) -> bool:
    return bool(_HEARING.search(name))
