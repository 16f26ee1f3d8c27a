"""Who is speaking, tracked through the article rather than guessed per sentence.

News copy names a speaker once and then points back: "the agency added", "she said", "It said",
"They said", or a second quotation with no tag at all. The tracker remembers who last spoke, in which
paragraph, and what kind of speaker it was (a person, an organisation, a group), and resolves those
references only when one reading is clearly right. When it is not (the pointer is a paragraph or
more away, another person was named since, two organisations spoke in turn), the claim gets no
speaker and a flag: a wrong speaker on a ticket can be published, a missing one cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.engines.offline import bodies, census, kinds, openers, records
from factcheck.engines.offline.entities import TITLES, Actors

_PERSON_PRONOUNS = {"he", "she"}
_BODY_KINDS = {False: {"org", "name"}, True: {"org", "name", "record"}}  # "It found …" may mean a record too


@dataclass
class Spoke:
    name: str
    kind: str  # person | org | group | record | name (capitalised, not yet known to be either)
    paragraph: int
    sentence: int


@dataclass
class Resolution:
    speaker: str | None
    # Set when a speaker was meant but could not be told for sure: the ticket goes to a person.
    unclear: str | None = None
    # An interview's answer: its speaker said every line, so being named makes no line a claim.
    answer: bool = False


@dataclass
class Speakers:
    actors: Actors
    spoke: list[Spoke] = field(default_factory=list)
    sentence: int = 0
    paragraph: int = 0
    # Where the last company ("Meridian Paving Inc.") was named, for "the company said".
    last_company_paragraph: int = -1
    _last_company: str | None = None
    # Every person named, as (sentence, paragraph, full name), in reading order.
    named: list[tuple[int, int, str]] = field(default_factory=list)
    # Names a pronoun has been resolved to: people, whatever their words look like.
    people: set[str] = field(default_factory=set)
    # Which pronoun the article has used for a person ("she" for Naomi Clarke): "he" cannot mean her.
    pronouns: dict[str, str] = field(default_factory=dict)
    # Organisations named by what they are ("Russia's foreign ministry"), whether or not they spoke:
    # (sentence, phrase, noun, whether the sentence opens with it).
    named_bodies: list[tuple[int, str, str, bool]] = field(default_factory=list)
    # Organisations a sentence opens with, by sentence: the subject a following pointer means.
    openers: dict[int, str] = field(default_factory=dict)
    # Groups a sentence opens with ("The researchers, from ETH Zurich, used …"), by sentence.
    group_openers: dict[int, tuple[str, int]] = field(default_factory=dict)
    # Documents a sentence opens with ("The review, led by …, examined …"): what a next "It said" means.
    documents: dict[int, tuple[str, int]] = field(default_factory=dict)
    # Bodies named with what they are ("the housing charity Shelter"): (sentence, paragraph, name, noun).
    described: list[tuple[int, int, str, str]] = field(default_factory=list)
    # Acronyms the article spelt out as a public body's name ("the Food Standards Agency (FSA)").
    public_acronyms: set[str] = field(default_factory=set)
    # Each sentence's person pronouns and the person it opens with: a chain of "she" keeps one subject.
    uses: dict[int, tuple[frozenset[str], str]] = field(default_factory=dict)

    def read(self, text: str, paragraph: int) -> None:
        """Move on to the next sentence of the article, learning the names it holds."""
        self.sentence += 1
        self.paragraph = paragraph
        self.actors.note(text)
        if self.actors.not_people & {n for _, _, n in self.named[-40:]}:
            # "Little Sprout's founder": an earlier "Little Sprout" was a business, never who "she" means.
            self.named = [entry for entry in self.named if entry[2] not in self.actors.not_people]
        self.named.extend((self.sentence, paragraph, name) for name in self.actors.mentioned)
        opener = next((n for n in self.actors.mentioned if text.lstrip(' “"').startswith(n)), "")
        self.uses[self.sentence] = (kinds.pronouns_in(text), opener)
        # "Kwame Mensah, 34,", "signed striker Moussa Diallo": an age or a role is said of a person.
        shown = [m.group(1) or m.group(2) for m in kinds.AGED.finditer(text)] + kinds.named_after_role(text)
        self.people.update(self.actors.full_names.get(n.split()[-1], n) for n in shown)
        for name, pronoun in self.actors.pronouns.items():
            self.pronouns.setdefault(name, pronoun)
        document, group, body = openers.opened(text, lambda name: self.kind(name) == "org")
        if document:
            self.documents[self.sentence] = (document.lower(), paragraph)  # "The review … examined"
        if group:
            self.group_openers[self.sentence] = (group, paragraph)  # "The researchers … used …. They found"
        if body:
            self.openers[self.sentence] = body
        self.public_acronyms |= bodies.public_acronyms(text)
        self.named_bodies += [(self.sentence, *named) for named in openers.bodies_named(text)]
        for m in bodies.DESCRIBED_BODY.finditer(text):
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
        """person, org, group, or name: a capitalised name the article has not yet shown to be either (a body
        once described as one: "Discount supermarket chain Grocer's Yard")."""
        return "org" if any(name == d[2] for d in self.described) else kinds.kind_of(name, self.actors, self.people)

    def resolve(self, raw: str | None) -> Resolution:
        """The speaker ``raw`` refers to, with pointers resolved or flagged."""
        if not raw:
            return Resolution(None)
        if not bodies.reads_as_name(raw):
            return Resolution(None, f"“{raw}” does not read as a name: a person must say who spoke.")
        low = raw.lower().strip()
        if low in _PERSON_PRONOUNS or kinds.AGE_POINTER.match(low):
            return self._person(raw)  # "The 46-year-old added": a person named before, like "she"
        if low == "it" or bodies.ORG_POINTER.match(low):
            noun = m.group("noun").lower() if (m := bodies.ORG_POINTER.match(low)) else None
            return self._organisation(raw, noun)
        if low == "they":
            return self._group(raw)
        if low.startswith("their ") and raw == raw.lower():
            # "their boards announced": whose boards is the reader's inference; the ticket says so.
            return Resolution(raw, f"“{raw}” does not say whose: a person must say who spoke.")
        name = self.actors.expand(raw) if len(raw.split()) == 1 else raw
        return Resolution(kinds.in_full(name, self.actors))

    def source(self, reported_by: str) -> Resolution:
        """ "According to the agency": the agency named before, when that is certain; else as written,
        with why a person must say which."""
        if not bodies.is_pointer(reported_by):
            return Resolution(reported_by)
        found = self.resolve(reported_by)
        return Resolution(found.speaker or reported_by, found.unclear)

    def antecedent(self, pronoun: str, sentence: str, before: int, speaker: str | None) -> Resolution:
        """Who a "He" or "She" opening a claim means: the one person named earlier in its sentence
        (its speaker among them: "Kiptoo said he had trained"), else the one person the last sentence
        naming anyone named. Two candidates, or none, and the pronoun stays, flagged for a person."""
        said = pronoun.lower()
        # "The lorry driver told the hearing he had checked his mirrors": he is the unnamed speaker.
        if speaker and (speaker.lower().startswith(("a ", "an ", "one ")) or kinds.UNNAMED_PERSON.match(speaker)):
            # "One mother, who asked not to be named, told the review that she …": she is the speaker, named.
            return Resolution(pronoun)
        here = {n for n in self.actors.mentioned if -1 < sentence.find(n.split()[-1]) < before}
        if speaker and self.kind(speaker) == "person":
            here = {n for n in here if not kinds.same_person(n, speaker)} | {self._plain(speaker)}
        here = {n for n in here if self._agrees(n, said)}
        if not here:
            earlier = [(s, n) for s, p, n in self.named if s < self.sentence and self._near(s, p, n, said)]
            last = earlier[-1][0] if earlier else None
            here = {n for s, n in earlier if s == last and self._agrees(n, said)}
        if len(here) == 1:
            return self._sole(pronoun, next(iter(here))) or Resolution(here.pop())
        if here:
            return Resolution(None, f"“{pronoun}” could be {' or '.join(sorted(here))}: a person must say which.")
        return Resolution(None, f"“{pronoun}” is not tied to one person named nearby: a person must say who.")

    def _near(self, sentence: int, paragraph: int, name: str, said: str) -> bool:
        """A paragraph away, or an obituary's life story: opened with the name, and "she" in every sentence since."""
        chain = all(said in self.uses.get(k, ((), ""))[0] for k in range(sentence + 1, self.sentence))
        return self.paragraph - paragraph <= 1 or (chain and self.uses[sentence][1] == name)

    def heard(self, name: str | None, unclear: str | None = None) -> None:
        """Record that ``name`` spoke in the current sentence (a record as a record: "a council report" is
        never what "the group" means), or that ``unclear`` did and could not be told: an "It said" after it
        is then as unclear, never an older speaker's."""
        if name or unclear:
            kind = ("record" if records.a_record(name) else self.kind(name)) if name else "unclear"
            if body := bodies.FOR_BODY.search(name or ""):  # "A spokesperson for the Rail Delivery Group": it spoke too
                self.spoke.append(Spoke(body.group(1), "org", self.paragraph, self.sentence))
            self.spoke.append(Spoke(name or unclear or "", kind, self.paragraph, self.sentence))

    def subject(self, pointer: str) -> str | None:
        """Who "It" or "They" opening a statement means, only when the sentence before was that body's ("The
        ministry said exports fell. It blamed attacks …") and opened with no group of its own ("The group … had
        been skiing, according to police. They were aged …": the group, or police? A person says). Else None."""
        last = next((s for s in reversed(self.spoke) if s.sentence < self.sentence), None)
        if not last or last.sentence != self.sentence - 1 or last.paragraph != self.paragraph:
            return None
        kinds = {"it": {"org", "name"}, "they": {"group", "org"}}.get(pointer.lower(), set())
        opened = self.group_openers.get(self.sentence - 1)
        ruled_out = pointer.lower() == "they" and opened and opened[0] != last.name
        return last.name if last.kind in kinds and not ruled_out else None

    def continuing(self) -> str | None:
        """The speaker of an untagged quotation that carries on from the sentence before it."""
        last = self.spoke[-1] if self.spoke else None
        if last and last.sentence == self.sentence - 1 and self.paragraph - last.paragraph <= 1:
            return last.name
        return None

    def _person(self, raw: str) -> Resolution:
        found = self._person_from(raw)
        if found.speaker and raw.lower() in _PERSON_PRONOUNS:
            self.pronouns.setdefault(self._plain(found.speaker), raw.lower())
        return found

    def _person_from(self, raw: str) -> Resolution:
        people = [s for s in self.spoke if s.kind in {"person", "name"}]
        last = people[-1] if people else None
        if last and self.paragraph - last.paragraph <= 1:
            # Other people named since the speaker spoke (in an earlier sentence) compete for the pronoun.
            # A name in the pronoun's own sentence is not who it means: "She said Hollings had forged …",
            # "He told Hollings: …" (the pronoun governs the clause that names the other person).
            since = [
                (p, n)
                for s, p, n in self.named
                if last.sentence < s < self.sentence and not kinds.same_person(n, last.name)
            ]
            said = raw.lower()
            others = {n for _, n in since if self._agrees(n, said)}
            # "she" cannot mean the man the article called "he": the last speaker drops out.
            mismatch = not self._agrees(self._plain(last.name), said)
            if not others and not mismatch:
                return self._is_person(self._plain(last.name), last.name)
            ruled_out = mismatch or (last.paragraph < self.paragraph and all(p == self.paragraph for p, _ in since))
            if len(others) == 1 and ruled_out:
                # "Ruiz has asked for a review. “…,” she said.": the person this paragraph is about.
                return self._is_person(next(iter(others)))
            names = " or ".join(sorted(others) if mismatch else [last.name, *sorted(others)])
            if not names:
                return Resolution(None, f"“{raw}” is not tied to one person named nearby: a person must say who spoke.")
            return Resolution(None, f"“{raw}” could be {names}: a person must say who spoke.")
        recent = [(s, n) for s, p, n in self.named if 0 < self.sentence - s <= 2 and self._agrees(n, raw.lower())]
        if len({n for _, n in recent}) == 1:
            return self._sole(raw, recent[-1][1]) or self._is_person(recent[-1][1])
        return Resolution(None, f"“{raw}” is not tied to one person named nearby: a person must say who spoke.")

    def _sole(self, pronoun: str, name: str) -> Resolution | None:
        """The flag for a pronoun whose only candidate was never shown to be a person ("Maple Grove",
        "Silver Birch Primary"): no title or role, pronoun, age, known first name, or speech. None when
        it was. Only a sole candidate is judged so: dropping one of two would choose the other unseen."""
        plain = self._plain(name)
        shown = bool({name, plain} & self.people) or plain in self.pronouns or self.kind(name) == "person"
        spoke = any(s.kind in {"person", "name"} and kinds.same_person(s.name, plain) for s in self.spoke)
        if plain not in self.actors.not_people and (shown or spoke or census.given_name(plain)):
            return None
        return Resolution(None, f"“{pronoun}” may mean {name}, not shown to be a person: a person must say who.")

    def _agrees(self, name: str, said: str) -> bool:
        """Whether "he" or "she" can mean ``name``: by the pronoun the article used for them, else by a first
        name given almost only to one sex ("Kyle" is never "she"); a name that does not say agrees, and so
        does any name for a pointer with no sex ("the 46-year-old")."""
        return said not in _PERSON_PRONOUNS or (self.pronouns.get(name) or census.pronoun_of(name) or said) == said

    def _is_person(self, *names: str) -> Resolution:
        """A pronoun said "he" or "she": whatever the name looks like, it is a person's."""
        self.people.update(names)
        return Resolution(names[0])

    def _plain(self, name: str) -> str:
        """ "Harbor Master Ines Okafor" is "Ines Okafor" when a pronoun points back to her."""
        inside = [
            (name.index(full), full)
            for full in self.actors.full_names.values()
            if full in name and not re.fullmatch(TITLES, full.split()[0])
        ]
        # "Tamar Valley director of rugby Sarah Penhallow": after a role in lower case, the name that ends it.
        last = [full for at, full in inside if name.endswith(full) and kinds.ROLE_WORD.search(name[:at])]
        return last[0] if last else min(inside)[1] if inside else name  # "Chen Wei of Harbor Securities": the first

    def _it(self, raw: str, last: Spoke | None) -> Resolution | None:
        """What "it" means before any body that spoke is considered, if the sentences around say."""
        if opened := self.openers.get(self.sentence):
            # "The council voted to close the library, it said."; "The company's shares fell, it said": the company.
            return self.resolve(opened) if bodies.is_pointer(opened) else Resolution(opened)
        if last and last.kind == "unclear" and last.sentence == self.sentence - 1:
            return Resolution(None, f"“{raw}” follows “{last.name}”, which could not be told: a person must say who.")
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
        here = self.openers.get(self.sentence)  # "Police Scotland will close 14 counters, the force said."
        if here and noun and not bodies.is_pointer(here) and bodies.opened_by(noun, here, self.public_acronyms):
            return Resolution(here)
        opened = self.openers.get(self.sentence - 1)
        fitting = opened and not bodies.is_pointer(opened) and bodies.fits(noun, opened, by_name=False)
        if fitting and not (last and last.sentence == self.sentence - 1):
            return Resolution(opened)
        just_before = last and last.sentence == self.sentence - 1 and last.paragraph == self.paragraph
        # "The Food Standards Agency ordered a recall. Tesco said …. The agency said …": the body named by
        # that noun is meant, not the company that spoke last.
        other = bool(last and noun and not bodies.named_as(noun, last.name))
        just_before = just_before and not (
            other and any(b[2] == noun and b[0] < self.sentence for b in self.named_bodies)
        )
        if (
            just_before
            and bodies.fits(noun, last.name)
            and not bodies.public(noun, last.name, self.public_acronyms)
            and last.kind in {"org", "name"}
            and last.name not in self.people
        ):
            return Resolution(last.name)  # "The agency said …. “…,” it added."
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
        if noun and noun not in bodies.GENERIC_BODY:
            # "the charity", "the union": only a body that says it is one, never the only body around.
            return Resolution(None, f"“{raw}” names no {noun} the article has named nearby: a person must say which.")
        # Only a speaker known to be a body: "Joanne Thomas" (two capitalised words, a person's name to
        # the article) is never what "the company" means, however recently she spoke.
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

    def _may_be(self, noun: str | None, name: str) -> bool:
        """Whether "the {noun}" may mean a body that spoke: never a person, nor Pennine Rail "the ministry"."""
        return name not in self.people and bodies.fits(noun, name, by_name=False)

    def _by_noun(self, raw: str, noun: str, orgs: list[Spoke]) -> Resolution | None:
        """ "the ministry", "the company": the body of that kind that spoke or was named, when one is."""
        team = self.group_openers.get(self.sentence - 1)
        if noun == "team" and team and self.paragraph - team[1] <= 1:
            return Resolution(team[0])  # "Researchers at the University of X followed …. …, the team reported."
        named = [s for s in orgs if bodies.named_as(noun, s.name)]  # records ("council traffic counts") are not here
        # Near, unless only one ever spoke: a club's statement three paragraphs back is still "the club".
        named = [s for s in named if self.paragraph - s.paragraph <= 2] if len({s.name for s in named}) > 1 else named
        after = named[-1].sentence if named else 0
        since = [b for b in self.named_bodies if b[2] == noun and after < b[0] < self.sentence]
        others = {bodies.bare(b[1]) for b in since} - ({bodies.bare(named[-1].name)} if named else set())
        if others:
            # Another body of that kind was named after the last one that spoke: "Russia's foreign
            # ministry rejected that account. “…,” the ministry said." The one the sentence before
            # opens with is meant; any other is a person's call.
            opener = [b for b in since if b[3] and b[0] == self.sentence - 1]
            if len(others) == 1 and opener:
                return Resolution(opener[-1][1])
            if len(others) == 1 and not named:
                # The only council the article names; "Corvane, the business software company": its name.
                found = since[-1]
                names = [n for s, _, n, kind in self.described if s == found[0] and kind == found[2]]
                return Resolution(names[0] if len(names) == 1 else found[1].strip())
            return Resolution(None, f"“{raw}” could be more than one {noun} here: a person must say which.")
        if named:
            return Resolution(named[-1].name)
        return None

    def _described(self, raw: str, noun: str | None) -> Resolution | None:
        """ "The government" when no government was named by what it is: the government of the day.
        "The firm" after "… by the engineering firm Hartley & Moss": the one body named as a firm."""
        if noun == "government" and not any(b[2] == "government" and b[0] < self.sentence for b in self.named_bodies):
            return Resolution(raw)
        if here := bodies.regulating(noun, self.named_bodies, self.sentence, self.public_acronyms):
            return Resolution(here)
        # "the company" may be the supplier or the maker named; "the charity" only a charity.
        kinds = bodies.COMMERCIAL if noun in {"company", "firm"} else {noun}
        # The same sentence counts: "… of the energy supplier Brightwatt, the company said."
        named = {
            n for s, p, n, kind in self.described if kind in kinds and s <= self.sentence and self.paragraph - p <= 1
        }
        return Resolution(named.pop()) if len(named) == 1 else None

    def _group(self, raw: str) -> Resolution:
        last = self.spoke[-1] if self.spoke else None
        if last and last.kind in {"group", "org"} and self.paragraph - last.paragraph <= 1:
            return Resolution(last.name)
        just_before = last and last.sentence == self.sentence - 1 and last.paragraph == self.paragraph
        opened = self.group_openers.get(self.sentence - 1)
        if opened and not just_before and opened[1] == self.paragraph:
            return Resolution(opened[0])
        if just_before and kinds.SPOKESPERSON.search(last.name) and not kinds.PLURAL.search(last.name):
            return Resolution(last.name)  # "A spokesperson said …. They said …": the spokesperson, singular
        return Resolution(None, f"“{raw}” is not tied to a group named nearby: a person must say who spoke.")
