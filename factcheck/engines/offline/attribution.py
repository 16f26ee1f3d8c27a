"""Who asserts a sentence, and per whom: "according to X", "X told Y", "X reported that", quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.engines.offline import bodies, events, joined, openers, quotetags, reporting, subjects, tailtags
from factcheck.engines.offline.according import ACTOR, ANONYMITY, APPOSITIVE, according_to, clean, unnamed

_VERBS = (
    r"said|says|told|tells|added|adds|warned|warns|cautioned|cautions|wrote|writes|explained|noted|argued|claimed|"
    r"claims|stated|insisted|confirmed|confirms|announced|announces|reported|reports|tweeted|posted|"
    r"acknowledged|admitted|denied|testified|continued|replied|responded|asserted|"
    # What a document says: "The audit found that …", "a 2023 study concluded …".
    r"found|finds|concluded|concludes|showed|shows|estimated|estimates|determined"
)
_TOLD_THAT = re.compile(
    rf"^(?P<who>{ACTOR}{APPOSITIVE})\s+(?:also\s+|later\s+|previously\s+)?told\s+(?P<to>{ACTOR})\s+"
    rf"(?:on\s+\w+\s+)?that\s+(?P<rest>.+)$",
    re.S,
)
_SAID_THAT = re.compile(
    rf"^(?P<who>{ACTOR}{APPOSITIVE})\s+(?:also\s+|later\s+|previously\s+)?(?P<verb>{_VERBS}|claims?)\s+"
    # "said in a statement that", "said on Monday that": what comes between verb and "that" is not the claim.
    r"(?:(?:in\s+(?:a|an|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+){0,2},\s+(?:published|issued|released|sent|dated)\s+"
    r"[^,]{1,40},|in\s+(?:a|an|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+){0,5}?|to\s+reporters|on\s+social\s+media|"
    r"on\s+\w+(?:\s+(?:morning|"
    r"afternoon|evening|night))?|in\s+(?:dissent|response|reply|evidence|writing|testimony)|"
    r"(?:after|before|during|outside)\s+(?:the|a|an|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)\s+that\s+|"
    r"on\s+[A-Z]\w+\s+(?!(?:morning|afternoon|evening|night)\b)|that\s+)?(?P<rest>.+)$",
    re.S,
)
# No opening mark inside: a run of opening marks with no closing one is then refused at each mark
# at once, not scanned to the end from every one of them (quadratic).
_QUOTE = re.compile(r"[“\"](?P<q>[^“”\"]{3,})[”\"]")
# “…,” X said / “…,” said X / X said, “…” / X told Y, “…”
# A closing mark: a straight quote closes only after a word or punctuation, never after a space or at
# the start ('"Flint showed …," said Senator X' opens with one: "Flint" is not who said it).
_CLOSING = r"(?:”|(?<=\S)\")"
_TAG_AFTER = re.compile(
    rf"{_CLOSING}\s*(?:,\s*)?(?P<who>{ACTOR}|he|she){APPOSITIVE}\s+(?:also\s+|later\s+)?(?:{_VERBS})"
    rf"(?:\s+(?P<to>{ACTOR}))?\s*[.,]?",
)
# "…," said one resident: someone the story met, unnamed, by what they are.
_ONE_OF_US = (
    r"(?:resident|neighbour|witness|passenger|parent|shopper|fan|worker|customer|driver|local|onlooker|student|"
    r"teacher|nurse|patient|visitor|mother|father|woman|man|villager|commuter|holidaymaker|tenant)s?"
)
# "…," said county engineer Raj Patel: a lower-case title may come before the name.
_TAG_AFTER_INVERTED = re.compile(
    # "…," said Met Office meteorologist Tom Bramhall.: a body's name, a role, then the person ("fruit and
    # vegetable seller Maureen Quilter": a trade may take four words).
    rf"{_CLOSING}\s*(?:,\s*)?(?:{_VERBS})\s+(?P<who>(?:(?:[A-Z][\w’'&\-]{{0,30}}\s+){{0,3}}(?:[a-z][\w’'\-]{{0,30}}\s+){{0,3}}?"
    rf"|(?:[a-z][\w’'\-]{{0,30}}\s+){{4}})"
    rf"(?:{ACTOR}|{_ONE_OF_US}))\s*[.,]"
)
# "…," said a spokesperson for the shopworkers' union Usdaw.: whose spokesperson, in any words.
_TAG_SPOKESPERSON_FOR = re.compile(
    rf"{_CLOSING}\s*(?:,\s*)?(?:said|added)\s+(?P<who>(?:an?|the)\s+spokes(?:man|woman|person)\s+for\s+"
    r"[^,.“”\"]{2,80}?)\s*\.$"
)
# "…," said Brightside's chief operating officer, Helen Marsh.: a role first, the name after a comma.
_TAG_ROLE_THEN_NAME = re.compile(
    rf"{_CLOSING}\s*(?:,\s*)?(?:{_VERBS})\s+[^,“”\"]{{2,80}},\s+"
    r"(?P<who>[A-Z][\w’'.-]{1,30}(?:\s[A-Z][\w’'.-]{1,30}){1,3})\s*[.,]"
)
# 'Claim: "Potholes are the worst they've been for ten years." - Cllr Augusta Sadler, in a leaflet': a dash, then who.
_TAG_DASH = re.compile(
    rf"{_CLOSING}\s*[-–—]\s+(?P<who>[A-Z][\w’'.-]{{1,30}}(?:\s[A-Z][\w’'.-]{{1,30}}){{1,3}})\s*(?:[,.]|$)"
)
# A tag after a quotation, read or not: without one, an untagged quotation may carry on the last speaker's.
_ANY_TAG = re.compile(
    # Single separators: a run of spaces cannot be cut between them more than one way.
    rf"{_CLOSING},?\s?(?:[^\s“”\"]{{1,30}}\s){{0,6}}?(?:said|says|added|adds|told|wrote|explained|insisted)\b"
)
# "Two people familiar with the contract, who spoke on condition of anonymity, said …": the source is
# unnamed, whatever the description, and the claim must say so.
_ANONYMOUS_SOURCE = re.compile(
    rf"^(?P<who>(?:[Aa]n?|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Mm]ultiple|[Ss]ome|[Oo]ne)\s+[^,“\"]{{2,80}}?),\s+"
    rf"(?P<why>(?:who|because)\s[^“\"]{{2,200}}?),\s+(?:also\s+)?(?P<verb>{_VERBS})\s+(?:that\s+)?(?P<rest>.+)$",
    re.S,
)
_DOCUMENT = re.compile(
    r"^(the|a|an)\s+(\S+\s+){0,3}(audit|study|survey|analysis|review|investigation|inquiry|"
    r"memo|filing|lawsuit|complaint|records|data|documents|report)$",
    re.I,
)
_TAG_BEFORE = re.compile(
    rf"(?P<who>{ACTOR}){APPOSITIVE}\s+(?:also\s+|later\s+)?(?:{_VERBS})"
    rf"(?:\s+(?P<to>{ACTOR}))?\s*[,:]\s*[“\"]",
)
_ON_A_DAY = re.compile(
    r"^On (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?,"
)
_LEADING_CLAUSE = re.compile(
    # A dateline ("RIVERTON — ") or a discourse opener is not part of what is claimed.
    rf"^(?:{openers.DATELINE}|"
    r"(?:In response|Meanwhile|However|Also|Still|Then|Later|Separately|Earlier|Additionally|"
    r"Moreover|But|And|So|Yet|In addition|In a statement|On \w+),\s+|(?:Addressing|Asked about|"
    # "Opening the case at Bolton Crown Court on Monday, prosecutor X told …": the occasion, in court too.
    r"Speaking|Commenting on|Responding to|Opening|Closing|Summing up|Sentencing|Passing sentence|Giving evidence)"
    r"\s[^,]{3,120},\s+|(?:But|Yet)\s(?=[A-Za-z])|"
    # A fact-check's label before the claim it states: "The claim: A post shared … says …".
    r"(?:The\s)?[Cc]laim:\s|(?:Q|A):\s|"
    # Where the words were written: "In the memo, sent on Tuesday, chief executive X wrote that …".
    r"In\s(?:a|an|the|its|his|her|their)\s(?:[\w-]{1,20}\s){0,2}(?:memo|letter|email|e-mail|filing|post|"
    r"message|note|submission|interview|speech|video|decision|ruling|judgment|report)(?:\s[^,]{1,60})?,"
    r"(?:\s(?:[a-z]{2,15}ed|sent|written|seen|given|made|shown)\s[^,]{2,60},)?\s)"  # a participle, never a name
)
_QUOTED_AS = re.compile(
    r"^(?P<who>[^,“”\"]{2,60}(?:, [^,“”\"]{2,60},)?) was quoted by (?P<by>[^,“”\"]{2,60}?) as saying,? (?:that )?"
    r"(?P<rest>.+)$",
    re.S,
)
# "Among them was Ada Greel, a nurse, who said the trip used to take her an hour.": a person presented,
# then what they said; being among them is the setting, not a claim.
_PRESENTED_WHO_SAID = re.compile(
    r"^[^,“”\"]{2,80} (?:was|were|included|including) (?P<who>[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){1,2})"
    r"(?:, (?:a|an|the) [^,“”\"]{2,60},)? who (?:said|says) (?:that )?(?P<rest>[^“”\"]{10,400})$"
)
_OUTLET_PRONOUN = re.compile(r"\b(the outlet|the newspaper|the paper|the network)\b", re.I)


@dataclass
class Attribution:
    speaker: str | None
    reported_by: str | None
    # Where the asserted content starts inside the sentence, and the content itself.
    content: str
    content_offset: int
    quotation: str | None = None
    verb: str = "said"
    # The whole sentence is the claim, speaker and all ("The agency reported 2,911 cases …").
    whole: bool = False
    # A second statement by the same source: "…, according to X, which says 13,500 jobs have gone."
    also: str | None = None
    # A clause after the source in the reporter's own voice (according.py).
    then: str | None = None
    # What the speaker did before the verb of saying, in the reporter's voice (reporting.py).
    act: str | None = None

    @property
    def is_quote(self) -> bool:
        return self.quotation is not None


def attribute(sentence: str) -> Attribution:
    """Split a sentence into who asserts it and what is asserted. A body whose name lists with commas
    ("the Department for Environment, Food and Rural Affairs") is read with them masked, one for one,
    so no comma in it is taken for the end of a name and every offset stays the sentence's."""
    found = _attribute(masked := bodies.mask_listed_names(sentence))
    day = _ON_A_DAY.match(sentence)
    if day and not (found.speaker or found.reported_by or found.quotation):
        # "On Thursday, councillors will vote …": in the reporter's own voice the day is part of the claim.
        found = Attribution(None, None, sentence, 0)
    elif day and found.speaker and found.verb and not found.quotation and " on " not in found.verb:
        found.verb = f"{found.verb} on {day.group(0)[3:-1]}"  # "On Tuesday, the company said …": said on Tuesday
    for part in ("speaker", "reported_by", "content", "quotation", "also", "then", "act") if masked != sentence else ():
        if (words := getattr(found, part)) is not None:
            setattr(found, part, words.replace(bodies.MASK, ","))
    return found


def _attribute(sentence: str) -> Attribution:
    lead = _LEADING_CLAUSE.match(sentence)
    offset = lead.end() if lead else 0
    body = sentence[offset:]
    quote = _QUOTE.search(body)
    quoted = _tagged_quotation(body, offset, quote) if quote else None
    if quoted:
        return quoted
    if not quote and (running := _TAG_THEN_OPENED.match(body)) and (who := subjects.subject_name(running.group("who"))):
        # 'A source told the paper: "They've been living separate lives for months.': the mark closes later.
        start = running.start("q")
        return Attribution(who, None, body[start:], offset + start, quotation=running.group("q"), verb="said")
    opened = (body.startswith("“") and "”" not in body) or (body.startswith('"') and body.count('"') == 1)
    if not quote and opened:
        # A quotation running on over several sentences opens this one and closes in a later one:
        # whose words they are is the tracker's question (the speaker of the sentence before, or a person).
        return Attribution(speaker=None, reported_by=None, content=body, content_offset=offset, quotation=body[1:])

    reported_by, body, offset, also, then = according_to(body, offset)
    anonymous = _ANONYMOUS_SOURCE.match(body)
    if anonymous and ANONYMITY.search(anonymous.group("who") + " " + anonymous.group("why")):
        verb, rest = anonymous.group("verb"), anonymous.start("rest")
        told = reporting.listener(verb, " " + body[rest:])
        if told:  # "… who asked not to be named, told the review that …": the listener stays
            verb, rest = told[0], rest + told[1] - 1
        return Attribution(
            speaker=unnamed(anonymous.group("who")),
            reported_by=reported_by,
            content=body[rest:],
            content_offset=offset + rest,
            verb=verb,
        )
    quoted_as = _QUOTED_AS.match(body)
    if quoted_as and (who := subjects.subject_name(quoted_as.group("who"))):
        # "Its governor, Andrew Bailey, was quoted by the Financial Times as saying that …"
        by, rest = clean(quoted_as.group("by")), quoted_as.start("rest")
        return Attribution(who, reported_by or by, body[rest:], offset + rest, verb="was quoted as saying")
    if presented := _PRESENTED_WHO_SAID.match(body):
        rest = presented.start("rest")
        return Attribution(presented.group("who"), reported_by, body[rest:], offset + rest)
    speaker, reported_by, verb, body, offset, whole = _peel_reporting(body, offset, reported_by)
    if speaker is None and reported_by is None and (two := joined.statement_joined(body)):
        return Attribution(two.who, None, body[two.start :], offset + two.start, verb=two.verb, act=two.act)
    if speaker is None and reported_by is None:
        generic = _by_shape(body, offset)
        if generic:
            # "X told the Echo that the buyers had been “given every document”": a statement that
            # quotes a phrase, not a quotation.
            return generic
    quotation = quote.group("q").strip() if quote else None
    if speaker and not whole and not then and (own := _REPORTERS_PRESENT.match(body)):
        body, then = own.group("said"), own.group("then")  # "…, and the Cleddau Bridge is expected to close"
    return Attribution(speaker, reported_by, body, offset, quotation if speaker else None, verb, whole, also, then)


# "National Rail said operators would run reduced timetables, and the Cleddau Bridge is expected to close": a
# statement told in the past ("would", "had") and a named thing's present after it, which is the reporter's.
_REPORTERS_PRESENT = re.compile(
    r"^(?P<said>[^“”\";]{0,300}?\b(?:would|had|was|were)\b[^“”\";]{0,300}?),\sand\s"
    r"(?P<then>the\s[A-Z][\w’'-]{1,30}(?:\s[A-Z][\w’'-]{1,30}){0,4}(?:\s(?:in|at|on)\s[A-Z][\w’'-]{1,30})?"
    r"\s(?:is|are|remains|remain)\s[^“”\";]{5,300})$"
)


def _by_shape(body: str, offset: int) -> Attribution | None:
    """The generic reading of "Subject said …" and "…, the company said." (reporting.py)."""
    found = reporting.parse(body, offset)
    tagged = tailtags.tail_tag(body)
    # "Spain recorded its hottest day …, the weather agency said.": the tag says whose account the
    # sentence is; its subject's verb is what happened.
    # "At least 46 homes have been destroyed, X said at a briefing.": when the subject a parse found is
    # the closing tag's own speaker, the statement is before the tag, not the setting after it.
    # "A review found that the unit was understaffed, the trust said.": a finding the tag's speaker reports.
    # "Tickets sold out, said Fenella Drewitt, who chairs the society.": with the verb before its speaker,
    # a parse takes the statement for a subject and the speaker for what was said.
    if (
        found
        and tagged
        and (tagged[0] == found.speaker or found.verb in {"found", "finds", "showed", "shows"} or tagged.inverted)
    ):
        found = None
    if found and not (found.whole and tagged):
        document = bodies.looks_like_outlet(found.speaker) or _DOCUMENT.match(found.speaker)
        # "said in a statement outside court: “…”": what follows the colon is a quotation, not a statement.
        quoted = _QUOTE.match(found.content)
        whole_quote = quoted and found.content.rstrip(" .")[quoted.end() :] == ""
        quotation = quoted.group("q").strip() if quoted and whole_quote else None
        if found.content[:1] in '“"' and not quoted:
            quotation = found.content[1:].strip()  # 'said: "Your liver …' runs on into the next sentence
        return Attribution(
            speaker=None if document else found.speaker,
            reported_by=found.speaker if document else None,
            content=found.content,
            content_offset=found.content_offset,
            quotation=quotation,
            verb=found.verb,
            whole=found.whole,
            act=found.act,
        )
    argued = None if tagged else quotetags.participle(body)
    if argued:
        # The sentence stays whole: "rejected the offer, saying that it …" needs its first half to be read.
        return Attribution(speaker=argued, reported_by=None, content=body, content_offset=offset, whole=True)
    if tagged:
        who = unnamed(tagged.who) if ANONYMITY.search(tagged.who) else tagged.who
        document = bodies.looks_like_outlet(who) or _DOCUMENT.match(who) or tagged.citing
        return Attribution(
            speaker=tagged.citing if document else who,
            reported_by=who if document else None,
            content=tagged.content,
            content_offset=offset,
            verb=tagged.verb,
            then=tagged.then,
        )
    return None


def has_tag(sentence: str) -> bool:
    """Whether a quotation in ``sentence`` is followed by a tag naming who spoke, read or not."""
    return bool(_ANY_TAG.search(sentence))


# ', the commissioners said.' closing a sentence straight after a phrase it quotes.
_PHRASE_THEN_TAG = re.compile(rf",\s+(?:[^\s,“”\"]+\s){{1,6}}(?:{_VERBS})\.?\s*$")


def _tagged_quotation(body: str, offset: int, quote: re.Match) -> Attribution | None:
    """A quotation with its speaker's tag ("…," she said), or one that is most of the sentence."""
    speaker = to = None
    content = body
    for rx in (_TAG_BEFORE, _TAG_AFTER, _TAG_SPOKESPERSON_FOR, _TAG_ROLE_THEN_NAME, _TAG_AFTER_INVERTED, _TAG_DASH):
        m = rx.search(body)
        if m:
            speaker = clean(m.group("who"))
            to = clean(m.groupdict().get("to"))
            lead = body[: quote.start()].rstrip()
            inverted = rx is _TAG_AFTER_INVERTED and re.fullmatch(
                r"(?:,? (?:a|an|the) [^,.;“”\"]{2,80})?\.?", body[m.end() - 1 :]
            )
            if ((rx is _TAG_AFTER and not body[m.end() :].strip()) or inverted) and lead and lead[-1] not in ":,":
                # 'He would charge them for work that was "at best unnecessary", she said.' (or '…, said X, a
                # nurse.'): the tag is not part of the statement that quotes the phrase.
                content = body[: m.start() + 1] + "."
            break
    if speaker is None and (speaker := quotetags.quotation_speaker(body)):
        lead = body[: quote.start()].rstrip()
        if lead and lead[-1] not in ":," and _PHRASE_THEN_TAG.match(body, quote.end()):
            content = body[: quote.end()] + "."  # 'A contract would be signed "within weeks", the commissioners said.'
    said = None if speaker else _SAID_THAT.match(body[: quote.start()])
    if said and said.group("rest").strip():
        return None  # 'Judge X said Pryce had made "a deliberate choice …"': a statement that quotes a phrase
    if not (speaker or len(quote.group("q")) >= 0.6 * len(body)):
        return None
    return Attribution(
        speaker=speaker,
        reported_by=to if to and bodies.looks_like_outlet(to) else None,
        content=content,
        content_offset=offset,
        quotation=quote.group("q").strip(),
    )


def _peel_reporting(
    body: str, offset: int, reported_by: str | None
) -> tuple[str | None, str | None, str, str, int, bool]:
    """ "X reported that sources … told the outlet that …": peel layers, outermost first.
    Returns (speaker, reported_by, verb, what is asserted, its offset, whether that is the whole sentence)."""
    speaker, verb = None, "said"
    for _ in range(2):
        m = _TOLD_THAT.match(body)
        if m:
            who, to = clean(m.group("who")), clean(m.group("to"))
            if to and _OUTLET_PRONOUN.fullmatch(to) and reported_by:
                to = reported_by
            if reported_by is None and to and bodies.looks_like_outlet(to):
                reported_by = to
            elif to and not speaker:
                verb = reporting.told_verb("told", to)  # "told reporters that": the listener stays
            speaker = speaker or who
            offset += m.start("rest")
            body = m.group("rest")
            continue
        m = _SAID_THAT.match(body)
        if m and m.group("verb") in {"told", "tells"}:
            break  # "told the court that": who was told is read by the generic parse, not taken as the claim
        bare = m and not re.search(r"\bthat\s+$", body[: m.start("rest")])
        said, rest = (m.group("verb"), m.group("rest")) if m else ("", "")
        if bare and (
            reporting.needs_that(said, m.group("who"), rest)
            or _PLACE_AFTER.match(rest)
            or events.counted_object(said, rest)
            or events.notice_given(said, rest)
            or events.life_event(said, rest)
            or reporting.an_object(said, rest)
        ):
            # "X denied the charges", "Videos posted on social media showed …": no statement; the reporter's sentence.
            break
        if m:
            who = clean(m.group("who"))
            noun = m.group("verb") == "claim" and (who or "").endswith(("'s", "’s"))  # "An MP's claim that"
            if noun or events.came_upon(m.group("verb"), who or "") or subjects.points_back(who or ""):
                break  # "Police found 600 cannabis plants": what officers came upon; "Two said": two of whom?
            # "Engineers found corrosion …, the council said": the tag at its end says whose account it is.
            tagged = tailtags.tail_tag(body) if m.group("verb") in reporting.OBJECT_VERBS else None
            if tagged and tagged.who != who:
                break
            if m.group("verb") in reporting.OBJECT_VERBS and not re.search(r"\bthat\s+$", body[: m.start("rest")]):
                # "The agency reported 2,911 cases": what it reported is the object, the claim the sentence.
                document = bodies.looks_like_outlet(who) or _DOCUMENT.match(who or "")
                if document:
                    return speaker, reported_by or who, m.group("verb"), body, offset, True
                return speaker or who, reported_by, m.group("verb"), body, offset, True
            if m.group("verb").startswith("report") or bodies.looks_like_outlet(who) or _DOCUMENT.match(who or ""):
                reported_by = reported_by or who
            else:
                speaker = speaker or who
                verb = reporting.with_day(m.group("verb"), body[m.end("verb") : m.start("rest")])
            offset += m.start("rest")
            body = m.group("rest")
            continue
        break
    return speaker, reported_by, verb, body, offset, False


# 'A source told the paper: "They've been living separate lives for months.': a tag, a colon, and a quotation
# whose closing mark comes in a later sentence.
_TAG_THEN_OPENED = re.compile(
    r"^(?P<who>[^“”\":]{2,120}?) (?:said|says|added|told (?:the|a|an|its|his|her|their) [\w-]{2,20}):\s*[“\"]"
    r"(?P<q>[^“”\"]{3,})$"
)

# "said on …", "warned of a storm surge": a place or a topic, never the statement itself.
_PLACE_AFTER = re.compile(r"(?:on|in|at|to|from|by|for|with|of|online|across)\s")
