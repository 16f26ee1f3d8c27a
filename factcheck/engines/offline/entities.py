"""Named actors in an article, and how later references ("Maduro", "the Venezuelan president", "he") map back
to them, so each claim can name who it is about."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from factcheck.encoders import wordvectors
from factcheck.engines.offline import firms, places
from factcheck.engines.offline.bodies import (
    BUSINESS_APPOSED,
    BUSINESS_OWNED,
    COMMERCIAL,
    COMPANY_NAME,
    DESCRIBED_BODY,
    ORG_WORDS,
    THING_WHICH,
)
from factcheck.engines.offline.census import first_of_couples, given_name, pronoun_of

TITLES = (
    "President|Vice President|Prime Minister|Deputy Prime Minister|Chancellor|Senator|Sen\\.|"
    "Representative|Rep\\.|Governor|Gov\\.|Mayor|Secretary of State|Secretary|Minister|"
    "Foreign Minister|Defense Secretary|Attorney General|Judge|Justice|Chief Justice|Dr\\.|General|Gen\\.|"
    "Admiral|Adm\\.|King|Queen|Prince|Pope|Speaker|Ambassador|Commissioner|Director|CEO|Chairman|"
    "Chairwoman|Chair|Sheriff|Chief|Councilman|Councilwoman|Lt\\. Gov\\.|Professor|Prof\\.|"
    "Constable|Inspector|Superintendent|Sergeant|Commander|Detective|Rev|Revd|Reverend|Canon|Rabbi|Imam|"
    # "Det Ch Insp Karen Whitton": a police rank cut short, however many words of it.
    "Det Ch Insp|Det Chief Insp|Det Insp|Det Supt|Det Sgt|Ch Insp|Ch Supt|Insp|Supt|Sgt|DCI|DCS"
)
# "Health Secretary Wes Streeting", "Home Office Minister …": a portfolio, then a person, however many
# of its words (Health, Office) belong to public bodies.
PORTFOLIO = re.compile(
    r"^(?:[A-Z][\w&-]{0,30}\s+){1,3}(?:Secretary|Minister|Chancellor|Commissioner|Spokesman|Spokeswoman|"
    r"Spokesperson)\s+[A-Z][\w’'.-]{0,30}\s+[A-Z]"
)
_LEADING_STOP = {
    *("The", "A", "An", "In", "On", "At", "According", "During", "After", "Before", "Addressing", "But"),
    *("And", "However", "Meanwhile", "When", "While", "If", "As", "It", "This", "That", "These", "Those"),
    *("He", "She", "They", "We", "I", "First", "Second", "Third", "Unnamed", "Sources", "Latest", "Last"),
    *("Next", "Since", "For", "From", "With", "Without", "By", "Under", "Over"),
    # "Two London hospital trusts": a count before a place is not a first name.
    *("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twenty", "Hundreds"),
    *("Thousands", "Dozens", "Several", "Many", "Most", "Some", "All", "Both", "Every", "Each", "No", "More"),
    *("Nearly", "About", "Only"),
}
# "O'Brien", "Di'Iasio", "Osei-Tutu": an apostrophe or a hyphen before a second capital is inside the name.
_NAME_TOKEN = (
    r"(?:[A-Z][a-z]{0,2}['’][A-Z][a-zà-ÿ]+|[A-Z][a-zà-ÿ’']+(?:-[A-Z][a-zà-ÿ’']+){1,2}\b|[A-Z][a-zà-ÿ’'\-]+|[A-Z]\.|"
    r"Mc[A-Z][a-z]+)"
)
_PERSON = re.compile(rf"\b{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}\b")
# "West Africa", "Northern Ireland", "New Mexico": a direction before a name makes a place, not a person.
_PLACE_START = {
    *("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "New"),
    # A people's or an event's adjective opens no one's name: "European Championships", "Olympic Park".
    *("European", "British", "American", "Olympic", "Paralympic", "Commonwealth", "World", "International"),
}
_GENDERED = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.I)
_HE, _SHE = {"he", "him", "his"}, {"she", "her", "hers"}
# "The 67-year-old man … did not return to his car", "Her coach, Peter Kiprono, said she had …", "Judge Septimus
# Drayton told her she had …": someone else is in the sentence, described or told, and the pronoun may be theirs.
_DESCRIBED_SOMEONE = re.compile(
    r"\b(?:man|woman|boy|girl|\d+-year-old|father|mother|son|daughter|husband|wife|brother|sister|walker|nephew|"
    r"niece|aunt|uncle|cousin|driver|passenger|pensioner|teenager|victim|coach|trainer|agent|manager|lawyer|solicitor|carer|"
    r"(?:told|asked|urged|warned|ordered|thanked|reminded|sentenced|jailed|fined|gave|sent|showed)\s(?:her|him))\b",
    re.I,
)
# "a dark grey Vauxhall Astra", never "a penalty from Jordan Acheampong": only describing words between.
_A_THING = re.compile(
    r"\b(?:a|an)\s(?:(?!(?:from|by|of|to|with|for|at|in|on|against|after|before|and|or|as|than)\s)"
    r"[a-z][\w-]{0,20}\s){0,3}$"
)
# "the Royal College of Emergency Medicine": capitals after a body's "of" go on naming the body.
_OF_BODY = re.compile(rf"\b(?:{'|'.join(sorted(ORG_WORDS))})\s(?:of|for)\s(?:the\s)?$")
_HONORIFICS = {
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Miss",
    "Dr",
    "Prof",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Cllr",
    "Rev",
    "Revd",
    "Fr",
}
_TITLE_WORDS = {w for t in TITLES.split("|") for w in t.replace("\\.", ".").split()} - {"of", "State"}
_TITLED = re.compile(rf"\b((?:[A-Z][a-z]+\s+)?)({TITLES})\s+({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})\b")
# "Republican Rep. Carl Dunleavy": titles cut short by a full stop, never the end of a person's name.
_ABBREVIATED = {
    *("Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Det", "Insp", "Supt", "Rev", "Hon", "Dr", "Prof")
}
# "Lachlan-Holm, who led …": a double-barrelled surname is one word, its second half capitalised too.
_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ’']+(?:-[A-Z][a-zà-ÿ’']+){1,2}\b|\b[A-Z][a-zà-ÿ’'\-]+\b")
_CITED_FIRM = re.compile(r"\b(?:research|data|analytics|polling|consultancy)\b", re.I)
# "In a statement, the company blamed …": the opener gone, the pointer starts small.
_THE_COMPANY = re.compile(r"^[Tt]he\s+(company|firm|contractor)\b")


@dataclass
class Actors:
    """Everything the article tells us about who is who, in reading order."""

    full_names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    roles: dict[str, str] = field(default_factory=dict)  # "the venezuelan president" -> full name
    ambiguous_roles: set[str] = field(default_factory=set)
    # Surnames two people named in the article share: never expanded, never a mention on their own.
    shared_surnames: set[str] = field(default_factory=set)
    last_company: str | None = None
    # Names the article showed are not people: "Little Sprout's founder", "Bloom Fertility, which runs …".
    not_people: set[str] = field(default_factory=set)
    mentioned: list[str] = field(default_factory=list)  # the people the last sentence read names, in order
    # Words the article writes only in lower case: "Teachers" opening a sentence loses its capital behind "said that".
    common_words: frozenset[str] = frozenset()
    pronouns: dict[str, str] = field(default_factory=dict)  # a person's, where a sentence naming only them says it
    namesakes: dict[str, set[str]] = field(default_factory=dict)  # a shared surname: the full names that share it
    # Words it capitalises mid-sentence: names, whatever else English uses them for ("Reading", "Shell").
    named_words: frozenset[str] = frozenset()

    def usually_lower(self, word: str, following: str = "") -> bool:
        """Whether a sentence's capitalised first word is an ordinary word ("Teachers", "Stopping") that
        loses its capital behind "said that": one the article writes in lower case, or one it never
        writes capitalised mid-sentence that English writes in lower case more often; never a name's
        first word ("Water UK") or a word of a person's name."""
        low = word.lower()
        if following[:1].isupper():
            return False  # "Police Scotland": a name's first word, however often "police" is written small
        if any(low == part.lower() for full in self.full_names.values() for part in full.split()):
            return False
        if low in self.common_words or (low.endswith("s") and low[:-1] in self.common_words):
            return True  # "Fireballs this bright …" after "the fireball": the plural of a word written small
        if low in self.named_words:
            return False
        head, *tail = word.split("-")
        if tail and head.isalpha() and all(part.isalpha() and part.islower() for part in tail):
            return True  # "Pre-tax", "Long-term": a name's parts are all capitalised ("Rolls-Royce", "Jean-Luc")
        if not word.isalpha():
            return False
        return wordvectors.usually_lower_case(word)

    def note(self, sentence: str) -> None:
        """Learn names and roles from a sentence, in article order, and which people it mentions (by
        full name or by a surname already known): who a "she" or "he" after it may mean (speakers.py)."""
        mentions: list[tuple[int, str]] = []
        owned = [m.group("name") for m in BUSINESS_OWNED.finditer(sentence)]
        owned += [m.group("name") for m in BUSINESS_APPOSED.finditer(sentence)]
        things = {*owned, *(m.group("name") for m in THING_WHICH.finditer(sentence))}
        things |= {m.group("name") for m in firms.BODY_APPOSED.finditer(sentence)}
        things |= {m.group("name").rstrip(".") for m in described_bodies(sentence)}  # "the charity Versus Arthritis"
        things |= {m.group("name").replace("’", "'") for m in firms.FOUNDERS_FIRM.finditer(sentence)}
        if things:  # whatever an earlier sentence took them for
            self.not_people |= things
            self.full_names = {k: v for k, v in self.full_names.items() if v not in things}
        self.last_company = owned[-1] if owned else self.last_company
        for m in _TITLED.finditer(sentence):
            adjective, title, name = m.group(1).strip(), m.group(2), m.group(3)
            name = _strip_possessive(name)
            if any(t.rstrip(".") in ORG_WORDS for t in name.split()):
                continue  # "Queen Elizabeth Hospital": a title before a building's name is not a person's
            if len(name.split()) >= 2:
                mentions.append((m.start(3), self._add_person(name)))
                for role in {f"the {title}".lower(), f"the {adjective} {title}".lower()}:
                    if "  " in role or role.endswith(" "):
                        continue
                    known = self.roles.get(role)
                    if known and known != name:
                        self.ambiguous_roles.add(role)
                    else:
                        self.roles[role] = name
        mentions.extend(self._untitled(sentence, things))
        mentions.extend((at, self._add_person(name)) for at, name in first_of_couples(sentence))
        for m in _CAPITALISED.finditer(sentence):
            word = _strip_possessive(m.group(0))  # "Wanjiru's lawyer" mentions Wanjiru
            if word in self.shared_surnames:
                continue  # "Holt" alone could be either brother
            if full := self.full_names.get(word):
                mentions.append((m.start(), full))
        self.mentioned = [name for _, name in sorted(mentions)]
        # "Daniel Pryce … recorded observations that he had not carried out": one person named, and only
        # "he" beside them, is a man; a later "She" is someone else (speakers.py). A quotation's "she" is
        # the speaker's and may mean anyone: '"She was on her feet in minutes," said keeper Eamon Tibbets.'
        said = {w.lower() for w in _GENDERED.findall(_QUOTED.sub(" ", sentence))}
        said = said if not (said and _DESCRIBED_SOMEONE.search(sentence)) else set()
        learnt = "he" if said <= _HE else "she"
        one = len(set(self.mentioned)) == 1 and said and (said <= _HE or said <= _SHE)
        if one and pronoun_of(self.mentioned[0]) in (None, learnt):  # never against a first name's sex
            self.pronouns.setdefault(self.mentioned[0], learnt)
        # "Bakery chain Oven Door plans …": a business named with what it is.
        # Never a firm cited for its figures ("the market research firm Vantage Research"): a source, not the story.
        for m in described_bodies(sentence):
            # "Administrators from the firm Keble Ryland": a firm called in is never the company the story means.
            called_in = firms.CALLED_IN.search(sentence, max(0, m.start("noun") - 50), m.start("noun"))
            if m.group("noun").lower() in COMMERCIAL and not _CITED_FIRM.search(m.group(0)) and not called_in:
                self.last_company = m.group("name").rstrip(".")
        for m in COMPANY_NAME.finditer(sentence):
            self.last_company = m.group(0)

    def _untitled(self, sentence: str, things: set[str]) -> list[tuple[int, str]]:
        """People named with no title before them ("Dana Okafor"), as (offset, full name); never a thing
        the article called one ("Little Sprout's founder"), a place, or a run of a body's name."""
        found: list[tuple[int, str]] = []
        for m in _PERSON.finditer(sentence):
            if _A_THING.search(sentence, max(0, m.start() - 90), m.start()) or _OF_BODY.search(
                sentence, max(0, m.start() - 40), m.start()
            ):
                continue  # "a dark grey Vauxhall Astra": a person is not "a" anything before the name
            name = _strip_possessive(m.group(0))
            tokens = name.split()
            while tokens and tokens[0] in _LEADING_STOP:
                tokens = tokens[1:]
            if len(tokens) < 2 or any(t.rstrip(".") in ORG_WORDS for t in tokens) or tokens[0] in _PLACE_START:
                continue
            if tokens[-1] in _ABBREVIATED and sentence[m.end() : m.end() + 1] == ".":
                continue  # "Republican Rep. Carl Dunleavy": a title cut short, not a Mr Rep
            if " ".join(tokens) in things or _after_the(sentence, m.start(), tokens):
                continue
            if COMPANY_NAME.fullmatch(" ".join(tokens)) and not given_name(tokens[0]):
                continue  # "Stagelight Events": a business named for its trade, never a Mr Events
            if places.ends_no_person(tokens):
                continue  # "Audit Scotland", "Tamar Valley", "Black Friday": a place, a site or a day
            # "Hungarian Prime Minister Viktor" (the run cut at four words): no name after the title.
            titled = [i for i, t in enumerate(tokens[:-1]) if t in _TITLE_WORDS]
            tokens = tokens[titled[-1] + 1 :] if titled else tokens
            if len(tokens) < 2 or re.fullmatch(TITLES, tokens[0]):
                continue
            if len(tokens) == 2 and tokens[0].rstrip(".") in _HONORIFICS and self._same_person(tokens):
                continue  # "Ms Leadbeater" is Kim Leadbeater again (a mention), not a second Leadbeater
            # "Harbor Master Ines Okafor": a person's name is the last two words, or three with an initial
            # or after a first given name ("Mary Ellen Hale" is never "Ellen Hale").
            three = len(tokens) >= 3 and (re.fullmatch(r"[A-Z]\.", tokens[-2]) or given_name(tokens[-3]))
            keep = 3 if three else 2
            found.append((m.start(), self._add_person(" ".join(tokens[-keep:]))))
        return found

    def _same_person(self, tokens: list[str]) -> bool:
        """Whether "Ms Leadbeater" may be the Leadbeater named before: not when the honorific says
        another sex than the first name does ("Mr Leadbeater" after Kim Leadbeater is her father)."""
        said = pronoun_of(self.full_names.get(tokens[1], ""))
        honorific = tokens[0].rstrip(".")
        return not ((honorific == "Mr" and said == "she") or (honorific in {"Mrs", "Ms", "Miss"} and said == "he"))

    def _add_person(self, name: str) -> str:
        """Remember a full name; the name a mention means (itself for "Aaron Holt and his brother Lee Holt")."""
        known = self.full_names.setdefault(name.split()[-1], name)
        if known != name and not known.endswith(" " + name) and not name.endswith(" " + known):
            self.shared_surnames.add(name.split()[-1])
            self.namesakes.setdefault(name.split()[-1], {known}).add(name)
            return name
        return known

    def resolve_company(self, text: str) -> tuple[str, bool]:
        """ "The company said …" names the last company the article named; True if none was named."""
        m = _THE_COMPANY.match(text)
        if not m:
            return text, False
        if self.last_company:
            rest = text[m.end() :]  # "The firm's bakery" after "Crumbwell's" is "Crumbwell's bakery"
            doubled = self.last_company.endswith(("'s", "’s")) and rest.startswith(("'s", "’s"))
            return self.last_company + rest[2 * doubled :], False
        # "X said that the company had …": the speaker is named; only a sentence opening on the pointer is unsure.
        return text, text[0] == "T"

    def expand(self, text: str) -> str:
        """Replace roles and bare surnames with full names, outside quotations only."""
        return _outside_quotes(text, self._expand_plain)

    def _expand_plain(self, text: str) -> str:
        for role, name in sorted(self.roles.items(), key=lambda kv: -len(kv[0])):
            if role in self.ambiguous_roles or len(role.split()) < 3:
                continue
            text = re.sub(rf"\b{re.escape(role)}\b", name, text, flags=re.I)
        done: set[str] = set()
        for surname, full in self.full_names.items():
            if full in done or full == surname or surname in self.shared_surnames:
                continue
            # Only the first bare mention is expanded; "Trump administration" stays as written.
            # "Mr Pryce" is Daniel Pryce, "Dr Rao" Dr Sunil Rao: a courtesy title goes, a professional one stays.
            if full in text:
                continue
            # Nor the last word of a body's name: "the Department for Transport", "Secretary of State for Health".
            pattern = _bare_surname(surname, full.split()[0])
            found = next(
                (
                    m
                    for m in pattern.finditer(text)
                    if not _NAME_BEFORE.search(text, 0, m.start())
                    and not _OWNER_OF.match(text, m.end())
                    and f"{surname}'s" not in self.not_people
                ),
                None,
            )
            if found:
                text = text[: found.start()] + _titled_again(found.group("hon"), full) + text[found.end() :]
                done.add(full)
        return text


@functools.lru_cache(maxsize=4096)
def _bare_surname(surname: str, first: str) -> re.Pattern[str]:
    """A surname standing alone (compiled once per name: the article's names recur from sentence to sentence,
    and the re module's own cache of 512 patterns is too small for them)."""
    return re.compile(
        r"(?:\b(?P<hon>Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s)?"
        rf"(?<![\w’'.-])(?<!{re.escape(first)} ){re.escape(surname)}\b(?!\s+administration)"
        # Never inside another name: "Health" in "World Health Organization" is nobody's surname.
        r"(?!\s+[A-Z][a-z])"
    )


# Starts only where a word starts and takes at most 31 letters, so no run of capitals is scanned from each.
_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]{0,30} (?:for|of|and|&) $")
# Places and things named after a person: "Gainsborough's House", "Great Ormond Street", "Parkinson's Disease".
_NAMED_AFTER = (
    r"(?:House|Hall|College|Hospital|Church|Chapel|Cathedral|Park|Gardens?|Museum|Gallery|Bakery|Restaurant|"
    r"Stores?|Shop|Garage|Farm|Mill|Inn|Arms|Bridge|School|Academy|Foundation|Trust|Fund|Law|Disease|Syndrome|"
    r"Island|Bay|Lane|Road|Street|Square|Yard|Wharf|Brewery|Distillery)\b"
)
# "Gainsborough's House": a museum named after him ("Vingegaard's Visma team" is still his).
_OWNER_OF = re.compile(rf"['’]s\s+{_NAMED_AFTER}")


def _titled_again(honorific: str | None, full: str) -> str:
    return f"{honorific} {full}" if honorific in {"Dr", "Prof"} else full


def _after_the(sentence: str, start: int, tokens: list[str]) -> bool:
    """Whether a run of capitals is a thing's name because "the" comes right before it: "broke into the
    Chilcombe Museum" names no Mr Museum. A title in the run ("the Prime Minister Keir Starmer") or a
    possessive ("the BBC's John Simpson") still lets a person be named in it."""
    before = sentence[max(0, start - 24) : start]
    if before[-4:] not in ("the ", "The ") and not _THE_MEASURED.search(before):
        return False  # "in The Lancet Public Health" as much as "into the Chilcombe Museum"
    return not any(t in _TITLE_WORDS or t.endswith(("'s", "’s")) for t in tokens)


# "the 1.7-litre Brightwell Glide kettle": a size between "the" and a product's name; never an age
# ("the 34-year-old Kwame Mensah" names a person).
_THE_MEASURED = re.compile(r"\b[Tt]he \d[\d.,]{0,8}-?(?!(?:year|month|week|day)-old)[a-z]{1,12}(?:-[a-z]{1,12})? $")


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s$", "", name)


def described_bodies(text: str) -> list[re.Match[str]]:
    """A body named with what it is ("furniture retailer Pellow Home", "the water company, Vale Water,"). A name
    between commas is a body's only when it says so: "the council, Adam Lisowski," is a person in a role."""
    found = DESCRIBED_BODY.finditer(text)
    return [m for m in found if text[m.end("noun")] != "," or _a_bodys_name(m.group("name").rstrip("."))]


def _a_bodys_name(name: str) -> bool:
    words = name.split()
    return not given_name(name) and (len(words) == 1 or "&" in name or any(w in ORG_WORDS for w in words))


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _outside_quotes(text: str, fn) -> str:
    out, pos = [], 0
    for m in _QUOTED.finditer(text):
        out.append(fn(text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)


# Capitalised words side by side: a name of several words ("Western Counties Ambulance Service").
_CAPITAL_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*)+")


def word_cases(sentences: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(the words an article writes in lower case and capitalises only inside a longer name, if at all; the
    words it capitalises on their own or never writes small), where case tells (not opening a sentence)."""
    lower: set[str] = set()
    capital: set[str] = set()
    alone: set[str] = set()
    for sentence in sentences:
        runs = [m.span() for m in _CAPITAL_RUN.finditer(sentence)]
        for m in re.finditer(r"(?<=[\s(])[A-Za-z][a-z’'-]+\b", sentence):
            word = m.group(0).lower()
            if m.group(0)[0].islower():
                lower.add(word)
            else:
                capital.add(word)
                if not any(a <= m.start() < b for a, b in runs):
                    alone.add(word)
    # "Western Counties Ambulance Service" and "an ambulance": a word the article writes small, capitalised
    # only inside a longer name, is an ordinary word where it opens a sentence ("Ambulance crews spent …").
    return frozenset(lower - alone), frozenset(alone | (capital - lower))
