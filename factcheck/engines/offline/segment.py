"""Paragraphs and sentences with exact character offsets, and the page chrome to leave out."""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")

# Paragraphs or sentences that belong to the page, not the story. Matched on the lower-cased text
# without IGNORECASE (the same matches, read about twice as fast: this runs on every sentence), as
# two patterns: what a line opens with (tried once, at its start) and what may sit anywhere in it.
_CHROME_START = re.compile(
    r"""^\s*(?:
      (?:sign\ up|subscribe|register\ now|log\ ?in|follow\ us|share\ (?:this|on)|click\ here|
           read\ (?:more|next|also)|related(?:\ articles|\ stories|\ coverage)?\s*:|advertisement|sponsored|
           latest\ (?:stories|news)|more\ from|most\ (?:read|popular)|recommended|trending|
           you\ may\ also\ like|don.t\ miss|watch\s*:|listen\s*:|download\ (?:the|our)\ app|get\ the\ app|
           skip\ to|back\ to\ top|comments?\s*\(|leave\ a\ comment|photo\s*:|image\s*:|video\s*:|
           have\ your\ say|vote\ in\ our\ poll)
      |(?:updated|published|posted|first\ published|last\ updated)\b[^.]{0,40}\d{4}
      |\d+\s+min(?:ute)?s?\ read
      |(?:words\ |text\ |story\ |written\ |reporting\ )?by\ (?!(?:law|contrast|comparison|then|now|far|default|design|
           chance|mistake|accident|tradition|agreement|noon|midnight|lunchtime|nightfall|dawn|the\ time|
           # "By Friday afternoon, tickets were listed …": a time, never a writer.
           monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|
           august|september|october|november|december|tonight|today|tomorrow|this|last|next|early|late|mid)\b)
           [a-z][\w.'-]+(?:\ (?:and\ )?[a-z][\w.'-]+){0,5}\s*(?:,|\||$)
      |(?:key\ points|at\ a\ glance|in\ brief|highlights|what\ we\ know|in\ short)\s*:?\s*$
      |share\ this\b
      |for\ immediate\ release|(?:media\ |press\ )?contacts?\s*:
      |\#{3}\s*$|-\s*ends\s*-\s*$
      |the\ (?:trial|case|hearing|inquest)\ continues\.?\s*$
    )""",
    re.VERBOSE,
)
_CHROME_ANYWHERE = re.compile(
    r"""newsletter|all\ rights\ reserved|©|\(c\)\ \d{4}|cookie|terms\ of\ (?:use|service)|privacy\ policy
      |this\ section\ doesn.t\ currently\ include|add\ content\ to\ this\ section|using\ the\ sidebar
      |getty\ images|\bap\ photo\b|reporting\ by\ .{1,60}editing\ by|contributed\ to\ this\ report
      |\b(?:email|e-mail|write\ to|contact|tell)\ us\b|story\ to\ share|tip\ us\ off
      |produced\ in\ partnership\ with|(?:full\ )?results\ are\ available\ (?:on|at)
      |\b(?:member|signatory)\ of\ the\ international\ fact-?checking\ network|\bcorrections\ policy
      |presumed\ innocent\ until\ prove[nd]\ guilty|(?:names|addresses)\ (?:and\ addresses\ )?are\ (?:given|published)
      \ as\ (?:stated|given)\ in\ court""",
    re.VERBOSE,
)
# "About the company:", "About Brightside:": a press release's boilerplate, known by the capital after it.
_ABOUT = re.compile(r"^\s*[Aa][Bb][Oo][Uu][Tt]\ (?:[Tt][Hh][Ee]\ )?[A-Z][\w&.'’\ -]{1,80}:")

# A short heading like "Latest Stories" or "References" starts the page's tail: nothing after it is the story.
_TAIL_HEADING = re.compile(
    r"^\s*(latest\ (stories|news)|related(\ (articles|stories|coverage|content))?|more\ (from|stories|news)"
    r"|most\ (read|popular|viewed)|recommended(\ for\ you)?|trending(\ now)?|you\ may\ also\ like"
    r"|comments|share\ this(\ article)?|read\ next|popular\ now"
    r"|references|sources|bibliography|further\ reading|footnotes|notes|citations|works\ cited"
    # A press release's tail: "Notes to editors", "About the company", "Media contacts".
    r"|notes?\ to\ editors?|editors?['’]?\ notes?|about\ (the\ company|us)|media\ (contacts?|enquiries))\s*:?\s*$",
    re.IGNORECASE | re.VERBOSE,
)

# A photograph's caption: it carries a credit ("(Image: REUTERS)", "Photograph: …", "Credit: Alamy")
# or says it is one ("Pictured:", "Photo caption:"). What a picture shows is not the story's claim.
# Matched, like the note, citation and desk-voice patterns below, on the lower-cased text (see
# _CHROME_START); only the author pattern reads the text as written.
_CAPTION = re.compile(
    r"\((?:image|photo|picture|pic|photograph|credit|video)s?(?:\s+by)?\s*:?[^)]{1,80}\)"
    r"|\b(?:photograph|photo|picture|image|credit|illustration)s?\s*(?:by\s+|:\s*)[a-z][^.]{0,60}$"
    r"|^\s*(?:pictured|photo\s+caption|caption|above|below|top|main\s+image|inset)\s*:"
)
# Notes from the desk about the article itself, not claims in it.
_EDITORIAL_NOTE = re.compile(
    # "Our verdict: False. The pension is not being cut.": the desk's conclusion, not the story's claim.
    r"^\s*(?:editor[’']s\s+note|correction|clarification|update|note|(?:our\s+|the\s+)?(?:verdict|rating))\s*:"
    r"|^\s*this\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+(?:updated|corrected|amended|changed)"
)
# A reference list's entries: "Cochrane Database Syst Rev. 2014;(11):CD006206.", "Accessed 16 Mar 2020."
_CITATION = re.compile(
    r"\b\d{4}\s*;\s*\(?\d+\)?\s*:|\baccessed\s+(?:on\s+)?\d{1,2}\s+[a-z][a-z]+\.?\s+\d{4}"
    r"|\baccessed\s+(?:on\s+)?[a-z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\bdoi:\s*10\.|\bet\s+al\.|\bretrieved\s+from\b"
)
# An author's surname and initials ("Smith AB,"), never "The AIU, which handles …," opening a story
# sentence: read on the text as written, since the capitals are the evidence.
_AUTHOR = re.compile(
    r"^\s{0,4}(?:[-•*]\s{1,3})?(?!(?:The|A|An|This|That|Its|Our|Their|His|Her|But|And)\s)"
    # A second author or "et al" after the comma: "Universities UK, which represents …" is a body, not "Smith AB,".
    r"[A-Z][a-zà-ÿ’'\-]{0,40}\s[A-Z]{1,3},\s(?:[A-Z][a-zà-ÿ’'\-]{0,40}\s[A-Z]{1,3}[,.]|et\sal\b)"
)
# The outlet talking about its own work: "We looked at …", "Our fact-checkers will rate …".
_DESK_VOICE = re.compile(
    r"^\s*(?:we|our\s+(?:reporters?|fact-?checkers?|team|newsroom|journalists|editors?))\s+"
    r"(?:have\s+|will\s+|also\s+)?(?:looked|asked|contacted|checked|reached|examined|rate|review|"
    r"update|will|have\s+asked|went|spoke|analy[sz]ed|compiled|are\s+bringing\s+you|bring\s+you)\b"
    # "Prices were checked online and may change.": the survey's own caveat.
    r"|^\s*prices\s+were\s+checked\s[^.]{0,60}\band\s+(?:may|might|could)\s+(?:have\s+)?change"
    # A court list's standing notice: "Court results are published as a public service."
    r"|^\s*(?:court\s+results|these\s+results)\s+are\s+published\s+as\s+a\s+public\s+service"
    r"|^\s*anyone\s+named\s+has\s+been\s+convicted\b"
    # "The trial, expected to last two weeks, continues.": a court report's sign-off.
    r"|^\s*the\s+(?:trial|hearing|inquest|case)(?:,\s[^,.]{1,60},)?\s+continues\.?$"
    r"|^\s*this\s+(?:is\s+an?\s+(?:edited|abridged|shortened)\s+transcript|transcript\s+has\s+been\s+edited)\b"
)

# A call for witnesses or information, the police's or the paper's: what to do, not what happened.
_APPEAL = re.compile(
    r"\banyone\s+(?:with|who\s+(?:has|had|saw|was|witnessed|knows))\s[^.]{0,120}?\b(?:is|are)\s+"
    r"(?:asked|urged|encouraged|being\s+asked)\s+to\s+(?:call|contact|ring|get\s+in\s+touch|report)"
    r"|\b(?:keen|want|would\s+like|appealing)\s+to\s+hear\s+from\s+(?:anyone|witnesses|people|members\s+of)"
    r"|\b(?:call|ring|contact)\s+(?:police\s+on\s+)?(?:101|crimestoppers)\b"
    # "Patients who are worried can call a helpline on 0800 123 4567": a number to ring, not news.
    r"|\b(?:call|ring|text|contact)\s(?:[\w-]{1,20}\s){0,4}(?:on|at)\s\+?\d{2,5}(?:\s\d{2,5}){1,3}\b",
    re.IGNORECASE,
)


def is_chrome(text: str) -> bool:
    lower = text.lower()
    return bool(_CHROME_START.match(lower) or _CHROME_ANYWHERE.search(lower) or _ABOUT.match(text))


def is_heading(text: str) -> bool:
    """A line without closing punctuation (a headline, a standfirst, a section title): not a claim.
    Story paragraphs end in a full stop; headlines and standfirsts run to 30 words. A quotation closing
    a headline ends on its last word ('… face "worst January in years"'), a sentence's on its stop."""
    stripped = re.sub(r"(?:\s#\w{1,60})+$", "", text.strip())  # a post's closing hashtags: "… care. #SaveOurAandE"
    stripped = re.sub(r"\s\(\d[^()]{0,24}\)$", "", stripped)  # "2. Ridgeback Edge (7 miles)": a listed walk's length
    if LEAD_IN.search(stripped):
        return False  # "In a post on X, Graham Tallis-Webb wrote:": what comes next is someone's words
    return 0 < len(stripped.split()) <= 30 and not re.search(r"(?:[.!?;)]|[.!?,;:][\"”’])\s*$", stripped)


# A line that hands the next paragraph to a speaker: "…, the MP wrote:", "In a statement, the club said:".
LEAD_IN = re.compile(
    r"\b(?:wrote|writes|said|says|posted|tweeted|added|explained|warned)\s?:$"
    # "The club issued the following statement on Friday evening:": the statement follows, in full.
    r"|\s(?:issued|released|published|put\sout)\s(?:the\s)?following\s(?:statement|message|letter)\b[^:“”\"]{0,40}:$"
)


# "DealDrop did not respond to a request for comment.": the desk's diligence, not the story's claim.
_NO_COMMENT = re.compile(
    r"\b(?:did\s+not|didn[’']t|has\s+not|had\s+not|have\s+not)\s+(?:immediately\s+)?(?:respond(?:ed)?|replied|"
    r"reply)\s+to\s+(?:a\s+|our\s+|repeated\s+)?requests?\s+for\s+comment|\bcould\s+not\s+be\s+reached\s+for\s+comment"
    r"|^\s*\S+(?:\s\S+){0,5}\s+declined\s+to\s+comment\.?\s*$",
    re.IGNORECASE,
)


# A listing at the foot of a review: "Ember, 14 Park Row, Leeds.", "Open Tuesday to Saturday, 5pm to 11pm.",
# "Runs until 14 June at the Lyric Theatre." Where and when to go, not what happened.
_LISTING = re.compile(
    r"^\s*(?:[A-Z][\w’'&. -]{0,40}, \d{1,4}[a-z]? [A-Z][\w’' -]{1,40}, [A-Z][\w’' -]{1,30}\.?$|"
    # "Results: Women: 1 Ellie Vane (Harnley AC) 31:48; …": a race's results, place by place.
    r"(?:Results|Men|Women)(?:'s)?: (?:(?:Men|Women)(?:'s)?: )?\d{1,2} [A-Z][\w’' -]{2,40} \([^()]{2,40}\) "
    r"\d{1,2}:\d\d|"
    # "The Net Loft, 4 Bellhanger Quay.": a review's address, with no town after it.
    r"[A-Z][\w’'&. -]{0,40}, \d{1,4}[a-z]? (?:[A-Z][\w’'-]{1,30} ){1,3}(?:Street|Road|Lane|Quay|Square|Place|Row|"
    r"Avenue|Hill|Parade|Walk|Way|Yard|Wharf|Terrace|Close|Crescent|Drive|Green)\.$|"
    r"(?:Open|Opening hours:?) (?:daily|every day|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:s)?(?: (?:to|-|–) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?),? \d|"
    r"Runs (?:until|to) \d{1,2} [A-Z][a-z]+ at |Polling stations (?:will be|are) open from \d|"
    r"Kick-off is at \d|Tickets are (?:still )?available (?:from|at|online)\b|Tickets from £\d{1,3}(?:\.\d\d)?\.$|"
    # "Tickets cost £8.", "Entry is free.", "The band plays carols at St Mary's at 3pm on Sunday.": a listing's price
    # and its hour, however it is worded.
    r"(?:Tickets|Entry|Admission) (?:cost|costs|are|is) (?:free|£\d{1,3}(?:\.\d\d)?(?: each| per person)?)\.$|"
    r"[A-Z][^.;\d]{0,80} (?:plays|leaves|starts|begins|performs|sets off) [^.;\d]{0,60}\bat \d{1,2}(?:[.:]\d\d)? ?[ap]m"
    r"(?: on [A-Z][a-z]{2,5}day)?\.$|"
    # "Cherry oat bar, box of six, best before 21 March 2027.": a recall notice's list of what it covers.
    r"[A-Z][^.;“”\"]{2,80}, (?:best before|use by)(?: end)? \d{1,2} [A-Z][a-z]{2,8} \d{4}\.$)"
)


def is_furniture(text: str) -> bool:
    """A caption, an editor's note, a reference, the desk's own voice or a review's listing: part of the
    page, not the story."""
    lower = text.lower()
    return bool(
        _CAPTION.search(lower)
        or _EDITORIAL_NOTE.search(lower)
        or _DESK_VOICE.search(lower)
        or _CITATION.search(lower)
        or _AUTHOR.match(text)
        or _LISTING.match(text)
    )


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; single newlines separate paragraphs when no blank lines do."""
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n+")
    spans, pos = [], 0
    for m in breaks.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# "- It will be inspected again", and a live page's "Update 11:05:": the page's marker, not the claim's words.
_BULLET = re.compile(
    r"^(?:[-*•▪◦–]|\d{1,2}[.)]|(?i:update(?:d)?|latest)\s\d{1,2}[.:]\d{2}\s?(?:[ap]\.?m\.?)?\s?[:–—-])\s+(?=\S)"
)


def sentences(text: str) -> list[Sentence]:
    """Story sentences with offsets into ``text``; chrome, headings and the page tail are left out."""
    out: list[Sentence] = []
    authors: list[str] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        para = text[p_start:p_end]
        # The heading may sit on the first line of its list: "Related Stories\nSchools test for lead".
        if _TAIL_HEADING.match(para.split("\n", 1)[0]):
            break
        authors += [m.group(1) for m in [_BYLINE.match(para)] if m]
        if (is_chrome(para) or is_furniture(para)) and len(para) < 400:
            continue
        blocks = _items(para)
        first = blocks[0][1]
        if is_heading(para) if len(blocks) == 1 else not _BULLET.match(first.lstrip()) and is_heading(first):
            continue  # a heading, or a summary box under one ("Key points\n- …"): the story tells it in full
        if any(para.startswith(f"{name} is ") for name in authors) and len(para) < 200:
            continue  # "Anne Lydgate is a former chair of …" under a column by Anne Lydgate: who wrote it
        for b_start, block in blocks:
            out += _block_sentences(block, p_start + b_start, index)
    return out


# "- Flood warnings are in place for 14 areas\n- About 200 homes …": each item of a list set on its own lines is a
# sentence of its own, whatever the splitter makes of lines without full stops.
_ITEM_BREAK = re.compile(r"\n(?=[ \t]{0,4}(?:[-*•▪◦–]|\d{1,2}[.)])[ \t])")


def _items(para: str) -> list[tuple[int, str]]:
    starts = [0] + [m.end() for m in _ITEM_BREAK.finditer(para)]
    return [(a, para[a:b].rstrip("\n")) for a, b in zip(starts, [*starts[1:], len(para)], strict=True)]


def _block_sentences(para: str, p_start: int, index: int) -> list[Sentence]:
    """A block's sentences, offsets counted from ``p_start``; ``index`` is its paragraph's."""
    out: list[Sentence] = []
    # blingfire's finite-state splitter: exact character offsets, ~1 ms for an 800-word article.
    _, offsets = blingfire.text_to_sentences_and_offsets(para)
    for span_start, span_end in _bounded(para, _repaired(para, offsets)):
        for rel_start, piece in _split_adjacent_quotes(span_start, para[span_start:span_end]):
            # "- It will be inspected again": a list item's marker is the page's, not the claim's.
            lead = len(piece) - len(_BULLET.sub("", piece.lstrip(), count=1))
            trimmed = piece[lead:].strip()
            # An appeal for witnesses or a no-comment line is one sentence of a paragraph that also
            # says what happened.
            aside = _APPEAL.search(trimmed) or _NO_COMMENT.search(trimmed)
            numbered = re.fullmatch(r"\d{1,2}[.)]", trimmed)  # "2." that the splitter cut from its item
            if not trimmed or is_chrome(trimmed) or is_furniture(trimmed) or aside or numbered:
                continue
            start = p_start + rel_start + lead
            out.append(Sentence(trimmed, start, start + len(trimmed), index))
    return out


# "By Anne Lydgate": the writer a closing line about them describes.
_BYLINE = re.compile(r"^By ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})$")


# blingfire ends a sentence after "Sen." or "v." and runs on past "so. Mr. Jones": titles and case
# names are mended after it, so that a speaker's title stays with the name it belongs to.
# "… at about 1:30 p.m. Deputies, fire crews and …": a clock's "p.m." ends the sentence when a new one opens after
# it (never before a day, a month or a time zone: "at 5 p.m. Monday", "at 9 a.m. Eastern").
_AFTER_PLATFORM = re.compile(
    r"(?:(?<=\bon X\.)|(?<=\bto X\.)|(?<=\bvia X\.))\s+(?=[A-Z])"
    r"|(?<=\b[ap]\.m\.)\s+(?=[A-Z][a-z]+\b)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|Eastern|Central|"
    r"Pacific|Mountain|Atlantic|Greenwich|[A-Z][a-z]+\s(?:time|Time))\b)"
)
_TITLE_ABBREVIATIONS = r"Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Det|Insp|Supt|Rev|Hon|St|Mt"
_ENDS_WITH_TITLE = re.compile(rf"(?:^|\s)(?:{_TITLE_ABBREVIATIONS}|v|vs|No|Nos)\.$")
_BEFORE_TITLE = re.compile(rf"(?<=[a-z0-9%)”\"]\.)\s+(?=(?:{_TITLE_ABBREVIATIONS})\.\s+[A-Z])")


def _repaired(text: str, offsets) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in offsets:
        # A dash never opens a sentence: "BRIDGEPORT, Conn. — The council voted …" is one dateline and story.
        dashed = text[start:end].lstrip().startswith(("—", "–"))
        # '"…" - Cllr Augusta Sadler, in a leaflet': a spaced hyphen after a quotation, on its line, is who said it
        # (a hyphen opening a line is a list's item).
        after_quote = merged and text[merged[-1][0] : merged[-1][1]].rstrip().endswith(("”", '"'))
        dashed = dashed or bool(
            after_quote and text[start:end].startswith("- ") and "\n" not in text[merged[-1][1] : start]
        )
        titled = _ENDS_WITH_TITLE.search(text[merged[-1][0] : merged[-1][1]]) if merged else None
        # "No. 10" is a number; an answer's "No." before a sentence is a word of its own.
        if titled and titled.group(0).strip() in {"No.", "Nos."} and not text[start:end].lstrip()[:1].isdigit():
            titled = None
        # '"What am I supposed to do?" she said.': a tag opening in lower case after a quotation is its sentence's end.
        tagged = after_quote and text[start:end].lstrip()[:1].islower()
        if merged and (dashed or titled or tagged):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    spans = []
    for start, end in merged:
        for m in _BEFORE_TITLE.finditer(text, start, end):
            if _ENDS_WITH_TITLE.search(text[start : m.start()]):
                continue  # "Det. Insp. Claire Moss": one title after another
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, end))
    # "… in a post on X. Clinic operators said …": the platform's one letter is not an initial. "… had been
    # cloned. £4,200 was taken …": blingfire never starts a sentence on a figure.
    split = []
    for start, end in spans:
        for m in _AFTER_PLATFORM.finditer(text, start, end):
            split.append((start, m.start()))
            start = m.end()
        for m in _BEFORE_FIGURE.finditer(text, start, end):
            if not _ABBREVIATED.search(text, start, m.start()):
                split.append((start, m.start()))
                start = m.end()
        split.append((start, end))
    return split


_BEFORE_FIGURE = re.compile(r"(?<=[a-z0-9%)”\"’]\.)\s+(?=[£$€]?\d[\d,.]*(?:bn|m|k|%)?\s+[a-z])")
# "in Jan. 2024", "est. 40", "vol. 3": an abbreviation before a number, not a sentence's end.
_ABBREVIATED = re.compile(
    r"(?:^|\s)(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|est|vol|vols|para|paras|fig|figs|p|pp|"
    r"ca|c|art|sec|ch|ed|eds|no|nos|op|cf|vs|v)\.$",
    re.I,
)


# Longer than this, a "sentence" is a list or a table run together, not one claim: it is read in
# pieces cut at a space, so the work done on each sentence stays bounded.
MAX_SENTENCE_CHARS = 1_500


def _bounded(text: str, offsets) -> list[tuple[int, int]]:
    spans = []
    for start, end in offsets:
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            spans.append((start, cut))
            start = cut
        spans.append((start, end))
    return spans


# pysbd keeps `… yes.” “I wouldn’t …` together; a closed quotation followed by a new one is two sentences.
# "…, fell short of the threshold, and their leader, Christian Lindner, said he would quit politics.": a
# second speaker, named between commas after ", and", starts a statement of their own.
_ADJACENT_QUOTES = re.compile(
    r"(?<=[.!?][”\"])\s+(?=[“\"])|,\s(?:and|but)\s(?=(?:their|its|his|her|the)\s(?:[a-z][\w-]*\s){0,3}[a-z][\w-]*,\s"
    r"[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,3},\s(?:has\s|have\s)?(?:said|says|told|added)\b)"
)


def _split_adjacent_quotes(offset: int, text: str) -> list[tuple[int, str]]:
    pieces, pos = [], 0
    for m in _ADJACENT_QUOTES.finditer(text):
        pieces.append((offset + pos, text[pos : m.start()]))
        pos = m.end()
    pieces.append((offset + pos, text[pos:]))
    return pieces
