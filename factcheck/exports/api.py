"""The export API: verdict reports in every format."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from factcheck.exports import selection, service as exports
from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep
from factcheck.exports.responses import report_response

router = APIRouter(tags=["exports"])


@router.get("/export")
def export(
    request: Request, session: SessionDep, settings: SettingsDep, user: ApiUserDep,
    format: str = "json", article: list[str] = Query([]), state: str = "", since: str = "",
    until: str = "", reviewer: str = "", include_open: str = "",
):
    """Download a report (editors): md, html, pdf, csv, json or claimreview (JSON-LD)."""
    sel = selection.parse(article, state, since, until, reviewer, include_open)
    report = exports.prepare(session, actor=user, fmt=format, selection=sel, settings=settings)
    return report_response(request, report)
