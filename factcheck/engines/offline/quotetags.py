"""Who spoke, read from the words around a quotation or a participle when the main shapes of a
sentence ("X said that …", "…, X said.") did not say: "“…,” chief executive Laura Mendes told analysts",
"A spokesperson for the regulator added: “…”", "X rejected the offer, arguing that …"."""

from __future__ import annotations

import re

from factcheck.engines.offline.reporting import VERBS
from factcheck.engines.offline.subjects import PRONOUNS, subject_name

# Words of the tag are runs of non-space, non-comma characters between single separators, so no
# text can be split between the name and its spaces more than one way (no backtracking blow-up).
_QUOTE_TAG_AFTER = re.compile(
    rf"(?:”|(?<=\S)\"),? ?(?P<who>[^\s,“”\".]{{1,40}}(?:,? [^\s,“”\".]{{1,40}}){{0,15}}?),? "
    rf"(?:also |later )?(?:{VERBS}|called)\b"
)
_QUOTE_TAG_BEFORE = re.compile(
    rf"^(?P<who>[^\s“”\"]{{1,40}}(?: [^\s“”\"]{{1,40}}){{0,25}}?) (?:also |later )?"
    rf"(?:(?:{VERBS})(?: [\w’'-]{{1,30}}){{0,4}}? ?[:,]|"
    r"(?:called|described|labell?ed|dubbed) (?:it|them|the [\w-]+(?: [\w-]+)?)(?: as)?) ?[“\"]"
)
# "“…,” said Paul Hudswell of the campaign group Clean Taps.": a name, then whom they speak for.
_SAID_NAME_OF = re.compile(
    r"(?:”|(?<=\S)\"),? (?:said|added|says) (?P<who>[A-Z][\w’'.-]{1,30}(?: [A-Z][\w’'.-]{1,30}){1,3}),? of "
    r"(?:the |a |an )?(?:[a-z][\w’'-]{1,20} ){0,3}[A-Z][^,.“”\"]{1,60}\.?$"
)
_LOWER_TITLE = re.compile(r"^(?:[a-z][\w’'-]*\s+){1,3}(?=[A-Z])")


def quotation_speaker(body: str) -> str | None:
    """The speaker of a quotation whose tag the narrower patterns missed: "“…,” chief executive
    Laura Mendes told analysts" or "A spokesperson for the regulator added: “…”"."""
    if named_of := _SAID_NAME_OF.search(body):
        return named_of.group("who")
    before = _QUOTE_TAG_BEFORE.match(body)
    if before and (who := subject_name(before.group("who"))):
        return who
    for after in _QUOTE_TAG_AFTER.finditer(body):
        raw = " ".join(after.group("who").split())
        title = _LOWER_TITLE.match(raw)
        who = subject_name(raw[title.end() :] if title else raw)
        if who:
            # "county engineer Raj Patel": the title stays with the name it came with.
            return f"{raw[: title.end()]}{who}" if title and who not in PRONOUNS else who
    return None


# "His attorney, Louise Tran, had asked for three years, arguing that …": the one who asked argued it.
# "…, saying fluoride had cut tooth decay": without "that", a clause with its own verb still says what.
_PARTICIPLE = re.compile(
    r", (?:arguing|saying|adding|claiming|insisting|noting|warning|explaining) (?:that |(?=[\w’'-]+(?: [\w’'-]+){0,4}"
    r" (?:had|has|have|was|were|is|are|would|will|could|did)\b))"
)
_MAIN_VERB = re.compile(
    r"^(?P<who>.{2,120}?) (?:had |has |have |was |were )?(?:[a-z]{2,}ed|made|gave|took|sought|spent)\b"
)


# "A council spokesperson denied that, saying the warning concerned …": a reply, whatever verb follows.
_REPLY = re.compile(r"^(?P<who>[^,]{2,120}?) (?:denied|rejected|disputed) (?:that|this|it|the claims?), saying ")


def participle(body: str) -> str | None:
    """The speaker of "Subject did X, arguing that …": whoever did X; None for any other shape."""
    m = _PARTICIPLE.search(body)
    main = _MAIN_VERB.match(body[: m.start()]) if m else None
    who = subject_name(main.group("who")) if main else None
    if who is None and (reply := _REPLY.match(body)):
        who = subject_name(reply.group("who"))
    # "A Labour councillor in Stroud has defected, saying …": a lead's description is the reporter's summary,
    # and the person is named later.
    # A spokesperson is who speaks, however unnamed: "A council spokesperson denied that, saying …".
    described = who is not None and who.lower().startswith(("a ", "an ")) and "spokes" not in who.lower()
    return None if who is None or who.lower() in PRONOUNS or described else who
