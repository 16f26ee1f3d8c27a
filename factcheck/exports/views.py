"""Export: the selection form, and downloads from it."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from factcheck.exports import selection
from factcheck.exports import service as exports
from factcheck.exports.responses import report_response
from factcheck.web.deps import SessionDep, SettingsDep, UserDep
from factcheck.web.render import render

router = APIRouter()


@router.get("/exports")
def export_form(request: Request, session: SessionDep, user: UserDep):
    form = exports.form(session, actor=user)
    return render(
        request, "exports/index.html", user, formats=form.formats, articles=form.articles, reviewers=form.reviewers
    )


@router.get("/exports/download")
def export_download(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: UserDep,
    format: str = "html",
    article: list[str] = Query([]),
    state: str = "",
    since: str = "",
    until: str = "",
    reviewer: str = "",
    include_open: str = "",
):
    sel = selection.parse(article, state, since, until, reviewer, include_open)
    report = exports.prepare(session, actor=user, fmt=format, selection=sel, settings=settings)
    return report_response(request, report)
