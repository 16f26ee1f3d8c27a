"""Matching's forms on the ticket page: confirm or reject a match, withdraw an imported fact-check,
give the ticket the verdict of the earlier ticket it repeats."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request

from factcheck.matching import factchecks
from factcheck.matching import service as matching
from factcheck.web.deps import CsrfDep, FlowsDep, SessionDep, UserDep
from factcheck.web.forms import Version, act

router = APIRouter(dependencies=[CsrfDep])


@router.post("/tickets/{ticket_id:int}/matches/{match_id:int}/{decision}")
def match_decision(
    request: Request,
    ticket_id: int,
    match_id: int,
    decision: Literal["confirm", "reject"],
    session: SessionDep,
    user: UserDep,
    version: Version,
):
    return act(
        request,
        session,
        user,
        ticket_id,
        {"form": "match"},
        lambda: matching.decide(
            session, actor=user, match_id=match_id, confirm=decision == "confirm", expected_version=version
        ),
        lambda m: "Confirmed: the same claim." if m.status == "confirmed" else "Rejected: not the same claim.",
        "#matches",
    )


@router.post("/tickets/{ticket_id:int}/factchecks/{fact_check_id:int}/withdraw")
def fact_check_withdraw(
    request: Request,
    ticket_id: int,
    fact_check_id: int,
    session: SessionDep,
    user: UserDep,
    note: Annotated[str, Form(max_length=2000)],
):
    return act(
        request,
        session,
        user,
        ticket_id,
        {"form": "match"},
        lambda: factchecks.withdraw_fact_check(session, actor=user, fact_check_id=fact_check_id, note=note),
        lambda fc: f"Fact-check {fc.id} withdrawn: it is no longer matched.",
        "#matches",
    )


@router.post("/tickets/{ticket_id:int}/reuse-verdict")
def reuse_verdict(
    request: Request,
    ticket_id: int,
    session: SessionDep,
    user: UserDep,
    flows: FlowsDep,
    match_id: Annotated[int, Form()],
    version: Version,
):
    return act(
        request,
        session,
        user,
        ticket_id,
        {"form": "match"},
        lambda: flows.reuse_verdict(
            session, actor=user, ticket_id=ticket_id, match_id=match_id, expected_version=version
        ),
        lambda t: f"Ticket marked {t.state}, with the earlier ticket's verdict.",
    )
