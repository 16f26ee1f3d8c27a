"""The matching API: decide about a match; list and import published fact-checks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request

from factcheck.matching import claimreview, factchecks
from factcheck.matching import service as matching
from factcheck.matching.schemas import FactCheckPublic, ImportSummary, MatchDecision, MatchPublic, Withdrawal
from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep
from factcheck.web.params import PathId, QueryId

router = APIRouter(tags=["matching"])


@router.post("/matches/{match_id:int}/confirm", response_model=MatchPublic)
def confirm_match(match_id: PathId, body: MatchDecision, session: SessionDep, user: ApiUserDep):
    """The two claims are the same claim; 409 if the match changed since `expected_version`."""
    match = matching.decide(
        session, actor=user, match_id=match_id, confirm=True, expected_version=body.expected_version
    )
    return matching.view(session, match)


@router.post("/matches/{match_id:int}/reject", response_model=MatchPublic)
def reject_match(match_id: PathId, body: MatchDecision, session: SessionDep, user: ApiUserDep):
    """The two claims are not the same claim; 409 if the match changed since `expected_version`."""
    match = matching.decide(
        session, actor=user, match_id=match_id, confirm=False, expected_version=body.expected_version
    )
    return matching.view(session, match)


@router.get("/factchecks", response_model=list[FactCheckPublic])
def list_fact_checks(
    session: SessionDep, user: ApiUserDep, before_id: QueryId = None, limit: Annotated[int, Query(ge=1, le=500)] = 100
):
    """Imported fact-checks, newest first; page with `before_id` (the last id you got)."""
    return factchecks.fact_checks(session, limit=limit, before_id=before_id)


@router.post("/factchecks/import", response_model=ImportSummary, status_code=201)
def import_fact_checks(
    body: Annotated[
        dict[str, Any] | list[Any],
        Body(
            description=(
                "ClaimReview JSON-LD: one ClaimReview object, an array of them, or a document whose @graph holds them"
            )
        ),
    ],
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: ApiUserDep,
    replace: Annotated[
        bool, Query(description="Editors: a page already imported is withdrawn and replaced by the review sent now")
    ] = False,
):
    """Store each review of a page not yet in the desk (addresses compared normalised: http/https,
    www., a trailing slash and tracking parameters make no other page) and match it with the desk's
    tickets; a page already imported is skipped, saying who imported it from where, unless an
    editor sends `replace=true`. A review without `claimReviewed` or an http(s) `url` is refused,
    with the reason, while the others are imported; 422 when none can be."""
    result = factchecks.import_reviews(
        session, actor=user, reading=claimreview.read(body), settings=settings, source="api", replace=replace
    )
    if result.matching_later:
        request.app.state.ensure_worker()  # this process's worker encodes and matches them
    return ImportSummary(
        imported=[FactCheckPublic.model_validate(f) for f in result.imported],
        skipped=result.skipped,
        refused=result.refused,
        matches=result.matches,
        replaced=[FactCheckPublic.model_validate(f) for f in result.replaced],
        matching_later=result.matching_later,
    )


@router.post("/factchecks/{fact_check_id:int}/withdraw", response_model=FactCheckPublic)
def withdraw_fact_check(fact_check_id: PathId, body: Withdrawal, session: SessionDep, user: ApiUserDep):
    """Withdraw an imported fact-check (editors): kept with who and why, no longer matched."""
    return factchecks.withdraw_fact_check(session, actor=user, fact_check_id=fact_check_id, note=body.note)
