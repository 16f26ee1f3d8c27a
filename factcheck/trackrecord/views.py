"""The track record page (reviewers and up); its JSON twin is in api.py."""

from __future__ import annotations

from fastapi import APIRouter, Request

from factcheck.auth.permissions import Action, require
from factcheck.trackrecord import chart
from factcheck.trackrecord import service as record
from factcheck.web.deps import SessionDep, UserDep
from factcheck.web.render import render

router = APIRouter()


@router.get("/track-record")
def track_record_page(request: Request, session: SessionDep, user: UserDep):
    require(user, Action.review_drafts)
    found = record.track_record(session)
    return render(
        request,
        "trackrecord/index.html",
        user,
        record=found,
        bars={p.key: chart.bars(p) for p in found.producers},
        width=chart.WIDTH,
        alternate="/api/v1/track-record",
    )
