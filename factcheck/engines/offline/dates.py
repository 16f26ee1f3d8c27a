"""Relative dates ("last week", "on Sunday") made absolute against the article's publication date,
only when the words leave no doubt; otherwise they stay as written and the claim says so.

The rules, as news writing uses day names (wire style: a day name means within a week of the dateline):
- "on Tuesday" in an article dated Tuesday is that same day; "last Tuesday" is the week before and
  "next Tuesday" the week after.
- Any other day name is the nearest one *before* the publication date when its clause speaks of the
  past ("said", "was", "opened"), the nearest one *after* it when the clause speaks of the future
  ("will", "is due to", "plans to"), and is left as written, flagged for a person, when the clause
  says neither or both.
- "yesterday", "today" and last, this or next week, month or year always resolve; "December last
  year" becomes "December 2024" and "last year's vote" 2024's, but "next year's budget" (a financial
  year, which may straddle two) stays as written. "Last week's vote" stays as written, with the week named for a
  person. Owned or counted from something else ("over the last year", "her next week in office", "the next year"),
  they are not the dateline's and stay as written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
# What runs by financial years, which straddle calendar ones: "next year's budget" is not plainly 2026's.
_FISCAL = re.compile(r" (?:budgets?|accounts|spending|finances|financial|fiscal|tax|deficit|settlement)\b", re.I)
# "admissions this winter reached twice last year's number": last winter's, which a year's name misstates.
_ACROSS_NEW_YEAR = re.compile(r"\bthis (?:winter|season)\b", re.I)
# After a preposition a relative date takes no "in": "since yesterday", "ahead of last year", "down on last year".
_PREPOSITION = re.compile(r"(?i)\b(?:of|since|from|until|till|by|for|to|before|after|over|during|on) (?:at least )?$")
_RELATIVE = re.compile(
    rf"\b(?P<phrase>(?P<month>{_MONTHS})\s+(?P<mrel>last|this|next)\s+year|yesterday|today|"
    rf"(?P<rel>last|this|next)\s+(?P<span>week|month|year)|(?P<srel>last|this|next)\s+(?P<season>spring|summer|autumn)|"
    # "in the early hours of Sunday", "on the night of Friday": the day keeps the words before it.
    rf"(?P<lead>on|last|next|this\s+past|this\s+coming|(?P<of>hours|morning|afternoon|evening|night)\s+of)"
    # "on Friday night, 20 months after": the part of the day is its; "on Sunday afternoons": no one date.
    rf"\s+(?P<wd>{_DAY}){_PART}(?!s\b|\s+(?:morning|afternoon|evening|night)s?\b)"
    # "closed on Tuesday and Wednesday": the second day is the next of its name after the first.
    rf"(?:\s+and\s+(?P<wd2>{_DAY})\b(?![’']s|\s+(?:morning|afternoon|evening|night)))?"
    # "on Wednesday last week": the week is the day's, one date, not two.
    rf"(?:\s+(?P<week>last|next)\s+week)?)\b"
    # Already followed by a date ("on Friday, March 14", "Friday 14 March"): leave it. "…, 20 months after": not one.
    rf"(?!,?\s+(?:(?:{_MONTHS}|the)\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})|\d{{1,2}}(?:st|nd|rd|th)\b|\d{{4}}\b))",
    re.I,
)
_FUTURE = re.compile(
    r"\b(will|won[’']t|shall|is\s+(?:due|set|scheduled|expected|planning|going)\s+to|are\s+(?:due|set|scheduled|"
    r"expected|planning|going)\s+to|plans?\s+to|intends?\s+to|is\s+to|are\s+to|would|"
    # "during a planned software upgrade", "six months later than planned": a plan described, no time ahead.
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bthan\s)(?:expected|forecast|predicts|due|scheduled|planned)|set\s+to|"
    # "The Met Office forecasts clear skies on Friday" (never "beating forecasts as …": a noun).
    r"(?<!beating\s)(?<!beat\s)(?<!missed\s)(?<!than\s)forecasts(?=\s[a-z])(?!\s(?:as|for|of|and|by|from|were|was|had|"
    r"have|show|showed)\b)|"
    # "Tickets go on sale on Friday", "The trial opens on Monday": a timetable's present is ahead.
    r"go(?:es)?\s+on\s+sale|opens|begins|starts|kicks\s+off|takes\s+place|take(?:s)?\s+effect|"
    # "drivers were warned to expect further disruption on Wednesday": what they were told to expect is ahead.
    r"upcoming|next|to\s+expect|expects?)\b",
    re.I,
)
# "The Grand reopens on Saturday", "The exhibition closes on Sunday": a timetable's present is ahead.
_TIMETABLE = re.compile(r"(?:re)?opens|closes|begins|starts|resumes|ends|finishes|launches|returns")
_PAST_WORDS = (
    r"said|told|was|were|had|did|went|came|met|won|lost|held|upheld|began|fell|rose|found|made|took|gave|saw|"
    r"left|sent|sold|paid|built|spent|led|ran|shut|struck|wrote|spoke|broke|chose|drove|stole|drew|grew|threw|"
    r"flew|knew|withdrew|overthrew|bought|brought|caught|fought|taught|thought|sought|kept|slept|swept|lent|"
    r"meant|became|overcame|got|forgot|hit|quit|died|fled|bled|heard|sat|stood|understood|felt|rang|sank|fed|"
    r"dealt|hung|laid|shot|shook|woke|rode|froze|beat|cut|put|hurt|spread|split|shed|upset|burst|tore|wore|swore|"
    r"bore|swam|sprang|strode|slid|spun|dug|clung|flung|swung|wept|crept|leapt|dove|used|owed|sped|bred|\w{3,}ed"
)
_PAST = re.compile(rf"\b({_PAST_WORDS})\b", re.I)
# "will be closed", "will cut", "to beat": a verb after a modal or "to" is no past tense, whatever its ending.
_AFTER_MODAL = re.compile(
    r"\b(?:will|shall|would|to|can|could|may|might|must|should|won[’']t)\s+(?:not\s+)?(?:be\s+)?[a-z]+", re.I
)
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# "a premium to its closing share price on Tuesday": a market that has closed, whatever the sentence's tense.
_CLOSED = re.compile(r"\b(?:closing|opening|close|open)\s+(?:(?:share|stock)\s+)?(?:price|level|value)\s+$", re.I)
_PERIOD_START = re.compile(
    r"\b(?:from|between|until|till)\s+(?:\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)\s+)?$", re.I
)
_DEADLINE = re.compile(r"\bby(?:\s\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)|\snoon|\smidnight)?\s(?:on\s)?$", re.I)
_ASKED = re.compile(r"\b(?:asked|told|ordered|urged|instructed|required)\b[^.;]{0,80}?\bto\s", re.I)
_ASKED_ON = re.compile(rf"\bon\s({_DAY})\b[^.;]{{0,60}}?\b(?:asked|told|ordered|urged|instructed|required)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ne|lt|pt|ght)\b", re.I)
# "a privately built lander": a participle describing a noun has no tense ("-ed by" is left: "MPs voted by 314").
# "a reduced timetable", "the first named storm", "on exposed coasts": after an article or preposition, no tense.
_PARTICIPLE = re.compile(
    r"\b(?:privately|publicly|state|locally|jointly|family|newly)[ -](?:built|owned|run|funded|backed|made|elected)\b"
    r"|(?<![\w-])(?:a|an|the|on|in|at|of|for|with|from)\s(?:(?:first|second|next|last)\s)?[a-z]{2,}ed\b"
)
_AFTER_IT_WAS_DONE = re.compile(
    r"\bafter\s(?:the\s|its\s|a\s)?(?:[\w’'-]{1,30}\s){1,4}?[a-z]{3,}ed\s[^,;.“”\"]{1,60}\s$"
)
_DONE_BY = re.compile(  # "under plans approved by councillors on Thursday": with or without its comma
    r"(?:,|\sunder\s(?:the\s)?(?:plans|rules|proposals))\s(?:(?:under|in)(?:\s[a-z]{1,20}){1,3}?\s)?(?:[a-z]{3,}ly\s)?"
    r"[a-z]{3,}ed\sby\s[^,;.“”\"]{1,60}\s$"
)
_WHAT_IT_WILL_DO = re.compile(r"(?:will|would)\s[a-z]+\b")
_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]{0,30}(?:\s[A-Z][\w’'-]{0,30})+")
# "Tickets go on sale on Friday, priced from £45": a participle after a comma describes; it tells no time.
_PRICED = re.compile(r", [a-z]{3,}ed (?:from|at|by|in|to|for|between)\b")
# "can claim a refund …, or use them on Thursday": no tense to read ("before he could be brought out": past).
_MODAL = re.compile(
    r"\b(?<!before (?:he|it) )(?<!before she )(?:could|may|might|can|cannot|can[’']t|must|should)\b", re.I
)

# Wire style: "said Thursday", "were evacuated Sunday": a day straight after a past verb (not "won Sunday's").
_DAY_OF_YEAR = re.compile(
    rf"\b(?P<day>(?:{_MONTHS}) \d{{1,2}}|\d{{1,2}} (?:{_MONTHS})) (?P<rel>last|this|next) year\b(?![’']s)"
)


def _day_of_year(m: re.Match, published: date) -> str:
    before = m.string[: m.start()]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return m.group(0)  # a quotation is never reworded
    year = published.year + {"last": -1, "next": 1}.get(m.group("rel"), 0)
    return f"{m.group('day')}, {year}" if m.group("day")[0].isalpha() else f"{m.group('day')} {year}"


_BARE_DAY = re.compile(rf"\b(?P<verb>{_PAST_WORDS}|says|told (?!on\b)\w+) (?P<day>(?:{_DAY.title()}))\b(?![’']s)")
# The word before "on Friday", unless passive or future ("will be announced"); "was confirmed there": an adverb too.
_VERB_BEFORE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bwill )(?<!\bto )\b(?P<verb>[a-z]+) "
    r"(?:(?:there|here|again|also|first|officially|early|late) )?$"
)


@dataclass
class Resolved:
    text: str
    # The day names left as written because the tense does not say which week they mean.
    unsure: list[str] = field(default_factory=list)
    # Dates left as written that a person can still be told: "“last week's” is the week of May 5, 2025".
    meant: list[tuple[str, str]] = field(default_factory=list)

    @property
    def reason(self) -> str | None:
        reasons = [f"“{words}” is {when}." for words, when in self.meant]
        if self.unsure:
            words = ", ".join(f"“{u}”" for u in self.unsure)
            reasons.insert(
                0, f"Left {words} as written: the sentence does not say whether the day before or after publication."
            )
        return " ".join(reasons) or None


# "Last month was …", "last year saw …": a span followed by its verb is the subject; it opens the text or "that …".
_SUBJECT_VERB = re.compile(r" (?:was|were|is|saw|brought|became|had|has been|marked)\b")
_OPENS = re.compile(r"(?:^|\bthat )[“\"]?$")
# "the last year" is the past twelve months and "her next week" hers: neither counts from the dateline.
_OWNED = re.compile(r"\b(?:the|its|his|her|their|our|my|your|a|an|every|each)\s$", re.I)


def _span(published: date, rel: str, span: str, possessive: bool) -> str | None:
    """ "last year", "next month", "this week" against the publication date: "in 2024", "in December
    2025", "in the week of …"; "2024" alone before "'s" ("last year's vote": 2024's vote). None for a
    week before "'s", which has no clean rewrite ("in the week of May 5's vote")."""
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if span == "year":
        return str(published.year + step) if possessive else f"in {published.year + step}"
    if span == "month":
        index = published.year * 12 + published.month - 1 + step
        named = f"{date(index // 12, index % 12 + 1, 1):%B} {index // 12}"
        return named if possessive else f"in {named}"
    return None if possessive else f"in the week of {_long(_monday(published, rel))}"


def _monday(published: date, rel: str) -> date:
    step = {"last": -1, "this": 0, "next": 1}[rel]
    return published - timedelta(days=published.weekday() - 7 * step)


def _long(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def _day_name(published: date, weekday: int, lead: str, clause: str, before: str) -> date | None:
    """Which date a day name means, or None when the words do not say."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    lead = " ".join(lead.lower().split())
    if lead == "last" or lead == "this past":
        return published - timedelta(days=back or 7)
    if lead == "next" or lead == "this coming":
        return published + timedelta(days=ahead or 7)
    if back == 0:
        return published
    if _DEADLINE.search(before) and _ASKED.search(clause):
        # "announced … on Saturday and asked everyone to leave by 8pm on Sunday": a deadline is the first such
        # day after the asking (a day named in the past); with no day for the asking, which week is a guess.
        asked = _ASKED_ON.search(clause)
        if not asked:
            return None
        on = published - timedelta(days=(published.weekday() - _WEEKDAYS.index(asked.group(1).lower())) % 7)
        return on + timedelta(days=(weekday - on.weekday()) % 7 or 7)
    if _CLOSED.search(before):
        return published - timedelta(days=back)  # "a premium to its closing price on Friday": a market that closed
    if _DONE_BY.search(before) or _AFTER_IT_WAS_DONE.search(before):
        # "Under the plan, approved by the cabinet on Wednesday, …", "…, after the committee approved …": the act's day.
        return published - timedelta(days=back)
    # "their boards announced on Friday": the verb the day hangs on settles it, whatever else the clause says.
    verb = _VERB_BEFORE.search(before)
    if verb and _PAST.fullmatch(verb.group("verb")) and not _FUTURE.fullmatch(verb.group("verb")):
        return published - timedelta(days=back)
    if verb and _TIMETABLE.fullmatch(verb.group("verb")):
        return published + timedelta(days=ahead)  # "reopens on Saturday after a restoration that has brought …"
    # "is expected on Sunday": a future -ed word is no past tense, nor a future passive's ("will be closed").
    future = bool(_FUTURE.search(clause))
    described = _PARTICIPLE.sub("", _PRICED.sub("", clause))  # "…, priced from £45": no tense of its own
    described = _NAME_RUN.sub("", described)  # "The Met Office forecasts …": a name's words have no tense
    past = bool(_PAST.search(_FUTURE.sub("", _AFTER_MODAL.sub("", described))))
    if _MODAL.search(clause) and not future:
        return None  # "gusts could reach 100mph on Friday" may be this Friday; "could not attend", last
    if future and not past:
        return published + timedelta(days=ahead)
    if _PERIOD_START.search(before) and _PERFECT.search(clause):
        return None  # "has issued a warning from 6am on Saturday" (or "until"): issued already, for a time to come
    if past and not future:
        return published - timedelta(days=back)
    return None


def resolve(text: str, published: date | None, *, last_week: bool = False) -> Resolved:
    """Rewrite relative dates; without a publication date the text is returned unchanged. ``last_week``: the
    sentences before tell of last week ("during last week's heatwave"), so a past day name may be its."""
    if published is None:
        return Resolved(text)
    unsure: list[str] = []
    meant: list[tuple[str, str]] = []
    text = _BARE_DAY.sub(r"\g<verb> on \g<day>", text)
    # "on September 18 last year": the year joins the day it belongs to ("September 18, 2025").
    text = _DAY_OF_YEAR.sub(lambda m: _day_of_year(m, published), text)

    def repl(m: re.Match) -> str:
        phrase = m.group("phrase")
        low = " ".join(phrase.lower().split())
        if _OWNED.search(text, max(0, m.start() - 12), m.start()) and re.match(r"(?:last|next|this)\b", low):
            return phrase  # "over the last year", "his last week in office": counted from something else
        if m.group("month"):
            year = published.year + {"last": -1, "next": 1}.get(m.group("mrel").lower(), 0)
            return f"{m.group('month')} {year}"
        if m.group("wd"):
            return _weekday(m, text, published, unsure, last_week)
        if (
            low in {"yesterday", "today"}
            and phrase[0].isupper()
            and not text[m.end() :].startswith(",")  # "Today, the agency announced …" is a day
            and text[: m.start()].rstrip()[-1:] not in {"", ".", "“", '"'}
        ):
            return phrase  # "BBC Radio 4's Today programme", "USA Today": a name, not a day
        if low in {"yesterday", "today"}:
            return f"on {_long(published - timedelta(days=int(low == 'yesterday')))}"
        if m.group("season"):
            return _season(m, text, published, meant)
        if m.group("span"):
            # "Last month was the warmest March": the span as the subject is named bare, like "last year's".
            subject = _SUBJECT_VERB.match(text, m.end()) and _OPENS.search(text[: m.start()])
            possessive = text[m.end() : m.end() + 2] in {"'s", "’s"} or bool(subject)
            rel, span = m.group("rel").lower(), m.group("span").lower()
            if possessive and span == "year" and _FISCAL.match(text, m.end() + 2):
                return phrase  # "next year's budget" in March may be 2025-26's: the words say which
            if possessive and span == "year" and _ACROSS_NEW_YEAR.search(text):
                return phrase
            named = _span(published, rel, span, possessive)
            if named is None:  # "last week's vote": no clean rewrite, but the week can still be named
                meant.append((phrase + text[m.end() : m.end() + 2], f"the week of {_long(_monday(published, rel))}"))
            return named or phrase
        return phrase

    def keep_case(m: re.Match) -> str:
        before = text[: m.start()]
        # 'called it "the best I've seen this year"': a quotation is never reworded; "Fifty years ago this week": then.
        if before.count("“") > before.count("”") or before.count('"') % 2 or before.endswith("ago "):
            return m.group("phrase")
        out = repl(m)  # "Yesterday the council said" opens its sentence as "On November 24, 2025 the …"
        # "ahead of last year": "ahead of 2024", never "of in 2024"; "switched on on Thursday" keeps its own "on".
        own = re.match(r"(?:on|in) ", m.group("phrase"), re.I)
        if out != m.group("phrase") and not own and _PREPOSITION.search(text, max(0, m.start() - 21), m.start()):
            out = re.sub(r"^(?:on|in) ", "", out)
        return out[:1].upper() + out[1:] if m.group("phrase")[:1].isupper() else out

    return Resolved(_RELATIVE.sub(keep_case, text), unsure, meant)


_SAID_ON = re.compile(
    r"\b(?:said|says|announced|confirmed|told|reported|warned|added|revealed|published|released)\s+(?:\w+\s+){0,2}$"
)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}
_CLAUSE_OPENS = re.compile(r"(?:^|[.;:,“\"]|\b(?:that|said|says|and|but))\s*$")
_SEASON_SUBJECT = re.compile(r"\s(?:was|is|has|had|will|saw|brought|proved|became|looks)\b")


def _weekday(m: re.Match, text: str, published: date, unsure: list[str], last_week: bool = False) -> str:
    """ "on Tuesday" as "on Tuesday, November 25, 2025", or as written and listed in ``unsure``."""
    phrase, weekday = m.group("phrase"), _WEEKDAYS.index(m.group("wd").lower())
    clause = _clause(text, m.start(), m.end())
    start = text.find(clause)
    lead_in = text[start : m.start()] if 0 <= start <= m.start() else ""
    told = lead_in[lead_in.rfind(" after ") :] if " after " in lead_in else ""
    if _WHAT_IT_WILL_DO.match(clause) and text[:start].endswith(("that ", "which ")) and ", " in lead_in:
        clause = clause[lead_in.rfind(", ") + 2 :]  # "a budget that will close two centres, after a meeting on Monday"
    elif lead_in and text.startswith(", after ", m.end()):
        clause = text[start : m.end()]  # "will show it on Friday, after a group raised £410,000": not when, before
    elif _PAST.search(told) and not _FUTURE.search(told):
        clause = told.lstrip() + phrase  # "will play in the final after X beat Y on Tuesday": the beating's day
    day = _day_name(published, weekday, m.group("lead"), clause, text[max(0, m.start() - 100) : m.start()])
    monday = published - timedelta(days=published.weekday())
    if m.group("week"):
        day = monday + timedelta(days=weekday + (-7 if m.group("week").lower() == "last" else 7))
    elif last_week and day and monday <= day < published and not _SAID_ON.search(text, 0, m.start()):
        # "during last week's heatwave …, peaking on Tuesday": which week's? Not a day something was said on.
        day = None
    if day is None:
        unsure.append(phrase.split(" of ", 1)[-1])  # "hours of Thursday": the day is what is unsure
        return phrase
    part = f" {m.group('part')}" if m.group("part") else ""
    lead = m.group("lead") if m.group("of") else "on"
    if m.group("wd2"):
        second = day + timedelta(days=(_WEEKDAYS.index(m.group("wd2").lower()) - weekday) % 7 or 7)
        # One day past and one ahead ("held on Friday and Saturday" on a Friday): a guess; today and tomorrow are not.
        told_past = _PAST.search(clause) and not _FUTURE.search(clause)
        if day < published < second or (day == published < second and told_past):
            unsure.append(phrase.split(" of ", 1)[-1])
            return phrase
        return f"{lead} {day:%A}{part}, {_long(day)} and {second:%A}, {_long(second)}"
    return f"{lead} {day:%A}{part}, {_long(day)}"


def _season(m: re.Match, text: str, published: date, meant: list[tuple[str, str]]) -> str:
    """ "last summer" as "in the summer of 2024", or as written with which one it is (``meant``)."""
    phrase, low = m.group("phrase"), " ".join(m.group("phrase").lower().split())
    season, possessive = m.group("season").lower(), text[m.end() : m.end() + 2] in {"'s", "’s"}
    year, first = _season_year(published, low, season), published.year - low.startswith("last")
    if year is None or possessive:  # "last summer's floods": no clean rewrite; say which it is
        which = f"the {season} of {year}" if year else f"the {season} of {first} or of {first + 1}"
        meant.append((phrase + ("'s" if possessive else ""), which))
    # "this summer was the warmest": no "in"; "to Redmire Park this summer has been cancelled": a time, with one.
    subject = _SEASON_SUBJECT.match(text, m.end()) and _CLAUSE_OPENS.search(text, 0, m.start())
    return f"{'' if subject else 'in '}the {season} of {year}" if year and not possessive else phrase


def _season_year(published: date, phrase: str, season: str) -> int | None:
    """Which year's season "last summer", "this spring" or "next autumn" means; None when either could be
    meant ("last summer" in October: the one just gone, or the year before's; "next spring" in January)."""
    first, last = _SEASONS[season]
    if phrase.startswith("this"):
        return published.year
    if phrase.startswith("last"):
        return published.year - 1 if published.month <= last else None
    return published.year + 1 if published.month >= first else None


def _clause(text: str, start: int, end: int) -> str:
    """The words around a date, up to the nearest clause break: what its tense is read from."""
    # "from 7 a.m. to 2 p.m. on Friday": the full stops of an abbreviation end no sentence.
    plain = _DOTTED.sub(lambda m: m.group(0).replace(".", "_"), text)
    lefts = [(i + len(sep)) for sep in _BREAKS if (i := plain.rfind(sep, 0, start)) >= 0]
    rights = [i for i in (plain.find(sep, end) for sep in _BREAKS) if i >= 0]
    return text[max(lefts, default=0) : min(rights, default=len(text))]


# "said on Sunday that clinics would open": the day belongs to "said", not to what was said.
# "has issued a warning, saying gusts could reach …": the participle's report has a tense of its own.
# "cancelled all services, and said it would run a reduced timetable on Tuesday": so has what was said, "that" or not.
_BREAKS = (
    ";",
    ". ",
    ", and ",
    ", but ",
    ", while ",
    " that ",
    ", which ",
    " who ",
    ", saying ",
    " said it ",
    " said they ",
    " said he ",
    " said she ",
    " said we ",
)


def in_sources(claim: str, sources: tuple[str | None, ...], published: date | None) -> tuple[str, str | None]:
    """``claim`` with the dates inside its source's own words resolved ("According to NHS figures published
    on Thursday, …"), which the statement's resolution never sees; and why one was left, if one was."""
    reasons = []
    for source in filter(None, sources):
        found = resolve(source, published)
        at = claim.lower().find(source.lower())
        if found.text == source or at < 0 or found.text.lower() in claim.lower():
            continue  # no date in it, not in the claim as written, or resolved with the statement already
        if found.unsure or found.meant:
            reasons.append(found.reason)
            continue
        claim = claim[:at] + claim[at] + found.text[1:] + claim[at + len(source) :]
    return claim, " ".join(filter(None, reasons)) or None
