"""Check-worthiness: how much a sentence asserts something a checker could verify.

A logistic regression over three kinds of input: named features, each a signal fact-checkers name (numbers, dates,
named actors, reported events, comparisons) or a sign of something not checkable (questions, opinions, predictions,
calls to action, pleasantries); the sentence's WordLlama vector, which carries what no hand-written pattern lists (an
assertion about what someone did or wants, a page-chrome phrase, a personal anecdote); and its words, weighted by
TF-IDF (the words 20,000 crowd-labelled debate sentences tie to claims: "percent", "voted", "million" for; "going",
"think", "should" against). Weights are in checkworthy_model.json."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from factcheck.encoders import wordvectors

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|trillions|dozens?|"
    r"half|twice|double|doubled|triple|tripled|quadrupled|percent|per\s+cent|majority|quarter|third"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\."
)
_RE = {
    "digit": re.compile(r"\d"),
    # Lower case only: "Air Force One" or "First Lady" are names, not quantities.
    "number_word": re.compile(rf"\b({_NUMBER_WORDS})\b"),
    "money_pct": re.compile(r"[$€£¥]\s?\d|\d\s?(%|percent|per cent)|\b(dollars|euros|pounds)\b", re.I),
    "year": re.compile(r"\b(1[89]\d\d|20\d\d)s?\b|’\d\d\b|'\d\d\b"),
    "date": re.compile(
        rf"\b({_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
        r"last\s+(week|month|year|decade)|(\d+|several|few)\s+(days|weeks|months|years)\s+ago|since)\b",
        re.I,
    ),
    "reporting": re.compile(
        r"\b(said|says|told|tells|according\s+to|reported|reports|announced|confirmed|stated|claimed|"
        r"admitted|denied|testified|wrote|tweeted|posted|revealed|disclosed|acknowledged)\b",
        re.I,
    ),
    "event_verb": re.compile(
        r"\b(\w{3,}ed|was|were|had|did|gave|made|took|went|sent|won|lost|cut|paid|spent|fell|rose|"
        r"grew|built|sold|bought|met|held|began|left|led|ran|shot|struck|wrote|signed|passed|voted|"
        r"killed|arrested|deployed|launched|fired|approved|rejected|vetoed|banned)\b",
        re.I,
    ),
    "comparative": re.compile(
        r"\b(more|less|fewer|most|least|largest|biggest|highest|lowest|smallest|fastest|record|"
        r"first|last|only|increase[ds]?|decrease[ds]?|rise|rose|drop(ped)?|fell|doubled|tripled|"
        r"times\s+as|compared|than|average|rate|total|every|no\s+one|none|never|zero)\b",
        re.I,
    ),
    "policy": re.compile(
        r"\b(tax(es)?|jobs?|unemploy\w*|deficit|debt|budget|economy|economic|wages?|income|gdp|trade|"
        r"tariffs?|law|laws|bill|legislation|act|voted?|votes|senate|congress|court|supreme|police|crime|"
        r"murders?|immigra\w*|border|health\s*care|insurance|medicare|medicaid|social\s+security|"
        r"pension|oil|energy|coal|gas|emissions|climate|military|troops|army|war|nuclear|weapons?|"
        r"sanctions?|prices?|inflation|costs?|spending|funding|funds?|billion|million|covid|vaccines?|"
        r"deaths?|died|cases|hospital\w*|schools?|students?|poverty|welfare|crimes?|prison|elect\w*|"
        r"ballots?|polls?|administration|government|agency|department|deployed|aircraft|carrier)\b",
        re.I,
    ),
    "question": re.compile(r"\?\s*[”\"’']?\s*$"),
    "call_to_action": re.compile(
        r"^\s*(please\s+)?(sign\s+up|subscribe|click|join|follow|share|donate|buy|call|visit|go\s+to|"
        r"let[’']?s|read|watch|listen|download|register|remember|imagine|look|think\s+about)\b",
        re.I,
    ),
    "opinion": re.compile(
        r"\b(i|we)\s+(think|believe|feel|hope|want|wish|guess|suppose|know|love|like)\b|"
        r"\b(in\s+my\s+(opinion|view)|i[’']m\s+(sure|confident|proud)|frankly|honestly|obviously|"
        r"should|ought\s+to|must|need\s+to|have\s+to|deserve[sd]?)\b",
        re.I,
    ),
    "evaluative": re.compile(
        r"\b(great|greatest|wonderful|terrible|horrible|disaster|disgrace|incredible|amazing|beautiful|"
        r"tremendous|fantastic|awful|nice|good|bad|best|worst|sad|shame|ridiculous|stupid|crazy|"
        r"unfair|wrong|right|important|strong|weak|proud|happy|love|hate)\b",
        re.I,
    ),
    "future": re.compile(
        r"\b(will|won[’']t|going\s+to|gonna|would|could|might|may|plan\s+to|intend\s+to|promise[sd]?)\b",
        re.I,
    ),
    "pleasantry": re.compile(
        r"^\s*(thank\s+you|thanks|good\s+(evening|morning|night|afternoon)|ladies\s+and\s+gentlemen|"
        r"hello|welcome|god\s+bless|congratulations|okay|ok|well|yes|no|sure|absolutely)\b",
        re.I,
    ),
    "second_person": re.compile(r"\b(you|your|you[’']re|you[’']ve)\b", re.I),
    "first_person": re.compile(r"\b(i|me|my|i[’']m|i[’']ve|i[’']ll)\b", re.I),
    "proper": re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"),
    # "lowest ever", "for the first time in 65 years", "number-one producer": records invite checking.
    "record": re.compile(
        r"\b(ever|in\s+(the\s+)?history|first\s+time|number[-\s]one|record(ed|s)?|unprecedented|"
        r"all[-\s]time|never\s+before|than\s+any|of\s+all\s+time|lowest|highest|largest|biggest|"
        r"fastest|slowest|worst|best\s+\w+\s+(ever|in))\b",
        re.I,
    ),
    # Someone did something: "I terminated the mandate", "he raised taxes", "they passed a bill".
    "actor_past": re.compile(
        r"\b(I|we|he|she|they|you|it|[A-Z][a-z]+)\s+(have\s+|has\s+|had\s+)?(never\s+|just\s+|already\s+|"
        r"also\s+|actually\s+|then\s+|even\s+)?(\w{3,}ed|got|gave|made|took|brought|paid|spent|cut|"
        r"lost|won|sold|built|left|sent|said|told|put|ran|wrote|did|didn[’']t|was|were)\b"
        # …but not "we have got to", "I wanted to": an obligation or a wish, not something done.
        r"(?!\s+to\b)"
    ),
    "negated_fact": re.compile(
        r"\b(never|didn[’']t|did\s+not|wasn[’']t|was\s+not|weren[’']t|hasn[’']t|haven[’']t|no\s+one|nobody|"
        r"not\s+a\s+single|not\s+one)\b",
        re.I,
    ),
    "ceremony": re.compile(
        r"\b(tonight|honou?red|join(ed)?\s+(us|by)|applause|god\s+bless|thank|welcome|congratulat\w*|"
        r"proud\s+to|please|grateful|prayers?|heroes?|celebrate)\b",
        re.I,
    ),
    # Claims about what someone else wants, supports or said are checkable against the record.
    "position": re.compile(
        r"\b(he|she|they|[A-Z][a-z]+)\s+(\w+\s+)?(wants?|supports?|thinks?|opposes?|believes?|proposed|plans?|"
        r"says|said|called|voted|refused|knew|knows|promised|admitted|paid|pays|got|gets)\b"
    ),
    # A promise or a call to act dressed in policy words: "We have got to make sure X never gets Y."
    "obligation": re.compile(
        r"\b(make\s+sure|have\s+got\s+to|(we|you)[’']ve\s+got\s+to|got\s+to|gotta|it[’']s\s+time\s+(we|to|for)|"
        r"we\s+(need|must|have)\s+to|our\s+job\s+is\s+to)\b",
        re.I,
    ),
    # "If he wins …, then …": a hypothetical asserts nothing that has happened.
    "hypothetical": re.compile(r"^\W*(if|unless|suppose|imagine|what\s+if|when\s+we)\b", re.I),
    # Health explainers put a claim behind a heading: "MYTH: …", "Fact: …", "True or false: …".
    "myth_heading": re.compile(r"^\W*(myth|fact|false|true|claim|misconception|true\s+or\s+false)\s*[:—–-]", re.I),
    "fact_marker": re.compile(r"\b(the\s+fact\s+(is|of\s+the\s+matter)|in\s+fact|the\s+truth\s+is)\b", re.I),
    "money": re.compile(r"\b(pa(y|ys|id|ying)|money|costs?|dollars|taxes|fortune|funding|spent|spending)\b|\$", re.I),
    "modal_claim": re.compile(r"\b(can|could|let\s+me|let[’']s|want\s+to|going\s+to)\b", re.I),
}

# Case-insensitive patterns run without IGNORECASE on the lowercased sentence: same matches, 2.5 times faster.
_LOWERCASE = {name: re.compile(rx.pattern) for name, rx in _RE.items() if rx.flags & re.IGNORECASE}
_COUNTED = {"policy", "proper"}

_MODEL_FILE = Path(__file__).with_name("checkworthy_model.json")
# scikit-learn's TfidfVectorizer tokens: the tuner fits with it, and term_scores must read a sentence as it did.
TOKEN = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class _Model:
    feature_weights: np.ndarray
    embedding_weights: np.ndarray
    bias: float
    terms: dict[str, tuple[float, float]]  # term -> (idf, weight)


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The fitted weights: written by bench/tune_checkworthy.py --write, read once."""
    data = json.loads(_MODEL_FILE.read_text(encoding="utf-8"))
    if data["embedding_model"] != wordvectors.MODEL:
        raise RuntimeError(f"{_MODEL_FILE.name} was fitted on {data['embedding_model']}, not {wordvectors.MODEL}")
    names = sorted(data["features"])
    if names != feature_names():
        raise RuntimeError(f"{_MODEL_FILE.name} does not match the features: rerun bench/tune_checkworthy.py --write")
    if len(data["embedding"]) != wordvectors.DIMENSIONS:
        raise RuntimeError(
            f"{_MODEL_FILE.name} has {len(data['embedding'])} vector weights, not {wordvectors.DIMENSIONS}"
        )
    return _Model(
        feature_weights=np.array([data["features"][n] for n in names]),
        embedding_weights=np.array(data["embedding"]),
        bias=float(data["bias"]),
        terms={t: (float(idf), float(w)) for t, (idf, w) in data.get("terms", {}).items()},
    )


def term_scores(sentences: list[str], terms: dict[str, tuple[float, float]]) -> np.ndarray:
    """Each sentence's TF-IDF vector (sublinear tf, L2-normalised) dotted with the term weights, as scikit-learn's."""
    out = np.zeros(len(sentences))
    for i, sentence in enumerate(sentences):
        counts: dict[str, int] = {}
        for token in TOKEN.findall(sentence.lower()):
            if token in terms:
                counts[token] = counts.get(token, 0) + 1
        if not counts:
            continue
        dot = norm = 0.0
        for token, tf in counts.items():
            idf, weight = terms[token]
            value = (1.0 + math.log(tf)) * idf
            dot += value * weight
            norm += value * value
        out[i] = dot / math.sqrt(norm)
    return out


def features(sentence: str) -> dict[str, float]:
    words = sentence.split()
    n = len(words)
    lower = sentence.lower()
    f = {
        name: 1.0 if (_LOWERCASE[name].search(lower) if name in _LOWERCASE else rx.search(sentence)) else 0.0
        for name, rx in _RE.items()
        if name not in _COUNTED
    }
    f["policy"] = min(len(_LOWERCASE["policy"].findall(lower)), 3) / 2
    # First person counts against a sentence only when it reports no action: "I think" vs "I cut taxes".
    if f["actor_past"] or f["negated_fact"]:
        f["first_person"] = 0.0
    f["proper"] = min(len(_RE["proper"].findall(sentence)), 4) / 2
    f["length"] = min(n, 40) / 20
    f["short"] = 1.0 if n < 6 else 0.0
    return f


def feature_names() -> list[str]:
    return sorted(features(""))


def feature_matrix(sentences: list[str]) -> np.ndarray:
    """The model's inputs: the named features in sorted order, then the sentence vector."""
    names = feature_names()
    named = np.array([[f[n] for n in names] for f in map(features, sentences)]).reshape(len(sentences), len(names))
    return np.hstack([named, wordvectors.embed(sentences)])


def scores(sentences: list[str]) -> list[float]:
    """Probability that each sentence is check-worthy; one batch is much faster than one call each."""
    if not sentences:
        return []
    model = _model()
    z = (
        feature_matrix(sentences) @ np.concatenate([model.feature_weights, model.embedding_weights])
        + term_scores(sentences, model.terms)
        + model.bias
    )
    return (1 / (1 + np.exp(-np.clip(z, -30, 30)))).tolist()


def score(sentence: str) -> float:
    return scores([sentence])[0]


def has_quantity(sentence: str) -> bool:
    return bool(_RE["digit"].search(sentence) or _RE["number_word"].search(sentence))


def has_date(sentence: str) -> bool:
    return bool(_RE["year"].search(sentence) or _RE["date"].search(sentence))


# "She died at the scene", "Two men were killed", "Nobody was hurt": a death or an injury (or none) is an event a desk
# checks, however plainly told (the model, trained on politics, scores such lines low). Never a hypothetical ("could
# have been killed") or an unknown ("whether anyone was hurt").
_CASUALTY = re.compile(
    r"(?<!could have )(?<!would have )(?<!might have )(?<!anyone )(?<!anybody )"
    r"\b(?:died|(?:was|were) (?:killed|found dead|pronounced dead)|"
    r"(?:was|were|been) (?:seriously |critically |badly |slightly |fatally )?(?:injured|hurt|wounded)|"
    r"(?:was|were|been) (?:taken|airlifted|rushed) to hospital|(?:had|suffered|sustained) (?:a |an )?(?:minor |deep |"
    r"serious |severe )?(?:(?:cut|gash|wound|fracture|burns?) to (?:his|her|their|its|the)|broken (?:arm|leg|wrist|"
    r"ankle|ribs?|nose|collarbone|hip|jaw)|head injur(?:y|ies)|cuts and bruises)\b|"
    # "She had a cut paw but was otherwise unhurt": no injury, told as plainly as one.
    r"(?:was|were|been) (?:otherwise |largely |apparently )?(?:unhurt|unharmed|uninjured))\b"
)


def reports_casualty(sentence: str) -> bool:
    return bool(_CASUALTY.search(sentence))


# "It is the second sinkhole in the town in three years": a place in a tally is a record a desk checks against the
# list. Said plainly, in the present or the past, with the tally's frame; never "would be only the third".
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))"
_TALLY = re.compile(
    rf"^(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,3}}|The (?:win|victory|draw|defeat)) (?:is|was|has been|became) "
    rf"(?:only )?(?:the|its|their|his|her|(?:[A-Z][\w’'-]* ){{0,2}}[A-Z][\w’'-]*(?:['’]s|s['’])) (?:{_ORDINAL}|only) "
    r"[^,;]{1,80}?\b(?:"
    r"(?:this|last) (?:year|season|month|week|century)|of the (?:season|year|race|tournament|campaign|decade)|"
    r"in (?:\w+ )?(?:years?|months?|weeks?|games|matches|races|decades?)|since \w+|so far|in the (?:district|county)|"
    r"in (?:its|their|the) \w*\s?history|(?<=time )(?:the )?[A-Z][^,;]{1,40}? (?:has|have|had) (?:been )?[a-z]{3,})\b"
    # "Ash is the third most common tree in Britain's woods": a place in a national ranking.
    rf"|^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,3}} (?:is|was|are|were|remains) the (?:{_ORDINAL} )?most (?:common|"
    r"popular|visited|widespread|numerous|spoken|played|watched) [^,;]{1,60}? in (?:Britain|the UK|England|Scotland|"
    r"Wales|Europe|the world|the country|[A-Z][\w’'-]*['’]s)\b"
    # "The win lifts Rovers to fourth in the table": a side's place after a result, read off the table.
    r"|^The (?:win|victory|draw|defeat|loss|result) (?:lifts|takes|moves|puts|leaves|keeps|drops) [A-Z][\w’'-]*"
    rf"(?: [A-Z][\w’'-]*){{0,3}} (?:up |down )?(?:to |into |off )?(?:the )?(?:top|bottom|{_ORDINAL})\b[^,;.]{{0,20}}?"
    r" (?:in|of) the (?:table|league)\b|^[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3} (?:had|have|has) (?:won|lost|drawn) "
    r"(?:[\w ]{3,12} of )?(?:their|its|his|her) (?:previous|last) (?:\w+ ){,2}(?:games|matches|fixtures|races|bouts)\b"
)


def ranks_in_a_tally(sentence: str) -> bool:
    return bool(_TALLY.match(sentence))


# "No train was passing at the time", "No arrests have been made", "Charges for visitors will not change": what did
# not happen, or what stays as it is, told as plainly as what did; never a hypothetical ("would have").
_NONE_HAPPENED = re.compile(
    r"^(?:No|None\sof\sthe)\s[a-z]+(?:\s(?!would|could|might|may|should|must)[a-z]+){0,2}\s"
    r"(?:was|were|is|are|has|have|had)(?:\sbeen\s[a-z]{3,}|\s(?!been\b)[a-z]+(?:ing|ed|en)|\s(?:made|held|found|set|"
    r"sent|told|paid|built|kept|left|lost|sold|hit|shut|put|cut))\b"
    r"|^[A-Z][a-z]+(?:\s[a-z]+){0,5}\s(?:will|would)\snot\s(?:change|rise|go\sup|increase|be\saffected)\.$"
)


# "Most of the closures were caused by flooding": a cause told as what was so, never "could have been caused by".
_CAUSE = re.compile(
    r"^(?![^,;]{0,60}?\b(?:could|would|might|may|must|should)\s)[A-Z][^,;]{0,60}?\s(?:was|were|is|are|has\sbeen|"
    r"have\sbeen)\s(?:largely\s|mostly\s|partly\s|mainly\s)?"
    r"(?:blamed\son|caused\sby|put\sdown\sto|attributed\sto)\s"
    # "Wrens are one of the few British birds that …": a place among few or the only, not "one of the best".
    r"|^(?!(?:They|It|He|She|We|This|That|These|Those)\s)[A-Z][\w’'-]*(?:\s[\w’'-]+){0,3}\s(?:is|are|was|were)\s(?:one|among)\sof\s(?:the\s(?:few|only|"
    # "Thornleigh is one of dozens of universities to announce cuts": one of a counted many, too.
    r"last|first|oldest|largest|biggest|smallest|rarest|earliest)|dozens|hundreds|thousands|\d[\d,]*)\s"
)


def plain_record(sentence: str) -> bool:
    """A death, an injury, a place in a tally, what did not happen, or a cause: checkable however plainly told."""
    return (
        reports_casualty(sentence)
        or ranks_in_a_tally(sentence)
        or bool(_NONE_HAPPENED.match(sentence) or _CAUSE.match(sentence) or _FUNDED.match(sentence))
        or bool(_DATED_RULE.match(sentence) or _HAZARD.match(sentence))
    )


# "Cold water shock can cause a sudden gasp", "Some algae produce toxins that can kill dogs": what a hazard does.
_HAZARD = re.compile(
    r"^(?!(?:It|This|That|They|He|She|We|You|I)\s)[A-Z][^,;]{0,80}?\s(?:can|may|could)\s(?:cause|kill|trigger|damage|"
    r"harm|lead\sto)\s(?:a\s|an\s|the\s)?(?:sudden\s|serious\s|severe\s|permanent\s)?(?:[a-z]+\s){0,3}?(?:gasp|rash|"
    r"rashes|vomiting|death|deaths|dogs|cats|livestock|fish|birds|children|people|heart\sattacks?|strokes?|cancer|"
    r"blindness|burns|hypothermia|drowning|illness|damage|collapse|seizures?|poisoning|failure|drowsiness|dizziness|coughing|breathlessness|reactions?)\b"
    r"|^Symptoms\s(?:of\s[^,;]{1,60}?\s)?(?:usually\s|typically\s|often\s|can\s|may\s)?include\s"  # an illness
)


# "A park authority will require planning permission for any new holiday let from June": a rule and its start.
_MONTH_OR_YEAR = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|next\s(?:year|month|"
    r"week)|\d{4}\b)"
)
_DATED_RULE = re.compile(
    r"^[A-Z][^,;]{0,80}?\s(?:will|is\sto|are\sto)\s(?:require|ban|charge|introduce|scrap|abolish|cap|limit|"
    rf"allow|bar|fine)\s[^;]{{0,120}}?\bfrom\s{_MONTH_OR_YEAR}"
    # "The Halfield and Orton Road leisure centres will close in September": a closure and when.
    rf"|^[A-Z][^,;]{{0,80}}?\s(?:will|is\sto|are\sto|is\sdue\sto|are\sdue\sto)\s(?:close|shut|open|reopen)"
    rf"(?:\s[a-z]{{2,20}}){{0,3}}?\s(?:(?:in|on|from|by)\s{_MONTH_OR_YEAR}|next\s(?:year|month|week))"
)


# "The rest came from a heritage grant", "The bridge was paid for by the county": who paid is checkable.
_FUNDED = re.compile(
    r"^(?:The\s(?:rest|remainder|balance|money|funding)|(?:Most|Half|Some|Part)\sof\sthe\s(?:money|funding|cost))"
    r"\s(?:came|comes|will\scome|is\scoming)\sfrom\s(?:a|an|the|its|their)\s"
    r"|^[A-Z][^,;]{0,60}?(?:,[^,;]{1,80},)?\s(?:was|were|is|are|will\sbe)\s(?:largely\s|partly\s|mostly\s|jointly\s)?"
    r"(?:paid\sfor|funded|financed|bankrolled)\sby\s(?:a|an|the|its|their|[A-Z])"
)


# "Businesses in England do not have to display their rating, but those in Wales must", "By law, drivers must stop": a
# rule, told with the place it holds in or the law that makes it, is a claim a desk checks against the law; "Parents
# must check their children's records", with neither, is advice.
_RULE = re.compile(
    # "Under a 1908 law, councils in England must provide allotments": the law's year says which.
    r"^(?:(?:By|Under (?:the|a|an)(?: \d{4})?) (?:law|plan|rules|scheme|policy)|Legally),\s[^;]{1,100}?\b(?:must|"
    r"have to|has to|are required to|is required to)\b|"
    r"^[A-Z][^,;.]{0,60}?\bin (?:England|Wales|Scotland|Northern Ireland|the UK|Britain|Great Britain|the EU)\b"
    r"[^;]{0,60}?\b(?:must|do not have to|does not have to|don['’]t have to|are required to|is required to|"
    r"are not allowed to|is not allowed to)\b"
    # "MPs are allowed to take paid jobs outside Parliament, but they must declare them": a class's rule, plainly.
    r"|^[A-Z][\w’'-]{0,30}(?:\s[a-z]+){0,3}\s(?:are|is)\s(?:not\s)?(?:allowed|permitted|required|barred|banned)\sto\s"
    # "Grey seals are protected by law", "Swifts are on the UK's red list", "It is a Grade I listed building": plainly.
    r"|^[A-Z][^,;.]{0,60}?\s(?:is|are)\s(?:(?:protected|banned)\sby\slaw|on\s(?:the\s)?(?:[\w’']{1,10}\s)?red\slist|"
    r"(?:a\s)?Grade\sI{1,2}\*?[\s-]listed|listed\sat\sGrade\sI)\b"
    r"|^It\sis\s(?:illegal|an\soffence)\sto\s"
    # "Councils have no legal duty to provide toilets", "… are not liable for pothole damage if …": no duty, too.
    r"|^[A-Z][\w’'-]{0,30}(?:\s[a-z]+){0,3}\s(?:(?:has|have)\sno\s(?:legal|statutory)\s(?:duty|obligation)\sto|"
    r"(?:are|is)\s(?:not\s)?(?:legally\s)?liable\sfor)\s"
    # "In the UK, a meteorite belongs to the owner of the land it falls on": whose a thing is, by law.
    r"|^In\s(?:England|Wales|Scotland|Northern\sIreland|the\sUK|Britain|Great\sBritain|the\sEU),\s[^;]{1,80}?\s"
    r"(?:belongs?\sto|is\sowned\sby|are\sowned\sby|is\sthe\sproperty\sof|are\sthe\sproperty\sof)\s"
    # "Blue badge holders will continue to park for free", "Under-fives are exempt from the charge": who is let off.
    r"|^[A-Z][\w’'-]{0,30}(?:\s[\w’'-]{1,30}){0,4}\s(?:will\s(?:still\s|continue\sto\s)|can\s|may\s)?"
    r"(?:park|travel|ride|enter|swim|visit)\s(?:for\s)?free\b"
    r"|^[A-Z][\w’'-]{0,30}(?:\s[\w’'-]{1,30}){0,4}\s(?:are|is|will\sbe|will\sremain)\sexempt\sfrom\s"
    # "The designation means the water will be tested …": what a status or a decision brings with it.
    r"|^The\s(?:designation|status|listing|ruling|order|ban|rule|decision)\smeans\s(?:that\s)?[^;]{1,80}?\b(?:will|must)\b"
)


def states_a_rule(sentence: str) -> bool:
    return bool(_RULE.match(sentence))
