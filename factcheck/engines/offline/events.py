"""A verb of saying that reports an event instead: "Police found 600 cannabis plants" (what they came upon),
"U.S. employers added 143,000 jobs" (what was added), "The camera recorded 31,412 offences" (a device's
count). The sentence is then the reporter's account, not anyone's statement (reporting.py)."""

from __future__ import annotations

import re

# Those who investigate for a living: their "found" with an object is what they came upon, and their
# "believe" is their account on the record.
INQUIRERS = re.compile(
    r"^(?:(?i:the\s+)?(?i:police|detectives?|investigators?|officers|prosecutors|fire\s+crews|firefighters|"
    r"coroners?)|(?:[A-Z][\w&’'-]*\s+){1,4}(?:Police|Constabulary|Fire\s+and\s+Rescue\s+Service))$"
)


_COUNT_AFTER = re.compile(r"(?:more than |about |nearly |almost |over |some |another |a further |a net )?[£$€]?\d")


def counted_object(verb: str, rest: str) -> bool:
    """ "U.S. employers added 143,000 jobs": "added" with a count after it is what was added, not said; so is
    "added his third" or "added another" (a score, a thing added to), and "claimed £8,400" (money claimed)."""
    if verb in {"claimed", "claims"}:  # "claimed £8,400 in mileage": money claimed, not a claim made
        return bool(_COUNT_AFTER.match(rest)) and not _ITS_VERB.search(rest.split(",")[0])
    return verb in {"added", "adds"} and bool(_COUNT_AFTER.match(rest) or _ADDED_THING.match(rest))


# "claimed £2bn had been wasted": a figure with a verb of its own is what was claimed.
_ITS_VERB = re.compile(
    r"\b(?:was|were|is|are|had|has|have|would|will|could|can|did|cost|costs|rose|fell|went|came|died|voted|backed)\b"
)


_ADDED_THING = re.compile(r"(?:his|her|their|its|another|a\s(?:second|third|fourth|fifth|late|further))\b(?!\s+that\b)")


def notice_given(verb: str, rest: str) -> bool:
    """ "It has reported the breach to the Information Commissioner's Office": a notice given to whoever
    must hear of it, an act the reporter tells, not a report of what happened."""
    return verb.split()[-1].startswith("report") and bool(_NOTICE.match(rest))


_NOTICE = re.compile(
    r"(?:(?:the|a|an|this|that|its|his|her|their)\s(?:[\w-]+\s){0,2}(?:breach|incident|theft|crime|matter|attack|"
    r"assault|death|leak|loss|error|concerns?|allegations?)|it|him|her|them|this|that|"
    # "Residents reported 6,840 potholes to the council": a count of reports, the tally's, not the residents' word.
    r"(?<![\d,])\d[\d,]{0,12}\s(?:[\w-]{1,30}\s){0,2}?[a-z]{1,30}s)\s(?:[^,.;]{0,40}\s)?to\s"
    r"(?:the\s)?(?:police|regulator|authorities|council|[A-Z])"
)


_SEARCHERS = re.compile(
    # "Builders found a sealed time capsule", "A dog walker found the wallet": people at work or out walking
    # come upon things; what they found is an event, never a finding of theirs.
    r"\b(?:rescue|rescuers|searchers|search\s+(?:teams?|part(?:y|ies))|divers|lifeboat|coastguards?|builders|"
    r"workmen|labourers|contractors|walkers?|dog\s+walkers?|passers?-by|fishermen|detectorists?|hikers?|"
    r"cleaners|gardeners|volunteers)\b",
    re.I,
)


def came_upon(verb: str, who: str) -> bool:
    """ "Police found 600 cannabis plants", "A water rescue team found the boy": an inquirer's or a
    searcher's "found" with an object is what they came upon, an event in the reporter's voice, not a
    finding of theirs."""
    searched = verb in {"found", "finds"} and bool(INQUIRERS.match(who) or _SEARCHERS.search(who))
    return searched or (verb in {"recorded", "detected", "captured", "measured"} and bool(_DEVICE.search(who)))


# "The camera … recorded 31,412 offences": a device's count is told in the reporter's voice.
# "Monitors at 26 schools recorded …": the device's noun heads the subject, wherever it is.
_DEVICE = re.compile(
    r"^(?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+)?(?:cameras?|sensors?|monitors?|detectors?|satellites?|gauges?|"
    r"stations?|meters?)\b",
    re.I,
)


def found_by_a_person(verb: str, subject: str, rest: str) -> bool:
    """ "Clive Hepplewhite, 58, found the first coins on a farm": a person named with their age, as the reporter
    introduces people, found a thing; no inquiry has an age, and what was found is no finding of theirs."""
    return verb in {"found", "finds"} and bool(_AGED.search(subject)) and not rest.startswith("that ")


_AGED = re.compile(r"^[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){1,2}, (?:aged )?\d{1,3},")


def made_a_recording(verb: str, rest: str) -> bool:
    """ "Researchers … recorded birdsong at 48 sites": sounds or pictures recorded are a recording made, an
    act the reporter tells, not a figure anyone recorded."""
    return verb in {"recorded", "records"} and bool(_RECORDING.match(rest))


_RECORDING = re.compile(
    r"(?:(?:the|their|its|his|her|an?)\s)?(?:[\w-]{1,30}\s)?(?:birdsong|songs?|calls|sounds?|noises?|footage|videos?|"
    r"albums?|music|audio|interviews?|conversations?|podcasts?|messages?)\b"
)


def life_event(verb: str, rest: str) -> bool:
    """ "The pair announced their engagement", "She announced her retirement": news of one's own life, an event
    the reporter tells, not a statement."""
    return verb.split()[-1] in {"announced", "announces"} and bool(_LIFE_EVENT.match(rest))


_LIFE_EVENT = re.compile(
    r"(?:their|his|her|its)\s(?:[\w-]+\s)?(?:engagement|marriage|wedding|retirement|resignation|pregnancy|divorce|"
    r"split|separation|departure|comeback)\b"
)


def an_event(verb: str, who: str, rest: str, subject: str = "") -> bool:
    """Whether "<who> <verb> <rest>" tells what happened, not what was said: a find, a count added, a notice
    given, a recording made, news of one's own life. ``subject`` is the subject as written."""
    rest = rest.lstrip()
    return (
        came_upon(verb, who)
        or found_by_a_person(verb, subject, rest)
        or counted_object(verb, rest)
        or notice_given(verb, rest)
        or made_a_recording(verb, rest)
        or life_event(verb, rest)
    )
