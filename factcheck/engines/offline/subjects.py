"""What a sentence's subject names, when it names a speaker: "The city's independent budget office",
"Doug Bandow, a fellow at X,", "county engineer Raj Patel"; never a clause, a question, a pointer
("One of them") or a place ("Back in England")."""

from __future__ import annotations

import re

FIRST_VERB = re.compile(
    # "The council has apologised and said": a bare perfect, with nothing done to anyone, is no act of its own.
    r"(?: (?:has|have) [a-z]+(?:ed|ied)| (?:[a-z]+(?:ed|ied)|took|made|gave|went|spoke|met|wrote|came|sent|held|kept|"
    r"left|lost|paid|sold|won|hit|cut|put|set)\b(?: [^ ,]{1,30}(?:,\d{3}){0,3}){0,12}) (?:and|but)$"
)

# "-ing" words that name a thing, not an action: "the housing charity Shelter", "the engineering firm".
_NOUN_ING = (
    r"(?:housing|building|engineering|banking|mining|shipping|nursing|planning|polling|marketing|publishing|"
    r"training|funding|clothing|broadcasting|manufacturing|accounting|consulting|lending|gaming|betting|"
    r"gambling|farming|fishing|trading|parking|printing|catering|computing|learning|"
    r"licensing|recycling|policing|sporting|leading|ruling|governing|founding|standing|listening|spending|"
    r"advertising|lobbying|campaigning|sentencing|heating|testing|screening|cleaning|monitoring|modelling|sampling|"
    # "motoring groups said": a pastime's people, named by it.
    r"motoring|cycling|walking|rambling|sailing|climbing|angling|shooting|riding|"
    # "An observer mission from a group of neighbouring states": an -ing word that only ever describes.
    r"neighbouring|neighboring|surrounding|opposing|existing|outgoing|incoming|visiting|developing|"
    # "the estate agent handling the sale", "The union representing library staff": who they are, by what they do.
    r"handling|representing|managing|organising|organizing)\b"
)
# A subject cannot hold a finite verb, a quotation, a percentage ("The ruling covers the 10% tariff …
# announced in April") or a clause of its own.
_NOT_A_SUBJECT = re.compile(
    rf"[“”\"?!;:%]|\bper\s?cent\b|\b(is|are|was|were|will|would|can|could|may|might|must|should|did|does|do|has|have|had|been|"
    rf"covers|includes|"
    # "The figures come as hospitals prepare for what NHS leaders have warned …": "what" opens a clause.
    rf"if|when|because|although|since|after|before|which|that|what|whether|there|here|I|we|you|me|us)\b|"
    # "the returning officer", "a leading economist": after an article, an -ing word describes.
    # "A motoring group said": the article may open the sentence.
    # "the national anti-doping body": the second half of a hyphened word is its noun's description, too.
    rf"(?<!\b[Tt]he )(?<!\b[Aa] )(?<!\b[Aa]n )(?<!\b[Ii]ts )(?<!-)\b(?!{_NOUN_ING})[a-z]\w+ing\b"
)
# "The NHS body that commissions dental care in the county", "A woman who called 999 when …": told by what
# it does or did, however many words that takes.
_TOLD_BY_DEED = re.compile(
    r"^((?:An?|One|The) (?:[A-Za-z][\w-]{0,30} ){0,2}[a-z][\w-]{0,30}) (?:that|which|who) [a-z]{2,30}(?:ed|s)"
    # "Reviewers who have tried the device": people named by what they have done.
    r"(?: [\w’'-]{1,30}){0,12}$|^([A-Z][a-z]{2,30}s) who (?:have |had )?[a-z]{2,30}ed(?: [\w’'-]{1,30}){0,8}$"
)
# "A leaflet delivered to homes in Halsworth by the Town First party ahead of …": the document and whose it is.
_SENT_BY = re.compile(
    r"^((?:An?|The) (?:leaflet|letter|flyer|email|e-mail|post|memo|advert|newsletter|notice|circular)) (?:delivered|"
    r"sent|posted|shared|published|issued|circulated|handed out|put) [^,;“”\"]{0,120}? (by (?:the )?[A-Z][\w’'-]{0,30}"
    r"(?: (?:[A-Z][\w’'-]{0,30}|party|group|council|campaign))*)(?: [^,;“”\"]{0,120})?$"
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
    # "The leaflet's author, Town First candidate Damian Royle": a party's or a body's name before the role.
    r"(?:[A-Z][\w.-]*['’]s\s+(?:[a-z][\w-]*\s+){1,3}|(?:[A-Z][\w.-]*\s+){1,3}(?:(?!(?:and|of|the|for|at|in|from|to|with)\b)[a-z][\w-]*\s+){1,2})?"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|and|of|for|the|de|van|von|al))*)$"
)
# "Tesco, Asda and Morrisons said": three names that spoke together, not a role and a name.
_NAMES_LISTED = re.compile(
    r"^(?:the )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,3}(?:, (?:the )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,3})+,? "
    r"and (?:the )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,3}$"
)
# "The employers' group, the United States Maritime Alliance,": a description, then the body's name.
_DESCRIBED_THEN_NAMED = re.compile(
    # "France's air accident investigation agency, the BEA,": a country's body, then its name; "An industry
    # body, the Farm Chemicals Council,": an unnamed body named at once.
    r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[A-Z][a-z]{1,30}['’]s)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*,\s+"
    r"(?P<name>the\s+[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|and|of|for|the))*),$"
)

# "…, organisers said.": people named by what they are.
_GROUP_WORDS = re.compile(
    r"^(?:[a-z-]+ ){0,2}(?:organi[sz]ers|officials|police|researchers|scientists|doctors|experts|prosecutors|"
    r"investigators|authorities|analysts|witnesses|residents|economists|lawmakers|diplomats|firefighters|"
    r"people|sources|aides|insiders|monitors|observers|inspectors|campaigners|activists|engineers|conservationists|"
    r"growers|farmers|fishermen|traders|shopkeepers|"
    r"environmentalists|archaeologists|astronomers|historians|academics|charities|"
    # "…, naturalists have announced.": those who study a field, named by it.
    r"naturalists|ecologists|botanists|biologists|zoologists|ornithologists|birdwatchers|geologists|"
    r"entomologists|palaeontologists|paleontologists|meteorologists|physicists|chemists|vets|"
    # "…, pharmacists say.": a profession's plural ("dentists", "librarians"), and those a story often asks.
    r"[a-z]{3,20}(?:ists|ians)|teachers|headteachers|parents|retailers|landlords|midwives|carers|officers|"
    # "…, fire crews said.": the people sent, named by their work.
    r"crews|paramedics|medics|forecasters|coastguards|volunteers|staff|nurses|rescuers|services|"
    # "…, rangers have said.": those who look after a place, a reserve or a collection.
    r"rangers|wardens|lifeguards|keepers|stewards|curators|auctioneers|"
    # "…, lawyers for the claimants said.": those who speak for a party in court.
    r"lawyers|solicitors|barristers|attorneys|survivors|passengers|neighbours|neighbors|relatives|"
    # "…, government figures show.": the record cited, named by what it is.
    r"figures|data|statistics|results|projections|counts|reports|(?<=official )estimates|"
    # "According to court documents": the record, whoever filed it.
    r"documents|records|filings|papers|accounts|(?<=radiocarbon )tests|(?<=blood )tests|(?<=laboratory )tests)"
    # "…, figures obtained by the Gazette show.": who obtained or published them (or when) says whose they are.
    r"(?: (?:from|of|at|in|with|for|familiar with|close to|"
    r"(?:obtained|published|released|seen|compiled) (?:by|on|in|last|this)"
    # "…, figures it reported to the regulator show.": whom they were sent to says whose they are.
    r"|(?:it|they|the [a-z]{2,20}|[A-Z][\w’'-]{1,30}) (?:reported|sent|gave|submitted|supplied|provided) to"
    # "…, researchers tracking the bird said": what they are doing says who they are.
    r"|[a-z]{3,20}ing (?:the|a|an|its|their)) "
    r"[\w’' -]{2,60})?$"
)
_BODY_THAT_RUNS = re.compile(
    r"^(?P<body>(?:the|a|an) (?:[a-z][\w-]{1,30} ){0,2}[a-z][\w-]{2,30}) (?:that|which) (?:runs|owns|manages|operates|"
    r"organises|organizes|built) (?:it|her|him|them|the [a-z]{2,30})$"
)
_GROUP_DOING = re.compile(r"^(?P<group>(?:[a-z-]+ ){0,2}[a-z][\w-]{2,30}s) [a-z]{3,20}ing (?=(?:the|a|an|its|their) )")
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
    r"lender|insurer|broker|website|platform|charity|union|group|giant|start-up|startup|provider|publisher|"
    r"broadcaster|network|manufacturer) [A-Z][\w’'.&-]+$"
)
# A subject does not start with a preposition or a time adverb: "Back in England" is where, not who.
# When or where a subject spoke, after it (spaces are single): "The company first reported", "Growers there said".
_WHEN_WHERE = re.compile(
    r" (?:today|yesterday|tonight|earlier|also|later|previously|first|initially|originally|already|again|now|"
    r"there|here)$"
)
# "…, her family said": whose family; '"…," said one resident': a count's speaker, lower case after the verb.
_HEADS = {"the", "a", "an", "their", "its", "his", "her", "one", "another"}
_NOT_A_HEAD = {
    *("back", "in", "at", "on", "during", "after", "before", "for", "since", "under", "across", "outside"),
    *("inside", "near", "over", "earlier", "later", "meanwhile", "elsewhere", "separately", "also", "still"),
    *("then", "now", "today", "yesterday", "when", "while", "as", "if", "but", "and", "so", "yet", "with", "by"),
    "according",  # "According to police recorded …": the source's lead-in, never a speaker's first word
}


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
    subject = FIRST_VERB.sub("", subject)
    if subject.lower() in PRONOUNS:
        return subject.lower()
    subject = _SENT_BY.sub(r"\1 \2", _without_asides(subject + ("," if closed else "")))
    listed = _NAMES_LISTED.match(subject)
    role = None if listed else _ROLE_THEN_NAME.match(subject)
    if role:
        subject = role.group("name")
    words = subject.split()
    # "Which?", "Yahoo!": a name may end in a mark that would otherwise say the words are a question.
    probe = re.sub(r"\b([A-Z]\w*)[?!](?= |$)", r"\1", subject)
    # "An online marketplace that listed both products": an unnamed body, told by what it did.
    probe = _TOLD_BY_DEED.sub(r"\1\2", _SENT_BY.sub(r"\1 \2", probe))
    # "researchers tracking the bird": an -ing word after people named by what they are describes them;
    # "the wildlife trust that runs it": a body told by what it runs or owns is one body.
    probe = _BODY_THAT_RUNS.sub(r"\g<body>", _GROUP_DOING.sub(r"\g<group> ", probe))
    # "the Integrated Food Security Phase Classification (IPC)": the letters in brackets are not more words.
    # "figures obtained by the Echo under the Freedom of Information Act": how they were got is not more name.
    probe = re.sub(r" under (?:the )?Freedom of Information(?: Act)?$", "", probe)
    long = len(re.sub(r" \([A-Z]{2,6}\)", "", probe).split()) > 11  # a deed's words are not the name's
    if not words or long or _NOT_A_SUBJECT.search(probe) or _POINTER.match(subject):
        return None
    if words[-1] in {"and", "or", "to", "with", "of", "for", "from", "by", "at", "in", "the", "never", "not", "ever"}:
        # "Smith and" is half of a pair; "Replays appeared to" is no one; "Milk-based drinks with added
        # sugar": a name never ends on a preposition, so "added" is no verb of saying.
        return None
    if ", " in subject and not listed:
        return None  # "Aaron Holt, 38, and his brother Lee Holt, 35": a list of people, not one speaker
    if words[0].lower() in _NOT_A_HEAD:
        return None
    head = words[0][:1].isupper() or words[0].lower() in _HEADS
    if not (head or _GROUP_WORDS.match(subject) or _ROLE_BEFORE_NAME.match(subject)):
        return None
    if len(words) == 1 and words[0].lower() in {"the", "a", "an", "this", "that", "these", "those", "some"}:
        return None
    return subject.replace("\0", ",")


_WHOSE_ROLE = re.compile(
    r", whose (?:[a-z-]+ ){0,2}(?:chairman|chairwoman|chair|leader|head|spokesman|spokeswoman|spokesperson|founder|"
    r"director|secretary|president|organiser|organizer|owner|manager|executive|coordinator|treasurer), "
    r"(?P<name>(?:Dr |Professor |Prof )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}),?$"
)


def _without_asides(subject: str) -> str:
    """The subject without what it says of the speaker between commas: an age, where they are from, whose
    they are, their party, their description."""
    if whose := _WHOSE_ROLE.search(subject):  # "… heard from the group X, whose chairman, Colin Wickens,"
        return whose.group("name")
    subject = re.sub(r", \d{1,3},", ",", subject)  # "Ruth Adebayo, 34, a doctor,"
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
    # "The team, led by Dr X of the University of Y,": who the team is, which the name needs.
    subject = re.sub(
        r"^((?:The|the) (?:team|group|panel|review|inquiry)), (led by (?:(?:Dr|Prof|Professor|Sir|Dame) )?"
        r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2})[^,]{0,80},",
        r"\1 \2,",
        subject,
    )
    # "The report, by the Hearth Foundation, a housing charity,": a document and whose it is.
    subject = re.sub(
        r"^((?:The|the|A|a) (?:report|study|review|analysis|survey|paper)), (by [^,]{2,80}),(?: (?:a|an) [^,]{1,60},)?",
        r"\1 \2,",
        subject,
    )
    # "Keith Moulton, whose wife, Anne, died in March,": the one named inside the clause is not who spoke.
    subject = re.sub(
        r", (?:who|whose) [^,]{1,120}(?:, [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}, [^,]{1,120})?,", ",", subject
    )
    subject = _PARTY_TAG.sub(",", subject)  # "Sen. Martha Kessler, R-Idaho,": a senator, not a state
    subject = _DESCRIBED_THEN_NAMED.sub(r"\g<name>,", subject)
    return _APPOSITIVE.sub(",", subject).rstrip(",").strip()


def points_back(subject: str) -> bool:
    """ "One of them", "This", "Two": a subject that points back to what it does not name."""
    return bool(_POINTER.match(subject.strip()))
