"""Offline drafting: verification questions and candidate sources built from the claim's own parts.

Every item says it is rule-based: it is a checklist derived from the wording of the claim,
not knowledge about the world.
"""

from __future__ import annotations

import re

from factcheck.engines.base import ClaimContext, DraftedQuestion
from factcheck.engines.offline.bodies import ORG_WORDS
from factcheck.models import ClaimKind

_NUMBER = re.compile(
    r"(?:[$€£]\s?)?\d+(?:[,.]\d+)*(?:[-–]\d+)?(?:\s?(?:%|percent|per cent))?(?:\s+(?:million|billion|trillion|"
    r"thousand|hundred))?(?:\s+(?!(?:with|and|in|of|to|the|a|an|for|on|at|from|by|as|that|was|were|is|under|over|per|this|last|"
    r"each|since|after|before|about|more|less|than|into|because|while)\b)"
    r"[a-z]+){0,2}|\b(?:dozens|hundreds|thousands|millions|billions)\s+of\s+[a-z]+",
)
_DATE = re.compile(
    # "14 March", "on 3 November 2025": the British order, day first.
    r"\b(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+\d{4})?\b|"
    r"\b(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?\b|\b(?:in\s+)?(?:19|20)\d\d\b|\b(?:on\s+)?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NAME_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w’'-]*)"
_PROPER = re.compile(rf"\b{_NAME_TOKEN}(?:\s+(?:of\s+|the\s+|for\s+)?{_NAME_TOKEN})*")
_ATTRIBUTION_PREFIX = re.compile(r"^According to [^,]+,(?: citing [^,]+,)?\s+", re.S)
# Bounded: "told told told …" would otherwise be scanned to the end from every word (quadratic).
_SPEAKER_PREFIX = re.compile(
    r"^(?P<who>.{1,300}?) (?:said|told [^:]{1,200}|warned|added|wrote|argued|confirmed|claimed|stated|noted|explained|"
    r"announced|insisted|reported|acknowledged|admitted|denied)(?::| that) ",
    re.S,
)
ANONYMOUS = re.compile(r"\b(unnamed|anonymous|sources?|people familiar|officials said)\b", re.I)
_STOP_PROPER = {
    "According",
    "The",
    "A",
    "An",
    "In",
    "On",
    "During",
    "After",
    "Before",
    "First",
    "Second",
    "It",
    "This",
    "That",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "As",
    "If",
    "While",
    "When",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Is",
    "Did",
    "Has",
    "Was",
    "Escalation",
    "Using",
    # Openers that refer back ("One of them said", "Its vice chair"): never an actor to ask.
    "One",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "Some",
    "Many",
    "Most",
    "Several",
    "Both",
    "Each",
}
EXPERT = re.compile(r"\b(fellow|analyst|professor|expert|researcher|economist|scientist|scholar)\b", re.I)
GOVERNMENT = re.compile(
    r"\b(administration|government|ministry|department|military|army|navy|police|president|"
    r"congress|senate|parliament|white house|pentagon|agency|council|court)\b",
    re.I,
)


# Capitalised phrases that are events, seasons, diseases or measures: never someone to ask.
_NOT_ACTORS = re.compile(
    r"\b(New Year|Christmas|Easter|Ramadan|Eid|Diwali|Hanukkah|Thanksgiving|Olympics?|World Cup|Super Bowl|"
    r"Black Friday|Cyber Monday|Brexit|Air Force One|Covid|COVID|Coronavirus|Omicron|Election Day|Independence Day|"
    r"Labor Day|Labour Day|Memorial Day|Day|Week|Month|Year|Games|Festival|Summit|Act|Bill|Index)\b"
)
_DEMONYMS = {
    "American", "British", "Chinese", "French", "German", "Indian", "Italian", "Japanese", "Korean", "Mexican",
    "Russian", "Spanish", "Ukrainian", "Canadian", "Australian", "Brazilian", "European", "African", "Asian",
    "Israeli", "Palestinian", "Iranian", "Turkish", "Dutch", "Swedish", "Polish", "Greek", "Irish", "Scottish",
    "Welsh", "English", "Arab", "Venezuelan", "Cuban", "Nigerian", "Egyptian", "Saudi", "Pakistani", "Afghan",
    "Major", "Minor", "Most", "Many", "Several", "Some", "All", "No", "Every",
}  # fmt: skip
_NOT_ORG_ACRONYMS = {"COVID", "GDP", "AIDS", "HIV", "CEO", "USD", "EUR", "GBP", "CPI", "VAT", "AI", "TV", "PM", "AM"}
_PERSON_TOKEN = re.compile(r"[A-Z][a-zà-ÿ’'\-]+|[A-Z]\.")


def is_actor(name: str) -> bool:
    """A phrase the engine recognises as a person or an organisation, someone a checker can ask:
    an organisation's name ("Port Authority", "the NHS"), or a person's full name ("Ines Okafor").
    A lone capitalised word, an event ("Chinese New Year"), a disease ("Covid-19") or a sentence's
    first words ("Major train stations") is not: an offline question never names what it is not
    sure is an actor."""
    tokens = name.split()
    if not tokens or any(c.isdigit() for c in name) or _NOT_ACTORS.search(name):
        return False
    if any(t.rstrip(".,") in ORG_WORDS for t in tokens) or GOVERNMENT.search(name):
        return True
    if len(tokens) == 1:
        return bool(re.fullmatch(r"[A-Z]{2,6}", name)) and name not in _NOT_ORG_ACRONYMS
    return 2 <= len(tokens) <= 3 and tokens[0] not in _DEMONYMS and all(_PERSON_TOKEN.fullmatch(t) for t in tokens)


def core_claim(claim: str) -> str:
    """The claim without its "According to X," or "X said that" frame."""
    core = _ATTRIBUTION_PREFIX.sub("", claim)
    m = _SPEAKER_PREFIX.match(core)
    if m and not core.lstrip().startswith("“"):
        core = core[m.end() :]
    return core.strip()


def actors(text: str, *, exclude: set[str] = frozenset()) -> list[str]:
    """Named actors and organisations in order of appearance, without duplicates."""
    seen: list[str] = []
    for m in _PROPER.finditer(text):
        name = re.sub(r"[’']s$", "", m.group(0)).strip(" .")
        words = name.split()
        while words and words[0] in _STOP_PROPER:
            words = words[1:]
        name = " ".join(words)
        if len(name) < 3 or name in exclude or any(name in s for s in seen):
            continue
        seen = [s for s in seen if s not in name]
        seen.append(name)
    return seen


def numbers(text: str) -> list[str]:
    """Quantities in the text, leaving out the day numbers of dates and shortened years."""
    dates = [m.span() for m in _DATE.finditer(text)]
    return [
        m.group(0).strip().rstrip(".,")
        for m in _NUMBER.finditer(text)
        if not any(a <= m.start() < b for a, b in dates)
        and text[max(0, m.start() - 1) : m.start()] not in ("’", "'")  # "in ’91": a year, not a figure
    ]


def key_terms(text: str, *, exclude: str = "") -> str:
    terms = [a for a in actors(text) if a not in exclude][:3]
    terms += numbers(text)[:2]
    taken = " ".join(terms).lower()
    # Words already inside a figure ("$4 million") or a name would only repeat it in the query.
    words = [w for w in re.findall(r"\b[a-z]{6,}\b", text) if w not in _COMMON and w not in taken][:2]
    return " ".join(dict.fromkeys(terms + words)).strip()[:160] or text[:120]


_COMMON = {
    "according",
    "reported",
    "another",
    "because",
    "between",
    "however",
    "through",
    "without",
    "against",
    "whether",
    "recently",
    "himself",
    "herself",
    "themselves",
    "should",
    "already",
    "citing",
    "source",
    "sources",
    "unnamed",
    "anonymous",
    "familiar",
    "confirmed",
    "reportedly",
}


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _as_question(core: str) -> str:
    """The claim as a yes/no question, in its own words: quoted, so no word of it changes case or
    grammar (rewording a sentence by rule is where "Is it accurate that Major stations…" came from)."""
    words = core.strip().strip('“”"').rstrip(" .")
    return f"Is this accurate: “{capital(words)}”?"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def as_named(text: str, name: str) -> str:
    """The name as the text says it: "the Port Authority" where the text has "the", "Reuters" where not."""
    return f"the {name}" if re.search(rf"\b[Tt]he {re.escape(name)}\b", text) else name


def _relayed(reported_by: str) -> DraftedQuestion:
    """The report the article relays: asked of the outlet by name, or of "the report" it names."""
    why = "The article relays this claim from another report; the original may differ."
    name = re.sub(r"^[Tt]he\s+", "", reported_by.strip())
    if is_actor(name) or is_actor(reported_by.strip()):
        return DraftedQuestion(f"Did {capital(reported_by)} report this, and what exactly does it say and cite?", why)
    report = re.sub(r"^(?:a|an|the)\s+", "", reported_by.strip(), flags=re.I)
    return DraftedQuestion(f"What exactly does the {report} say about this, and what does it cite?", why)


def questions(ctx: ClaimContext) -> list[DraftedQuestion]:
    core = core_claim(ctx.claim)
    figures = _figures_and_dates(core)
    # Who can confirm it comes before a second figure or a date: the cap below keeps the first four.
    out = _what_was_said(ctx, core) + figures[:1] + _who_can_confirm(ctx, core) + figures[1:]
    out.append(
        DraftedQuestion(
            "Who is the original source of this claim, and are they on the record?",
            "Every claim is traced to the person or document it started from.",
        )
    )
    # The source question always survives the cap: it is the one every check needs.
    if len(out) > 5:
        out = out[:4] + [out[-1]]
    return out


def _what_was_said(ctx: ClaimContext, core: str) -> list[DraftedQuestion]:
    out: list[DraftedQuestion] = []
    if ctx.kind == ClaimKind.quote and ctx.speaker:
        quoted = re.search(r"“([^“”]+)”", ctx.claim)
        words = _short(quoted.group(1) if quoted else core, 16)
        out.append(
            DraftedQuestion(
                f"Did {ctx.speaker} say “{words}”, word for word, and is there a recording or transcript?",
                "A quotation is checked against the speaker's own words in context.",
            )
        )
        out.append(
            DraftedQuestion(
                f"When, where and to whom did {ctx.speaker} say this, and what was said just before and after?",
                "Context can change what a quotation means.",
            )
        )
    else:
        out.append(DraftedQuestion(_as_question(core), "The claim itself, as a yes/no question."))
    return out


def _figures_and_dates(core: str) -> list[DraftedQuestion]:
    out: list[DraftedQuestion] = []
    for number in numbers(core)[:2]:
        out.append(
            DraftedQuestion(
                f"Does an official record or data set confirm the figure “{number}” in this claim, "
                "with the same unit, period and definition?",
                "Numbers are checked against the primary data, not against other reports of them.",
            )
        )
    date = _DATE.search(core)
    if date:
        out.append(
            DraftedQuestion(
                f"Is “{date.group(0).strip()}” the correct date for what is described: {_short(core, 12)}",
                "Dates and sequence are a common source of error.",
            )
        )
    return out


def _who_can_confirm(ctx: ClaimContext, core: str) -> list[DraftedQuestion]:
    out: list[DraftedQuestion] = []
    named = [a for a in actors(core, exclude={ctx.speaker or "", ctx.reported_by or ""}) if is_actor(a)]
    if named and ctx.kind != ClaimKind.quote:
        who = as_named(core, named[0])
        out.append(
            DraftedQuestion(
                f"Has {who} confirmed or denied this on the record?",
                f"{capital(who)} is named in the claim and can speak to it directly.",
            )
        )
    if ctx.speaker and ANONYMOUS.search(ctx.speaker):
        told = f"told {ctx.reported_by}" if ctx.reported_by else "said"
        out.append(
            DraftedQuestion(
                f"Has any named official or document confirmed what {ctx.speaker} {told}?",
                "Claims resting on anonymous sources need independent, on-the-record corroboration.",
            )
        )
    elif ctx.reported_by:
        out.append(_relayed(ctx.reported_by))
    return out
