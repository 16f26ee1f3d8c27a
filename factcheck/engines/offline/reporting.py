"""Who is speaking, read from the shape of the sentence when no narrower pattern knows the name:
"The city's independent budget office said on Monday that …", "Sales rose 3 percent, the company
said.", "The UK Health Security Agency reported 2,911 cases …". The subject is only taken when it
reads like a name or a noun phrase; anything else is left alone, for a person to decide."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.engines.offline import events
from factcheck.engines.offline.bodies import ORG_NOUN
from factcheck.engines.offline.subjects import FIRST_VERB, subject_name

VERBS = (
    # "argued against a proposed limit": what was opposed, an act; "declared that" a declaration, not "declared war".
    r"said|says|told|tells|added|adds|warned|warns|cautioned|wrote|writes|explained|noted|"
    r"argued(?!\s+(?:against|for|over|with)\b)|argues?(?=\s+that\b)|declared(?=\s+that\b)|"
    # "has claimed victory", "claimed responsibility": a thing taken, not a statement made.
    r"claim(?:ed|s)(?!\s+(?:victory|responsibility|credit|asylum|damages|compensation|benefits?|expenses|"
    r"the\s+(?:title|win|crown|seat|lead|prize|record))\b)|stated|"
    r"insisted|confirmed|confirms|announced|announces|reported|reports|acknowledged|admitted|denied|testified|"
    # "More than 3,200 people responded to a consultation": taking part, not a statement.
    r"replied(?!\s+to\b)|responded(?!\s+to\b)|asserted|found|finds|concluded|showed|shows|estimated|estimates|disputed|countered|"
    r"recorded|predicted|promised|pledged|suggested|show|say|rejected|blamed|blames|accused|accuses|heard|ruled|"
    # "has forecast that", never the noun: "cut its earnings forecast to".
    r"forecasts?(?=\s+that\b)|projected(?=\s+that\b)|pointed\s+out|points\s+out|"
    r"called\s+(?:on|for)|"
    # "Detectives believe the raiders …": an inquiry's working account, in its name (see events.INQUIRERS).
    r"believes?|suspects?|understands(?=\s+that\b)"
)
REPORTED_TO = re.compile(r"\s(?:the|a|an|its|their|his|her)\s[^,.;“”\"]{1,40}?\sto\s(?:the|a|an|its|their|police)\b")
# "The Mossgate Mercury understands that …": a paper's own reporting, in its name; "The firm understands that …" is not.
PRESS = re.compile(
    r"\b(?:Mercury|Echo|Courier|Leader|Post|News|Times|Herald|Gazette|Chronicle|Advertiser|Argus|Mail|Express|"
    r"Observer|Journal|Telegraph|Guardian|Standard|BBC|ITV)$"
)
# "Leeds Crown Court heard that …" is what was said in court; "heard the news" is nobody's claim.
# "admitted conspiracy", "denied the charges": a plea or a denial of a thing, told in the reporter's voice.
NEEDS_THAT = {"heard", "admitted", "denied", "acknowledged", "denies", "admits", "rejected", "ruled"}


def needs_that(verb: str, who: str, rest: str) -> bool:
    """Whether a verb with no "that" after it tells an act ("heard the news", "denied the charges"); "The court
    heard he was paid £500" is what was said in court, the clause told without its "that"."""
    return verb in NEEDS_THAT and not (verb == "heard" and _HEARING.search(who) and _CLAUSE.match(rest))


_HEARING = re.compile(r"\b(?:court|inquest|hearing|tribunal|inquiry|jury|magistrates)\b", re.I)
_CLAUSE = re.compile(
    r"(?:he|she|they|it|(?:the|his|her|their)\s[a-z]+(?:\s[a-z]+)?)\s(?:was|were|had|has|is|are|would|could|did)\b"
)
# Only those who investigate for a living put a belief on the record: "Police believe …" is their account
# of what happened; "Many fans believe …" is nobody's claim to check.
_BELIEF = {"believe", "believes", "suspect", "suspects"}
# "X called on ministers to …", "X urged …": what X asked for, in X's name: the sentence is the claim.
_CALL_VERBS = re.compile(r"^called\s+(?:on|for)$")
# "The post shows a photograph of …" depicts; it does not assert. "The data show a rise" does.
_DEPICTS = re.compile(
    r"^\s+(?:an?|the|two|three)\s+(?:\w+\s+)?(?:photo(?:graph)?s?|pictures?|images?|videos?|clips?|screenshots?|"
    r"footage|man|woman|men|women|child|children|boy|girl|crowd|group\s+of)\b",
    re.I,
)
# "A painting found behind a wardrobe … has sold": a participle saying where the subject was, its verb still to come.
_PLACED = re.compile(
    r"\s(?:behind|under|underneath|beneath|inside|in|on|at|near|among|beside|outside|buried|hidden|during)\s(?:(?!\sthat\s)[^,;“”\"]){1,120}?"
    r"\s(?:has|have|had|is|was|were|are|will|would)\s"
)
# "Substitute Kieran Moss added the third in stoppage time": a goal or a point scored, never words.
SCORED = re.compile(
    r"\s?(?:the|a|an|his|her|their|its|another|a\slate)\s(?:second|third|fourth|fifth|sixth|seventh|goal|goals|try|"
    r"tries|winner|equaliser|equalizer|penalty|penalties|point|points|runs|wicket|wickets|conversion|conversions|"
    r"touchdown|basket)\b(?!\s(?:was|is|had|would))"
)
# "The coroner recorded a conclusion of unlawful killing": a finding given, in the reporter's words.
_FINDING = re.compile(r"\s?(?:a|an)\s(?:[a-z-]+\s)?(?:conclusion|verdict)\sof\b")
# "The signed diversion adds about six miles to journeys": an amount added to something.
_ADDED_TO = re.compile(
    r"\s?(?:about |around |roughly |nearly |almost |up to |more than |over |an extra |another )?"
    r"(?:[£$€]?\d[\d,.]{0,12}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)"
    r"(?: ?[a-z%]{1,12}){0,2} to "
)
_WARNED_WHOM = re.compile(r"\s(?!that\s)(?:the\s|its\s|their\s|his\s|her\s)?[a-z][\w’'-]{1,30}\s(?:about|over)\s")
_SECOND_SUBJECT = re.compile(r"\sand\s(?:a|an|the)\s(?:[\w’'-]+\s){1,5}?(?:is|are|was|were|has|have|had|will)\s")
_A_COUNT = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many)\s+(?:other|more)\s", re.I)
# "Videos posted on social media showed streaks of debris", "The mural … showed local wildlife": a picture
# depicts; the reporter says what it shows.
_FOOTAGE = re.compile(
    r"^(?:the\s+)?(?:videos?|footage|photos?|photographs?|images?|pictures?|clips?|murals?|paintings?|posters?|maps?|"
    r"banners?|artworks?|sculptures?|statues?|drawings?)\b",
    re.I,
)
_FARED = re.compile(
    r"\s(?:about\s|nearly\s|almost\s)?\d[\d,.]{0,12}%?\s(?:fewer|more|less|lower|higher|better|worse)\b"
)
_PEOPLE = re.compile(r"[A-Z][a-z-]+(?:\s[a-z-]+){0,4}")  # "Daily dog walkers", "Participants": no name, no body
# "Councillor Jo Fox asked whether the council had assessed the effect": a question put asserts nothing ("asked
# why the company had gone ahead when its staff had warned it" takes the warning as given: a claim); nor does
# "The firm declined to comment on the job cuts", which keeps silent.
NO_STATEMENT = re.compile(
    r"^[^“”\"]{1,160}?\basked\s(?:whether|if|when)\b"
    r"(?![^.]{0,300}\b(?:said|says|replied|answered|told|added)\b)[^“”\"]{0,300}$"
    r"|^(?:(?!\s(?:but|and)\s)[^,;“”\"]){2,60}?\s(?:declined|refused)\sto\scomment\b(?:\son\s[^,;“”\"]{2,60})?\.?$"
)
# "More than 300 people reported seeing it": a count of sightings, told in the reporter's voice.
_REPORTED_AS = re.compile(
    r" (?:(?:him|her|them|it|[A-Z][\w’'-]+|(?:his|her|their|a|the) \w+) (?:missing|stolen|lost)|"
    r"(?:seeing|hearing|feeling|smelling|spotting|noticing)|"
    # "The team reported its findings in the journal …": publishing, not a statement.
    r"(?:its|their|the|our) (?:findings|results|research|work|study|data))\b"
)
# Verbs whose object is what is claimed: "reported 2,911 cases" keeps the whole sentence as the claim.
OBJECT_VERBS = {
    *("reported", "reports", "found", "finds", "showed", "shows", "show", "estimated", "estimates", "recorded"),
    *("announced", "announces", "confirmed", "confirms"),
    # "The ministry blamed the fall on attacks": whose account it is, in the sentence itself.
    *("blamed", "blames", "accused", "accuses"),
    # "The council predicted a deficit", "pledged £5 million": what was forecast or promised, whole.
    *("predicted", "promised", "pledged", "suggested"),
}
_VERB = re.compile(
    rf"\s(?:(?:has|have|had)\s+)?(?:(?:also|later|previously|earlier|again|separately|long|repeatedly|publicly|"
    rf"privately|consistently)\s+)?"
    rf"(?P<verb>{VERBS})\b"
)
# Between the verb and what is said: "said on Monday that", "said in a statement that".
_ADVERBIAL = re.compile(
    # "said on X, formerly Twitter, that": the platform and what it was called.
    r"^(?:\s+(?:on\s+[A-Z]\w*(?:\s+(?:morning|afternoon|evening|night)|,\s+(?:formerly|previously)\s+[A-Z]\w+(?=,))?|"
    # "in her report, published on Monday, that": the document and when it appeared.
    r"in\s+(?:a|an|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+){0,2},\s+(?:published|issued|released|sent|dated)\s+"
    r"[^,]{1,40},(?=\s+that\b)|in\s+(?:a|an|the|its|his|her|their)\s+"
    # "in a post on X that", "wrote in the memo that": a longer setting only where "that" ends it.
    r"[\w-]+(?:\s+[\w-]+){0,5}?(?=\s+that\b)|in\s+(?:a|an|its|his|her|their)\s+"
    # "in a written statement", never "in a statement the plant …": a second word, not the statement's.
    r"[\w-]+(?:\s+(?!(?:the|a|an|its|his|her|their|this|these|those|it|they|he|she|we|there)\b)[\w-]+)?|"
    # "said this week", never "told this newspaper that": a time, not a listener.
    r"at\s+a\s+[\w-]+(?:\s+[\w-]+)?|last\s+\w+|this\s+(?:week|month|year|morning|afternoon|evening|weekend)|"
    r"yesterday|today|earlier|afterwards?|"
    # "ruled at the High Court in London on Thursday that": the court it was said in.
    r"at\s+the\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}(?:\s+in\s+[A-Z][\w’'-]*)?|"
    r"after\s+the\s+\w+|in\s+[A-Z]\w+|via\s+\w+|in\s+court|under\s+oath|repeatedly|publicly|privately|"
    # "said outside court that": where it was said.
    r"outside\s+(?:the\s+)?(?:court|hearing|inquest|building|the\s+[\w-]+)(?=\s+that\b)|"
    # "has warned for years that": how long they have said it is not what they said.
    r"for\s+(?:years|months|weeks|decades|some\s+time)|since\s+\d{4}|"
    r"in\s+(?:dissent|response|reply|evidence|writing|testimony|interviews?|parliament)|"
    # "said on stage that", "told analysts on a call that": where it was said.
    r"on\s+(?:stage|air|camera|television|radio|social\s+media)|online|on\s+(?:a|an|the|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+){0,2}?(?=\s+that\b)|"
    # "wrote to parents that": whom it was written to, where "that" says a statement follows.
    r"to\s+(?:the\s+|its\s+|their\s+|all\s+)?[\w-]+(?:\s+[\w-]+)?(?=\s+that\b)"
    r")\b,?){0,2}"
)
# A listener is a few words with no verb or subject pronoun in them: "BBC Radio Scotland's Good Morning
# Scotland programme", never "us it has never made a product with" (before "that name").
# "has told 84,000 members that …": a count's thousands comma is part of the listener.
_LISTENER_WORD = (
    r"(?!(?:that|it|they|he|she|we|has|have|had|was|were|is|are|would|will|could|can)\b)"
    r"(?:[^\s,“”\"]|(?<=\d),(?=\d{3})){1,30}"
)
_TOLD = re.compile(rf"^ (?P<to>{_LISTENER_WORD}(?: {_LISTENER_WORD}){{0,10}}?) that ")
# "told us it has never made …": a listener named by a pronoun, then the statement without "that".
# "told MPs the government had offered …": a listener from the few a news story names, then the statement.
_TOLD_BARE = re.compile(
    r"^ (?P<to>us|me|him|her|them|(?:the )?(?:reporters|journalists|MPs|lawmakers|legislators|senators|councillors|"
    r"council\s?members|investors|analysts|staff|employees|workers|members|delegates|parliament|Parliament|supporters|"
    r"magistrates|jurors|"
    r"Congress|the (?:House|Senate|Commons|committee|court|jury|inquiry|hearing|tribunal|panel|conference|"
    r"BBC|newspaper|paper|audience|meeting|summit|inspector|judge|coroner|board|regulator|inquest)|"
    r"(?:the )?[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){0,2})) "
    r"(?=(?:it|they|he|she|there|the|its|their|this|these|no|none|his|her|we|our|a|an|more|only|every|all)\b"
    # "told the court Brennan had been warned": a name, then its verb.
    r"|[A-Z][\w’'-]{1,30} (?:had|has|was|were|is|would|could|did)\b"
    # "told me 90% of his fish is landed nearby": a figure, then its verb.
    r"|(?:about |almost |nearly |more than )?[£$€]?\d[\d,.]*(?:%| per ?cent)? (?:[\w’'-]+ ){0,6}?"
    r"(?:is|are|was|were|had)\b)"
)
_THAT = re.compile(r"^\s*(?:,\s*)?that\s+")  # one way to split the spaces: linear
_WROTE_TO = re.compile(
    r"^ to (?P<to>(?:the |its |their |all )?[\w’'-]{2,30}(?: [\w’'-]{2,30}){0,3}?)"
    r"(?P<when> (?:last|this) (?:week|month)| on [A-Z][a-z]{2,8}day| yesterday)? to (?P<say>say|explain|warn|confirm)"
    r"(?: that)? "
)
# "said in a statement outside court: “…”": the rest of the setting, up to the colon that opens a quotation.
_SETTING_COLON = re.compile(r"^\s?(?:(?:[\w’'-]{1,30}\s){0,4}[\w’'-]{1,30})?:\s?(?=[“\"])")
# A verb's word after "the" is a noun: "a source on the show" names no one who shows; after a superlative
# it describes one ("The UK's highest recorded temperature").
_DETERMINER = re.compile(
    r"\b(?:(?i:the|a|an|its|his|her|their|our)|highest|lowest|largest|biggest|smallest|greatest|most|least|best|"
    r"worst|longest|hottest|coldest|wettest|driest|fastest|oldest|earliest|latest)$"
)
# "Drivers made 1,870 claims for pothole damage": a count makes the verb's word a noun. A year does not:
# "Figures for 2024 show a rise".
_COUNTED = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds|thousands|"
    r"several|many|more|fewer|some|no)$",
    re.I,
)
_COUNTABLE = {"claims", "reports", "estimates", "forecasts", "findings"}
# "the council's own finance reports show that …": a verb straight after makes the word before it a noun.
_VERB_AFTER = re.compile(r"\s(?:show|shows|showed|suggest|suggests|suggested|say|said|found|reveal|revealed)\b")
# "The Playhouse's Christmas show has become a fixture": a word of saying with a verb straight after is a noun.
_NOUN_THEN_VERB = re.compile(r"(?<=show|ords|orts|ates)\s(?:has|have|is|was|will)\s(?!that\b)")
_PASSIVE = re.compile(r"(?<!\s)\s+by\b")  # from a run's first space only: linear on long runs
# "The longest wait recorded in December was 51 hours": a superlative's participle, its own verb after it.
_SUPERLATIVE = re.compile(r"\b(?:[a-z]{2,}est|most|least|best|worst)\b")
_COPULA_SOON = re.compile(r" (?:[\w’'-]{1,30} ){0,5}(?:was|were|is|are)\b")


@dataclass(frozen=True)
class Reported:
    speaker: str
    verb: str
    content: str
    content_offset: int
    # True when the whole sentence is the claim ("The agency reported 2,911 cases"): nothing peeled off.
    whole: bool = False
    # What the speaker did before saying it: "Radu … conceded defeat … late on Sunday but said …".
    act: str | None = None


_RELATIVE = re.compile(r"\b(?:who|which)(?:\s+(?:had|has|have))?\s*$")
_OPEN = re.compile(r", (?:(?:a|an|the) [^,]{0,60} )?(?:who|which|whose)(?: [^,]{0,140})?$")


def _speaking(body: str, v: re.Match[str]) -> bool:
    """Whether a verb of saying is the sentence's own, said by its subject."""
    # "Offences recorded by police rose …": a participle with its agent is not what anyone said.
    # A verb inside an appositive still open ("Rosa Delgado, a Democrat who … wrote the measure, said")
    # is the appositive's: the speaker's verb comes after its closing comma.
    if _PASSIVE.match(body, v.end()) or _OPEN.search(body[: v.start()]) or _NOUN_THEN_VERB.match(body, v.end()):
        return False
    if _RELATIVE.search(body, 0, v.start()):  # "The surveyors who found it, …, said": the clause's verb, not theirs
        return False
    if v.group("verb").endswith("heard") and body.startswith(" from ", v.end()):
        return False  # "The inquiry heard from the group X, whose chairman, Y, said": Y's verb comes later
    if _DETERMINER.search(body, max(0, v.start() - 12), v.start()):  # "A source on the show said"
        return False
    if v.group("verb") in _COUNTABLE and (
        _COUNTED.search(body, max(0, v.start() - 14), v.start()) or _VERB_AFTER.match(body, v.end())
    ):
        return False
    superlative = v.group("verb").endswith("ed") and _SUPERLATIVE.search(body, 0, v.start())
    return not (superlative and _COPULA_SOON.match(body, v.end()))


def parse(body: str, offset: int) -> Reported | None:
    """ "Subject verb (adverbial) (that) content", the subject validated; None when no such shape."""
    m = next((v for v in _VERB.finditer(body, 0, 220) if _speaking(body, v)), None)
    if not m or m.start() == 0:
        return None
    who = subject_name(body[: m.start()])
    if who is None:
        return None
    verb, pos = " ".join(m.group("verb").split()), m.end()
    if (verb in _BELIEF and not events.INQUIRERS.match(who)) or (verb == "understands" and not PRESS.search(who)):
        return None
    if verb in {"reported", "reports"} and REPORTED_TO.match(body[pos:]):
        return None  # "The firm reported the error to the regulator": an act told by the reporter, not a statement
    # "Daily dog walkers reported 31% fewer falls": how a study's group fared, not their statement; "Her GPS watch
    # recorded 16,400 feet of climbing": a thing of hers that measured, no source.
    fared = verb in {"reported", "reports"} and _FARED.match(body[pos:]) and _PEOPLE.fullmatch(who)
    if (fared and not ORG_NOUN.search(who)) or (verb == "recorded" and re.match(r"(?:Her|His|Their|My|Our) ", who)):
        return None
    if _CALL_VERBS.match(verb):
        return Reported(who, verb, body, offset, whole=True)
    adverbial = _adverbial(body[pos:])
    pos += adverbial.end() if adverbial else 0
    between = adverbial.group(0) if adverbial else ""
    closes = between.rstrip().endswith(",") or body[pos:].lstrip().startswith(",")
    if closes and body[: m.start()].count(",") == 1 and body[: m.start()].rstrip().endswith(","):
        return None  # "The pay award, announced last week, was …": a participle describing the subject
    verb = with_day(verb, between)
    if verb in {"wrote", "writes", "has written"} and (wrote := _WROTE_TO.match(body[pos:])):
        # "wrote to residents last week to say the price would rise": whom and when stay with the verb.
        to, when = " ".join(wrote.group("to").split()), wrote.group("when") or ""
        return Reported(
            who, f"{verb} to {to}{when} to {wrote.group('say')}", body[pos + wrote.end() :], offset + pos + wrote.end()
        )
    if verb in {"told", "tells"}:
        told = _TOLD.match(body[pos:]) or _TOLD_BARE.match(body[pos:])
        if not told:
            return None
        verb = told_verb(verb, told.group("to"))
        pos += told.end()
    else:
        that = _THAT.match(body[pos:]) or _SETTING_COLON.match(body[pos:])
        if body[pos:].lstrip().startswith("of "):
            return Reported(who, verb, body, offset, whole=True)  # "warned of a storm surge": what, not a statement
        if that:
            pos += that.end()
        elif _an_act(verb, who, body[pos:], body[: m.start()]) or (
            adverbial and _an_act(verb, who, body[m.end() :], body[: m.start()])  # "found in a quarry is …"
        ):
            return None
        elif verb in OBJECT_VERBS:
            # "A firm has pledged £20,000 and a fun run is expected to raise …": not all of it the firm's.
            return None if _SECOND_SUBJECT.search(body, pos) else Reported(who, verb, body, offset, whole=True)
        else:
            pos += len(body[pos:]) - len(body[pos:].lstrip(" ,"))
    rest = body[pos:]
    if len(rest.split()) < 3:
        return None
    return Reported(who, verb, rest, offset + pos, act=_act(body[: m.start()]))


def an_object(verb: str, rest: str) -> bool:
    """ "reported the error to the regulator", "added the third in stoppage time": what the verb did, not said."""
    return bool(
        (verb in {"reported", "reports"} and REPORTED_TO.match(" " + rest))
        or (verb.startswith("add") and bool(SCORED.match(rest) or _ADDED_TO.match(rest)))
        or (verb in {"recorded", "records", "returned", "reached"} and _FINDING.match(rest))
    )


def _an_act(verb: str, who: str, after: str, subject: str) -> bool:
    """Whether a verb of saying tells an act, in the reporter's voice, not a statement: "had warned managers about
    staffing levels", "Three other musicals have announced closures" (a tally), "A painting found behind a wardrobe
    … has sold" (a participle), "His wife reported him missing", "Police found 600 plants" (events); "heard the news"
    with no "that" after it, and a picture that shows what is in it."""
    if needs_that(verb, who, after.lstrip()) or (
        verb.startswith("show") and (_DEPICTS.match(after) or _FOOTAGE.match(who))
    ):
        return True
    if (verb.startswith("warn") and _WARNED_WHOM.match(after)) or an_object(verb, after):
        return True
    if verb in OBJECT_VERBS and (_A_COUNT.match(who) or (verb[-2:] in ("ed", "nd") and _PLACED.match(after))):
        return True
    return bool(verb.startswith("report") and _REPORTED_AS.match(after)) or events.an_event(verb, who, after, subject)


# "said last year was one of the wettest on record": a time with a verb after it is what was said's subject.
_VERB_NEXT = re.compile(r"\s{1,3}(?:was|were|is|are|had|has|have|will|would|saw)\b")


def _adverbial(after: str) -> re.Match[str] | None:
    m = _ADVERBIAL.match(after)
    # "The pay award, announced last week, was …": after a comma the verb is the subject's own.
    return None if m and _VERB_NEXT.match(after, m.end()) and not m.group(0).rstrip().endswith(",") else m


def _act(subject: str) -> str | None:
    """The act before "but said", when it says more than a verb ("conceded defeat in a speech to supporters
    late on Sunday"): the reporter's account of what the speaker did, a claim of its own. Before "and said"
    it is the same event told twice ("apologised to the family and said", "looked at 14,600 homes and found")."""
    first = FIRST_VERB.search(" ".join(subject.split()))
    if not first or len(first.group(0).split()) < 6 or not first.group(0).endswith(" but"):
        return None
    act = re.sub(r" but$", "", " ".join(subject.split())).rstrip(",")  # spaces made single: linear
    # "called the results “genuinely exciting” but said …": a verdict in quotation marks, nothing to check.
    return None if VERDICT.search(act) else act + "."


VERDICT = re.compile(r"\b(?:called|described|branded|labell?ed|hailed|dubbed) [\w’' -]{1,60}[“\"][^”\"]{1,80}[”\"]$")


def with_day(verb: str, between: str) -> str:
    """ "said on Tuesday that …": the day stays with the verb, so the claim says when it was said (and
    the day is made a date with it)."""
    day = _SAID_ON.search(between)
    return f"{verb} {day.group(0)}" if day else verb


# "said on Tuesday that", "said in March that", "had warned for weeks that": when it was said stays in the claim.
_SAID_ON = re.compile(
    r"\bon [A-Z][a-z]*day(?: (?:morning|afternoon|evening|night))?\b|\bin (?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?: \d{4})?\b|\bfor (?:years|months|weeks|decades)\b"
)


def listener(verb: str, after: str) -> tuple[str, int] | None:
    """For "told": (the verb with its listener, where the statement starts in ``after``), or None."""
    if verb not in {"told", "tells"}:
        return None
    told = _TOLD.match(after) or _TOLD_BARE.match(after)
    return (told_verb(verb, told.group("to")), told.end()) if told else None


def told_verb(verb: str, listener: str) -> str:
    """ "told the court", "told MPs on Wednesday": the listener stays in the claim, so that a claim
    never reads "X told that …"."""
    return f"{verb} {' '.join(listener.split())}"
