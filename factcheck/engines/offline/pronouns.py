"""Who a "he" or "she" means: the person a pronoun points back to, through the sentences and paragraphs
since they were named, or a flag for a person when more than one could be meant (speakers.py tracks the
bodies; this, the people)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.engines.offline import census, kinds
from factcheck.engines.offline.entities import TITLES, Actors

PERSON_PRONOUNS = {"he", "she"}


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


class PersonPointers:
    """The people half of the speaker tracker, mixed into ``Speakers`` (whose state it reads)."""

    actors: Actors
    spoke: list[Spoke]
    sentence: int
    paragraph: int
    named: list[tuple[int, int, str]]
    people: set[str]
    pronouns: dict[str, str]
    uses: dict[int, tuple[frozenset[str], str]]
    texts: dict[int, str]

    def kind(self, name: str) -> str:
        """person, org, group or name: what ``Speakers`` knows a name to be (it overrides this)."""
        raise NotImplementedError

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
            # "She received a card from the King, care home manager Janice Lowe said": a tag after the pronoun
            # names whoever tells it, not whom it means.
            told_after = sentence.find(self._plain(speaker).split()[-1], before) > before
            here = {n for n in here if not kinds.same_person(n, speaker)} | (
                set() if told_after else {self._plain(speaker)}
            )
        here = {n for n in here if self._agrees(n, said)}
        last = None  # the sentence that named whom the pronoun means, when not its own
        if not here and (kin := _KIN[said].search(sentence, 0, before)):
            # "Margaret Fewkes, whose grandfather survived, said he had never spoken of it": he is the grandfather.
            return Resolution(
                None, f"“{pronoun}” may be the {kin.group(1).lower()} this sentence names: a person must say who."
            )
        if not here:
            earlier = [(s, n) for s, p, n in self.named if s < self.sentence and self._near(s, p, n, said)]
            # '"…," he said. He is the third English winner …': whoever a pronoun's tag was told to be.
            earlier += [(w.sentence, self._plain(w.name)) for w in self.spoke if self._near_spoken(w)]
            earlier.sort()
            last = earlier[-1][0] if earlier else None
            here = {n for s, n in earlier if s == last and self._agrees(n, said)}
        if len(here) == 1 and (sole := self._sole(pronoun, next(iter(here)))):
            return sole
        if len(here) == 1 and (unnamed := self._unnamed_since(last, said)):
            # "Moreau was hit by a van. The inquest heard the van driver had been dazzled. He was not prosecuted."
            return Resolution(None, f"“{pronoun}” could be {next(iter(here))} or {unnamed}: a person must say which.")
        if len(here) == 1 and last is not None and self._spoke_of_another(next(iter(here)), said):
            name = next(iter(here))
            return Resolution(
                None, f"“{pronoun}” could be {name} or whom {name} called “{said}”: a person must say which."
            )
        if len(here) == 1:
            return Resolution(here.pop())
        if here:
            return Resolution(None, f"“{pronoun}” could be {' or '.join(sorted(here))}: a person must say which.")
        return Resolution(None, f"“{pronoun}” is not tied to one person named nearby: a person must say who.")

    def _spoke_of_another(self, name: str, said: str) -> bool:
        """'"He did everything right," said the warden, Lyndon Dormer. He was taken to hospital': the warden's
        quoted "he" is someone else, whom the next "He" may as well mean."""
        spoke = [w.sentence for w in self.spoke if kinds.same_person(self._plain(w.name), name)]
        if not spoke or self.sentence - spoke[-1] > 2:
            return False
        # The quotation may have opened a sentence before its tag ('"He did everything right. He kept warm," said …').
        start = spoke[-1] - int(self.texts.get(spoke[-1] - 1, "")[:1] in ("“", '"'))
        texts = [self.texts.get(k, "") for k in range(start, self.sentence)]
        quoted = [
            q
            for t in texts
            for q in re.findall(r"[“\"]([^“”\"]{1,400})(?:[”\"]|$)|^([^“”\"]{1,400})(?:”|(?<=[,.!?])\")", t)
        ]
        return any(re.search(rf"\b{said}\b", a + b, re.I) for a, b in quoted)

    def _unnamed_since(self, named: int | None, said: str) -> str | None:
        """An unnamed person described after sentence ``named`` (the last to name anyone), up to this one."""
        if named is None:
            return None
        return next(
            filter(None, (kinds.someone(self.texts.get(k, ""), said) for k in range(named + 1, self.sentence))), None
        )

    def _near_spoken(self, spoke: Spoke) -> bool:
        """A person named by their name who spoke in this paragraph or the one before; never "a spokesperson"."""
        named = self._plain(spoke.name) in self.actors.full_names.values()
        return named and spoke.sentence < self.sentence and self.paragraph - spoke.paragraph <= 1

    def _near(self, sentence: int, paragraph: int, name: str, said: str) -> bool:
        """A paragraph away, or an obituary's life story: opened with the name, and "she" in every sentence since."""
        chain = all(said in self.uses.get(k, ((), ""))[0] for k in range(sentence + 1, self.sentence))
        # "Lachie Anstruther … was last seen …. [volunteers searched …] He was found …": two paragraphs
        # away, when the story has named no one else the pronoun could mean.
        alone = {n for _, _, n in self.named if self._agrees(n, said)} == {name}
        return self.paragraph - paragraph <= 1 + alone or (chain and self.uses[sentence][1] == name)

    def _person(self, raw: str) -> Resolution:
        found = self._person_from(raw)
        if found.speaker and raw.lower() in PERSON_PRONOUNS:
            self.pronouns.setdefault(self._plain(found.speaker), raw.lower())
        return found

    def _person_from(self, raw: str) -> Resolution:
        people = [s for s in self.spoke if s.kind in {"person", "name"} and not kinds.PEOPLE_PLURAL.match(s.name)]
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
            # "Lindahl played well. Petrova hit ten aces. She said …": the speaker named again competes too.
            again = any(kinds.same_person(n, last.name) for s, _, n in self.named if last.sentence < s < self.sentence)
            moved_on = last.paragraph < self.paragraph and all(p == self.paragraph for p, _ in since) and not again
            ruled_out = mismatch or moved_on
            if len(others) == 1 and ruled_out:
                # "Ruiz has asked for a review. “…,” she said.": the person this paragraph is about.
                return self._is_person(next(iter(others)))
            names = " or ".join(sorted(others) if mismatch else [last.name, *sorted(others)])
            if not names:
                return Resolution(None, f"“{raw}” is not tied to one person named nearby: a person must say who spoke.")
            return Resolution(None, f"“{raw}” could be {names}: a person must say who spoke.")
        recent = [(s, p, n) for s, p, n in self.named if 0 < self.sentence - s <= 2 and self._agrees(n, raw.lower())]
        # "Petrova, ranked 31st, had never won …. She said …": the person this paragraph's last sentence opened
        # with, when everyone else was named in an earlier paragraph.
        opener = self.uses.get(self.sentence - 1, ((), ""))[1]
        if any(n == opener and p == self.paragraph for _, p, n in recent):
            recent = [r for r in recent if r[2] == opener or r[1] == self.paragraph]
        if len({n for _, _, n in recent}) == 1:
            return self._sole(raw, recent[-1][2]) or self._is_person(recent[-1][2])
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
        return said not in PERSON_PRONOUNS or (self.pronouns.get(name) or census.pronoun_of(name) or said) == said

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


# A relative named in the pronoun's own sentence, by a possessive and no name: whom a "he" or "she" there may mean.
_KIN = {
    sex: re.compile(rf"\b(?i:whose|her|his|their|my|our)\s(?:late\s)?((?:great-)?(?:grand)?(?:{words}))\b(?!,?\s[A-Z])")
    for sex, words in (
        ("he", "father|son|husband|brother|uncle|nephew|boyfriend"),
        ("she", "mother|daughter|wife|sister|aunt|niece|girlfriend"),
    )
}
