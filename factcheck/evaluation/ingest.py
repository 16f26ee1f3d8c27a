"""Measuring claim extraction the way a desk meets it: articles in, tickets out, read against
a person's annotation of each article (its claims, who made them, what is not a claim).

A folder holds one annotation (``NAME.json``) beside each article (``NAME.txt`` or ``NAME.html``)::

    {"split": "dev", "published": "2025-11-25", "title": "…",          # title: HTML pages only
     "claims": [{"quote": "exact words of the article", "speaker": "Helen Marsh" | null,
                 "also": ["other right names"], "optional": false, "dates": ["November 23, 2025"]}],
     "duplicates_of": {"words that restate a claim": "the claim's quote"},
     "not_claims": ["exact words that must never become a ticket"]}

A ticket *matches* the claim whose words its span overlaps most. Tickets matching nothing are junk;
a second ticket on one claim is a duplicate. A ticket's speaker (or, failing that, who reported it)
is right when it is the annotated one or one of its ``also`` names, *flagged* when the engine left
it to a person, and wrong otherwise. A date the engine wrote into a claim that its sentence does
not hold must be one of the claim's ``dates``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from factcheck.articles.service import title_from
from factcheck.core import webpages
from factcheck.core.errors import InvalidInput
from factcheck.engines.base import ArticleInput, ExtractedClaim

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Dates as the engine writes them into a claim: "November 23, 2025", "in May 2025", "in 2024".
_WRITTEN_DATE = re.compile(rf"\b(?:(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|(?:{_MONTHS}) \d{{4}}|(?<=in )\d{{4}})\b")


@dataclass
class GoldClaim:
    quote: str
    speaker: str | None
    names: set[str]
    optional: bool
    dates: list[str]
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Annotated:
    name: str
    split: str
    article: ArticleInput
    title: str | None
    claims: list[GoldClaim]
    not_claims: list[tuple[int, int]]
    missing: list[str]  # annotated words the article's text no longer holds (lost in extraction)


@dataclass
class Verdict:
    """What became of one ticket."""

    claim: ExtractedClaim
    gold: GoldClaim | None
    duplicate: bool = False
    forbidden: bool = False  # it overlaps words marked as not a claim
    speaker: str = "n/a"  # right | flagged | missing | wrong | n/a
    wrong_dates: list[str] = field(default_factory=list)


@dataclass
class ArticleScore:
    name: str
    tickets: int
    verdicts: list[Verdict]
    missed: list[GoldClaim]
    required: int
    found_required: int
    title_right: bool | None


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    name = name.lower().replace("’", "'")
    name = re.sub(r"^(the|a|an)\s+", "", name.strip())
    name = re.sub(r"\b(dr|mr|mrs|ms|prof)\.\s*", "", name)
    return " ".join(name.split()).strip(" ,.")


def read_folder(folder: Path, split: str | None = None) -> list[Annotated]:
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder.")
    out = []
    for gold_path in sorted(folder.glob("*.json")):
        item = read_one(gold_path)
        if split in (None, "all") or item.split == split:
            out.append(item)
    if not out:
        raise InvalidInput(f"{folder} holds no annotated articles" + (f" in the {split} split." if split else "."))
    return out


def read_one(gold_path: Path) -> Annotated:
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"Cannot read {gold_path}: {exc}") from None
    source = next((p for p in (gold_path.with_suffix(".html"), gold_path.with_suffix(".txt")) if p.exists()), None)
    if source is None:
        raise InvalidInput(f"{gold_path.name} has no article beside it (.txt or .html).")
    raw = source.read_text(encoding="utf-8")
    extracted = webpages.from_html(raw) if source.suffix == ".html" else webpages.from_raw(raw)
    published = date.fromisoformat(gold["published"]) if gold.get("published") else extracted.published
    # The title the desk saves: the page's, or for pasted text its first line that is not a box.
    title = extracted.title or (title_from(extracted.text) if source.suffix == ".txt" else "")
    article = ArticleInput(text=extracted.text, title=title, published=published)
    claims, missing = [], []
    for c in gold.get("claims", []):
        names = {normalise_name(n) for n in [c.get("speaker"), *c.get("also", [])] if n}
        claim = GoldClaim(c["quote"], c.get("speaker"), names, bool(c.get("optional")), list(c.get("dates", [])))
        claim.spans = _spans(article.text, claim.quote)
        if not claim.spans:
            missing.append(claim.quote)
        claims.append(claim)
    by_quote = {c.quote: c for c in claims}
    for restated, original in gold.get("duplicates_of", {}).items():
        if original not in by_quote:
            raise InvalidInput(f"{gold_path.name}: duplicates_of names a claim it does not list: {original!r}")
        by_quote[original].spans.extend(_spans(article.text, restated))
    not_claims = [span for words in gold.get("not_claims", []) for span in _spans(article.text, words)]
    return Annotated(gold_path.stem, gold.get("split", "dev"), article, gold.get("title"), claims, not_claims, missing)


def _spans(text: str, words: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(item: Annotated, claims: list[ExtractedClaim], title: str | None = None) -> ArticleScore:
    matched: set[int] = set()
    verdicts = []
    for claim in sorted(claims, key=lambda c: c.start):
        span = (claim.start, claim.end)
        ranked = sorted(
            ((max((_overlap(span, s) for s in g.spans), default=0), i) for i, g in enumerate(item.claims)),
            reverse=True,
        )
        ranked = [(o, i) for o, i in ranked if o > 0]
        # A ticket holding a required claim and an optional one beside it ("X, which has …, said …") counts
        # for the required one, whichever holds more of its words.
        fresh = sorted(((o, i) for o, i in ranked if i not in matched), key=lambda r: item.claims[r[1]].optional)
        verdict = Verdict(claim, None)
        if fresh:
            matched.add(fresh[0][1])
            verdict.gold = item.claims[fresh[0][1]]
        elif ranked:
            verdict.gold, verdict.duplicate = item.claims[ranked[0][1]], True
        verdict.forbidden = verdict.gold is None and any(_overlap(span, s) for s in item.not_claims)
        if verdict.gold is not None:
            verdict.speaker = _speaker(verdict.gold, claim)
            verdict.wrong_dates = _wrong_dates(verdict.gold, claim)
        else:
            verdict.wrong_dates = _wrong_dates(None, claim)
        verdicts.append(verdict)
    required = [i for i, g in enumerate(item.claims) if not g.optional]
    title_right = None if item.title is None else normalise_name(title) == normalise_name(item.title)
    return ArticleScore(
        name=item.name,
        tickets=len(claims),
        verdicts=verdicts,
        missed=[item.claims[i] for i in required if i not in matched],
        required=len(required),
        found_required=sum(1 for i in required if i in matched),
        title_right=title_right,
    )


def _names_match(said_by: str | None, names: set[str]) -> bool:
    """The annotated name, or a longer way of writing it ("Analyst Chen Wei of Harbor Securities")."""
    given = normalise_name(said_by)
    # A one-word name ("council") inside another ("council leader graham pike") is not a match, and
    # neither is a name something else belongs to ("customers of westmere bank" is not the bank); a
    # one-word name last, after what it is, is ("budget airline aerlark").
    return bool(given) and any(
        given == n
        or (" " in n and re.search(rf"(?<!\w)(?<!\bof )(?<!\bin ){re.escape(n)}(?!\w)", given))
        or re.fullmatch(rf"(?:(?!(?:of|the|in|for|and|at|to) )[a-z-]+ ){{1,3}}{re.escape(n)}", given)
        for n in names
    )


def _speaker(gold: GoldClaim, claim: ExtractedClaim) -> str:
    """right, flagged (left to a person), missing (no speaker and no flag) or wrong."""
    said_by = claim.speaker or claim.reported_by
    if gold.speaker is None:
        # A claim in the reporter's own voice: any speaker written onto it is invented.
        return "right" if not said_by or _names_match(said_by, gold.names) else "wrong"
    # "According to the Treasury, citing Milk-based drinks with, …": a right source does not make the
    # speaker it cites right; the speaker, when written, must be right too.
    if _names_match(claim.speaker, gold.names) or (not claim.speaker and _names_match(claim.reported_by, gold.names)):
        return "right"
    if claim.needs_human and (not said_by or "speaker" in (claim.flag_reason or "").lower()):
        return "flagged"
    return "missing" if not said_by else "wrong"


def _wrong_dates(gold: GoldClaim | None, claim: ExtractedClaim) -> list[str]:
    allowed = gold.dates if gold else []
    written = [m.group(0) for m in _WRITTEN_DATE.finditer(claim.claim) if m.group(0) not in claim.quote]
    return [d for d in written if not any(d in a or a in d for a in allowed)]


@dataclass
class Totals:
    articles: int = 0
    tickets: int = 0
    good: int = 0
    junk: int = 0
    forbidden: int = 0
    duplicates: int = 0
    required: int = 0
    found_required: int = 0
    attributed: int = 0  # tickets on claims a person credits to someone
    speaker_right: int = 0
    speaker_flagged: int = 0
    speaker_missing: int = 0
    speaker_wrong: int = 0
    date_errors: int = 0
    titles: int = 0
    titles_right: int = 0

    def add(self, s: ArticleScore) -> None:
        self.articles += 1
        self.tickets += s.tickets
        self.required += s.required
        self.found_required += s.found_required
        for v in s.verdicts:
            self.junk += v.gold is None
            self.forbidden += v.forbidden
            self.duplicates += v.duplicate
            self.good += v.gold is not None and not v.duplicate
            self.speaker_wrong += v.speaker == "wrong"
            if v.gold is not None and v.gold.speaker is not None and not v.duplicate:
                self.attributed += 1
                self.speaker_right += v.speaker == "right"
                self.speaker_flagged += v.speaker == "flagged"
                self.speaker_missing += v.speaker == "missing"
            self.date_errors += len(v.wrong_dates)
        if s.title_right is not None:
            self.titles += 1
            self.titles_right += s.title_right

    def as_dict(self) -> dict:
        share = lambda n, d: round(n / d, 3) if d else None  # noqa: E731
        return {
            **self.__dict__,
            "precision": share(self.good, self.tickets),
            "recall": share(self.found_required, self.required),
            "junk_rate": share(self.junk, self.tickets),
            "duplicate_rate": share(self.duplicates, self.tickets),
            "attribution_accuracy": share(self.speaker_right, self.attributed),
        }


def report_lines(item: Annotated, s: ArticleScore) -> list[str]:
    lines = [f"== {item.name} ({item.split}): {s.tickets} tickets, {s.found_required}/{s.required} claims found"]
    lines += [f"   LOST IN EXTRACTION: {q!r}" for q in item.missing]
    if s.title_right is False:
        lines.append(f"   TITLE: {item.article.title!r}, annotated {item.title!r}")
    for v in s.verdicts:
        mark = "JUNK" if v.gold is None else "DUP " if v.duplicate else "ok  "
        who = v.claim.speaker or v.claim.reported_by
        lines.append(f"   {mark} [{v.speaker}] {v.claim.claim[:150]!r}  (speaker: {who!r})")
        if v.speaker in ("wrong", "missing"):
            lines.append(f"        SPEAKER should be {v.gold.speaker if v.gold else None!r}")
        if v.claim.needs_human:
            lines.append(f"        flagged: {v.claim.flag_reason}")
        lines += [f"        DATE not annotated: {d}" for d in v.wrong_dates]
    lines += [f"   MISSED {g.quote!r}" for g in s.missed]
    return lines


def summary_lines(f: dict, *, split: str, engine: str) -> list[str]:
    def pct(key: str) -> str:
        return "n/a" if f[key] is None else f"{f[key]:.1%}"

    return [
        f"articles: {f['articles']}  split: {split}  engine: {engine}  tickets: {f['tickets']}",
        f"precision: {pct('precision')}  recall: {pct('recall')} ({f['found_required']} of {f['required']} claims)",
        f"junk: {f['junk']} ({pct('junk_rate')}; {f['forbidden']} on words marked as not a claim)  "
        f"duplicates: {f['duplicates']} ({pct('duplicate_rate')})",
        f"speakers: {f['speaker_right']} right of {f['attributed']} attributed claims "
        f"({pct('attribution_accuracy')}), {f['speaker_flagged']} flagged for a person, "
        f"{f['speaker_missing']} left blank unflagged, {f['speaker_wrong']} wrong",
        f"dates written wrong: {f['date_errors']}  titles right: {f['titles_right']} of {f['titles']}",
    ]
