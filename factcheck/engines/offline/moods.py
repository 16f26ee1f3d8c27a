"""What a sentence does besides asserting something to check: it feels ("said staff were heartbroken"), reacts,
dismisses, thanks, hopes, keeps silent or exclaims (advice: instructions.py); ticketed only if it asserts too."""

from __future__ import annotations

import re
from typing import Any

from factcheck.engines.offline import drafting, reactions
from factcheck.engines.offline.attribution import Attribution
from factcheck.engines.offline.instructions import IMPERATIVE, PRESCRIPTIVE
from factcheck.engines.offline.pronouns import Resolution
from factcheck.engines.offline.reporting import ASKED_ONLY, VERDICT
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
        or ASKED_ONLY.match(sentence)
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
        or ((m := _PLATITUDE.match(content)) is not None and len(content.rstrip(' .”"')) - m.end() < 3)
    )


# "The claims could not be independently verified.": the reporter's caution about claims told elsewhere.
_UNVERIFIED = re.compile(
    r"^(?:[\w’'-]+ ){1,4}(?:could not|cannot|can't|couldn't|was unable to|were unable to|has not been able to) "
    r"(?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)\b[^.]{0,60}\.$"
)


# "the safety of our customers is our highest priority", "it takes these concerns very seriously": nothing to check.
_PLATITUDE = re.compile(
    r"^[“\"]?(?:the\s)?(?:safety|wellbeing|well-being|welfare|health|security)\sof\s(?:our|its|their)\s[\w\s-]{1,40}?"
    r"\s(?:is|are|remains|remain|has\salways\sbeen)\s(?:always\s)?(?:our|its|their)\s(?:highest|top|first|number\sone|"
    r"absolute|overriding|utmost)\spriority|^(?:we|it|they)\s(?:take|takes|took)\s[\w\s’'-]{1,40}?\s(?:very\s|extremely\s)?"
    r"seriously\b|"
    # "We are treating this with the utmost seriousness": the same, as a promise of attention.
    r"^(?:we|it|they)\s(?:are|is|were|was)\streating\s(?:this|it|the\s\w+)\s(?:very\s|extremely\s)?(?:seriously|"
    r"with\sthe\s(?:utmost|greatest)\sseriousness)\b|"
    # "This was not a decision the board took lightly", "Nobody wants to strike", "Dean gave everything": tributes too.
    r"^(?:this|it|that)\s(?:was|is|has\sbeen)\snot\s(?:an\seasy\s(?:decision|choice)|a\s(?:decision|step|choice)\s"
    r"[\w\s’'-]{1,40}?\s(?:took|taken|take|takes)\slightly)\b|"
    # "staff “did not take this decision lightly”", "the decision had not been taken lightly": the same, twice.
    r"^(?:[\w’'-]+\s){0,3}[“\"]?(?:did|do|does|had|have|has|would)\s(?:not|never)\stake\s(?:this|the|that|such\san?)\s"
    r"(?:[a-z]+\s)?(?:decision|step|action|choice)\slightly\b|"
    r"^(?:the|this|that|its|our)\s(?:decision|step|choice)\s(?:had|has|was|is)\snot\s(?:been\s)?(?:taken|made)\slightly\b|"
    # "it would not hesitate to prosecute landlords who …": a warning, however firm, does nothing yet.
    r"^(?:it|we|they|he|she)\s(?:would|will)\snot\shesitate\sto\s[^.;“”\"]*|"
    # "No university wants to do this": nor does any body of a kind.
    r"^(?:nobody|no\sone|no-one|no\s[a-z]{3,20})\s(?:wants|wanted)\sto\s"
    r"\w+|^[\w’'-]{2,30}\s(?:gave|has\sgiven)\s(?:everything|his\sall|her\sall|so\smuch)\sto\s(?:this|the|our)\s|"
    r"^[\w’'-]{2,30}\s(?:was|is)\sthe\s(?:kindest|gentlest|bravest|loveliest|most\s(?:generous|caring|loving|selfless))\s"
    r"(?:person|man|woman|friend|soul)\s(?:I|we)\s(?:have\s|had\s)?(?:ever\s)?(?:known|met)\b|"
    # "The only poll that matters is on 22 May", "We are confident our record will speak for itself": confidence.
    r"^the\sonly\s(?:poll|vote)\sthat\s(?:matters|counts)\b|^(?:we|i)\s(?:are|am|remain)\s(?:very\s|quietly\s)?"
    r"confident\b|^[\w\s’'-]{1,80}?\bspeaks?\sfor\s(?:itself|themselves)\b|"
    # "There is no place for racism in our game": what every club says; "It feels like we are punished": an impression.
    r"^there\s(?:is|was|can\sbe)\sno\splace\sfor\b|^it\s(?:feels|felt)\s(?:like|as\sif|as\sthough)\b|"
    # "Another 20 minutes and it would have been …", "Another £10 a day would have finished us": what did not happen.
    r"^another\s[\w\s]{1,20}?\sand\s(?:it|we|they|he|she|the\s[a-z]+)\s(?:would|could|might)\shave\b[^.;“”\"]{0,80}|"
    r"^another\s[£$€]?[\w\s]{1,20}?\s(?:would|could|might)\shave\s(?:finished|ruined|killed|closed|sunk)\s[^.;“”\"]{0,40}|"
    # "she would have been embarrassed by the attention", "He would have been so proud": a tribute's guess.
    r"^(?:he|she|they|[A-Z][\w’'-]{1,30}(?:\s[A-Z][\w’'-]{1,30}){0,2})\swould\shave\sbeen\s(?:so\s|very\s|really\s|incredibly\s)?(?:proud|"
    r"embarrassed|delighted|thrilled|horrified|heartbroken|pleased|happy|amazed|overjoyed|honoured|humbled|mortified|"
    r"touched|moved)\b[^.;“”\"\d]{0,80}|"
    # "We just want it moved 200 metres": a wish, whatever its measure.
    r"^(?:we|i)\s(?:just\s|only\s|simply\s|really\s)?want(?:ed)?\s(?:it|them|this|that|him|her)\s[a-z]+ed\b"
    r"[^.;“”\"]{0,60}|"
    # "This should not have happened, and I'm sorry for the worry it has caused.": an apology, nothing to check.
    r"^this\sshould\s(?:not|never)\shave\shappened\b[^.;“”\"\d]{0,80}|"
    # "This is a painful decision for a company with our history": regret, however the decision is framed.
    r"^this\s(?:is|was|has\sbeen)\s(?:a|an|one\sof\sthe)\s(?:very\s|really\s|deeply\s|incredibly\s)?(?:painful|difficult|"
    r"hard|sad|tough|heartbreaking|heavy|hardest|toughest|saddest|most\sdifficult|most\spainful)\s(?:decision|day|time|"
    r"moment)s?\b[^.;“”\"\d]{0,60}[.,!]?$|"
    # "It's the worst I've seen in 20 years.": a memory's superlative, which no record holds.
    r"^(?:it|this|that)(?:['’]s|\sis|\swas)\sthe\s(?:worst|best|busiest|biggest|quietest)\s(?:i|we)(?:['’]ve|\shave)\s"
    r"(?:ever\s)?(?:seen|known|had)(?:\sin\s(?:\d{1,3}|[a-z]{3,9})\s(?:years|decades))?[.,!]?$|"
    # "We are very sorry to everyone who was caught up in this": an apology, to whomever it is made.
    r"^(?:we|i)(?:\sare|\sam|['’]re|['’]m)\s(?:very\s|so\s|truly\s|deeply\s|really\s)?sorry\b[^.;“”\"\d]{0,80}[.,!]?$|"
    # "I didn't know about the rules and I'm sorry.": a defendant's apology, with what they did not know.
    r"^(?:i|we)\s[^.;“”\"\d]{1,80}?,?\sand\s(?:i|we)(?:['’]m|['’]re|\sam|\sare)\s(?:so\s|very\s|truly\s|deeply\s)?"
    r"sorry[.,!]?$|"
    # "Shop workers' union leaders welcomed the move.": a welcome told by the reporter, with nothing to check.
    r"^[A-Z][^.;,“”\"\d]{0,60}\swelcomed\sthe\s(?:move|decision|news|announcement|plan|change|ruling|step)\.?$|"
    # "Without us, half of them would shut.": what would happen were things otherwise (never with "within" a time).
    r"^without\s(?:us|this|that|it|them|him|her|you)\b,?\s[^.;\d]{1,100}?\bwould\b(?![^.;]{0,60}\bwithin\b)"
    r"[^.;“”\"\d]{0,80}|"
    # "The evidence says otherwise.": a rebuttal that points at evidence told elsewhere, with none of its own.
    r"^(?:but\s)?(?:the|our)\s(?:evidence|facts|figures|data|numbers|results)\s(?:says?|shows?|tells?|suggests?|"
    r"proves?)\s(?:otherwise|(?:a\s)?different(?:\sstory)?|the\sopposite)\.?$|"
    # "the figures were alarming": a verdict on figures told elsewhere, with none of its own.
    r"^(?:the|these|those|its|their)\s(?:latest\s|new\s)?(?:figures|findings|results|numbers|statistics|data)\s"
    r"(?:were|are|was|is)\s(?:deeply\s|very\s|truly\s|hugely\s)?(?:alarming|worrying|shocking|concerning|"
    r"disturbing|encouraging|disappointing|troubling|sobering)\b|"
    # 'the council had "no choice"', 'firms had "made real progress"', 'they had fallen in love with it': a defence.
    r"^(?:[\w’'-]+\s){1,4}(?:had|has|have)\s(?:[“\"](?:no\s(?:choice|alternative|option)|made\s(?:real\s|good\s|"
    r"significant\s|huge\s)?progress)[”\"](?:\sbut\sto\s[a-z]+)?|fallen\sin\slove\swith\b[^.;\d]{0,40})|"
    # "We fell in love with it the moment we walked up the steps": the same feeling, told as it happened.
    r"^(?:we|i|they|he|she)\s(?:fell|both\sfell)\sin\slove\swith\b[^.;“”\"\d]{0,80}[.,!]?$|"
    # "We are not against houses.", "I am in favour of the plan": a side taken, with nothing to check.
    r"^[“\"]?(?:we|i)\s(?:are|am|were|was)\s(?:not\s)?(?:against|opposed\sto|in\sfavour\sof)\s[^.;\d]{1,80}|"
    # "was “pleased that common sense has prevailed”": relief that a side was taken, no more.
    r"^(?:[\w’'-]+\s){1,3}(?:was|were|is|are)\s[“\"]?(?:pleased|glad|relieved|delighted)\sthat\scommon\ssense\s"
    r"(?:has|had)\sprevailed|"
    # 'residents deserved "a full and honest explanation"': what is owed to someone, a demand with nothing to check.
    r"^(?:[\w’'-]+\s){1,3}(?:deserved|deserves|deserve)\s[^.;\d]{0,80}|"
    # "the company understood the frustration", "the family would never recover": sympathy, and an endless grief.
    r"^(?:[\w’'-]+\s){1,3}(?:understood|understands|understand|shares|shared|share)\s(?:the\s|their\s|its\s|"
    r"[\w’'-]+['’]\s|[\w’'-]+['’]s\s)?(?:frustrations?|anger|concerns?|disappointment|upset|distress)\.?$|"
    r"^(?:[\w’'-]+\s){1,3}(?:would|will|could|can)\snever\s(?:fully\s)?(?:recover|get\sover|be\sthe\ssame|"
    r"forget|forgive)(?:\s[^.;“”\"\d]{0,40})?|"
    # "the fine would not bring her son back": the same grief, said of what was done.
    r"^(?:[\w’'-]+\s){1,3}(?:would|will|could|can)\s(?:not|never)\sbring\s(?:him|her|them|my|his|our|their)\s"
    r"(?:[a-z]+\s)?back\b|"
    # "The department said it was “monitoring the situation closely”": watching, which asserts nothing.
    r"^(?:it|we|they|he|she)\s(?:is|was|are|were)\s[“\"]?(?:closely\s)?monitoring\sthe\s(?:situation|position)"
    r"(?:\sclosely)?[”\"]?\.?$|"
    # "Those responsible will be held to account": a promise of justice names no one and nothing done.
    r"^(?:those|anyone|whoever|the\speople)\s(?:responsible|found\sresponsible|to\sblame)\s(?:will|would|must)\sbe\s"
    r"held\s(?:to\saccount|responsible)\b|"
    # "I've dreamed about this belt since I was 11", "This is for everyone in the gym": a dream, a dedication.
    r"^(?:i|we)(?:['’]ve|\shave)\s(?:always\s)?(?:dreamed|dreamt|wanted\sthis|longed\sfor)\b[^.;“”\"\d]{0,80}"
    r"(?:\ssince\s(?:i|we)\s(?:was|were)\s\d{1,2}(?:\syears\sold)?)?[.,!]?$|"
    r"^this\s(?:one\s)?is\sfor\s(?:everyone|everybody|all|my|our|the\s(?:fans|people|town|club|gym))\b[^.;“”\"\d]{0,80}[.,!]?$|"
    # "We'd like to hear from anyone with dashcam footage": an appeal, as the reporter's "Anyone with information".
    r"^(?:we|i)(?:['’]d|\swould)\slike\sto\shear\sfrom\s(?:anyone|anybody|everyone|people)\b|"
    r"^(?:we\sare|we['’]re|i\sam|i['’]m)\s(?:now\s|urgently\s)?appealing\s(?:for|to)\s(?:anyone|witnesses)\b|"
    # "We understand how much the baths mean to people, but …": sympathy, and the reason given against it.
    r"^(?:we|i)\s(?:fully\s)?(?:understand|know|appreciate|recognise|recognize)\show\s(?:much|important|upsetting|"
    r"difficult|hard|worrying)\b[^;“”\"\d]{0,160}$|"
    # "I did, my children did, …": a memory; "A pool … is no use to a nine-year-old": a retort; "It looks better …".
    r"^(?:i|we)\sdid,\s(?:and\s)?(?:my|our)\s[^.;“”\"\d]{1,80}|^[^.;“”\"\d]{1,80}?\s(?:is|was|would\sbe|will\sbe)\s"
    r"(?:of\s)?no\s(?:use|help|good)\sto\s(?:a|an|anyone|anybody|people|families|children)\b[^.;“”\"\d]{0,80}|"
    r"^(?:now\s)?(?:it|this|the\s[a-z]+)\s(?:looks|looked|feels|felt)\s(?:so\s)?(?:much\s)?(?:better|nicer|brighter|"
    r"grander|lovelier|worse)\sthan\b[^;“”\"\d]{0,80}$|"
    # 'the news was "heartbreaking"': how it felt; "Whoever did this knew exactly what …": a guess at a culprit.
    r"^(?:[\w’'-]+\s){1,4}(?:was|were|is|are|had\sbeen)\s[“\"]?(?:absolutely\s|utterly\s|just\s)?(?:heartbreaking|"
    r"devastating|tragic|awful|terrible|dreadful|wonderful|brilliant|fantastic|disgraceful|appalling|shameful|"
    r"gutting)[”\"]?\.?$|^whoever\s(?:did|took|stole|dumped|started|is\sresponsible\sfor)\s(?:this|it|them)\b[^.;\d]{0,80}|"
    r"^(?:he|she|they|we|you)\sdid\severything\sright\b[^.;“”\"\d]{0,40}|"  # "He did everything right.": praise
    # "No receipt is needed.": what a customer need not bring, told as a rule of the refund.
    r"^no\s(?:receipt|appointment|booking|proof\sof\spurchase|referral)\s(?:is|will\sbe)\s(?:needed|required|necessary)\.?$|"
    # "It is never too late to catch up", "That almost certainly made the difference": encouragement, a verdict.
    r"^it(?:\sis|’s|'s)\snever\stoo\slate\b|^(?:that|this|it)\s(?:(?:almost|[a-z]+ly)\s){0,2}(?:made|makes|will\smake|would\s"
    r"have\smade)\s(?:all\s)?the\sdifference\b",
    re.I,
)


def feeling(clause: str, sentence: str = "") -> bool:
    """ "it was “disappointed” by her decision", split apart: a feeling (or a platitude, or a verdict), no claim."""
    said = clause.rstrip(" .")
    return bool(
        _FEELING.match(said + ".")
        or _PLATITUDE.match(clause)
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
    platitude = _PLATITUDE.match(said) or _PLATITUDE.match(attr.content.strip())
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
