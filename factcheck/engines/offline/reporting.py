"""Who is speaking, read from the shape of the sentence when no narrower pattern knows the name:
"The city's independent budget office said on Monday that …", "Sales rose 3 percent, the company
said.", "The UK Health Security Agency reported 2,911 cases …". The subject is only taken when it
reads like a name or a noun phrase; anything else is left alone, for a person to decide."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.engines.offline import events

VERBS = (
    r"said|says|told|tells|added|adds|warned|warns|cautioned|wrote|writes|explained|noted|argued|argues?(?=\s+that\b)|"
    r"claimed|claims|stated|"
    r"insisted|confirmed|confirms|announced|announces|reported|reports|acknowledged|admitted|denied|testified|"
    r"replied|responded|asserted|found|finds|concluded|showed|shows|estimated|estimates|disputed|countered|"
    r"recorded|predicted|promised|pledged|suggested|show|say|rejected|blamed|blames|accused|accuses|heard|ruled|"
    # "has forecast that", never the noun: "cut its earnings forecast to".
    r"forecasts?(?=\s+that\b)|projected(?=\s+that\b)|pointed\s+out|points\s+out|"
    r"called\s+(?:on|for)|"
    # "Detectives believe the raiders …": an inquiry's working account, in its name (see events.INQUIRERS).
    r"believes?|suspects?"
)
# "Leeds Crown Court heard that …" is what was said in court; "heard the news" is nobody's claim.
# "admitted conspiracy", "denied the charges": a plea or a denial of a thing, told in the reporter's voice.
NEEDS_THAT = {"heard", "admitted", "denied", "acknowledged", "denies", "admits", "rejected", "ruled"}
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
_A_COUNT = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many)\s+(?:other|more)\s", re.I)
# "Videos posted on social media showed streaks of debris": footage depicts; the reporter says what it shows.
_FOOTAGE = re.compile(r"^(?:the\s+)?(?:videos?|footage|photos?|photographs?|images?|pictures?|clips?)\b", re.I)
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
    r"yesterday|today|earlier|"
    # "ruled at the High Court in London on Thursday that": the court it was said in.
    r"at\s+the\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}(?:\s+in\s+[A-Z][\w’'-]*)?|"
    r"after\s+the\s+\w+|in\s+[A-Z]\w+|via\s+\w+|in\s+court|under\s+oath|repeatedly|publicly|privately|"
    # "has warned for years that": how long they have said it is not what they said.
    r"for\s+(?:years|months|weeks|decades|some\s+time)|since\s+\d{4}|"
    r"in\s+(?:dissent|response|reply|evidence|writing|testimony|interviews?|parliament)|"
    # "said on stage that", "told analysts on a call that": where it was said.
    r"on\s+(?:stage|air|camera|television|radio)|on\s+(?:a|an|the|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+){0,2}?(?=\s+that\b)|"
    # "wrote to parents that": whom it was written to, where "that" says a statement follows.
    r"to\s+(?:the\s+|its\s+|their\s+|all\s+)?[\w-]+(?:\s+[\w-]+)?(?=\s+that\b)"
    r")\b,?){0,2}"
)
# A listener is a few words with no verb or subject pronoun in them: "BBC Radio Scotland's Good Morning
# Scotland programme", never "us it has never made a product with" (before "that name").
_LISTENER_WORD = r"(?!(?:that|it|they|he|she|we|has|have|had|was|were|is|are|would|will|could|can)\b)[^\s,“”\"]{1,30}"
_TOLD = re.compile(rf"^ (?P<to>{_LISTENER_WORD}(?: {_LISTENER_WORD}){{0,8}}?) that ")
# "told us it has never made …": a listener named by a pronoun, then the statement without "that".
# "told MPs the government had offered …": a listener from the few a news story names, then the statement.
_TOLD_BARE = re.compile(
    r"^ (?P<to>us|me|(?:the )?(?:reporters|journalists|MPs|lawmakers|legislators|senators|councillors|"
    r"council\s?members|investors|analysts|staff|employees|workers|members|delegates|parliament|Parliament|supporters|"
    r"Congress|the (?:House|Senate|Commons|committee|court|jury|inquiry|hearing|tribunal|panel|conference|"
    r"BBC|newspaper|paper|audience|meeting|summit)|(?:the )?[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30}){0,2})) "
    r"(?=(?:it|they|he|she|there|the|its|their|this|these|no|none|his|her|we|our|a|an|more|only|every|all)\b"
    # "told the court Brennan had been warned": a name, then its verb.
    r"|[A-Z][\w’'-]{1,30} (?:had|has|was|were|is|would|could|did)\b)"
)
_THAT = re.compile(r"^\s*(?:,\s*)?that\s+")  # one way to split the spaces: linear
# "said in a statement outside court: “…”": the rest of the setting, up to the colon that opens a quotation.
_SETTING_COLON = re.compile(r"^\s?(?:(?:[\w’'-]{1,30}\s){0,4}[\w’'-]{1,30})?:\s?(?=[“\"])")
# A verb's word after "the" is a noun: "a source on the show" names no one who shows; after a superlative
# it describes one ("The UK's highest recorded temperature").
_DETERMINER = re.compile(
    r"\b(?:(?i:the|a|an|its|his|her|their|our)|highest|lowest|largest|biggest|smallest|greatest|most|least|best|"
    r"worst|longest|hottest|coldest|wettest|driest|fastest|oldest|earliest|latest)$"
)
_PASSIVE = re.compile(r"(?<!\s)\s+by\b")  # from a run's first space only: linear on long runs
# "The longest wait recorded in December was 51 hours": a superlative's participle, its own verb after it.
_SUPERLATIVE = re.compile(r"\b(?:[a-z]{2,}est|most|least|best|worst)\b")
_COPULA_SOON = re.compile(r" (?:[\w’'-]{1,30} ){0,5}(?:was|were|is|are)\b")
# "-ing" words that name a thing, not an action: "the housing charity Shelter", "the engineering firm".
_NOUN_ING = (
    r"(?:housing|building|engineering|banking|mining|shipping|nursing|planning|polling|marketing|publishing|"
    r"training|funding|clothing|broadcasting|manufacturing|accounting|consulting|lending|gaming|betting|"
    r"gambling|farming|fishing|trading|parking|printing|catering|computing|learning|"
    r"licensing|recycling|policing|sporting|leading|ruling|governing|founding|standing|listening)\b"
)
# A subject cannot hold a finite verb, a quotation, a percentage ("The ruling covers the 10% tariff …
# announced in April") or a clause of its own.
_NOT_A_SUBJECT = re.compile(
    rf"[“”\"?!;:%]|\b(is|are|was|were|will|would|can|could|may|might|must|should|did|does|do|has|have|had|been|"
    rf"covers|includes|"
    # "The figures come as hospitals prepare for what NHS leaders have warned …": "what" opens a clause.
    rf"if|when|because|although|since|after|before|which|that|what|whether|there|here|I|we|you|me|us)\b|"
    # "the returning officer", "a leading economist": after an article, an -ing word describes.
    rf"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )\b(?!{_NOUN_ING})[a-z]\w+ing\b"
)
_TOLD_BY_DEED = re.compile(
    r"^((?:An?|One) (?:[a-z][\w-]{0,30} ){0,2}[a-z][\w-]{0,30}) (?:that|which|who) [a-z]{2,30}ed"
    r"(?: [\w’'-]{1,30}){0,5}$"
)
PRONOUNS = {"he", "she", "it", "they"}
# "One of them", "Some of those", "This": the subject points back to what it does not name.
_POINTER = re.compile(
    r"^(?:(?:one|some|many|most|both|each|all|none|several|two|three|four|any|either|neither)\s+of\s+"
    r"(?:them|those|these|us)|this|that|these|those|such)\b|"
    # "Two said they would keep working": a bare count is some of those just named, not a name.
    r"^(?:one|two|three|four|five|six|several|some|many|most|both|others)$",
    re.I,
)
# "Robert Gardner, Nationwide's chief economist, said": a role owned by a named body is an appositive too.
_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the|who|which|whose|one|its|his|her|their|[a-z])[^,]{0,140}|"
    r"[A-Z][\w&.-]{0,30}['’]s [a-z][^,]{0,100}),"
)
# "Their lawyer, Amir Haddad," / "The office's director, Anna Kowalczyk,": the name after the role.
# "the chair of the talks, Ecuador's ambassador Luis Vayas Valdivieso": a possessive role may precede it.
# A US politician's party and state between commas: ", R-Idaho,", ", D-N.Y.,", ", I-Vt.,".
_PARTY_TAG = re.compile(r", [RDI]-[A-Z][A-Za-z.]{0,14}(?: [A-Z][A-Za-z.]{0,14})?,")
_ROLE_THEN_NAME = re.compile(
    r"^(?:(?:[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Aa]n?)\s+)?[\w’'.\s-]{2,60}?,\s+"
    r"(?:[A-Z][\w.-]*['’]s\s+(?:[a-z][\w-]*\s+){1,3})?"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|and|of|for|the|de|van|von|al))*)$"
)
# "Tesco, Asda and Morrisons said": three names that spoke together, not a role and a name.
_NAMES_LISTED = re.compile(
    r"^(?:the )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,3}(?:, (?:the )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,3})+,? "
    r"and (?:the )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,3}$"
)
# "The employers' group, the United States Maritime Alliance,": a description, then the body's name.
_DESCRIBED_THEN_NAMED = re.compile(
    r"^(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*,\s+"
    r"(?P<name>the\s+[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|and|of|for|the))*),$"
)

# "…, organisers said.": people named by what they are.
_GROUP_WORDS = re.compile(
    r"^(?:[a-z-]+ ){0,2}(?:organi[sz]ers|officials|police|researchers|scientists|doctors|experts|prosecutors|"
    r"investigators|authorities|analysts|witnesses|residents|economists|lawmakers|diplomats|firefighters|"
    r"people|sources|aides|insiders|monitors|observers|inspectors|campaigners|activists|engineers|conservationists|"
    r"growers|farmers|fishermen|traders|shopkeepers|"
    r"environmentalists|archaeologists|astronomers|historians|academics|charities|"
    # "…, fire crews said.": the people sent, named by their work.
    r"crews|paramedics|medics|forecasters|coastguards|volunteers|staff|nurses|rescuers|services|"
    # "…, lawyers for the claimants said.": those who speak for a party in court.
    r"lawyers|solicitors|barristers|attorneys|survivors|passengers|neighbours|neighbors|relatives|"
    # "…, government figures show.": the record cited, named by what it is.
    r"figures|data|statistics|results|projections|counts|reports|"
    # "According to court documents": the record, whoever filed it.
    r"documents|records|filings|papers)"
    # "…, figures obtained by the Gazette show.": who obtained or published them (or when) says whose they are.
    r"(?: (?:from|of|at|in|with|for|familiar with|close to|"
    r"(?:obtained|published|released|seen|compiled) (?:by|on|in|last|this)) "
    r"[\w’' -]{2,60})?$"
)
# "In her 38-page ruling, Judge Grant wrote": the setting is not the speaker.
_SETTING = re.compile(
    r"^(?:Back|Earlier|Later|Meanwhile|Elsewhere|Separately|Also|Still|Again|Then|Now|Today|Yesterday|In|At|On|"
    r"During|After|Before|For|Since|Under|Across|Outside|Inside|Near|Over|Speaking|Asked|Writing|Addressing)\b"
    r"[^,]{0,80},\s+"
)
# "In a statement on Instagram she said": with no comma, a setting is known by the pronoun after it.
_SETTING_BARE = re.compile(r"^(?:In|At|On|During|After) [^,]{1,60} (?=(?:he|she|they|it|we)$)")
# "chief executive Karl Jensen", "county engineer Raj Patel": a role in lower case, then a name.
_ROLE_BEFORE_NAME = re.compile(
    r"^(?:(?!(?:of|in|at|for|from|to|on|by|with|and|or)\b)[a-z][\w’'-]* ){1,3}[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}$"
    # "auction house Ashfield's", "retailer Brightwell": what a business is, then its one-word name.
    r"|^(?:[a-z][\w-]* ){0,2}(?:house|firm|company|retailer|airline|chain|operator|carrier|maker|developer|supplier|"
    r"lender|insurer|broker|website|platform|charity|union|group|giant|start-up|startup) [A-Z][\w’'.&-]+$"
)
_OPEN = re.compile(r", (?:(?:a|an|the) [^,]{0,60} )?(?:who|which|whose)(?: [^,]{0,140})?$")
_FIRST_VERB = re.compile(
    r" (?:[a-z]+(?:ed|ied)|took|made|gave|went|spoke|met|wrote|came|sent|held|kept|left|lost|paid|sold|won|"
    r"hit|cut|put|set)\b(?: [^ ,]{1,30}(?:,\d{3}){0,3}){0,12} (?:and|but)$"
)
# A subject does not start with a preposition or a time adverb: "Back in England" is where, not who.
# When or where a subject spoke, after it (spaces are single): "The company first reported", "Growers there said".
_WHEN_WHERE = re.compile(
    r" (?:today|yesterday|tonight|earlier|also|later|previously|first|initially|originally|already|again|now|"
    r"there|here)$"
)
_NOT_A_HEAD = {
    *("back", "in", "at", "on", "during", "after", "before", "for", "since", "under", "across", "outside"),
    *("inside", "near", "over", "earlier", "later", "meanwhile", "elsewhere", "separately", "also", "still"),
    *("then", "now", "today", "yesterday", "when", "while", "as", "if", "but", "and", "so", "yet", "with", "by"),
}


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


def subject_name(subject: str) -> str | None:
    """The speaker a sentence's subject names, or None when it is not one."""
    # "Doug Bandow, a fellow at X, said": an appositive closes with a comma. "…the town of Mora reached
    # 46.6C on Sunday, the national weather service said": no closing comma, so no appositive.
    closed = subject.rstrip().endswith(",")
    # "which provides care to about 11,000 people,": a thousands comma does not close an appositive
    # (held aside as a NUL, put back in the name returned).
    subject = re.sub(r"(?<=\d),(?=\d{3}\b)", "\0", " ".join(subject.split())).strip(" ,")
    subject = _SETTING_BARE.sub("", _SETTING.sub("", subject))
    # "The State Department of Commerce today announced": when it spoke is not who.
    subject = _WHEN_WHERE.sub("", subject)  # "The company first reported", "Growers there said": not who
    # "Marcher Water apologised and said": the first of two verbs is not part of the name.
    subject = _FIRST_VERB.sub("", subject)
    if subject.lower() in PRONOUNS:
        return subject.lower()
    subject = re.sub(r", \d{1,3},", ",", subject + ("," if closed else ""))  # "Ruth Adebayo, 34, a doctor,"
    # "Aaron Holt, 38, and his brother Lee Holt, 35,": with the ages gone, two people, not a name and an appositive.
    subject = re.sub(r"^([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){1,2}), and (?=(?:his|her|their) )", r"\1 and ", subject)
    # "Martin Hale, 58, from Leeds, whose mother lives in a home …,": where he is from, and whose he is.
    subject = re.sub(r", from [A-Z][\w’'-]{0,30}(?: [A-Z][\w’'-]{0,30}){0,2},", ",", subject)
    # "ChargeMax, based in Shenzhen, China,": where a body is, however many commas the place takes.
    subject = re.sub(
        r", (?:based|headquartered) in [A-Z][\w’'-]{0,30}(?: [A-Z][\w’'-]{0,30}){0,2}(?:, [A-Z][\w’'.-]{0,30}){0,2},",
        ",",
        subject,
    )
    subject = re.sub(r", (?:who|whose) [^,]{1,120},", ",", subject)
    subject = _PARTY_TAG.sub(",", subject)  # "Sen. Martha Kessler, R-Idaho,": a senator, not a state
    subject = _DESCRIBED_THEN_NAMED.sub(r"\g<name>,", subject)
    subject = _APPOSITIVE.sub(",", subject).rstrip(",").strip()
    listed = _NAMES_LISTED.match(subject)
    role = None if listed else _ROLE_THEN_NAME.match(subject)
    if role:
        subject = role.group("name")
    words = subject.split()
    # "Which?", "Yahoo!": a name may end in a mark that would otherwise say the words are a question.
    probe = re.sub(r"\b([A-Z]\w*)[?!](?= |$)", r"\1", subject)
    # "An online marketplace that listed both products": an unnamed body, told by what it did.
    probe = _TOLD_BY_DEED.sub(r"\1", probe)
    # "the Integrated Food Security Phase Classification (IPC)": the letters in brackets are not more words.
    long = len(re.sub(r" \([A-Z]{2,6}\)", "", subject).split()) > 11
    if not words or long or _NOT_A_SUBJECT.search(probe) or _POINTER.match(subject):
        return None
    if words[-1] in {"and", "or", "to", "with", "of", "for", "from", "by", "at", "in", "the"}:
        # "Smith and" is half of a pair; "Replays appeared to" is no one; "Milk-based drinks with added
        # sugar": a name never ends on a preposition, so "added" is no verb of saying.
        return None
    if ", " in subject and not listed:
        return None  # "Aaron Holt, 38, and his brother Lee Holt, 35": a list of people, not one speaker
    if words[0].lower() in _NOT_A_HEAD:
        return None
    # "…, her family said": whose family is the sentence's own business; the family spoke.
    head = words[0][:1].isupper() or words[0].lower() in {"the", "a", "an", "their", "its", "his", "her"}
    if not (head or _GROUP_WORDS.match(subject) or _ROLE_BEFORE_NAME.match(subject)):
        return None
    if len(words) == 1 and words[0].lower() in {"the", "a", "an", "this", "that", "these", "those", "some"}:
        return None
    return subject.replace("\0", ",")


def _speaking(body: str, v: re.Match[str]) -> bool:
    """Whether a verb of saying is the sentence's own, said by its subject."""
    # "Offences recorded by police rose …": a participle with its agent is not what anyone said.
    # A verb inside an appositive still open ("Rosa Delgado, a Democrat who … wrote the measure, said")
    # is the appositive's: the speaker's verb comes after its closing comma.
    if _PASSIVE.match(body, v.end()) or _OPEN.search(body[: v.start()]):
        return False
    if _DETERMINER.search(body, max(0, v.start() - 12), v.start()):  # "A source on the show said"
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
    if verb in _BELIEF and not events.INQUIRERS.match(who):
        return None
    if _CALL_VERBS.match(verb):
        return Reported(who, verb, body, offset, whole=True)
    adverbial = _ADVERBIAL.match(body[pos:])
    pos += adverbial.end() if adverbial else 0
    between = adverbial.group(0) if adverbial else ""
    closes = between.rstrip().endswith(",") or body[pos:].lstrip().startswith(",")
    if closes and body[: m.start()].count(",") == 1 and body[: m.start()].rstrip().endswith(","):
        return None  # "The pay award, announced last week, was …": a participle describing the subject
    verb = with_day(verb, between)
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
        elif verb in NEEDS_THAT or (verb.startswith("show") and (_DEPICTS.match(body[pos:]) or _FOOTAGE.match(who))):
            return None
        elif verb in OBJECT_VERBS and _A_COUNT.match(who):
            return None  # "Three other musicals have announced closures": a tally in the reporter's voice
        elif events.came_upon(verb, who) or events.counted_object(verb, body[pos:].lstrip()):
            return None  # "Police found 600 plants", "Employers added 143,000 jobs": events, not statements
        elif verb in OBJECT_VERBS:
            return Reported(who, verb, body, offset, whole=True)
        else:
            pos += len(body[pos:]) - len(body[pos:].lstrip(" ,"))
    rest = body[pos:]
    if len(rest.split()) < 3:
        return None
    return Reported(who, verb, rest, offset + pos, act=_act(body[: m.start()]))


def _act(subject: str) -> str | None:
    """The act before "but said", when it says more than a verb ("conceded defeat in a speech to supporters
    late on Sunday"): the reporter's account of what the speaker did, a claim of its own. Before "and said"
    it is the same event told twice ("apologised to the family and said", "looked at 14,600 homes and found")."""
    first = _FIRST_VERB.search(" ".join(subject.split()))
    if not first or len(first.group(0).split()) < 6 or not first.group(0).endswith(" but"):
        return None
    return re.sub(r" but$", "", " ".join(subject.split())).rstrip(",") + "."  # spaces made single: linear


def points_back(subject: str) -> bool:
    """ "One of them", "This", "Two": a subject that points back to what it does not name."""
    return bool(_POINTER.match(subject.strip()))


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
