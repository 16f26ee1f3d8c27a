"""How one sentence becomes several claims: a compound sentence ("X did A, while Y did B"), two
statements reported with one verb ("said A and that B"), a second verb for the same subject ("said
the hoard had drawn 40,000 visitors, and had been insured") and a second report by the same speaker
("said his serve had let him down, and admitted he had been too passive", "…, noting that …"), and
what the speaker did next ("…, and ordered SpaceX to investigate"). Each clause is checked on its
own, so each is its own claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Below this many words a clause is a fragment, not a claim of its own.
_MIN_PART_WORDS = 6
# "X finished second, and Racing Bulls rookie Y took third": a second subject named, a second event.
# "It completed 1,214 homes, and the average price rose 3%": a second subject with a figure's verb of its own.
_SPLIT = re.compile(
    r",\s+while\s+|;\s+(?=[a-z])|,\s+whereas\s+|,\s+and\s+(?=[A-Z][a-z])|,\s+and\s+(?=the\s(?:[a-z-]+\s){0,3}?"
    r"(?:rose|fell|grew|dropped|climbed|increased|decreased|doubled|halved)\s)"
)
# "said it had slowed arrivals and that no aircraft had come …": two statements, each its own claim.
# "…, and that £2.2 billion more will go …": a statement may open with a figure.
_AND_THAT = re.compile(r",?\s(?:and|but)\s{1,3}that\s{1,3}(?=[\w’'£$€-][\w’'.,%-]*\s)")  # "and that 38% were …"
_AUX = r"(?:had|has|have|was|were|is|are|would|will|could)"
# "…, and had been insured": the first statement's subject again, with a verb of its own. Without the
# comma only after a pronoun, with a figure on each side ("it was investing £768m this year and had given
# councils an extra £4m"): two quantities to check, and a one-word subject that cannot be misread.
_AND_AUX = re.compile(rf"(?:,\s|\s(?=(?:and|but)\s(?:had|has|was|were|would|will)\s))(?:and|but)\s(?={_AUX}\s)")
# A finite verb of its own, as news tells events: "…, and Racing Bulls rookie Y took third".
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do|took|made|won|"
    r"lost|got|went|came|gave|saw|fell|rose|led|left|held|kept|met|ran|sent|sold|paid|spent|said|says|told|"
    r"[a-z]{2,}ed|[a-z]{3,}(?<!s)s)\b"
)
_PRONOUN_FIRST = re.compile(r"^(?:it|he|she|they|we)\s")
_SUBJECT = re.compile(rf"^(?P<subject>(?:[\w’'-]+\s){{1,5}}?){_AUX}\s")
# "…, and admitted he had been “too passive”", "… and warned that …", "warned that …, and said …": the
# speaker reports again, in a verb that takes a statement (with no comma, only where "that" says a
# statement follows).
# "…, and told the court she was …": a listener of a word or two after "told".
_REPORTS = r"(?:admitted|added|warned|insisted|conceded|acknowledged|said|told\s(?:the\s)?[\w-]{2,20})"
_AND_REPORT = re.compile(
    rf"(?:,\s|\s(?=(?:and|but)\s{_REPORTS}\sthat\s))(?:and|but)\s(?P<verb>{_REPORTS})\s(?:that\s)?"
)
# "…was \"not credible\", noting that it had advertised her job": a second statement, in a participle.
_NOTING = re.compile(r",\s(?P<verb>noting|adding|warning|arguing|pointing\sout)\sthat\s")
_PAST = {"noting": "noted", "adding": "added", "warning": "warned", "arguing": "argued", "pointing out": "pointed out"}
# "The FAA said it had diverted flights, and ordered SpaceX to investigate": what the speaker did next,
# told in the reporter's voice; the speaker is its subject.
_AND_ACT = re.compile(
    r",\s(?:and|but)\s(?=(?:ordered|fined|banned|suspended|grounded|imposed|launched|opened|issued|charged|arrested)\s)"
)


@dataclass(frozen=True)
class Part:
    start: int  # where the clause starts in the content
    span: str  # the clause as written
    words: str  # what it claims: the clause, with the subject it shared put back
    verb: str | None = None  # its own reporting verb ("admitted"), else the sentence's
    acts: bool = False  # the speaker's own act ("ordered SpaceX to …"), not something said


def parts(content: str, reported: bool = False) -> list[Part]:
    """The clauses of ``content`` that are claims of their own, or the whole of it as one; a
    ``reported`` statement may also split at "and that", "and had", "and admitted", "noting that" and
    "and ordered"."""
    breaks = sorted(
        [*_SPLIT.finditer(content), *(_reported_breaks(content) if reported else [])], key=lambda m: m.start()
    )
    subject = _SUBJECT.match(content)
    pieces, pos, verb, again, acts = [], 0, None, "", False
    for m in breaks:
        if _inside_quotes(content, m.start()) or m.start() < pos:
            continue
        if " but " in m.group(0) and m.re is not _AND_REPORT and not re.search(r"\d", content[m.end() :]):
            # "…, but that some properties could wait longer": a caveat, the first claim's own; "but warned
            # that …" is a second report.
            continue
        if m.re is _AND_THAT and _SHARE_OF_IT.search(content, m.end()):
            continue  # "…cost £410,000 a year and that parking raised £150,000 of that": a share of the first
        if m.re is _AND_AUX and not (subject and (m.group(0)[0] == "," or _two_figures(content, m))):
            continue  # "…, and had been insured" with no subject to give it: one claim
        if m.re is _AND_ACT and not _PRONOUN_FIRST.match(content):
            continue  # "The project cost £94m …, and opened 18 months late": the project's act, one claim
        if m.re is _SPLIT and "and" in m.group(0) and not _VERB.search(content, m.end()):
            continue  # "X came third with 512 votes, and Y fourth with 233": the verb is shared, one claim
        span = content[pos : m.start()].rstrip()
        pieces.append(Part(pos, span, again + span, verb, acts))
        pos, verb, acts = m.end(), m.groupdict().get("verb"), m.re is _AND_ACT
        verb = _PAST.get(" ".join(verb.split()), verb) if verb else None
        again = subject.group("subject") if m.re is _AND_AUX and subject else ""
    span = content[pos:].rstrip()
    pieces.append(Part(pos, span, again + span, verb, acts))
    # "said arrears remained “very low” and that …": "that" marks a statement, however short.
    minimum = 4 if reported else _MIN_PART_WORDS
    if len(pieces) > 1 and all(len(p.words.split()) >= minimum for p in pieces):
        return pieces
    whole = content.rstrip()
    return [Part(0, whole, whole)]


# "£150,000 of that", "half of it" (never "because of it": a cause, told of the first, is its own claim).
_SHARE_OF_IT = re.compile(
    r"(?:\d[%m]?|\dbn|\b(?:half|most|much|some|part|all|none|a\sthird|a\squarter))\sof\s(?:that|this|it|them)"
    r"(?=\s?[.,;]|$)"
)


def _reported_breaks(content: str) -> list[re.Match[str]]:
    found = [_AND_THAT, _AND_AUX, _AND_REPORT, _AND_ACT, _NOTING]
    return [m for pattern in found for m in pattern.finditer(content)]


def _two_figures(content: str, m: re.Match[str]) -> bool:
    before, after = content[: m.start()], content[m.end() :]
    return bool(_PRONOUN_FIRST.match(content) and re.search(r"\d", before) and re.search(r"\d", after))


def _inside_quotes(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_AND_SAID = re.compile(r", and (?:said|added|told)\b")


def said_apart(content: str, split: list[Part]) -> list[Part]:
    """ "The judge adjourned the case until February, and said both women should try mediation first": in the
    reporter's own sentence, what was done and what was then said, apart (so advice said drops, not the act)."""
    return parts(content, reported=True) if len(split) == 1 and _AND_SAID.search(content) else split
