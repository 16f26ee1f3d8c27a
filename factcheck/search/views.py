"""Search's form on the ticket page: look for sources again."""

from __future__ import annotations

from fastapi import APIRouter, Request

from factcheck.search import service as search
from factcheck.web.deps import CsrfDep, SessionDep, UserDep
from factcheck.web.forms import act

router = APIRouter(dependencies=[CsrfDep])


@router.post("/tickets/{ticket_id:int}/search")
def ticket_search(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    return act(
        request,
        session,
        user,
        ticket_id,
        {"form": "search"},
        lambda: search.search_again(session, actor=user, ticket_id=ticket_id),
        lambda _: "Searching: sources the connectors find appear under Candidate sources.",
    )
