"""Tags that close a statement: "Sales rose 3 percent, the company said.", "…, official preliminary
results showed.", "Temperatures reached 24C, he said, well above …". The speaker comes after what they
said; the tag is peeled off, and when and where it was said stays with the verb."""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.engines.offline import events
from factcheck.engines.offline.reporting import PRESS
from factcheck.engines.offline.subjects import subject_name

# "Sales rose 3 percent, the company said." / "Temperatures reached 24C, he said, well above …"
_TAIL_TAG = re.compile(
    # "…, the railroad, Great Lakes Southern, said": a role, then the name between commas.
    # "a study of 6,400 pupils": a thousands comma is part of the name, not its end.
    r", (?P<who>(?:[^\s,“”\"]|(?<=\d),(?=\d{3})){1,30}(?: (?:[^\s,“”\"]|(?<=\d),(?=\d{3})){1,30}){0,13}?"
    r"|(?:the|its|their|his|her|a|an) [^\s,“”\"]{1,30}(?: [^\s,“”\"]{1,30}){0,5}, "
    # "…, the agency, known as Basarnas, said": the name it goes by ("the pier's owners, the Kelsea Pier Trust,").
    r"(?:(?:also )?known as |called |the )?[A-Z][^\s,“”\"]{0,30}(?: [^\s,“”\"]{1,30}){0,4},"
    # "…, the study, published in the journal Sleep Health, found": the study, with where it appeared.
    r"|(?:the|its|their|a|an) [^\s,“”\"]{1,30}(?: [^\s,“”\"]{1,30}){0,3}, (?:published|carried out|led|funded|"
    r"commissioned) [^,“”\"]{3,80},)"
    r" (?:also |have |has )?"
    r"(?P<verb>said|says|say|added|adds|reported|reports|noted|notes|estimated|estimates|warned|warns|cautioned|found|finds|"
    # "…, police believe.": an inquiry's working account (never "…, many fans believe.").
    r"show|showed|shows|have shown|has shown|concluded|announced|confirmed|ruled|was told|were told|wrote|writes|"
    r"heard|suggests|suggest|believe|has decided|have decided|"
    # "…, the Argus understands.": a paper's own reporting (never "…, the firm understands.").
    r"understands|"
    # "…, the organisers have admitted.": an admission is a statement in the admitter's name.
    r"admitted|admits|admit|acknowledged|conceded|"
    # "survivors told aid workers from the charity Mediterranea": the listener may take six words.
    r"told(?: [^\s,.]{1,30}){1,6}?)"
    # "said Thursday", "said on Monday", "said in a news release": when and how, kept with the verb.
    # "the team wrote in the journal Nature Astronomy": where it was written stays with the verb too.
    # "said in draft guidance published on Thursday": the document it was said in, and when.
    r"(?P<when>(?: in (?:a|an|its|his|her|their|draft|new|final|updated) [\w-]+(?: [\w-]+){0,2}?"
    # "said in its annual report, published on Wednesday": the report's day, with its comma.
    r"(?:,? published on [A-Z]\w+| to (?:its|the|a) [\w-]+(?: [\w-]+)?)?"
    # "reported in the European Heart Journal": a journal named without the word "journal" before it;
    # "in the Journal of Insect Ecology": with its small words.
    r"| in the (?:journal )?[A-Z][\w-]*(?: (?:of (?:the )?|and |for )?[A-Z][\w-]*){0,4})?"
    r"(?: (?:on )?[A-Z]\w+day(?: morning| afternoon| evening| night)?| on \w+| in (?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)| (?:last|this) (?:week|month|year)| in \d{4})?"
    # "the returning officer announced shortly after 1am": the hour stays with the verb.
    r"(?: (?:shortly |just )?(?:after|before|at) (?:\d{1,2}(?:[.:]\d{2})? ?(?:am|pm|a\.m|p\.m)|midnight|midday|noon))?"
    # "announced on Tuesday ahead of the Budget.": the occasion stays with the verb too.
    # "said after the sale in London on Wednesday evening": where and when the occasion was, too.
    r"(?: (?:ahead of|before|after|during|at) (?:the|a|an|its|his|her|their) [\w-]+(?: [\w-]+){0,3}?"
    r"(?: in [A-Z][\w-]*)?(?: on [A-Z]\w+day(?: morning| afternoon| evening| night)?)?)?)"
    # The closing mark is looked at, not taken: ", with two violations reported, monitors said." has a
    # false tag ("… reported,") whose comma the real one begins with.
    # "…, the team reported in the journal X [2].": a numbered reference mark after the tag is the page's, not its.
    r"(?: ?\[\d{1,3}\])? ?(?=(?P<end>[.,]))"
)


# "…, the Met Office has said, as the UK Health Security Agency issued an alert": a second event in the
# reporter's voice, never the speaker's ("as the UKHSA" names its own subject).
_ADDED = re.compile(r"^(?:as|while) (?P<then>(?:the )?[A-Z][^,;“”\"]{10,200})$")


# "SPF 30 blocks about 97% of UVB rays, said Dr Amara Osei, a consultant dermatologist at X.": the verb
# first, then the name, then who they are.
_INVERTED = re.compile(
    # "…, said its founder, Imelda Stannage.": who they are first, then the name between commas.
    r", (?P<verb>said|says|added) (?:(?:its|their|his|her|the) [a-z][\w’'-]{1,30}(?: [a-z][\w’'-]{1,30}){0,2}, )?"
    r"(?P<who>(?:[a-z][\w’'-]{0,30} ){0,3}[A-Z][\w’'.-]{0,30}(?: [A-Z][\w’'.-]{0,30}){1,3})"
    # "…, said Dr Neil Bleasdale of Fittock Observatory.": where they work, after the name.
    r"(?:,? of (?:the )?[A-Z][\w’'&-]{0,30}(?: (?:[A-Z][\w’'&-]{0,30}|of|and|for)){0,5})?"
    r"(?:, (?:a|an|the|who) [^,.;“”\"]{2,120})?\.$"
)


class Tagged(NamedTuple):
    who: str
    verb: str
    content: str  # the statement without its tag
    # "…, the Met Office has said, as the UKHSA issued an alert": what the reporter adds after the tag.
    then: str | None = None
    # "…, the Financial Times reported, citing three people familiar with the talks": the tag's own source.
    citing: str | None = None
    inverted: bool = False  # "…, said Dr Amara Osei.": the verb before its speaker


def tail_tag(body: str) -> Tagged | None:
    """The speaker, verb and statement of a statement whose speaker follows it."""
    if body.lstrip()[:1] in ("“", '"'):
        return None  # a quotation: its tag is read with it (attribution.py)
    inverted = _INVERTED.search(body)
    # '… was "devastating", said Ivo Hale.': a word or two quoted is still the reporter's sentence, not a quotation.
    before = body[: inverted.start()].rstrip() if inverted else ""
    quoted = before[max(before.rfind("“"), before.rfind('"', 0, len(before) - 1)) + 1 : -1]
    after_quote = inverted and before[-1:] in ("”", '"') and len(quoted.split()) > 3
    if inverted and inverted.start() >= 15 and not after_quote and (who := subject_name(inverted.group("who"))):
        return Tagged(who, inverted.group("verb"), body[: inverted.start()].rstrip(".") + ".", inverted=True)
    for m in _TAIL_TAG.finditer(body):
        who = subject_name(_DESCRIBED.sub(r"\1", _WHICH_RUNS.sub(r"\1", m.group("who"))))
        # A phrase quoted inside the statement is still the statement: 'will go to a "lucky loser" from
        # qualifying, the club said'; a tag straight after a closing mark is a quotation's.
        after = body[m.end() + 1 :].strip()
        # "The quarry, the company said, would have closed": a tag inside its sentence may follow a short subject.
        inside = m.group("end") == "," and bool(after)
        if who is None or m.start() < (6 if inside else 15) or body[: m.start()].rstrip()[-1:] in ("”", '"'):
            continue
        if m.group("verb").endswith(" told") and not _HEARING.search(who):
            return None  # "…, staff were told on Thursday.": who heard it, never who said it
        if (m.group("verb") == "believe" and not events.INQUIRERS.match(who)) or (
            m.group("verb") == "understands" and not PRESS.search(who)
        ):
            return None
        if m.group("end") == "." and after:
            continue  # the tag must close the sentence, or be followed by more of it after a comma
        stop = "" if body[: m.start()].endswith(".") else "."  # "shortly after 10 a.m., X said": one full stop
        added = _ADDED.match(after)
        citing = _CITING.match(after)
        closes = m.group("end") == "." or not after or added or citing
        # "The quarry, …, would have closed": the subject and its verb join again with no comma between.
        joined = " " if _VERB_NEXT.match(after) else ", "
        content = body[: m.start()] + (stop if closes else joined + after)
        # "told investors on Monday": the listener and the day stay with the verb, so the claim never
        # reads "Tesco told that …" and loses no date.
        verb = " ".join(m.group("verb").split()) + (m.group("when") or "")
        return Tagged(who, verb, content, added.group("then") if added else None, citing and citing.group(1))
    return None


# "…, the trust that runs it has confirmed", "the charity that runs the beach patrols said": the body,
# without what the clause says it does.
_WHICH_RUNS = re.compile(
    # "…, volunteers who run it said": people, by what they run.
    r"^((?:the|a|an) [a-z-]+|[a-z-]+s) (?:that|which|who) (?:runs?|owns?|operates?|manages?|organises|organizes|built|"
    r"owned|ran) "
    r"(?:it|them|the [a-z-]+(?: [a-z-]+){0,2})$"
)
_DESCRIBED = re.compile(r"^((?:the|its|their|a|an) [^,]{1,60}), (?:published|carried out|led|funded|commissioned) .+,$")
_VERB_NEXT = re.compile(
    r"(?:would|will|could|can|may|might|must|should|was|were|is|are|has|have|had|did|does|do|cost|costs|rose|fell)\b"
)
# "…, the court was told", "the inquest was told": a hearing's account, as "the court heard" is.
_HEARING = re.compile(
    r"\b(?:court|hearing|inquest|tribunal|jury|jurors|inquiry|committee|trial|magistrates|MPs|councillors|peers|"
    r"conference|meeting)\b",
    re.I,
)
_CITING = re.compile(r"^citing ([^,;:“”\"]{3,120}?)\.?$")
