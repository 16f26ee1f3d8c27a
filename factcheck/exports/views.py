"""Export: the selection form, and downloads for pages and the API alike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone

import sqlalchemy as sa

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from sqlmodel import Session

from factcheck.articles import service as articles
from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput
from factcheck.exports import service as exports
from factcheck.users import service as users
from factcheck.users.permissions import Action, require
from factcheck.web.deps import SessionDep, SettingsDep, UserDep
from factcheck.web.render import render

router = APIRouter()


def parse_selection(
    article: list[str] | None, state: str, since: str, until: str, reviewer: str, include_open: str
) -> exports.Selection:
    def _date(value: str, name: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(f"'{name}' must be a date like 2025-11-24.") from None

    ids = []
    for value in article or []:
        for part in value.split(","):
            if part.strip():
                if not part.strip().isdigit():
                    raise InvalidInput("'article' takes article ids (numbers).")
                ids.append(int(part))
    return exports.Selection(
        article_ids=ids, state=state or None, since=_date(since, "since"), until=_date(until, "until"),
        reviewer_id=int(reviewer) if reviewer.isdigit() else None,
        include_open=include_open in ("1", "true", "yes", "on"),
    )


def render_report(session: Session, settings: Settings, fmt: str, sel: exports.Selection, env) -> Iterator[str]:
    """The report's text in pieces of about 64 KB: a template yields many small strings, and
    passing each one on separately (to a socket or a file) would cost more than making them."""
    pending: list[str] = []
    size = 0
    for chunk in _render(session, settings, fmt, sel, env):
        pending.append(chunk)
        size += len(chunk)
        if size >= 65536:
            yield "".join(pending)
            pending, size = [], 0
    if pending:
        yield "".join(pending)


def _render(session: Session, settings: Settings, fmt: str, sel: exports.Selection, env) -> Iterator[str]:
    items = exports.select_items(session, sel)
    if fmt == "html":
        yield from env.get_template("exports/report.html").generate(
            items=items, settings=settings, claim_review=exports.publishable_review,
            jsonld=exports.jsonld_for_html, verdict_names=exports.VERDICT_NAMES,
            generated=datetime.now(timezone.utc),
        )
        return
    writer = {"md": exports.to_markdown, "csv": exports.to_csv, "json": exports.to_json,
              "claimreview": exports.to_claimreview}[fmt]
    yield from writer(items, settings)


def report_bytes(session: Session, settings: Settings, fmt: str, sel: exports.Selection, env) -> bytes:
    """Formats built whole before sending: ClaimReview (refused whole if a ticket is not
    publishable) and PDF (WeasyPrint lays out the whole page)."""
    if fmt == "pdf":
        return exports.to_pdf("".join(render_report(session, settings, "html", sel, env)))
    return "".join(render_report(session, settings, fmt, sel, env)).encode("utf-8")


def download(db: sa.Engine, settings: Settings, fmt: str, sel: exports.Selection, env) -> Response:
    """A report in one of the formats, with a content type and a file name; large ones stream."""
    if fmt not in exports.FORMATS:
        raise InvalidInput(f"Unknown format {fmt!r}; choose one of {', '.join(exports.FORMATS)}.")
    exports.validate(sel)
    media_type, ext = exports.FORMATS[fmt]
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    headers = {
        "Content-Disposition": f'attachment; filename="factcheck-report-{stamp}.{ext}"',
        # The HTML report is a standalone file with its own styles; it runs no script at all.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    }
    if fmt in ("claimreview", "pdf"):
        with Session(db) as session:
            return Response(report_bytes(session, settings, fmt, sel, env), media_type=media_type,
                            headers=headers)

    def body() -> Iterator[str]:
        # Its own read-only session: the request's session is closed before streaming starts.
        with Session(db) as session:
            yield from render_report(session, settings, fmt, sel, env)

    return StreamingResponse(
        body(), media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="factcheck-report-{stamp}.{ext}"',
            # The HTML report is a standalone file with its own styles; it runs no script at all.
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        },
    )


@router.get("/exports")
def export_form(request: Request, session: SessionDep, user: UserDep):
    require(user, Action.export)
    return render(request, "exports/index.html", user, formats=list(exports.FORMATS),
                  articles=articles.recent(session, limit=500), reviewers=users.list_users(session))


@router.get("/exports/download")
def export_download(
    request: Request, settings: SettingsDep, user: UserDep,
    format: str = "html", article: list[str] | None = None, state: str = "", since: str = "",
    until: str = "", reviewer: str = "", include_open: str = "",
):
    require(user, Action.export)
    sel = parse_selection(article, state, since, until, reviewer, include_open)
    return download(request.app.state.db, settings, format, sel, request.app.state.templates.env)
