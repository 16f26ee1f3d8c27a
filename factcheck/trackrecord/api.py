"""The track record as JSON."""

from __future__ import annotations

from fastapi import APIRouter

from factcheck.auth.permissions import Action, require
from factcheck.trackrecord import service as record
from factcheck.web.deps import ApiUserDep, SessionDep

router = APIRouter(tags=["track record"])


@router.get("/track-record")
def track_record_json(session: SessionDep, user: ApiUserDep) -> dict:
    """Per engine, model and prompt hash: machine claims kept, edited, merged, dismissed (by reason)
    and missed (added by hand); drafted questions and sources approved, edited, rejected, waiting
    or stale, also by month; search connectors' sources; matches by method, confirmed or rejected."""
    require(user, Action.review_drafts)
    return record.track_record(session).as_dict()
