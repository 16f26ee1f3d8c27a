"""Who is speaking, tracked through the article rather than guessed per sentence: news copy names a speaker once, then
points back ("the agency added", "she said", "It said", an untagged second quotation). The tracker remembers who last
spoke, where, and what kind of speaker it was, and resolves a pointer only when one reading is clearly right; else the
claim gets no speaker and a flag (two bodies spoke in turn, a paragraph or more away): a wrong speaker on a ticket can
be published, a missing one cannot. Bodies are resolved here; a "he" or "she", in pronouns.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.engines.offline import bodies, kinds, openers, records
from factcheck.engines.offline.entities import Actors, described_bodies
from factcheck.engines.offline.pronouns import PERSON_PRONOUNS, PersonPointers, Resolution, Spoke

_OWNED = re.compile(r"\b(?:his|her|their) (ministry|department|office)\b", re.I)
_LAST_WEEK = re.compile(r"\blast week\b", re.I)
_SITE = re.compile(r"the (observatory|museum|zoo|theatre)")
_BODY_KINDS = {False: {"org", "name"}, True: {"org", "name", "record"}}  # "It found …" may mean a record too


@dataclass
class Speakers(PersonPointers):
    actors: Actors
    spoke: list[Spoke] = field(default_factory=list)
    sentence: int = 0
    paragraph: int = 0
    # Where the last company ("Meridian Paving Inc.") was named, for "the company said".
    last_company_paragraph: int = -1
    _last_company: str | None = None
    named: list[tuple[int, int, str]] = field(default_factory=list)  # every person named: (sentence, paragraph, name)
    # Names a pronoun has been resolved to: people, whatever their words look like.
    people: set[str] = field(default_factory=set)
    # Which pronoun the article has used for a person ("she" for Naomi Clarke): "he" cannot mean her.
    pronouns: dict[str, str] = field(default_factory=dict)
    # Bodies named by what they are ("Russia's foreign ministry"): (sentence, phrase, noun, whether it opens it).
    named_bodies: list[tuple[int, str, str, bool]] = field(default_factory=list)
    openers: dict[int, str] = field(default_factory=dict)  # bodies sentences open with: what a next pointer means
    group_openers: dict[int, tuple[str, int]] = field(default_factory=dict)  # "The researchers, from ETH, used …"
    # A plural subject a sentence opens with when no group opener does ("Pupils at the schools …"), by sentence.
    plural_openers: dict[int, str] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)  # each sentence as read, for who it describes unnamed
    # Documents a sentence opens with ("The review, led by …, examined …"): what a next "It said" means.
    documents: dict[int, tuple[str, int]] = field(default_factory=dict)
    # Bodies named with what they are ("the housing charity Shelter"): (sentence, paragraph, name, noun).
    described: list[tuple[int, int, str, str]] = field(default_factory=list)
    # Acronyms the article spelt out as a public body's name ("the Food Standards Agency (FSA)").
    public_acronyms: set[str] = field(default_factory=set)
    # Bodies named only as someone's ("his ministry", "her department"): what a later "the ministry" means.
    owned: set[str] = field(default_factory=set)
    by_noun: dict[str, set[str]] = field(default_factory=dict)  # "trust": the "… Trust"s named, for "the trust"
    # Businesses each sentence names by a name that says so ("Trevithick Care Ltd"), by sentence.
    companies: dict[int, list[str]] = field(default_factory=dict)
    # Each sentence's person pronouns and the person it opens with: a chain of "she" keeps one subject.
    uses: dict[int, tuple[frozenset[str], str]] = field(default_factory=dict)

    def read(self, text: str, paragraph: int) -> None:
        """Move on to the next sentence of the article, learning the names it holds."""
        self.sentence, self.paragraph, text = self.sentence + 1, paragraph, openers.undated(text)
        self.actors.note(text)
        if self.actors.not_people & {n for _, _, n in self.named[-40:]}:
            # "Little Sprout's founder": an earlier "Little Sprout" was a business, never who "she" means.
            self.named = [entry for entry in self.named if entry[2] not in self.actors.not_people]
        self.named.extend((self.sentence, paragraph, name) for name in self.actors.mentioned)
        opening = text.lstrip(' “"')
        # "Petrova, ranked 31st, …": a surname alone opens the sentence for the person it names.
        opener = next(
            (n for n in self.actors.mentioned if opening.startswith((n, f"{n.split()[-1]} ", f"{n.split()[-1]},"))), ""
        )
        self.uses[self.sentence] = (kinds.pronouns_in(text), opener)
        self.texts[self.sentence] = text
        # "Kwame Mensah, 34,", "Her nephew, Linus Idony,": an age or a role is said of a person, by the name given.
        shown = [next(filter(None, m.groups())) for m in kinds.AGED.finditer(text)] + kinds.named_after_role(text)
        self.people.update(kinds.as_named(n, self.actors.full_names) for n in shown)
        for name, pronoun in self.actors.pronouns.items():
            self.pronouns.setdefault(name, pronoun)
        # "Garroway, which is based in Carlisle, …": the short name of "Garroway Building Society", a body.
        is_org = lambda name: self.kind(kinds.short_for(name, self.texts.values())) == "org"  # noqa: E731
        document, group, body = openers.opened(text, is_org)
        if document:
            self.documents[self.sentence] = (document.lower(), paragraph)  # "The review … examined"
        if group:
            self.group_openers[self.sentence] = (group, paragraph)  # "The researchers … used …. They found"
        elif plural := openers.plural_subject(text):
            self.plural_openers[self.sentence] = plural
        if body:
            self.openers[self.sentence] = body
        self.public_acronyms |= bodies.public_acronyms(text)
        self.companies[self.sentence] = [m.group(0) for m in bodies.COMPANY_NAME.finditer(text)]
        self.owned |= {m.group(1).lower() for m in _OWNED.finditer(text)}
        for name, noun in bodies.trusts_and_hospitals(text):
            self.by_noun.setdefault(noun, set()).add(name)
        self.named_bodies += [(self.sentence, *named) for named in openers.bodies_named(text)]
        for m in described_bodies(text):
            noun = "tally" if records.tallies(m.group(0)) else m.group("noun").lower()  # "the data provider X"
            self.described.append((self.sentence, paragraph, m.group("name").rstrip("."), noun))
        if after := bodies.DESCRIBED_AFTER.match(text):
            # "Quillon, the accounting software company, will cut …, it said.": a body, and what "it" means.
            self.described.append((self.sentence, paragraph, after.group("name"), after.group("noun").lower()))
            self.openers[self.sentence] = after.group("name")
        if self.actors.last_company != self._last_company:
            self._last_company = self.actors.last_company
            self.last_company_paragraph = paragraph

    def kind(self, name: str) -> str:
        """person, org, group, or name (a capitalised name not yet shown to be either); a body once described: org."""
        return "org" if any(name == d[2] for d in self.described) else kinds.kind_of(name, self.actors, self.people)

    def resolve(self, raw: str | None) -> Resolution:
        """The speaker ``raw`` refers to, with pointers resolved or flagged."""
        if not raw:
            return Resolution(None)
        if not bodies.reads_as_name(raw):
            return Resolution(None, f"“{raw}” does not read as a name: a person must say who spoke.")
        low = raw.lower().strip()
        if low in PERSON_PRONOUNS or kinds.AGE_POINTER.match(low):
            return self._person(raw)  # "The 46-year-old added": a person named before, like "she"
        owner = self.openers.get(self.sentence) if low.startswith("its ") else None
        if owner and not bodies.is_pointer(owner) and bodies.ORG_POINTER.match(low):
            return Resolution(f"{bodies.possessive(owner)} {raw[4:]}")  # "The X Theatre will close …, its board said"
        if low == "it" or bodies.ORG_POINTER.match(low):
            noun = m.group("noun").lower() if (m := bodies.ORG_POINTER.match(low)) else None
            return self._organisation(raw, noun)
        if low == "they":
            return self._group(raw)
        if (site := _SITE.fullmatch(low)) and len(one := self.by_noun.get(site.group(1), set())) == 1:
            return Resolution(next(iter(one)))  # "the observatory said" in a story that names the Okeby Observatory
        if low.startswith("its ") and records.a_record(low):
            return self._owned(raw)
        if low.startswith("their ") and raw == raw.lower():
            # "their boards announced": whose boards is the reader's inference; the ticket says so.
            return Resolution(raw, f"“{raw}” does not say whose: a person must say who spoke.")
        name = self.actors.expand(raw) if len(raw.split()) == 1 else raw
        return Resolution(kinds.in_full(name, self.actors))

    def _owned(self, raw: str) -> Resolution:
        """ "Its own figures show …": the body "it" means, when that is certain, owns the record."""
        owner = self._organisation("It", None).speaker
        if not owner:
            return Resolution(None, f"“{raw}” does not say whose: a person must say.")
        return Resolution(f"{bodies.possessive(owner)} {raw[4:]}")

    def source(self, reported_by: str) -> Resolution:
        """ "According to the agency": the agency named before, when certain; else as written, with why not."""
        group = self.group_openers.get(self.sentence - 1)
        if reported_by.lower().startswith("their ") and group and group[1] == self.paragraph and " " not in group[0]:
            # "Inspectors visited the school …. Their report said …": the group the sentence before opened with.
            return Resolution(f"the {bodies.possessive(group[0].lower())} {reported_by[6:]}")
        if reported_by.lower().startswith("their "):  # "its annual report" is the body just named, "their" anyone's
            return Resolution(
                reported_by[:1].lower() + reported_by[1:], f"“{reported_by}” does not say whose: a person must say."
            )
        if not bodies.is_pointer(reported_by):
            return Resolution(reported_by)
        found = self.resolve(reported_by)
        return Resolution(found.speaker or reported_by, found.unclear)

    def heard(self, name: str | None, unclear: str | None = None) -> None:
        """Record that ``name`` spoke in this sentence (a record as a record: never what "the group" means), or that
        ``unclear`` did and could not be told: an "It said" after it is then as unclear, never an older speaker's."""
        if name or unclear:
            kind = ("record" if records.a_record(name) else self.kind(name)) if name else "unclear"
            if body := bodies.FOR_BODY.search(name or ""):  # "A spokesperson for the Rail Delivery Group": it spoke too
                self.spoke.append(Spoke(body.group(1), "org", self.paragraph, self.sentence))
            self.spoke.append(Spoke(name or unclear or "", kind, self.paragraph, self.sentence))

    def subject(self, pointer: str) -> str | None:
        """Who "It" or "They" opening a statement means, only when the sentence before was that body's ("The ministry
        said exports fell. It blamed attacks …") and opened with no group of its own ("… according to police. They
        were aged …": the group, or police?). Else None."""
        last = next((s for s in reversed(self.spoke) if s.sentence < self.sentence), None)
        # "The draft says …. It recommends …": a record that just spoke, a paragraph on, doing what a record does.
        record = bool(last and last.kind == "record" and openers.RECORD_DOES.match(self.texts.get(self.sentence, "")))
        if not last or last.sentence != self.sentence - 1 or (last.paragraph != self.paragraph and not record):
            return None
        its = {"org", "name"} | ({"record"} if record else set())
        fit = {"it": its, "they": {"group", "org"}}.get(pointer.lower(), set())
        opened, plural = self.group_openers.get(self.sentence - 1), self.plural_openers.get(self.sentence - 1) or ""
        # "They" after a sentence that opened with another group, or with a plural subject other than the body.
        other_plural = bool(plural) and last.name.lower() not in plural.lower()
        ruled_out = pointer.lower() == "they" and ((opened and opened[0] != last.name) or (not opened and other_plural))
        # "Campaigner Helen Trentham"; "The planet … is …, the team wrote. Its surface …": the planet's, not the team's.
        other = openers.thing_opened(self.texts.get(self.sentence - 1, ""), last.name)
        personal = pointer.lower() == "it" and (kinds.looks_personal(last.name) or other)
        ruled_out = ruled_out or (pointer.lower() == "they" and kinds.a_hearing(last.name))  # "…, the court heard."
        return last.name if last.kind in fit and not ruled_out and not personal else None

    def told_of_last_week(self) -> bool:
        """Whether the two sentences before speak of last week and this one does not: a day name may be last week's."""
        before = any(_LAST_WEEK.search(self.texts.get(k, "")) for k in range(self.sentence - 2, self.sentence))
        return before and not _LAST_WEEK.search(self.texts.get(self.sentence, ""))

    def continuing(self) -> str | None:
        """The speaker of an untagged quotation that carries on from the sentence before it."""
        last = self.spoke[-1] if self.spoke else None
        if last and last.sentence == self.sentence - 1 and self.paragraph - last.paragraph <= 1:
            return last.name
        return None

    def _it(self, raw: str, last: Spoke | None) -> Resolution | None:
        """What "it" means before any body that spoke is considered, if the sentences around say."""
        if opened := self.openers.get(self.sentence):
            # "The council voted to close the library, it said."; "The company's shares fell, it said": the company.
            return self.resolve(opened) if bodies.is_pointer(opened) else Resolution(opened)
        earlier = [self.texts.get(k, "") for k in range(1, self.sentence)]
        if named := openers.named_for_opening(self.texts.get(self.sentence, ""), earlier):
            return Resolution(named)  # "The cathedral has raised £1.2 million, it said." after "St Aldric's Cathedral"
        if last and last.sentence == self.sentence - 1 and bodies.DESCRIBED_ONE.match(last.name):
            return Resolution(last.name)  # "…, according to the rail infrastructure operator. It said …"
        pointer = openers.opening_pointer(self.texts.get(self.sentence - 1, ""))
        if pointer and (found := self.resolve(pointer)).speaker:
            return found  # "The company now expects …. It said …": the body that pointer meant
        personal = last and (last.kind == "person" or kinds.looks_personal(last.name))
        if last and (last.kind == "unclear" or personal) and last.sentence == self.sentence - 1:  # no body before
            told = "a person's words" if personal else "which could not be told"
            return Resolution(None, f"“{raw}” follows “{last.name}”, {told}: a person must say who.")
        document = self.documents.get(self.sentence - 1)
        # "The review … examined …. It said …": the document, unless someone else spoke in the sentence between.
        if document and document[1] == self.paragraph:
            between = last and last.sentence == self.sentence - 1 and last.name.lower() != document[0]
            if not between:
                return Resolution(document[0])
        return None

    def _organisation(self, raw: str, noun: str | None) -> Resolution:
        orgs = [s for s in self.spoke if s.kind in _BODY_KINDS[noun is None] and self._may_be(noun, s.name)]
        last = self.spoke[-1] if self.spoke else None
        if noun is None and (found := self._it(raw, last)):
            return found
        if found := self._opened(noun, last):
            return found
        just_before = last and last.sentence == self.sentence - 1 and last.paragraph == self.paragraph
        # "The FSA ordered a recall. Tesco said …. The agency said …": that noun's body, not the last company.
        other = bool(last and noun and not bodies.named_as(noun, last.name))
        just_before = just_before and not (
            other and any(b[2] == noun and b[0] < self.sentence for b in self.named_bodies)
        )
        # "Skyrose said …. …, the airline said": the short name of "Skyrose Airways", named before.
        full = (
            self.actors.last_company if last and (self.actors.last_company or "").startswith(f"{last.name} ") else None
        )
        if (
            just_before
            and bodies.fits(noun, full or last.name)
            and not bodies.public(noun, last.name, self.public_acronyms)
            and last.kind in {"org", "name"}
            and last.name not in self.people
        ):
            return Resolution(full or last.name)  # "The agency said …. “…,” it added."
        if described := self._described(raw, noun):
            return described
        company = self.actors.last_company
        if noun in bodies.COMMERCIAL and company and self.paragraph - self.last_company_paragraph <= 1:
            return Resolution(company)  # "Meridian Paving Inc. won the contract. The company said …"
        if noun and (by_noun := self._by_noun(raw, noun, orgs)):
            return by_noun
        if noun in bodies.COMMERCIAL:
            orgs = [
                s for s in orgs if not bodies.public(noun, s.name, self.public_acronyms) and not records.tallies(s.name)
            ]
            if not orgs and self.actors.last_company:
                return Resolution(self.actors.last_company)
        if noun and noun not in bodies.GENERIC_BODY:  # "the union": only a body that says it is one, if any
            two = " or ".join(sorted(self.by_noun.get(noun, set())))  # "the club" in a match report naming two
            why = f"could be {two}" if " or " in two else f"names no {noun} the article has named nearby"
            return Resolution(None, f"“{raw}” {why}: a person must say which.")
        # Only a speaker known to be a body: "Joanne Thomas", a person's name, is never what "the company" means.
        orgs = [s for s in orgs if s.kind == "org" or s.name not in self.actors.full_names.values()]
        recent = [s for s in orgs if self.paragraph - s.paragraph <= 1]
        distinct = {s.name for s in (recent or orgs)}
        chosen = (recent or orgs)[-1] if len(distinct) == 1 else None
        # "The CDC said …. …, which the FDA did not name. The agency said …": either could be meant.
        others = {
            b[1]
            for b in self.named_bodies
            if chosen and noun not in bodies.COMMERCIAL and chosen.sentence < b[0] < self.sentence
        }
        if chosen and not {bodies.bare(b) for b in others} - {bodies.bare(chosen.name)}:
            return Resolution(chosen.name)
        if not distinct:
            return Resolution(None, f"“{raw}” names no body the article has named nearby: a person must say which.")
        return Resolution(None, f"“{raw}” could be more than one organisation here: a person must say which.")

    def _opened(self, noun: str | None, last: Spoke | None) -> Resolution | None:
        """The body this sentence or the one before opened with, when that is who the pointer means."""
        here = self.openers.get(self.sentence)  # "Police Scotland will close 14 counters, the force said."
        # "Northern cancelled 120 services, the operator said": a business's own name as the subject of its verb.
        here = here or (noun in bodies.COMMERCIAL and openers.name_subject(self.texts.get(self.sentence, ""))) or None
        if here and noun and not bodies.is_pointer(here) and bodies.opened_by(noun, here, self.public_acronyms):
            return Resolution(here)
        if last and last.sentence == self.sentence - 1:
            return None  # someone spoke in between
        opened = self._opened_before(noun)
        if opened and not bodies.is_pointer(opened) and bodies.fits(noun, opened, by_name=False):
            return Resolution(opened)
        # "The group tested 24 fryers. It found …": whom "the group" itself means, when that is certain.
        pointer = opened or self.group_openers.get(self.sentence - 1, ("", 0))[0]
        if noun is None and bodies.is_pointer(pointer) and (found := self.resolve(pointer)).speaker:
            return found
        return None

    def _opened_before(self, noun: str | None) -> str | None:
        companies = (self.companies.get(self.sentence - 1, []), self.companies.get(self.sentence, []))
        return openers.opened_before(noun, self.openers.get(self.sentence - 1), *companies)

    def _may_be(self, noun: str | None, name: str) -> bool:
        """Whether "the {noun}" may mean a body that spoke: never a person, nor Pennine Rail "the ministry"."""
        return name not in self.people and bodies.fits(noun, name, by_name=False)

    def _by_noun(self, raw: str, noun: str, orgs: list[Spoke]) -> Resolution | None:
        """ "the ministry", "the company": the body of that kind that spoke or was named, when one is."""
        # "…, according to researchers at the University of X. The team said …": those researchers, as a source.
        heard = [(s.name, s.paragraph) for s in self.spoke[-1:] if openers.RESEARCHERS_AT.match(s.name)]
        team = self.group_openers.get(self.sentence - 1) or (heard[0] if heard else None)
        if noun == "team" and team and self.paragraph - team[1] <= 1:
            return Resolution(team[0])  # "Researchers at the University of X followed …. …, the team reported."
        groups = {s.name for s in self.spoke if openers.RESEARCHERS_AT.match(s.name)}  # further on: the only one
        if noun == "team" and len(groups) == 1 and not [b for b in self.named_bodies if b[2] == noun]:
            return Resolution(groups.pop())
        named = [s for s in orgs if bodies.named_as(noun, s.name)]  # records ("council traffic counts") are not here
        # Near, unless only one ever spoke: a club's statement three paragraphs back is still "the club".
        spoken = bodies.distinct(sorted({bodies.bare(s.name): s.name for s in named}.values()))
        named = [s for s in named if self.paragraph - s.paragraph <= 2] if len({s.name for s in named}) > 1 else named
        if len(spoken) > 1 and named and named[-1].sentence < self.sentence - 1:
            # "The JMA said …. …, according to the Fire and Disaster Management Agency. …. The agency warned": either.
            return Resolution(None, f"“{raw}” could be {' or '.join(spoken)}: a person must say which.")
        after = named[-1].sentence if named else 0
        since = [b for b in self.named_bodies if b[2] == noun and after < b[0] < self.sentence]
        others = {bodies.bare(b[1]) for b in since} - ({bodies.bare(named[-1].name)} if named else set())
        if others:
            # Another body of that kind named since the last that spoke: the one the sentence before opens with, if any.
            opener = [b for b in since if b[3] and b[0] == self.sentence - 1]
            if len(others) == 1 and opener:
                return Resolution(opener[-1][1])
            if len(others) == 1 and not named:
                # The only council the article names; "Corvane, the business software company": its name.
                found = since[-1]
                names = [n for s, _, n, kind in self.described if s == found[0] and kind == found[2]]
                subject = openers.described_subject(self.texts.get(found[0], ""), found[1].strip())
                chosen = names[0] if len(names) == 1 else subject or found[1].strip()
                # "…, including charges for the county council": named in passing, it says no more than "the council".
                if chosen == chosen.lower() and openers.named_in_passing(self.texts.get(found[0], ""), chosen):
                    return Resolution(None, f"“{raw}” may be {chosen}: a person must say which.")
                return Resolution(chosen)
            return Resolution(None, f"“{raw}” could be more than one {noun} here: a person must say which.")
        if named:
            return Resolution(named[-1].name)
        # "Customers of Harbour Bank were …. The bank said": the body a recent sentence opened with, if none spoke.
        trading = not any(not bodies.public(noun, s.name, self.public_acronyms) for s in orgs)
        opened = {
            o
            for at, o in self.openers.items()
            if self.sentence - at <= 3 and (bodies.named_as(noun, o) or (trading and bodies.a_business(noun, o)))
        }
        if len(opened) != 1 and len(named_so := self.by_noun.get(noun, set())) == 1:
            return Resolution(next(iter(named_so)))  # the one trust or hospital the story names, however far back
        one = len(opened) == 1 and len(self.by_noun.get(noun, ())) < 2  # "…, the club said" after two clubs: neither
        return Resolution(opened.pop()) if one else None

    def _described(self, raw: str, noun: str | None) -> Resolution | None:
        """ "The government" with none named: the government of the day; "The firm" after "… by the firm X": X."""
        if noun == "government" and not any(b[2] == "government" and b[0] < self.sentence for b in self.named_bodies):
            return Resolution(raw)
        if noun == "trust" and not self.by_noun.get("trust"):
            return Resolution(raw)  # "The trust said …" in a story that never names one: as written
        # "The blood service has asked donors …. …, the service said": a story naming the body only by what it is.
        before = [self.texts.get(k, "") for k in range(self.sentence - 3, self.sentence)]
        unnamed = bool(noun) and noun not in bodies.COMMERCIAL and not self.by_noun.get(noun or "")
        unnamed = unnamed and not any(b[2] == noun for b in self.named_bodies)
        if unnamed and (found := openers.described_opener(noun or "", before)):
            return Resolution(found)
        if noun in self.owned and not any(b[2] == noun for b in self.named_bodies):
            return Resolution(raw)  # "documents released by his ministry. The ministry said": the minister's
        if here := bodies.regulating(noun, self.named_bodies, self.sentence, self.public_acronyms):
            return Resolution(here)
        # "the company" may be the supplier or the maker named; "the airline" the carrier; "the charity" a charity.
        kinds = {"company": bodies.COMMERCIAL, "firm": bodies.COMMERCIAL, "airline": {"airline", "carrier"}}
        kinds = kinds.get(noun or "", {"group", "band"} if noun == "group" else {noun})
        # The same sentence counts ("…, the company said"); further back, only the one such body the story describes.
        seen = [(n, self.paragraph - p) for s, p, n, kind in self.described if kind in kinds and s <= self.sentence]
        far = {n for n, _ in seen} if noun not in bodies.COMMERCIAL else set()
        named = {n for n, gap in seen if gap <= 1} or (far if len(far) == 1 else set())
        # "…, according to figures from the county's fire service. …. The service said": the one body so described.
        texts = [self.texts.get(s, "") for s in range(self.sentence - 6, self.sentence + 1)]
        names = [b[1] for b in self.named_bodies] + [s.name for s in self.spoke] + [*self.by_noun.get(noun or "", ())]
        named = (named or openers.owned_bodies(noun, texts, names)) - openers.named_as_other(texts)
        return Resolution(named.pop()) if len(named) == 1 else None

    def _group(self, raw: str) -> Resolution:
        last = self.spoke[-1] if self.spoke else None
        just_before = last and last.sentence == self.sentence - 1 and last.paragraph == self.paragraph
        opened = self.group_openers.get(self.sentence - 1)
        # "Researchers at X recorded …. They found": that group over a body heard before, even a paragraph back.
        if opened and not just_before and self.paragraph - opened[1] <= 1:
            return Resolution(opened[0])
        if last and last.kind in {"group", "org"} and self.paragraph - last.paragraph <= 1:
            return Resolution(last.name)
        if just_before and kinds.SPOKESPERSON.search(last.name) and not kinds.PLURAL.search(last.name):
            return Resolution(last.name)  # "A spokesperson said …. They said …": the spokesperson, singular
        return Resolution(None, f"“{raw}” is not tied to a group named nearby: a person must say who spoke.")
