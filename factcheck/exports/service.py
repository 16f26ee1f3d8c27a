"""Exporting a verdict report: the one call the export page, the API and the command line make."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from factcheck.articles import service as articles
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput
from factcheck.exports import claimreview, formats
from factcheck.exports.selection import Selection, select_items, validate
from factcheck.models import Article, User
from factcheck.users import service as users

FORMATS = formats.FORMATS
_WRITERS = {
    "md": formats.to_markdown,
    "csv": formats.to_csv,
    "json": formats.to_json,
    "claimreview": claimreview.to_claimreview,
    "html": formats.to_html,
}
# Built whole before the first byte: ClaimReview is refused whole when one ticket is not
# publishable, and WeasyPrint lays out a PDF all at once. The rest stream.
WHOLE = {"claimreview", "pdf"}
PIECE = 65_536


@dataclass
class Report:
    fmt: str
    media_type: str
    filename: str
    selection: Selection
    settings: Settings
    content: bytes | None = None

    def stream(self, session: Session) -> Iterator[str]:
        """The report's text in pieces of about 64 KB, read through ``session``: a template yields
        many small strings, and passing each on separately would cost more than making them."""
        pending: list[str] = []
        size = 0
        for chunk in _text(session, "html" if self.fmt == "pdf" else self.fmt, self.selection, self.settings):
            pending.append(chunk)
            size += len(chunk)
            if size >= PIECE:
                yield "".join(pending)
                pending, size = [], 0
        if pending:
            yield "".join(pending)


def prepare(session: Session, *, actor: Actor, fmt: str, selection: Selection, settings: Settings) -> Report:
    """Check that ``actor`` may export and that the request makes sense, then make the report:
    whole now (ClaimReview, PDF), or ready to ``stream``."""
    require(actor, Action.export)
    if fmt not in FORMATS:
        raise InvalidInput(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    validate(selection)
    media_type, ext = FORMATS[fmt]
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    report = Report(
        fmt=fmt,
        media_type=media_type,
        filename=f"factcheck-report-{stamp}.{ext}",
        selection=selection,
        settings=settings,
    )
    if fmt in WHOLE:
        text = "".join(report.stream(session))
        report.content = formats.to_pdf(text) if fmt == "pdf" else text.encode("utf-8")
    return report


@dataclass
class ExportForm:
    """What the export form offers: formats, the articles to pick from, reviewers."""

    formats: list[str]
    articles: list[tuple[Article, int]]
    reviewers: list[User]


def form(session: Session, *, actor: Actor) -> ExportForm:
    require(actor, Action.export)
    return ExportForm(
        formats=list(FORMATS),
        articles=articles.recent(session, limit=500),
        reviewers=users.directory(session, include_inactive=True),
    )


def _text(session: Session, fmt: str, selection: Selection, settings: Settings) -> Iterator[str]:
    yield from _WRITERS[fmt](select_items(session, selection), settings)
