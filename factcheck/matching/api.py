"""The matching API: decide about a match; list and import published fact-checks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query

from factcheck.matching import claimreview, service as matching
from factcheck.matching.schemas import FactCheckPublic, ImportSummary, MatchDecision, MatchPublic
from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep
from factcheck.web.params import PathId, QueryId

router = APIRouter(tags=["matching"])


@router.post("/matches/{match_id:int}/confirm", response_model=MatchPublic)
def confirm_match(match_id: PathId, body: MatchDecision, session: SessionDep, user: ApiUserDep):
    """The two claims are the same claim; 409 if the match changed since `expected_version`."""
    match = matching.decide(session, actor=user, match_id=match_id, confirm=True,
                            expected_version=body.expected_version)
    return matching.view(session, match)


@router.post("/matches/{match_id:int}/reject", response_model=MatchPublic)
def reject_match(match_id: PathId, body: MatchDecision, session: SessionDep, user: ApiUserDep):
    """The two claims are not the same claim; 409 if the match changed since `expected_version`."""
    match = matching.decide(session, actor=user, match_id=match_id, confirm=False,
                            expected_version=body.expected_version)
    return matching.view(session, match)


@router.get("/factchecks", response_model=list[FactCheckPublic])
def list_fact_checks(session: SessionDep, user: ApiUserDep, before_id: QueryId = None,
                     limit: Annotated[int, Query(ge=1, le=500)] = 100):
    """Imported fact-checks, newest first; page with `before_id` (the last id you got)."""
    return matching.fact_checks(session, limit=limit, before_id=before_id)


@router.post("/factchecks/import", response_model=ImportSummary, status_code=201)
def import_fact_checks(
    body: Annotated[dict[str, Any] | list[Any], Body(description=(
        "ClaimReview JSON-LD: one ClaimReview object, an array of them, or a document whose @graph holds them"))],
    session: SessionDep, settings: SettingsDep, user: ApiUserDep,
):
    """Store each review with a new URL (the same URL again is skipped), and match it with the
    desk's tickets. A review without `claimReviewed` or an http(s) `url` is refused, with the reason,
    while the others are imported; 422 when none can be."""
    result = matching.import_reviews(session, actor=user, reading=claimreview.read(body), settings=settings)
    return ImportSummary(imported=[FactCheckPublic.model_validate(f) for f in result.imported],
                         skipped=result.skipped, refused=result.refused, matches=result.matches)
