"""Verdict reports in each format: what the desk concluded, with only the drafts a person approved."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment

from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput
from factcheck.core.templating import make_environment
from factcheck.core.urls import found_url
from factcheck.exports.claimreview import VERDICT_NAMES, claim_review, jsonld_for_html, publishable_review
from factcheck.exports.schemas import (
    ArticleInReport,
    CorrectionInReport,
    DraftInReport,
    NoteInReport,
    Provenance,
    TicketInReport,
    VerdictInReport,
)
from factcheck.exports.selection import ReportItem
from factcheck.models import TicketState, as_utc

FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "html": ("text/html; charset=utf-8", "html"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "claimreview": ("application/ld+json", "jsonld"),
    "pdf": ("application/pdf", "pdf"),
}


def drafted_by(d: Any, by: str | None) -> str:
    """Disclosure: who wrote a question or source, and who approved it."""
    if d.engine == "human":
        return f"added by {by}"
    verb = "edited" if d.status == "edited" else "approved"
    if d.engine == "search":
        return f"found by a {d.model} search, {verb} by {by}"
    machine = "the offline rule-based engine" if d.engine == "offline" else f"{d.engine} model {d.model}"
    return f"drafted by {machine}, {verb} by {by}"


def _fmt(dt: datetime | None) -> str:
    return as_utc(dt).strftime("%Y-%m-%d %H:%M UTC") if dt else ""


def to_json(items: Iterator[ReportItem], settings: Settings) -> Iterator[str]:
    """Everything, with the provenance of every approved draft; streamed item by item."""
    yield '{"generated_by": "factcheck", "tickets": ['
    for index, item in enumerate(items):
        yield ("," if index else "") + _ticket_json(item, settings).model_dump_json()
    yield "]}\n"


def _ticket_json(item: ReportItem, settings: Settings) -> TicketInReport:
    t, a, v = item.ticket, item.article, item.verdict
    return TicketInReport(
        id=t.id,
        claim=t.claim,
        quote=t.quote,
        start=t.start,
        end=t.end,
        attribution=t.attribution,
        score=t.score,
        state=t.state,
        speaker=t.speaker,
        reported_by=t.reported_by,
        kind=t.kind,
        version=t.version,
        extracted_by=Provenance(engine=t.engine, model=t.model, prompt=t.prompt_name, prompt_hash=t.prompt_hash),
        article=ArticleInReport(id=a.id, title=a.title, outlet=a.outlet, url=a.url, published=a.published),
        verdict=VerdictInReport(state=v.state, rationale=v.rationale, by=v.by, at=v.at) if v else None,
        questions=[_draft_json(d, by) for d, by in item.questions],
        sources=[_draft_json(d, by) for d, by in item.sources],
        notes=[NoteInReport(text=n.text, url=n.url, by=by, at=as_utc(n.created_at)) for n, by in item.notes],
        rating=t.rating,
        rating_value=t.rating_value,
        published_at=as_utc(t.published_at),
        first_published_at=as_utc(t.first_published_at),
        corrections=[
            CorrectionInReport(
                note=c.note, was_state=c.was_state, was_rating=c.was_rating, by=c.by, at=as_utc(c.created_at)
            )
            for c in item.corrections
        ],
        claim_review=claim_review(item, settings) if t.published_at else None,
    )


def _draft_json(d: Any, by: str | None) -> DraftInReport:
    return DraftInReport(
        text=d.text,
        status=d.status,
        answer=d.answer,
        url=d.url,
        search_query=d.search_query,
        source_kind=d.source_kind,
        rationale=d.rationale,
        original_text=d.original_text,
        provenance=Provenance(engine=d.engine, model=d.model, prompt=d.prompt_name, prompt_hash=d.prompt_hash),
        approved_by=by,
        approved_at=as_utc(d.reviewed_at),
        found_by=d.connector,
        archived_at=as_utc(d.archived_at),
        archived_sha256=d.archived_sha256,
    )


CSV_COLUMNS = [
    "ticket_id",
    "article_id",
    "article_title",
    "article_url",
    "claim",
    "quote",
    "attribution",
    "kind",
    "score",
    "state",
    "rating",
    "published_at",
    "verdict_rationale",
    "verdict_by",
    "verdict_at",
    "questions",
    "sources",
    "notes",
    "corrections",
]


# A cell a spreadsheet would run as a formula (=HYPERLINK(…) sending a neighbouring cell to
# another site, say) starts with one of these, perhaps after spaces; fullwidth forms included.
_FORMULA_START = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def spreadsheet_safe(value: object) -> object:
    """A text cell that cannot start a formula: OWASP's remedy, a leading apostrophe, which
    spreadsheets show as plain text. Numbers are left as they are."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(items: Iterator[ReportItem], settings: Settings) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        t, v = item.ticket, item.verdict
        writer.writerow(
            map(
                spreadsheet_safe,
                [
                    t.id,
                    item.article.id,
                    item.article.title,
                    item.article.url or "",
                    t.claim,
                    t.quote,
                    t.attribution or "",
                    t.kind,
                    f"{t.score:.3f}",
                    t.state,
                    t.rating or "",
                    _fmt(t.published_at),
                    v.rationale if v else "",
                    v.by if v else "",
                    _fmt(v.at) if v else "",
                    " | ".join(
                        d.text + (f" — {d.answer}" if d.answer else "") + f" [{drafted_by(d, by)}]"
                        for d, by in item.questions
                    ),
                    " | ".join(
                        " ".join(filter(None, [d.text, d.url])) + f" [{drafted_by(d, by)}]" for d, by in item.sources
                    ),
                    " | ".join(n.text + (f" ({n.url})" if n.url else "") for n, _ in item.notes),
                    " | ".join(f"{_fmt(c.created_at)} {c.by}: was {c.was_state}: {c.note}" for c in item.corrections),
                ],
            )
        )
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


# The marks CommonMark reads as inline markup (emphasis, code, links, images, HTML, entities,
# tables, strike-through, headings); a backslash makes each literal. Others ("$18.4 million")
# stay as they are, so the report still reads well as plain text.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&!|~#])")
# What would open a block at the start of a line: a list item, an ordered one, a heading underline.
_MD_BLOCK_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")


def _md_escape(text: str) -> str:
    """Text as Markdown that renders as exactly that text: no emphasis, no link, no HTML, no block
    of its own (line breaks become spaces: each value sits on one line of the report)."""
    flat = _MD_INLINE.sub(r"\\\1", " ".join(str(text).split()))
    return _MD_BLOCK_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else f"{m.group(2)}\\{m.group(3)}", flat)


def _md_link(url: str) -> str:
    """An autolink that nothing in the URL can end early: what a URL may not hold as it is is
    percent-encoded (stored before the input rules refused it, or found by a machine)."""
    return f"<{found_url(url) or quote(url, safe=':/?#&=%+')}>"


def to_markdown(items: Iterator[ReportItem], settings: Settings) -> Iterator[str]:
    yield f"# Fact-check report — {settings.org_name}\n\n"
    current = None
    for item in items:
        if item.article.id != current:
            current = item.article.id
            a = item.article
            yield f"## {_md_escape(a.title)}\n\n"
            meta = [x for x in [a.outlet, a.published.isoformat() if a.published else None] if x]
            meta = [_md_escape(m) for m in meta] + ([_md_link(a.url)] if a.url else [])
            if meta:
                yield f"{' · '.join(meta)}\n\n"
        t, v = item.ticket, item.verdict
        verdict = VERDICT_NAMES.get(TicketState(t.state), "Open (unverified)")
        yield f"### {verdict}: {_md_escape(t.claim)}\n\n"
        yield f"> {_md_escape(t.quote)}\n\n"
        if t.attribution:
            yield f"- **Attribution:** {_md_escape(t.attribution)}\n"
        if v:
            yield f"- **Verdict:** {verdict}, by {_md_escape(v.by or 'unknown')} on {_fmt(v.at)}\n"
            if t.rating:
                yield f"- **Rating:** {_md_escape(t.rating)}\n"
            if v.rationale:
                yield f"- **Rationale:** {_md_escape(v.rationale)}\n"
        if t.published_at:
            yield (
                f"- **Published:** {_fmt(t.first_published_at)}"
                + (f", corrected {_fmt(item.corrections[-1].created_at)}" if item.corrections else "")
                + "\n"
            )
        yield "\n"
        if item.corrections:
            yield "**Corrections**\n\n"
            for c in item.corrections:
                was = c.was_state + (f" ({_md_escape(c.was_rating)})" if c.was_rating else "")
                yield f"- {_fmt(c.created_at)}, {_md_escape(c.by)}: was {was}. {_md_escape(c.note)}\n"
            yield "\n"
        if item.questions:
            yield "**Questions checked**\n\n"
            for d, by in item.questions:
                answer = f" — {_md_escape(d.answer)}" if d.answer else ""
                yield f"1. {_md_escape(d.text)}{answer} _({_md_escape(drafted_by(d, by))})_\n"
            yield "\n"
        if item.sources:
            yield "**Sources**\n\n"
            for d, by in item.sources:
                link = f" {_md_link(d.url)}" if d.url else ""
                query = f" (search: {_md_escape(d.search_query)})" if d.search_query else ""
                kept = f" (archived {_fmt(d.archived_at)}, sha256 {d.archived_sha256[:12]}…)" if d.archived_at else ""
                yield f"- {_md_escape(d.text)}{link}{query}{kept} _({_md_escape(drafted_by(d, by))})_\n"
            yield "\n"
        if item.notes:
            yield "**Evidence notes**\n\n"
            for n, by in item.notes:
                link = f" {_md_link(n.url)}" if n.url else ""
                yield f"- {_md_escape(n.text)}{link} — {_md_escape(by)}, {_fmt(n.created_at)}\n"
            yield "\n"


@cache
def _environment() -> Environment:
    return make_environment()


def to_html(items: Iterator[ReportItem], settings: Settings) -> Iterator[str]:
    """A standalone, printable page; ClaimReview embedded for the reviews that can be published."""
    yield from (
        _environment()
        .get_template("exports/report.html")
        .generate(
            items=items,
            settings=settings,
            claim_review=publishable_review,
            jsonld=jsonld_for_html,
            drafted_by=drafted_by,
            verdict_names=VERDICT_NAMES,
            generated=datetime.now(UTC),
        )
    )


def to_pdf(html: str) -> bytes:
    """The HTML report as PDF, through WeasyPrint (which needs Pango from the system)."""
    try:
        import weasyprint
    except OSError as exc:  # WeasyPrint imports fine but cannot load Pango
        raise InvalidInput(f"PDF export needs the Pango library on the server ({exc}).") from None
    return weasyprint.HTML(string=html).write_pdf()
