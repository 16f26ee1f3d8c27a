"""The export API: verdict reports in every format."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from factcheck.core.schemas import INT_MAX, IsoDate
from factcheck.exports import selection
from factcheck.exports import service as exports
from factcheck.exports.responses import report_response
from factcheck.models import TicketState
from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep

router = APIRouter(tags=["exports"])


# Each format's media type, documented for clients (and checked by the schema tests).
_SHAPES = {"application/json": {"type": "object"}, "application/ld+json": {"type": "array"}}
_REPORTS = {
    "content": {
        media.split(";")[0]: {"schema": _SHAPES.get(media, {"type": "string"})} for media, _ in exports.FORMATS.values()
    },
    "description": "The report, as a download",
}


@router.get("/export", responses={200: _REPORTS}, response_class=Response)
def export(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: ApiUserDep,
    format: Literal["md", "html", "pdf", "csv", "json", "claimreview"] = "json",
    article: list[Annotated[int, Query(ge=1, le=INT_MAX)]] = Query([], description="Articles (repeat for several)"),
    state: TicketState | None = None,
    since: IsoDate | None = Query(None, description="Tickets last changed on or after this day"),
    until: IsoDate | None = Query(None, description="… and on or before this day (not before `since`)"),
    reviewer: Annotated[int | None, Query(ge=1, le=INT_MAX, description="Tickets this user gave a verdict")] = None,
    include_open: bool = Query(False, description="Include unverified tickets"),
):
    """Download a report (editors): md, html, pdf, csv, json or claimreview (JSON-LD)."""
    sel = selection.Selection(
        article_ids=article,
        state=state.value if state else None,
        since=since,
        until=until,
        reviewer_id=reviewer,
        include_open=include_open,
    )
    selection.validate(sel)
    report = exports.prepare(session, actor=user, fmt=format, selection=sel, settings=settings)
    return report_response(request, report)
