"""Whose voice a sentence is in when its own words do not say: an interview's answers (the one person the
introduction names), a lead's pointer before anyone has spoken (the body that speaks next), a phrase quoted
inside the reporter's account of an act, and a source named well enough to make its account checkable."""

from __future__ import annotations

import re

from factcheck.engines.base import ExtractedClaim
from factcheck.engines.offline import according, bodies, records
from factcheck.engines.offline.attribution import Attribution
from factcheck.engines.offline.segment import Sentence, paragraphs
from factcheck.engines.offline.speakers import Resolution, Speakers


def interviewee(speakers: Speakers) -> str | None:
    """Who answers an interview's questions: the one person the article named before its first answer
    ("Glaciologist Dr Ilona Varga … We asked her what the numbers mean."); None when it named more or none."""
    people = {name for at, _, name in speakers.named if at < speakers.sentence}
    return people.pop() if len(people) == 1 else None


# What an interview's introduction says of it: "he spoke to the Vale Gazette", "We asked her …".
_INTERVIEWED = re.compile(
    r"\b(?:spoke to|talked to|we asked (?:him|her|them)|interviewed|in an interview with)\b", re.I
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")


def unlabelled_answers(found: list[Sentence]) -> set[int]:
    """The paragraphs of an interview printed as questions and answers without "Q:" and "A:": each paragraph
    after a short one ending in a question, and the paragraphs in the first person that carry its answer on.
    Only where the introduction says it is an interview: an explainer's question headings are the reporter's."""
    paragraphs: dict[int, list[str]] = {}
    for sentence in found:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence.text)
    asked = {p for p, texts in paragraphs.items() if len(texts) <= 3 and texts[-1].rstrip(' ”"’').endswith("?")}
    if not asked or not _INTERVIEWED.search(
        " ".join(t for p, texts in paragraphs.items() if p < min(asked) for t in texts)
    ):
        return set()
    answers: set[int] = set()
    for p in sorted(paragraphs):
        before = p - 1 in asked or (p - 1 in answers and _FIRST_PERSON.search(" ".join(paragraphs[p])))
        if p not in asked and before:
            answers.add(p)
    return answers


# "CLLR HELEN SPRATT (Conservative, cabinet member): Visits …", "CLLR SPRATT: They are …": a transcript's label.
_LABEL = re.compile(
    r"^(?P<title>(?:CLLR|COUNCILLOR|DR|MR|MRS|MS|MISS|PROF|PROFESSOR|SIR|DAME|JUDGE|LORD|BARONESS)\.? )?"
    r"(?P<name>[A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+){0,3})(?: \([^()]{1,100}\))?: "
)
# "— Cllr Ann Aveling (@annaveling) November 27, 2026": the line that signs an embedded post.
_SIGNED = re.compile(
    r"^[—–-] ?(?:(?:Cllr|Councillor|Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss) )?"
    r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}) \(@\w{1,30}\)"
)


def signed_posts(text: str, found: list[Sentence], attrs: list[Attribution]) -> None:
    """An embedded post's sentences as its signer's: "— Cllr Ann Aveling (@annaveling) November 27, 2026" on
    the line under it (a line the page's chrome is otherwise, and left out of the sentences)."""
    signers: dict[int, str] = {}
    for index, (start, end) in enumerate(paragraphs(text)):
        if m := _SIGNED.match(text[start:end].strip()):
            signers[index - 1] = m.group("name")
    for sentence, attr in zip(found, attrs, strict=False):
        if sentence.paragraph in signers and not (attr.speaker or attr.reported_by):
            attr.speaker, attr.quotation = signers[sentence.paragraph], sentence.text  # in the signer's own words


def answers(found: list[Sentence]) -> dict[int, str | None]:
    """Paragraph → who says it: a transcript's labelled speaker ("CLLR HELEN SPRATT (Labour): …", a later
    "CLLR SPRATT:" the same person), or None for an interview's answer without labels (``unlabelled_answers``).
    Labels count only where two or more paragraphs open with one that names a person, never "UPDATE:"."""
    names: dict[int, str] = {}
    for sentence in found:
        m = _LABEL.match(sentence.text)
        if not m or sentence.paragraph in names:
            continue
        name = " ".join(word.capitalize() for word in m.group("name").split())
        known = [full for full in names.values() if full.endswith(f" {name}")]
        if known or m.group("title") or " " in name:
            names[sentence.paragraph] = known[0] if known else name
    labelled: dict[int, str | None] = dict(names) if len(names) >= 2 else {}
    return labelled | {p: None for p in unlabelled_answers(found) if p not in labelled}


def without_label(text: str) -> str:
    return _LABEL.sub("", text, count=1)


def in_own_words(claims: list[ExtractedClaim], who: Resolution) -> list[ExtractedClaim]:
    """An interview's answers in the first person ("Our reserves have fallen …") as the interviewee's own
    words, quoted: "Joe Mowbray said that our reserves …" would make them the reporter's."""
    if not (who.answer and who.speaker):
        return claims
    for claim in claims:
        if _FIRST_PERSON.search(claim.quote) or _LABEL.match(claim.quote):
            said = without_label(claim.quote.strip().removeprefix("A: ")).rstrip(",;:")
            claim.claim = f"{who.speaker[:1].upper()}{who.speaker[1:]} said: “{said[:1].upper()}{said[1:]}”"
    return claims


def on_record(source: str, speakers: Speakers) -> bool:
    """Whether a source is named ("according to NHS England", "according to Dr Mira Abernethy", "the memo
    said"), so its account is checkable as such; never "according to them"."""
    return speakers.kind(source) in {"org", "name", "person"} or records.a_record(source) or according.witnessed(source)


# "…, the researchers said." after a study was told, "Police believe …": a study's authors' account, and the
# investigators', on the record as a body's is.
_GROUP_ON_RECORD = re.compile(
    r"^(?:the\s(?:study['’]s\s|report['’]s\s)?(?:researchers|scientists|authors)|(?:the\s)?(?:police|detectives|"
    r"investigators|forecasters|meteorologists|jury|inquest))$",
    re.I,
)


def group_on_record(speaker: str | None) -> bool:
    return bool(speaker and _GROUP_ON_RECORD.match(speaker.strip()))


def phrase_quoted(text: str) -> bool:
    """Whether a quotation opens inside the sentence, after words of the reporter's own."""
    curly, straight = text.find("“"), text.find('"')
    return curly > 0 or (straight > 0 and text.count('"') >= 2)


# "…, its chief executive has said.": a role with no name yet, which the next sentence may give.
ROLE_POINTER = re.compile(r"^(?:its|their) ((?:[a-z-]+ ){0,2}[a-z-]+)$")


def named_next(pointer: str | None, after: Attribution, speakers: Speakers) -> str | None:
    """ "A plane made an emergency landing …, the airline has confirmed. …, Sunjet Airways said.": a lead's
    pointer, before anyone has spoken, is the body that speaks in the very next sentence, when its name
    says it is one ("Airways") or, for "the company", when it is known to be a body."""
    noun = m.group("noun").lower() if (m := bodies.ORG_POINTER.match((pointer or "").lower().strip())) else None
    name = after.speaker or ""
    role = ROLE_POINTER.match(pointer or "")
    if role and not noun and name.lower().startswith(role.group(1) + " "):
        # "…, its chief executive has said. …, chief executive Ishbel Tullis said": the same one, now named.
        named = name[len(role.group(1)) + 1 :]
        return named if 2 <= len(named.split()) <= 3 and all(w[:1].isupper() for w in named.split()) else None
    if not noun or not name or bodies.is_pointer(name) or speakers.kind(name) in {"person", "group"}:
        return None
    # "The crew union SNPVAC" says it is a union: never what a lead's "the airline" means.
    another = any(n.lower() not in bodies.COMMERCIAL for n in bodies.ORG_NOUN.findall(name))
    fits = bodies.named_as(noun, name) or (noun in bodies.COMMERCIAL and speakers.kind(name) == "org" and not another)
    return name if fits and not bodies.public(noun, name, speakers.public_acronyms) else None
