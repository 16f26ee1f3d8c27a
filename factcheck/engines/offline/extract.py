"""Offline claim extraction: select check-worthy sentences, split compound ones, make each standalone."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from factcheck.engines.base import ExtractedClaim
from factcheck.engines.offline import (
    bodies,
    checkworthy,
    dates,
    drafting,
    duplicates,
    instructions,
    layers,
    moods,
    openings,
    quoteruns,
    reactions,
    voices,
)
from factcheck.engines.offline.attribution import Attribution, attribute, has_tag
from factcheck.engines.offline.clauses import Part, parts, said_apart
from factcheck.engines.offline.entities import Actors, word_cases
from factcheck.engines.offline.segment import Sentence, sentences
from factcheck.engines.offline.speakers import Resolution, Speakers
from factcheck.engines.offline.wording import capitalise, closed, lower_article, shown, with_attribution
from factcheck.models import ClaimKind

_ANSWER = "An answer in an interview: the person interviewed said it, and a person must say who that is."


@dataclass
class Found:
    claims: list[ExtractedClaim]
    sentences: int
    # Set when the time budget ran out: what was read, for the article page to say.
    stopped: str | None = None


def extract(text: str, *, published: date | None, threshold: float, budget_seconds: float | None = None) -> Found:
    """The article's claims; within ``budget_seconds`` (if given), after which the engine stops
    and says how far it read, so no article can hold the process for long."""
    began = time.monotonic()
    deadline = began + budget_seconds if budget_seconds else float("inf")
    found = sentences(text)
    attrs: list[Attribution] = []
    for s in found:
        if time.monotonic() > deadline:
            break
        attrs.append(layers.outer_source(attribute(s.text), s.text))
    quoteruns.carry(found, attrs)
    quoteruns.lead_ins(found, attrs)
    voices.signed_posts(text, found, attrs)
    claims, read = _claims(found[: len(attrs)], attrs, published, threshold, 2 * deadline - began)  # as long again
    stopped = None
    if read < len(found):
        stopped = (
            f"Stopped after {budget_seconds:g} s, having read {read:,} of {len(found):,} sentences "
            f"(up to character {found[read - 1].end if read else 0:,}): the rest of the article was not "
            "searched for claims. Add any it holds by hand, or split the article."
        )
    return Found(claims, len(found), stopped)


def _claims(
    found: list[Sentence], attrs: list[Attribution], published: date | None, threshold: float, deadline: float
) -> tuple[list[ExtractedClaim], int]:
    """The claims of the sentences read before ``deadline``, and how many sentences that was."""
    common, named = word_cases([s.text for s in found])
    actors = Actors(common_words=common, named_words=named)
    speakers = Speakers(actors)
    claims: list[ExtractedClaim] = []
    # One batch for every sentence and every quotation: the model is far cheaper per sentence that way.
    quotations = [a.quotation or "" for a in attrs if a.is_quote]
    scored = checkworthy.scores([s.text for s in found] + quotations)
    quotation_scores = iter(scored[len(found) :])
    # Only a whole quotation is ever judged a reaction ("said it was “deeply sorry” and …" is a statement).
    judged = [(a.quotation or "") if moods.whole_quotation(a) else "" for a in attrs if a.is_quote]
    quotation_vectors = iter(reactions.vectors(judged, scored[len(found) :], moods.EXCLAMATION))
    read, answer, interviewee = 0, -1, None
    answers = voices.answers(found)  # paragraph → a transcript's labelled speaker, or None: the interviewee
    for at, (sentence, attr, score) in enumerate(zip(found, attrs, scored, strict=False)):
        if time.monotonic() > deadline:
            break
        read += 1
        speakers.read(sentence.text, sentence.paragraph)
        own = (next(quotation_scores), next(quotation_vectors)) if attr.is_quote else (0.0, None)
        if attr.is_quote and not attr.speaker and not has_tag(sentence.text):
            # "“Second, they asked …”" carries on the quotation before; 'It accused Aslef of "…"' is the reporter's.
            if voices.phrase_quoted(sentence.text):
                attr.quotation = None
            else:
                attr.speaker = speakers.continuing()
        who = speakers.resolve(attr.speaker)
        lead = not speakers.spoke and at + 1 < len(attrs)  # nobody has spoken yet: the article's opening
        unnamed = who.unclear or voices.ROLE_POINTER.match(attr.speaker or "")
        if unnamed and lead and (ahead := voices.named_next(attr.speaker, attrs[at + 1], speakers)):
            who = Resolution(ahead)
        if sentence.text.startswith("A: ") or sentence.paragraph in answers:
            answer, interviewee = sentence.paragraph, voices.interviewee(speakers) if answer < 0 else interviewee
        if answer == sentence.paragraph and (who.speaker in {"We", "I"} or not (who.speaker or attr.reported_by)):
            # "A: Rents have gone up …", "We recorded 2,310 burglaries …": the interviewee's (or the label's) words.
            by = answers.get(answer) or interviewee
            who = Resolution(by, answer=True) if by else Resolution(None, who.unclear or _ANSWER)
        if attr.reported_by:
            source = speakers.source(attr.reported_by)
            attr.reported_by = source.speaker
            who.unclear = who.unclear or source.unclear
        if who.speaker:
            who.speaker = lower_article(actors.expand(who.speaker))
        heard = who.speaker or (lower_article(attr.reported_by) if attr.reported_by else None)
        speakers.heard(heard, unclear=attr.speaker if who.unclear else None)
        found_here = _claims_from(sentence, (score, *own), attr, who, speakers, published, threshold)
        claims.extend(voices.in_own_words(found_here, who))
    return duplicates.merge(claims), read


def _claims_from(
    sentence: Sentence,
    scores: tuple[float, float, Any],
    attr: Attribution,
    who: Resolution,
    speakers: Speakers,
    published: date | None,
    threshold: float,
) -> list[ExtractedClaim]:
    """The sentence's tickets; ``scores`` are its check-worthiness, its quotation's own and the quotation's
    sentence-encoder vector (None unless the reaction model reads it)."""
    score = scores[0]
    speaker = who.speaker
    reported_by = lower_article(attr.reported_by) if attr.reported_by else None
    if attr.is_quote:
        return _quote_claims(sentence, scores, attr, who, speakers, published, threshold)
    # Who said what is checkable when a named speaker said it, however plain: "Nora Quist warned that pubs would …".
    named = bool(speaker) and speakers.kind(speaker or "") != "group" and not who.answer
    named = named or voices.group_on_record(speaker)
    # "…, according to NHS England", "…, the memo said": a named body's or a record's account, checkable as such.
    source = reported_by is not None and voices.on_record(reported_by, speakers)
    # "…, the court heard." with no court named nearby: a body's account all the same, flagged for a person.
    pointed = not speaker and bodies.is_pointer(attr.speaker or "")
    # "Under the Public Libraries and Museums Act 1964, councils must …": what a named law says is checkable.
    statute = bool(_UNDER_LAW.match(attr.content) or _UNDER_RULES.match(attr.content))
    statute = statute or checkworthy.states_a_rule(attr.content)
    recorded = checkworthy.plain_record(attr.content)
    if named or source or pointed or statute or recorded or moods.reporters_figure(attr):
        score = max(score, threshold)
    # "Fact check: Did petrol prices really hit a record?": the reporter's question asserts nothing.
    asked = not named and sentence.text.rstrip().endswith("?")
    asked = asked or bool(re.match(r"^[^“”\"]*[“\"][^“”\"]+\?[”\"]\s", sentence.text))  # '"What now?" she asked.'
    if score < threshold or asked or moods.asserts_nothing(sentence.text, attr.content) or moods.writers_own(attr, who):
        return []
    advice, to_readers = instructions.advice(attr.content)
    # A body's stated position ("The committee has said capacity should not grow") is on the record; a person's
    # argument ("the city should have tapped its reserve") and advice to readers are not.
    position = named and (attr.whole or speakers.kind(speaker or "") == "org") and not to_readers
    # "The council must pay the costs, the inspector ruled": a ruling binds; a hazard's precaution goes with it.
    position = position or (attr.verb or "") in _RULINGS or statute or recorded
    split = parts(attr.content, reported=bool(attr.speaker or reported_by) and not attr.whole)
    # "said customers … would be compensated, and that they should contact it": the promise, not its advice to readers.
    kept = said_apart(attr.content, split) if advice else split
    split = [p for p in kept if instructions.not_advice(p.words, position)] if advice else split
    if not split:
        return []
    # "said it was “disappointed” … and that the sale would fund 40 homes": the homes; a verdict beside a demand: none.
    split = [part for part in split if not moods.feeling(part.words, sentence.text)] or ([] if advice else split)
    if attr.also:  # "…, according to X, which says 13,500 jobs have gone": the source's second statement
        split.append(Part(len(attr.content), attr.also, attr.also))
    found = [_clause_claim(sentence, score, attr, part, speaker, reported_by, speakers, published) for part in split]
    for claim in found:
        if who.unclear:
            claim.needs_human, claim.flag_reason = True, who.unclear
    return _reporters_own(sentence, score, attr, speakers, published, found)


def _quote_claims(
    sentence: Sentence,
    scores: tuple[float, float, Any],
    attr: Attribution,
    who: Resolution,
    speakers: Speakers,
    published: date | None,
    threshold: float,
) -> list[ExtractedClaim]:
    """A quotation's tickets: the quotation itself, or the statements of an indirect one split apart."""
    speaker = who.speaker
    reported_by = lower_article(attr.reported_by) if attr.reported_by else None
    score = moods.quotation_score(attr, scores, speaker, speakers, threshold)
    # "said arrears remained “very low” and that the bank would buy back …": two statements.
    split = parts(attr.content, reported=True) if speaker and _indirect(attr) else []
    # "said the school community was “devastated” and that counsellors would …": the feeling is no claim.
    kept = [part for part in split if not moods.feeling(part.words, sentence.text)]
    if score < threshold:  # 'said the vote was "a huge moment" and that the club would …': a plain statement
        plain = len(split) > 1 and speakers.kind(speaker or "") != "group"
        kept = [part for part in kept if plain and not moods.quoted_verdict(part.words)]
        score = threshold if kept else score
    if score < threshold or (split and not kept):  # every statement in it a feeling or a verdict: none to check
        return []
    if len(split) > 1 and kept:
        return [_clause_claim(sentence, score, attr, part, speaker, reported_by, speakers, published) for part in kept]
    return [_quote_claim_of(sentence, score, attr, who, reported_by, speakers, published)]


def _reporters_own(
    sentence: Sentence,
    score: float,
    attr: Attribution,
    speakers: Speakers,
    published: date | None,
    found: list[ExtractedClaim],
) -> list[ExtractedClaim]:
    """``found`` with the clauses around a statement that are the reporter's own words: what the speaker did
    before "but said" ("Radu … conceded defeat … but said …"), and what follows the source ("…, according to
    X, but the player is understood to …"; "…, the Met Office said, as the UKHSA issued an alert")."""
    if attr.act and not moods.asserts_nothing(attr.act, attr.act):  # not "declined to comment but said"
        act = Part(-attr.content_offset, attr.act.rstrip("."), attr.act)  # it starts where the sentence does
        own = replace(attr, speaker=None, reported_by=None)  # the reporter's words: no pointer of the speaker's
        found.insert(0, _clause_claim(sentence, score, own, act, None, None, speakers, published))
    if attr.then:
        turn = Part(len(attr.content), attr.then, capitalise(attr.then))
        found.append(_clause_claim(sentence, score, attr, turn, None, None, speakers, published))
    return found


def _quote_claim_of(
    sentence: Sentence,
    score: float,
    attr: Attribution,
    who: Resolution,
    reported_by: str | None,
    speakers: Speakers,
    published: date | None,
) -> ExtractedClaim:
    speaker = who.speaker
    claim, unsure_date = _quote_claim(attr, speaker, reported_by, speakers.actors, published)
    claim = openings.its_owner(claim, None, speakers)  # "Its president, Dr. X, called the law …": the body's president
    unnamed = who.unclear or "The quotation has no named speaker in the article."
    # 'said it was "a grotesque breach of trust"': what "it" is, the quotation's own words do not say.
    said = attr.content.strip()
    person = _indirect(attr) and openings.its_of_a_named_person(said, speaker, speakers.kind(speaker or ""))
    pointer = attr.quotation and openings.QUOTED_POINTER.match(said)  # '"…. They fund crime," she said'
    pointed = f"“{said.split()[0].capitalize()}” does not name who or what it refers to." if person or pointer else None
    reason = unnamed if speaker is None else unsure_date or pointed
    return ExtractedClaim(
        claim=claim,
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        kind=ClaimKind.quote,
        score=round(min(score, 1.0), 3),
        speaker=speaker,
        reported_by=reported_by,
        needs_human=reason is not None,
        flag_reason=reason,
    )


def _clause_claim(
    sentence: Sentence,
    score: float,
    attr: Attribution,
    part: Part,
    speaker: str | None,
    reported_by: str | None,
    speakers: Speakers,
    published: date | None,
) -> ExtractedClaim:
    actors = speakers.actors
    rel_start = part.start
    q_start, q_end = _quoted(sentence, attr, part)
    whole = (q_start, q_end) == (sentence.start, sentence.end)
    # "Ashgrove Steel will close its furnace, the company said": the sentence names its speaker already.
    own_subject = bool(speaker) and part.words.strip().lower().startswith(f"{speaker} ".lower())
    whole_claim = attr.whole or (part.acts and bool(speaker)) or own_subject
    content, unresolved, who_reason = openings.opening_pronoun(
        part.words.strip(),
        sentence,
        attr.content_offset + rel_start,
        speaker,
        speakers,
        not (whole_claim or reported_by),
    )
    content = _named_subject(content, attr, speaker, speakers)
    content, no_company = actors.resolve_company(content)
    unresolved = unresolved or no_company
    if part.acts and speaker:  # "…, and ordered SpaceX to investigate": the speaker did it, in the sentence
        content = f"{capitalise(speaker)} {content}"
    # "told MPs on Wednesday that …": the day is resolved with the statement, in its tense.
    told = "" if whole_claim else f"{part.verb or attr.verb} that "
    resolved = dates.resolve(f"{told}{actors.expand(content)}", published, last_week=speakers.told_of_last_week())
    verb, content = resolved.text.split(" that ", 1) if told else (attr.verb, resolved.text)
    opening = openings.UNRESOLVED_START.match(content) or openings.TIMED_POINTER.match(content)
    kind = speakers.kind(speaker) if speaker and (rel_start or re.match(r"its?\b", content)) else None
    if openings.its_of_a_named_person(content, speaker, kind, split=bool(rel_start)):
        # "Hughes said … and that it accepted all 38": a person's "it" is not the person; say so.
        opening = opening or openings.UNRESOLVED_START.match(capitalise(content))
    reason = who_reason or (
        f"“{opening.group(1)}” does not name who or what it refers to." if opening else resolved.reason
    )
    # "The agency reported 2,911 cases": the sentence already says who.
    who = shown(speaker, attr.speaker)  # "She said …" with no one she can be: the words stay
    text = capitalise(closed(content)) if whole_claim else with_attribution(content, who, reported_by, verb, actors)
    text, source_date = dates.in_sources(text, (speaker, reported_by), published)
    return ExtractedClaim(
        claim=text,
        quote=sentence.text if whole else part.span,
        start=q_start,
        end=q_end,
        kind=_kind(content),
        score=round(score, 3),
        speaker=speaker,
        reported_by=reported_by or openings.record_named(part.words, text, speakers),
        needs_human=unresolved or bool(reason or source_date),
        flag_reason=reason or source_date,
    )


def _named_subject(content: str, attr: Attribution, speaker: str | None, speakers: Speakers) -> str:
    """ "It will close …" and "The company reported …" name the body they stand for, where it is known."""
    pointer = None if openings.A_THINGS_VERB.match(content) else openings.POINTER.match(content)
    body = speakers.subject(pointer.group(1)) if pointer else None
    if pointer and body and (not speaker or speaker.lower() == body.lower()):
        content = capitalise(body) + content[pointer.end(1) :]
    content = openings.its_owner(content, speaker, speakers)
    subject = re.match(r"(The \w+|It)\s", content) if attr.whole and speaker else None
    named = subject and content.lower().startswith((speaker or "").lower())  # "The team at X found": named already
    if subject and not named and _points(subject.group(1)) and not bodies.is_pointer(speaker or ""):
        content = capitalise(speaker or "") + content[subject.end(1) :]  # "The company reported …": Fresco did
    return content


def _points(words: str) -> bool:
    """ "The company reported …", "It reported …": a subject that stands for the body that spoke."""
    return words == "It" or bodies.is_pointer(words)


def _quoted(sentence: Sentence, attr: Attribution, part: Part) -> tuple[int, int]:
    """The quote's span: the whole sentence unless it was split; then the clause itself, where the sentence
    has it (content with a source taken out of its middle is not the sentence's own text from its offset)."""
    # "Temperatures could reach 33C …, the Met Office has said, as …": the statement's full stop is the tag's.
    span = part.span if part.span in sentence.text else part.span.rstrip(".")
    at = sentence.text.find(span, min(attr.content_offset + part.start, len(sentence.text)))
    if at < 0 or (part.start >= 0 and len(span) >= len(attr.content.rstrip(". ")) - 1 and not attr.then):
        return sentence.start, sentence.end
    return sentence.start + at, sentence.start + at + len(span)


def _quote_claim(attr: Attribution, speaker, reported_by, actors: Actors, published) -> tuple[str, str | None]:
    """The claim's words, and why a date in them was left as written (if one was)."""
    quotation = (attr.quotation or attr.content).strip().rstrip(",")
    who = capitalise(speaker or "an unnamed speaker")
    if not _indirect(attr):
        told = f" told {reported_by}" if reported_by else " said"
        return f"{who}{told}: “{quotation}”", None
    # An indirect statement carrying a partial quotation: keep the speaker's own verb.
    resolved = dates.resolve(actors.expand(attr.content), published)
    named = attr.speaker and attr.speaker in re.match(r"[^“\"]*", attr.content).group(0)
    if named:
        # "X, a cardiologist, called the study “robust” but said …": the sentence already names its speaker.
        return capitalise(closed(resolved.text)), resolved.reason
    return with_attribution(
        resolved.text, shown(speaker, attr.speaker), reported_by, attr.verb, actors
    ), resolved.reason


_RULINGS = {"ruled", "ordered", "decided", "directed", "determined"}
# "Under rules introduced in 2024, banks must assess …": what a rule requires, checkable against the rule.
_UNDER_RULES = re.compile(
    # "Under the Small Holdings and Allotments Act 1908", "Under the national GP contract": small words too.
    r"Under (?:the |new |current |its )?(?:[a-z]{3,15} )?(?:(?:[A-Z][\w’'()-]*|and|of|for) )*"
    r"(?:rules|laws?|regulations|legislation|Act|contract|code)\b"
)
_UNDER_LAW = re.compile(r"Under (?:the )?[A-Z][^,]{0,80}\b(?:Act|Regulations|Convention|Treaty)(?: \d{4})?,")
_SUBJECT_ASIDE = re.compile(r"(?:the|a|an|its|his|her|their|this|these|those)\s[^,“\"]{1,60},\s[^,“\"]{1,160},$")


def _indirect(attr: Attribution) -> bool:
    """An indirect statement carrying a partial quotation ("said arrears remained “very low”": the reporter's
    words before the mark, however few), not a quotation ("X said: “…”", "“…,” X said")."""
    if attr.quotation and attr.content.startswith(attr.quotation):
        return False  # the middle or end of a quotation that runs over several sentences: no words before it
    quotation = (attr.quotation or attr.content).strip().rstrip(",")
    introduced = re.search(r"[:,]\s*[“\"]" + re.escape(quotation[:20]), attr.content)  # "X said: “…”"
    lead = re.match(r"[^“\"]*", attr.content).group(0).strip()
    # "said the junction, where cyclists must cross, “presents a risk”": the comma closes an aside, not the lead.
    aside = _SUBJECT_ASIDE.match(lead)
    return bool(lead) and (bool(aside) or (not introduced and lead[-1] not in {":", ","}))


def _kind(content: str) -> ClaimKind:
    if drafting.numbers(content):
        return ClaimKind.quantity
    if checkworthy.has_date(content) or re.search(r"\b\w{3,}ed\b|\b(was|were|had|did)\b", content):
        return ClaimKind.event
    return ClaimKind.statement
