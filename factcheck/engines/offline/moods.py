"""What a sentence does besides asserting something to check: it feels ("said staff were heartbroken"), reacts,
dismisses, thanks, hopes, keeps silent or exclaims (advice: instructions.py); ticketed only if it asserts too."""

from __future__ import annotations

import re
from typing import Any

from factcheck.engines.offline import drafting, reactions
from factcheck.engines.offline.attribution import Attribution
from factcheck.engines.offline.instructions import IMPERATIVE, PRESCRIPTIVE
from factcheck.engines.offline.platitudes import PLATITUDE
from factcheck.engines.offline.pronouns import Resolution
from factcheck.engines.offline.reporting import NO_STATEMENT, VERDICT
from factcheck.engines.offline.speakers import Speakers

# A quotation whose own words score below this is an exclamation (holdout121: 26 no-claim tickets went, 3 required).
EXCLAMATION = 0.2
# "The roof held.", "The fence didn't.": a quoted sentence of three words or fewer, with no figure, is colour.
_FEW_WORDS = 4
# "I don't know if we have a house anymore": not knowing asserts nothing.
_UNSURE = re.compile(
    r"^(?:I|We) (?:(?:do|did)(?:n[’']t| not) know|had no idea) (?:if|whether|what|how|when|where|why)\b"
)
# "The AIU said it did not comment on individual cases": silence, no claim (read for who spoke all the same).
_SILENCE = re.compile(r"(?:it|he|she|they)\s(?:did|does|do|would|will)\snot\scomment\son\b", re.I)
# "Campaigners were unimpressed.": a reaction linking two paragraphs; the claim is what they then say.
_REACTION = re.compile(
    r"^(?:[\w’'-]+ ){1,3}(?:was|were|is|are|remained|remain|seemed|seem)(?: (?:more|less|far|much|deeply|"
    r"largely|also|equally|notably|visibly))? (?:unimpressed|impressed|cautious|sceptical|skeptical|furious|"
    r"angry|delighted|pleased|unconvinced|convinced|divided|optimistic|pessimistic|wary|worried|concerned|"
    r"relieved|upbeat|gloomy|critical|split|happy|unhappy|disappointed|dismayed|unmoved|unfazed|hopeful|"
    r"defiant|heartbroken|devastated|thrilled|saddened|grateful|proud|upset|gutted|shocked)\.$|"
    # "Researchers have found mixed evidence.": a lead-in to the study told next, with nothing of its own.
    r"^(?:[\w’'-]+ ){1,3}(?:have|has) (?:found|produced|shown) (?:mixed|conflicting|limited|little) "
    r"(?:evidence|results)\.$|"
    # "Other scientists urged caution.", "Economists struck a more cautious note.": the same, as an act.
    r"^(?:[\w’'-]+ ){1,3}(?:urged|counselled|counseled) (?:caution|patience|restraint)\.$|"
    # "She urged everyone eligible for a flu vaccine to get one.": an appeal, with no figure, told as its own sentence.
    r"^(?![^.]{0,200}(?:\b(?:said|says|told|because)\b|,\sas\s))[A-Z][^.;:\d“”\"]{0,80}?\surged\s[^.;:\d“”\"]{1,100}?\s(?:not\s|never\s)?to\s"
    r"[^.;\d“”\"]{1,120}\.$|"
    r"^(?:[\w’'-]+ ){1,3}struck an? (?:more |less |far )?(?:cautious|sceptical|skeptical|different|gloomier) "
    r"(?:note|tone)\.$"
)
# "Education Secretary Bridget Phillipson congratulated students.": a courtesy, not an event to check.
_COURTESY = re.compile(
    r"^(?:[\w’'.-]+ ){1,5}(?:congratulated|thanked|praised|applauded|saluted|paid tribute to) [\w’' -]{1,40}\.$"
)
# "The company said it welcomed the outcome.": a welcome, with nothing in it to check.
_WELCOME = re.compile(
    r"^(?:[\w’'.-]+ ){0,5}(?:welcomed|welcomes|welcome) (?:the|this|that|today's|its) (?:[\w-]+ )?(?:outcome|decision|"
    r"ruling|verdict|sentence|sentencing|result|news|judgment|judgement|announcement)\.$"
    # "Headteacher X said she accepted the findings.": an acknowledgement; the findings are the claims.
    r"|^(?:[\w’'.-]+ ){0,5}(?:accepted|accepts|accept|acknowledged) (?:the|its|his|her|their|all the|the report's) "
    r"(?:findings|criticisms?|conclusions)\.$"
    r"|^(?:[\w’'.-]+ ){1,4}(?:spoke|talked) to (?:the )?[A-Z][\w’' ]{1,40} about [^.]{1,120}\.$"  # interview intro
)
# "Mr Whelan disputed that.": a dismissal says nothing of its own; what it dismisses is ticketed where stated.
_DISMISSAL = re.compile(
    # "Riverside's MP, Joanna Price, disputed that.", "…, said that was no excuse.": a retort, nothing of its own.
    r"^(?:[\w’'.,-]+ ){1,10}said (?:that|this) was (?:no excuse|nonsense|rubbish|not good enough|no answer)\.$|"
    # "That was how Nerys Sandbach, 81, put it.": whose the quotation before was, and nothing more.
    r"^(?:That|This) (?:was|is) (?:how|what) [^.;“”\"]{1,120}? (?:put it|said|described it|summed it up)\.$|"
    r"^(?:[\w’'.,-]+ ){1,6}(?:rejected|disputed|denied|dismissed|contested|challenged|questioned) (?:that|this|it|"
    r"(?:the|that|this|these|those|its|his|her|their) (?:report|reports|claim|claims|account|figures|findings|"
    r"assessment|analysis|suggestion|characteri[sz]ation|allegation|allegations|criticism))\.$"
)
# 'The department said it was “disappointed” and urged …': a feeling; "She said she hoped …": a hope.
_WISH = re.compile(r"^(?:it|he|she|they|we|i) (?:hoped|hopes|wished|wishes|prayed)\b", re.I)
_FEELING = re.compile(
    # "said staff were “heartbroken”", "the school community was “devastated”": a feeling, whoever's it is.
    r"^(?:it|he|she|they|we|i|(?:the |its |his |her |their )?(?:[a-z][\w’'-]* ){0,2}[a-z][\w’'-]*) "
    # "she had been “shocked” by how fast it spread": a feeling remembered is still one.
    r"(?:was|were|is|are|am|felt|feel|(?:had|has|have) been) "
    r"[“\"]?(?:deeply |very |extremely |absolutely |utterly |so |truly )?(?:(?:disappointed|pleased|delighted|saddened|"
    r"dismayed|sorry|angry|furious|exhausted|anxious|frightened|relieved|"
    r"concerned|worried|appalled|shocked|surprised|encouraged|frustrated|heartbroken|devastated|thrilled|"
    r"demoralised|demoralized|distraught|overwhelmed|stunned|humbled|grateful|proud|upset|gutted|tired|ashamed|remorseful|"
    r"over the moon)(?: and |, )?){1,3}[”\"]?"
    # "was “deeply worried” for its members", "was “pleased to have found a buyer”": still a feeling; never past "and".
    r"(?: (?:for|about|by|at|of|with|to (?:have )?(?:found|seen|see|welcome|welcomed|hear|heard)) "
    r"(?:(?! and )[^.“”\"]){1,60}"
    # "were “relieved it is over”": glad that something has ended, still a feeling.
    r"| (?:that )?(?:it|this|the [a-z]+) (?:is|was|had been|has been|are|were) (?:finally |all )?over"
    r"| (?:by )?how [^.“”\"\d]{1,60})?"  # "were surprised how large the effect was": no figure, still a feeling
    r"[”\"]?(?:\.$|,? and (?:urged|called|asked|hoped)\b|"
    # "I was gutted, but these things happen.", "…, but we have not given up": a feeling, nothing added to check.
    r",? but (?:these|such|those) things happen\.$|,? but (?:we|i)\b[^.;“”\"\d]{0,80}\.$|"
    # "was disappointed and would study the decision carefully": a feeling, and a review promised of nothing.
    r",? and (?:would|will) (?:study|consider|review|examine|reflect on|look (?:closely )?at) (?:the|its|this|their) "
    r"[\w -]{1,30}?(?: carefully| closely| in detail)?\.$)"
)


# 'closing the bridge was “the only safe option”': a quoted word for something, and no more (a figure makes a claim).
_QUOTED_VERDICT = re.compile(
    r"^(?:[\w’'-]+\s){1,8}?(?:was|were|is|are|would\sbe|will\sbe|had\sbeen|has\sbeen|remained|remains)\s"
    # '… was “little short of a miracle”': a verdict, however hedged; never a superlative over a span of time.
    r"[“\"](?:(?:a|an|the|no|not\sa|nothing|little\sshort\sof)\s(?![^“”\"]{0,60}\b(?:for|in|since)\sa\s(?:decade|"
    r"generation|century)\b)[^“”\"\d]{1,60}|"
    # 'the figures were “deeply worrying”': a reaction to what they show, in one quoted word or two.
    r"(?:deeply\s|very\s|extremely\s|hugely\s|really\s|truly\s|incredibly\s|utterly\s|completely\s|totally\s|"
    r"absolutely\s)?(?:worrying|alarming|shocking|"
    r"disappointing|encouraging|heartening|troubling|disturbing|concerning|depressing|unacceptable|appalling|"
    # 'the event would be “spectacular” if the weather was clear': praise, however it is hedged.
    r"spectacular|stunning|amazing|incredible|remarkable|extraordinary|fantastic|brilliant|magical|wonderful))[”\"]"
    # 'the news was “a hammer blow” for the town': whom the verdict is for adds nothing to check.
    r"(?:\s(?:for|to)\s(?:the|its|their|his|her|our|local)\s[^“”\"\d.,]{1,40}|\sif\s[^“”\"\d.,]{1,60})?"
    # 'was “a force of nature” who had “done more …”': a tribute goes on in the same words.
    r"(?:\s(?:who|which|that)\s(?:had|has|have|was|is)\s[“\"][^“”\"\d]{1,60}[”\"])?\.?$"
)


def _called_only(content: str) -> bool:
    return VERDICT.search(content.rstrip(" .")) is not None and _CALLED_ONLY.match(content) is not None


# The subject's own verb, not a clause's after a statement ("…, which they described as “a racing accident”").
_CALLED_ONLY = re.compile(
    r"^(?:(?!\b(?:which|said|says|that|what)\b)[^“”\"]){3,120}\b(?:called|described|branded|labell?ed|dubbed) "
    r"[^“”\"]{1,60}[“\"]"
)
# 'the poll showed “everything to play for”': a reading of figures in quoted words, with no figure of its own.
_SHOWED_QUOTED = re.compile(
    r"^(?:the|this|these|it|that|its|their)\b[^“”\"\d]{0,40}?\b(?:showed|shows|proved|proves|suggested|suggests)\s"
    r"[^“”\"\d]{0,60}[“\"][^“”\"\d]{1,60}[”\"]\.?$"
)
_FINDER = re.compile(r"\b(?:report|inspectors?|inspection|review|audit|tribunal|court|judge|found|finds)\b", re.I)
# 'it was “co-operating fully” with the inquiry', "would co-operate fully with any investigation": what every body says.
_COOPERATING = re.compile(
    r"^(?:it|he|she|they|we|the\s[a-z]+)\s(?:(?:is|was|are|were|would\sbe|will\sbe|had\sbeen|has\sbeen)\s[“\"]?"
    r"(?:fully\s)?(?:co-?operating|assisting)|(?:would|will)\s(?:fully\s)?(?:co-?operate|assist))(?:\sfully)?[”\"]?\s"
    r"(?:with\s[^.;“”\"]{1,50})?\.?$"
)


def asserts_nothing(sentence: str, content: str) -> bool:
    """A reaction, a dismissal, a feeling, a courtesy, a hope or a policy of silence, and nothing more."""
    return bool(
        _REACTION.match(sentence)
        or _DISMISSAL.match(sentence)
        or _FEELING.match(content)
        or _COURTESY.match(sentence)
        or _WELCOME.match(content)
        or _WISH.match(content)
        or _SILENCE.match(content)
        or _UNVERIFIED.match(sentence)
        or NO_STATEMENT.match(sentence)
        # An inspection's or a court's word for what it found is its finding: "the sixth form was “a strength …”".
        or (_QUOTED_VERDICT.match(content) and not _FINDER.search(sentence))
        or _SHOWED_QUOTED.match(content)
        or _COOPERATING.match(content)
        or _REFUSED.match(content)
        # "the fall was welcome but that “a year is still a long time”": a welcome, with no figure to check after it.
        or (_WELCOMED.match(content) and not drafting.numbers(content))
        # 'X called the investment “a vote of confidence”': a name for it, and no more.
        or _called_only(content)
        # A platitude that is the whole statement; "… is our highest priority" and that it changed suppliers is not.
        or ((m := PLATITUDE.match(content)) is not None and len(content.rstrip(' .”"')) - m.end() < 3)
    )


# "The claims could not be independently verified.": the reporter's caution about claims told elsewhere.
_UNVERIFIED = re.compile(
    r"^(?:[\w’'-]+ ){1,4}(?:could not|cannot|can't|couldn't|was unable to|were unable to|has not been able to) "
    r"(?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)\b[^.]{0,60}\.$"
)


def feeling(clause: str, sentence: str = "") -> bool:
    """ "it was “disappointed” by her decision", split apart: a feeling (or a platitude, or a verdict), no claim."""
    said = clause.rstrip(" .")
    return bool(
        _FEELING.match(said + ".")
        or PLATITUDE.match(clause)
        or VERDICT.search(said)
        or _NOT_KNOWING.match(said)
        or (_QUOTED_VERDICT.match(said) and not _FINDER.search(sentence))
        or _SHOWED_QUOTED.match(said)
        or _REFUSED.match(said)
        or _WELCOMED.match(said)
        or _COOPERATING.match(said)
    )


# "…, and would not say whether …", "It did not say what had caused it.", "declined to say how many": nothing asserted.
_REFUSED = re.compile(
    r"^(?:(?:he|she|it|they|we|i|the\s[a-z]+)\s)?(?:(?:would|could|did|will)\s(?:not|n[’']t)|declined\sto|refused\sto)"
    r"\s(?:say|comment|confirm|disclose|reveal|discuss)\b",
    re.I,
)
# "the fall was welcome but …": a welcome, however it goes on.
_WELCOMED = re.compile(
    r"^(?:the|this|that|its|their)\s[\w\s’'-]{1,40}?\s(?:was|is|were|are)\s(?:a\s)?(?:welcome|good\snews|"
    r"a\sstep\sin\sthe\sright\sdirection)\b"
)
# '"Throwing fireworks at people … is dangerous and completely unacceptable."', "This was a cruel crime against …".
_CONDEMNED = re.compile(
    r"^[^.;]{3,160}\s(?:is|was|are|were)\s(?:[a-z]+\s(?:and|but)\s)?(?:completely\s|totally\s|utterly\s|simply\s|"
    r"absolutely\s)?(?:unacceptable|disgraceful|shameful|despicable|appalling|reckless|inexcusable)\.?$|^(?:This|That|It)"
    r"\s(?:is|was)\sa\s(?:truly\s)?(?:cruel|callous|cowardly|mindless|senseless|heartless|sickening)\s(?:crime|attack|act)\b"
)
# "and that he did not yet know whether he could supply customers": not knowing asserts nothing.
_NOT_KNOWING = re.compile(
    r"^(?:he|she|it|they|we|i)\s(?:did|does|do)\s(?:not|n[’']t)\s(?:yet\s)?know\s(?:if|whether|what|how|when|where|why)\b"
)


def quotation_score(
    attr: Attribution, scores: tuple[float, float, Any], speaker: str | None, speakers: Speakers, threshold: float
) -> float:
    """A quotation's check-worthiness: who said what is itself checkable when the speaker is named, except
    a person's advice ("Schools and parents should take this seriously": their view, as it is out of
    quotation marks), a feeling, and an exclamation ("I can't believe it.", "These are the hardest
    decisions I have had to make"), whose words alone score next to nothing. Zero for a feeling, an
    instruction ("Do not wait to see the flames") and not knowing ("I don't know if …")."""
    score, own, vector = scores  # the sentence's, the quotation's words' alone, and their encoder vector
    said = attr.quotation or ""
    platitude = PLATITUDE.match(said) or PLATITUDE.match(attr.content.strip())
    if (
        _felt(attr.content, said)
        or _UNSURE.match(said)
        or IMPERATIVE.match(said)
        or platitude
        or _called_only(attr.content)
        or (whole_quotation(attr) and _CONDEMNED.match(said) is not None)
    ):
        return 0.0
    whole = whole_quotation(attr)
    if whole and len(said.split()) < _FEW_WORDS and not drafting.numbers(said):
        return 0.0
    advice = PRESCRIPTIVE.search(said) and not drafting.numbers(said)
    # A figure is checkable however little the words around it weigh ("We should cut screen time by 2 hours").
    kind = speakers.kind(speaker or "")
    if whole and reactions.is_reaction(vector, said, own, kind):
        return 0.0  # above that floor, a figure-less quotation the reaction model reads as a reaction
    reaction = own < EXCLAMATION and not drafting.numbers(said) and not _DATED.search(said)
    if reaction or (advice and kind == "person"):
        return score
    return max(score, threshold + 0.05 * own) if speaker else score


# "Sallowfield A&E will close in 2027.": a year for what happens is as checkable as a figure.
_DATED = re.compile(r"\b(?:in|by|from|until|since|before)\s(?:[A-Z][a-z]{2,8}\s)?(?:19|20)\d\d\b")


def whole_quotation(attr: Attribution) -> bool:
    """A quotation, not a phrase quoted in a statement ('said it was “deeply sorry” and …'): the sentence's
    words, or what follows its tag ("X said: “…”", "X said, “…”")."""
    said = (attr.quotation or "").strip()[:15]
    return attr.content.lstrip(' “"').startswith(said) or bool(
        said and re.search(r"[:,]\s*[“\"]" + re.escape(said), attr.content)
    )


def _felt(content: str, quotation: str) -> bool:
    """ "said it was “disappointed” and urged …": a word quoted is still a feeling; so is "“We are deeply sorry,”"."""
    return bool(_FEELING.match(content) or _FEELING.match(quotation[:1].lower() + quotation[1:].rstrip(".,!") + "."))


# "About 450 people live in Pennard.": a reporter's figure is a fact to check; not with "I", "we", "you" or advice.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Yy]ou|[Yy]our)\b")


def reporters_figure(attr: Attribution) -> bool:
    said, plain = attr.content, not (attr.speaker or attr.reported_by or attr.quotation)
    return plain and bool(re.search(r"\d", said)) and not _FIRST_PERSON.search(said) and not IMPERATIVE.match(said)


def writers_own(attr: Attribution, who: Resolution) -> bool:
    """ "I signed the petition.": a columnist's own life, in the first person with no figure, is the background of
    a view, not a claim (an interview's answer is the interviewee's; "a Grade I listed building" no one's "I")."""
    said = attr.content
    plain = not (attr.speaker or attr.reported_by or attr.quotation or who.answer or who.speaker)
    mine = re.search(r"\b(?:(?<!Grade )(?<!Part )(?<!Phase )(?<!Type )(?<!War )I|[Mm]y|[Mm]e)\b", said)
    counted = _NUMBERED.sub("", said)  # "the 42 bus", "Ward 7": names, not figures; "since 2014": her own time
    return plain and not re.search(r"\d", counted) and bool(mine)


_NUMBERED = re.compile(
    r"\b(?:[Ww]ard|[Rr]oute|[Pp]latform|[Gg]ate|[Rr]oom|[Bb]ay) \d+\b|\bthe \d+ (?:bus|train)\b|since \d{4}"
)


def quoted_verdict(words: str) -> bool:
    """'the vote was “a huge moment”', 'arrears remained “very low”': a statement whose quoted words are what a
    thing is called; 'brewing would stay at the site “for the foreseeable future”' quotes a plain statement."""
    mark = _QUOTE_MARK.search(words)
    return mark is not None and _VERDICT_LEAD.search(words[: mark.start()]) is not None


_QUOTE_MARK = re.compile(r"[“”\"]")
_VERDICT_LEAD = re.compile(
    r"(?:^|\b(?:is|was|were|are|be|been|being|remained|remains|seemed|seems|looked|looks|felt|feels|sounded|became|"
    r"become|as|called|calling|described|not|very|so|too|more|most|less))\s*$",
    re.I,
)
