"""What names an organisation in news copy: the nouns a later pointer uses ("the agency", "the
company"), bodies named by what they are ("Russia's foreign ministry"), bodies described before their
name ("the housing charity Shelter"), which pointer may mean which body (speakers.py), and what never
names a speaker at all ("Why is the council …")."""

from __future__ import annotations

import re

# Words that make a capitalised phrase an organisation or place, not a person.
ORG_WORDS = {
    *("Times", "Herald", "Post", "News", "Journal", "Tribune", "Press", "Institute", "University", "Department"),
    *("Ministry", "Agency", "Administration", "Office", "House", "Senate", "Congress", "Court", "Council"),
    *("Committee", "Party", "Bank", "Fund", "Force", "Forces", "Army", "Navy", "Police", "Association"),
    *("Foundation", "Center", "Centre", "Group", "Company", "Corporation", "Inc", "Corp", "Ltd", "Union"),
    *("Nations", "Organization", "Commission", "Authority", "Service", "Reuters", "Bureau", "Board", "Network"),
    *("Guard", "Republic", "States", "Kingdom", "Street"),
    # "Marshland Fire and Rescue Service": a service, never a Mr Fire the next "Fire crews" means.
    *("Fire", "Rescue", "Ambulance", "Coastguard", "Consulting"),
    # "Officers were called to Anchor Road": a street is never the "he" of the next sentence.
    *("Road", "Avenue", "Boulevard", "Terrace", "Crescent", "Highway", "Motorway", "One", "Airport", "Port"),
    *("Row", "Mews", "Gardens", "Square", "Parade", "Quay", "Wharf"),  # "14 Kiln Row": never the next "she"
    # "Paddock Hill Bend": a corner of a circuit, never a Mr Bend.
    *("Bend", "Junction", "Roundabout", "Hairpin", "Chicane", "Circuit"),
    # "The Haverleigh Museum": a building's name, never a Mr Museum whose surname a later "Museum" is.
    *("Museum", "Gallery", "Library", "Theatre", "Zoo", "Cathedral", "Palace", "Abbey", "Stadium", "Arena"),
    "Constabulary",
    *("School", "Primary"),  # "Pencarrow Primary" is a school, never who "she" means
    # "Imperial College London": a college, never a Mr London the next "London" means.
    *("College", "Academy", "Society", "Hospital", "Hospice", "Station", "Club", "Media"),
    # Companies' words: "Harbor Securities" and "Brightwell Foods" are not people.
    *("Securities", "Capital", "Partners", "Holdings", "Foods", "Energy"),
    # "Pennant Health", "Northgate Care": a provider, never a person's surname.
    *("Health", "Healthcare", "Care", "Clinic", "Clinics", "Retail", "Studios", "Services", "Supplies"),
    *("Motors", "Airlines", "Air", "Railways", "Ferries", "Coaches", "Travel", "Tours", "Airways"),
    *("Pharmaceuticals", "Pharma", "Systems", "Technologies", "Insurance", "Investments", "Markets", "Analytics"),
    *("Labs", "Industries", "Enterprises", "Solutions", "Logistics", "Brands", "Stores", "Utilities"),
    # Industries a company names itself after: "Ashgrove Steel" is not a Mr Steel.
    *("Steel", "Water", "Gas", "Power", "Mining", "Oil", "Chemicals", "Bakeries", "Brewery", "Ales", "Farms", "Homes"),
    *("Rail", "Buses", "Trains", "Shipping", "Telecom", "Mobile", "Broadband", "Insight", "Research", "Economics"),
    # Broadcasters and papers: "BBC Radio Harbour" and "the Harbour Echo" are not people.
    *("Radio", "Echo", "Television", "TV", "League"),
    # Clubs: "Harbour Rovers" is a club.
    *("Rovers", "United", "City", "Town", "Athletic", "Wanderers", "Albion", "FC"),
    # Units and events: "Athletics Integrity Unit", "European Championships" are nobody's "she".
    *("Unit", "Division", "Trust", "Alliance", "Coalition", "Federation", "Panel", "Team"),
    # What a campaign or a department is about: "Better Transport", "Department for Education" are no one.
    *("Transport", "Health", "Education", "Housing", "Energy", "Action", "Watch", "Network", "Forum", "Rights"),
    *("Championships", "Championship", "Games", "Cup", "Olympics", "Awards", "Festival", "Open"),
}

# "the agency", "the company", "the regulator": an organisation named earlier.
ORG_NOUNS = (
    r"agency|company|firm|operator|regulator|office|department|ministry|government|"
    r"council|board|authority|organi[sz]ation|group|union|court|network|service|campaign|committee|"
    r"hospital|university|school|charity|utility|airline|bank|retailer|manufacturer|insurer|watchdog|"
    r"institute|centre|center|body|club|team|league|party|force|administration|commission|"
    r"supplier|provider|producer|maker|carrier|developer|lender|builder|chain|startup|start-up|trust|forecaster|"
    r"practice|surgery"
)
ORG_POINTER = re.compile(rf"^(?:the|its)\s+(?P<noun>{ORG_NOUNS})$", re.I)
# "the rail infrastructure operator", "the regional NHS body": one body, told by what it does, that "It" may mean.
DESCRIBED_ONE = re.compile(rf"^the\s+(?:(?:[a-z][\w-]*|[A-Z]{{2,6}})\s+){{1,3}}(?:{ORG_NOUNS})$")


def public_acronyms(text: str) -> set[str]:
    """The acronyms a sentence spells out as a public body's: "the Food Standards Agency (FSA)"."""
    spelt = SPELT_OUT.finditer(text)
    return {m.group("acronym") for m in spelt if PUBLIC_BODY.search(" ".join(m.group("name").split()[-6:]))}


def is_pointer(words: str) -> bool:
    """ "the company", "its regulator": a body the article named before, not a name."""
    return bool(ORG_POINTER.match(words.lower().strip()))


ORG_NOUN = re.compile(rf"\b(?:{ORG_NOUNS})\b", re.I)
# Pointers that may mean any body ("the agency said" after the CDC); others must match by name.
GENERIC_BODY = {
    *("agency", "organisation", "organization", "group", "body", "company", "firm", "authority", "service"),
    *("department", "office", "ministry", "government", "administration", "commission"),
    *("board", "operator", "utility", "network"),
}
COMMERCIAL = {
    *("company", "firm", "operator", "airline", "bank", "retailer", "manufacturer", "insurer", "utility", "start-up"),
    *("supplier", "provider", "producer", "maker", "carrier", "developer", "lender", "builder", "chain", "startup"),
}
PUBLIC_BODY = re.compile(
    r"\b(agency|ministry|department|office|council|government|authority|commission|police|court|service|"
    r"administration|board|committee|centers?|centres?|institute|university|hospital|parliament|congress|"
    r"senate|bureau|regulat\w*|health|national|federal|state|city|county)\b",
    re.I,
)
# A body named by what it is: "Russia's foreign ministry", "the UK Health Security Agency".
NAMED_BODY = re.compile(
    # "Why is the council doing this?": a question's opening words are not a body's name.
    r"(?:(?:\b[Tt]he\s+)?(?:(?!(?:The|This|That|Its|Their|Our|A|An|Each|Every|According|Why|What|How|When|Where|Who|Which|"
    r"Is|Are|Was|Were|Can|Could|Will|Would|Do|Does|Did|Has|Have|Should|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    # "Under council rules, …": a preposition opening the sentence starts no body's name.
    r"Under|Despite|After|Before|Following|During|Since|Without|With|In|On|At|For|From|By|Amid|Against|Unlike)\b)"
    r"[A-Z][\w.-]{0,30}(?:['’]s?)?\s+){1,4}"
    # "October after the regulator": a word like "after" or "the" between them ends the name.
    r"(?:(?!(?:after|before|from|to|of|in|on|at|by|with|the|a|an|and|or|for|since|until|when|as)\b)[a-z][\w-]{0,20}\s+){0,2}"
    r"|\b[Tt]he\s+(?!(?:same|other|new|former|previous|latter|said|whole|entire)\b)"
    r"(?:[a-z][\w-]{0,20}\s+){1,2})"
    r"(?P<noun>ministry|Ministry|agency|Agency|department|Department|office|Office|regulator|council|Council|"
    r"company|Company|authority|Authority|commission|Commission|government|Government|"
    # "sentenced at Worcester Crown Court …. The court heard …", "called to Ashcott Vale Cricket Club": just named
    # (never "The number of council-run toilets": a word joined to the noun makes it no body's).
    r"Court|Club)\b(?!-)"
    # "The Colorado Department of Public Health and Environment": whose it is, when the name says.
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w.’'-]{0,30}(?:\s+(?:and\s+)?[A-Z][\w.’'-]{0,30}){0,3})?"
)
# "The University of Wessex", "the Ministry of Defence": the noun first, then whose it is.
NOUN_OF_NAME = re.compile(
    r"(?:\b[Tt]he\s+)?(?P<noun>University|Ministry|Department|Council|Commission|Authority|Agency|Office)\s+"
    r"(?:of|for)\s+(?:the\s+)?[A-Z][\w.’'-]{0,30}(?:\s+(?:and\s+)?[A-Z][\w.’'-]{0,30}){0,3}"
)


def named_bodies(text: str) -> list[re.Match[str]]:
    """Bodies named with the noun a later pointer uses: "Kent County Council", "the University of Wessex"."""
    found: list[re.Match[str]] = []
    for m in sorted([*NAMED_BODY.finditer(text), *NOUN_OF_NAME.finditer(text)], key=lambda m: (m.start(), -m.end())):
        # One body, however many patterns found it: "The Colorado Department" starts "… Department of Public Health".
        if not found or m.start() >= found[-1].end() or m.group("noun").lower() != found[-1].group("noun").lower():
            found.append(m)
    return found


# "the trade body", "the housing charity": a body by what it is, with one word saying which.
DESCRIBED_POINTER = re.compile(rf"^(?:the|its)\s+[a-z][\w-]{{0,30}}\s+(?:{ORG_NOUNS})$", re.I)
# "the housing charity Shelter", "the engineering firm Hartley & Moss": what a later "the charity" or "the firm" means.
# "Homeware retailer Hartleys has fallen …": opening a sentence, the description needs no "the".
_AFTER_PREPOSITION = "|".join(rf"(?<=\b{word} )" for word in ("in", "at", "of", "by", "for", "from", "with", "on"))
DESCRIBED_BODY = re.compile(
    # "forced Nordic pharmacy chain Apoteket Norr to close": a description may open on a capitalised adjective;
    # "Shares in furniture retailer Pellow Home fell": or on a preposition's object.
    # "Indie band The Velvet Quarmby" (a band is a group); "the water company, Vale Water,": a name between commas.
    rf"(?:\b[Tt]he\s+|^|(?<=\s)(?=[A-Z])|{_AFTER_PREPOSITION})(?:[A-Za-z][\w-]{{0,30}}\s+){{0,2}}(?P<noun>{ORG_NOUNS}|band)(?:\s+|,\s(?:the\s)?(?=[A-Z][^,;.“”\"]{{0,60}}[,.]))"
    r"(?P<name>[A-Z][\w’'.?!-]{0,30}(?:\s(?:&|and|of|for|[A-Z][\w’'.?!-]{0,30})){0,6})"
)

# "Quillon, the accounting software company, …": the name first, then what it is.
DESCRIBED_AFTER = re.compile(
    r"^(?P<name>[A-Z][\w&’'.-]{0,30}(?: [A-Z][\w&’'.-]{0,30}){0,4}), (?:the|a|an) (?:[\w’'-]{1,30} ){0,4}"
    # "Voltari, a battery recycling start-up based in Coldhurst, …": where it is based is part of what it is.
    rf"(?P<noun>{ORG_NOUNS})(?: (?:based|headquartered) in [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){{0,2}})?,"
)


# "Engineers", "Residents": a plural of people by what they do or where they live, never a body's name.
WORKERS = re.compile(r"[A-Z][a-z]+(?:ers|ors|ents|ists|ians|ants)")
# A name that says it is a company: "Meridian Paving Inc.", "Harlow Water Company", "Acme Corp".
COMPANY_NAME = re.compile(
    # "A Skyrose Airways flight": the article before a name is no part of it.
    r"\b(?!(?:A|An)\s)(?:[A-Z][\w&’'\-]{0,40}\s+){1,4}(?:Inc\.?|Corp\.?|Corporation|Company|Co\.|LLC|Ltd\.?|"
    # "Westmoor Railways", "Skyline Airways", "Skylark Air" (never the Royal Air Force): named for what it runs.
    r"Group|Holdings|PLC|GmbH|S\.A\.|Partners|LLP|Associates|Foods|Energy|Water|Railways?|Trains|Buses|Coaches|Airlines|Airways|Ferries|"
    # "Brightmead Solar", "Lindhurst Healthcare": or for its trade.
    r"Solar|Healthcare|Pharmaceuticals|Logistics|Technologies|Motors|Events|Media|Studios|Construction|Developments|"
    r"Properties|Leisure|Hotels|Brewery|Brewing|Ales|Distillery|Homes|Aggregates|Quarries|Minerals|Mining|Engineering|Chemicals|Renewables|Inns|Taverns|"
    r"Plastics|Cells|Batteries|Pharma|Systems|Software|Robotics|Electronics|Bakery|Bakeries|Dairy|Creamery|"
    r"Air(?!\s+(?:Force|Ambulance|Quality|Traffic|Pollution|Accidents|Navigation|Show|Cadets)))(?=\W|$)"
    # "the General Brewery Workers' Union": a union, never the brewery.
    r"(?!\s+(?:Workers|Employees|Staff|Union|Association|Federation|Society|Museum|Festival)\b)"
)
# "the Food Standards Agency (FSA)": a name, then the letters the article will call it by.
SPELT_OUT = re.compile(r"\b(?P<name>[A-Z][\w ,&'’-]{0,80}?) \((?P<acronym>[A-Z]{2,6})\)")
# "A spokesperson for the Rail Delivery Group", "a survey by The Children's Society": the body spoke too.
FOR_BODY = re.compile(
    r"^(?:an? spokes(?:man|woman|person) for|(?:an?|the) (?:new )?(?:survey|study|report|poll|analysis) by) "
    r"(the [A-Z].*|[A-Z].*)$",
    re.I,
)
THE_ACRONYM = re.compile(r"\bthe ((?!(?:UK|US|USA|UAE)\b)[A-Z]{2,6})\b")
# "Little Sprout's founder", "Bloom Fertility, which runs nine clinics": what has a founder, or a "which", is a body.
THING_WHICH = re.compile(r"\b(?P<name>[A-Z][a-z][\w&-]{0,30}(?: [A-Z][\w&-]{0,30}){0,3}), which\b")
BUSINESS_OWNED = re.compile(
    r"\b(?P<name>[A-Z][a-z][\w&-]{0,30}(?: [A-Z][\w&-]{0,30}){0,3})['’]s (?:co-?founder|founder|chief executive|"
    r"managing director|shareholders|customers|share price|headquarters|stores|factory|factories)\b"
)

# "means the developer, Northfell Renewables, can build …": a business named after what it is to the story.
BUSINESS_APPOSED = re.compile(
    r"\b(?:the|its)\s+(?:developer|maker|manufacturer|operator|owner|supplier|builder|contractor|retailer)"
    r",\s+(?P<name>[A-Z][\w&’'-]{0,30}(?:\s+[A-Z][\w&’'-]{0,30}){0,3}),"
)


def fits(noun: str | None, name: str, *, by_name: bool = True) -> bool:
    """ "the agency" may be any body just named, "the company" not a public one, "the charity" only one
    whose name says so (``by_name``; not asked of the body the sentence before opened with)."""
    if noun and (by_name or noun in _SAYS_SO) and noun not in GENERIC_BODY and not named_as(noun, name):
        return False  # "The court heard" is never the company the sentence before opened with
    if noun == "government":  # the government of the day, unless one is named: never the Met Office
        return named_as(noun, name) or bool(_SEAT.search(name))
    if noun in COMMERCIAL and _NOT_A_BUSINESS.search(name):
        return False  # "the company" is never "The Community union"
    if noun in _STATE:  # "the ministry" is never Pennine Rail, however recently it spoke
        return bool(PUBLIC_BODY.search(name) or _STATE_NAME.search(name) or named_as(noun, name))
    return noun not in COMMERCIAL or not PUBLIC_BODY.search(name)


_STATE = {"ministry", "department", "government", "administration"}
# Bodies whose names always say what they are: "the court" is a court by name, whatever opened the sentence before.
_SAYS_SO = {"court", "council", "university", "school", "hospital", "party", "club", "league", "force"}
_NOT_A_BUSINESS = re.compile(
    r"\b(?:union|council|government|ministry|department|agency|authority|commission|court|university|school|"
    r"hospital|charity|party|police|regulator|watchdog|committee|campaign|association|federation|club|league|"
    r"institute|foundation|church)\b",
    re.I,
)
# A government's names that say nothing of what they are: "the Treasury", "the DWP", "the Kremlin".
_STATE_NAME = re.compile(r"\b(?:[A-Z]{2,6}|Treasury|Kremlin|Downing Street|White House|Pentagon|Whitehall|Elysee)\b")
_SEAT = re.compile(r"\b(?:Kremlin|Downing Street|White House|Elysee|Beijing|Moscow|Washington|Kyiv|Tehran)\b")


# "the force" is what a police force calls itself, whose name says "Police" or "Constabulary"; "the
# lender" is a bank or a building society; "the charity" a society, a trust or a foundation, but never an
# NHS trust or a hospital trust (a hospital's); "the club" a name football gives its clubs ("Harbury Rovers",
# "Ashcombe Town"); "the union" the Royal College of Nursing too.
_REGULATOR = r"regulator|watchdog|authority|commission|agency|office|of(?:wat|com|gem|sted|qual|reg)|fca|cma|ico|pra"
_NAMED_BY = {
    "force": r"force|police|constabulary",
    "club": r"club|a?fc|rovers|united|city|town|athletic|wanderers|albion|rangers|hotspur|villa",
    "airline": r"airlines?|airways|air(?= )|aviation",
    # A regulator is named as one, or as an authority, a commission, an agency, an office or an "Of-".
    "regulator": _REGULATOR,
    "watchdog": _REGULATOR,
    # Unions whose names do not say so.
    "union": r"union|unite|unison|gmb|rmt|aslef|nasuwt|usdaw|royal college of (?:nursing|midwives)|"
    r"british medical association|bma|teamsters|afl-cio",
    "lender": r"lender|bank|building society",
    # "the practice" after "Lathom Medical Centre" or "Kilnbrook Dental Care": a practice by its trading name.
    "practice": r"practice|surgery|medical centre|health centre|dental(?: care| centre| clinic)?|dentists",
    "surgery": r"practice|surgery|medical centre|health centre|dental(?: care| centre| clinic)?|dentists",
    # "the forecaster" after the Met Office, Met Éireann or the National Weather Service.
    "forecaster": r"forecaster|met office|met éireann|weather service|meteorolog\w*|noaa",
    "charity": r"charity|society|hospice|foundation(?! trust)|"
    r"(?<!nhs )(?<!nhs foundation )(?<!hospital )(?<!hospitals )trust",
}


# What a regulator is called by what it is: "the Financial Conduct Authority", "the Gambling Commission".
_REGULATING = {"authority", "commission", "regulator", "agency", "office"}


def regulating(
    noun: str | None, named: list[tuple[int, str, str, bool]], sentence: int, public_acronyms: set[str]
) -> str | None:
    """ "The fine is the largest the CMA has imposed, the regulator said": the one public body the sentence
    itself names, never the company that spoke before it; None when it names none, or more than one."""
    if noun not in {"regulator", "watchdog"}:
        return None
    here = {
        bare(name): name if kind else f"the {name}"  # an acronym ("CMA") is named with its article
        for at, name, kind, _ in named
        if at == sentence and (kind in _REGULATING or (not kind and name in public_acronyms))
    }
    return next(iter(here.values())) if len(here) == 1 else None


def public(noun: str | None, name: str, public_acronyms: set[str]) -> bool:
    """Whether "the company" cannot mean ``name``: a public body, by its name or by its letters ("The FSA")."""
    letters = bare(name).upper().strip()
    # Letters alone ("The FSA", "BP") may be a regulator or a business: never "the company" on a guess.
    spelt = _LETTERS.fullmatch(name.strip())
    return noun in COMMERCIAL and (bool(PUBLIC_BODY.search(name)) or letters in public_acronyms or bool(spelt))


_LETTERS = re.compile(r"(?:[Tt]he )?[A-Z]{2,6}")


def a_business(noun: str, name: str) -> bool:
    """Whether "the company" (a commercial noun) may mean ``name`` because the name says it is a business:
    "Brantwell Stores", "Harlow Water Company"."""
    return noun in COMMERCIAL and (name.split()[-1] in _BUSINESS_WORDS or bool(COMPANY_NAME.fullmatch(name)))


_BUSINESS_WORDS = {"Stores", "Foods", "Retail", "Holdings", "Securities", "Supplies", "Motors", "Airlines", "Brands"}


def opened_by(noun: str, name: str, public_acronyms: set[str]) -> bool:
    """Whether a tag's "the force", "the club" or "the company" is the body its own sentence opens with:
    one whose name says so ("Police Scotland will close …, the force said"), or any business for a
    business's noun ("Ashgrove Steel will close …, the company said"), never for "the regulator"."""
    # "The Sunhold Aero, which is 5.6mm thick, will go on sale …, the company said": a thing by its maker's
    # name, two capitalised words or more after "The" and none a body's word, is the product, not the business.
    words = name.split()
    product = words[0] == "The" and len(words) >= 3 and not any(w in ORG_WORDS for w in words[1:])
    return named_as(noun, name) or (noun in COMMERCIAL and not product and not public(noun, name, public_acronyms))


def named_as(noun: str, name: str) -> bool:
    """Whether a body's name holds the noun as a word: "the council" is not "Opposition councillors", and
    "the university" is not the University and College Union (a name ending in another body's noun is that)."""
    pattern = rf"\b(?:{_NAMED_BY.get(noun, re.escape(noun))})\b"
    head = re.sub(r" \([A-Z]{2,6}\)$", "", " ".join(name.split())).lower().rsplit(" ", 1)[-1]  # spaces made single
    found = re.search(pattern, " ".join(name.lower().split()))
    if found and re.match(r"['’]s\s", " ".join(name.lower().split())[found.end() :]):
        return False  # "The council's shoreline management plan": a thing the council owns, not the council
    if found and " " in found.group(0):
        return True  # a name the noun is known by, whole: "the Met Office" is the forecaster
    if ORG_NOUN.fullmatch(head) and not re.search(pattern, head):
        return False
    return bool(re.search(pattern, name.lower()))


def bare(name: str) -> str:
    return re.sub(r"^the\s+", "", name.lower().replace("’", "'"))


def distinct(names: list[str]) -> list[str]:
    """``names`` without a description another of them names: "the borough council" beside "Tamsworth
    Borough Council" is one council, and "the hospital trust" beside "Saltram Hospitals NHS Trust" one trust."""
    words = [{w.rstrip("s") if len(w) > 3 else w for w in bare(n).split()} for n in names]
    return [
        n
        for n, own in zip(names, words, strict=True)
        if not (bare(n) == n.lower().removeprefix("the ") and any(own < other for other in words))
    ]


# The last guard against a clause taken for a name: a question's opening, or a finite verb outside a
# relative clause ("Spain recorded …", "Why is the council …") is never who spoke.
_QUESTION_OPENING = re.compile(r"^(?:Why|What|How|When|Where|Who|Whom|Is|Are|Was|Were|Do|Does|Did|Can|Could|Should)\s")
_FINITE = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do)\s")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\s")


# "One wrote: …" after "Fans flooded social media": one of them, named by nothing.
# "You have said the council could go bankrupt": an interviewer's "you" is the person answering, never named.
_COUNT_ONLY = re.compile(r"^(?:One|Another|Some|Others|Many|Both|Several|Most|Few|You)$", re.I)


def reads_as_name(raw: str) -> bool:
    """Whether a span could name a speaker: not a question, not a clause with a verb of its own, not a
    bare count ("One")."""
    if _COUNT_ONLY.match(raw.strip()):
        return False
    return not (_QUESTION_OPENING.match(raw) or (_FINITE.search(f" {raw} ") and not _RELATIVE.search(raw)))


# "the Department for Environment, Food and Rural Affairs": a body whose name lists with commas. It is read
# with MASK (a private-use character, never in an article, one character like the comma) in their place.
LISTED_NAME = re.compile(r"\b(?:Department|Ministry) (?:for|of) [A-Z][\w-]*(?:, [A-Z][\w-]*){1,4},? and [A-Z][\w-]*")
MASK = "\ue000"


def mask_listed_names(sentence: str) -> str:
    if "Department " not in sentence and "Ministry " not in sentence:
        return sentence  # the common case, without a search
    return LISTED_NAME.sub(lambda m: m.group(0).replace(",", MASK), sentence)


_OUTLET_HINT = re.compile(
    r"\b(Times|Herald|News|Journal|Tribune|Press|Reuters|AP|AFP|BBC|CNN|NPR|Bloomberg|Guardian|Telegraph|Gazette|"
    r"Chronicle|Report|Radio|TV|Television|Magazine|Politico|Axios|Outlet|Newspaper|Agency|Wire|Daily|Weekly|Economist|"
    # "An observer mission": a title's common nouns name an outlet only with their capital.
    r"(?-i:Observer|Monitor|Star|Sun|Mail|Express|Independent|Post))\b|"
    r"^a (new )?report$|^(the outlet|the newspaper)$",
    re.I,
)


def looks_like_outlet(actor: str | None) -> bool:
    """Whether an actor is a news outlet or a report ("The Miami Herald", "a new report"): who published it,
    not who said it."""
    # Judged on the name, not its description: "Dr. Vance, who led the report" is a person, and so is
    # "Press secretary Karoline Leavitt".
    name = re.sub(r"^(?:[Pp]ress|[Nn]ews)\s+(?:secretary|officer|aide|spokes\w+)\s+", "", (actor or "").split(",")[0])
    return bool(actor and _OUTLET_HINT.search(name))


# "Penmarric Hospitals NHS Trust", "Wessmoor Police", "the Okeby Observatory", "Holme Town" (never "… Town Council").
_BY_NAME = "Trust|Hospital|League|Police|Constabulary|University|Observatory|Museum|Zoo|Theatre|FC|Rovers|Athletic|"
_BY_NAME += "Town|United|Wanderers|Albion"
_TRUST_OR_HOSPITAL = re.compile(
    r"(?<![\w’'&-])((?:[Tt]he )?(?:(?!(?:The|A|An|Its|Their)\b)[A-Z][\w’'&-]+ ){1,5}"
    rf"({_BY_NAME}))\b(?!\s(?:Council|Hall|Centre|Square|Station|Library|FC|Reformed|Utilities|Nations))"
)
_CLUBS = ("fc", "rovers", "athletic", "town", "united", "wanderers", "albion")
_FORCE = {"police": "force", "constabulary": "force"} | dict.fromkeys(_CLUBS, "club")


def trusts_and_hospitals(text: str) -> list[tuple[str, str]]:
    """The trusts, hospitals, leagues, police forces and universities ``text`` names, as (name, "trust",
    "hospital", "league", "force" or "university"): what a later "the trust" or "the force" means when the
    story names only one."""
    if not any(f" {word}" in text for word in _BY_NAME.split("|")):
        return []
    found = _TRUST_OR_HOSPITAL.findall(text)
    return [(re.sub("^The ", "the ", name), _FORCE.get(noun.lower(), noun.lower())) for name, noun in found]


def possessive(name: str) -> str:
    """ "Inspectors'", "Wrexford Borough Council's": whose a record is."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"
