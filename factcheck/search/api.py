"""The search API: run a ticket's search again."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from factcheck.search import service as search
from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep
from factcheck.web.params import PathId

router = APIRouter(tags=["search"])


class SearchQueued(BaseModel):
    ticket_id: int
    queued: bool  # an external search job is waiting for a worker
    queries: list[str]


@router.post("/tickets/{ticket_id:int}/search", response_model=SearchQueued, status_code=202)
def search_again(ticket_id: PathId, session: SessionDep, settings: SettingsDep, user: ApiUserDep):
    """Search the desk's verdicts at once and queue the external connectors' search (409 if the
    ticket is published); results arrive as source drafts with `connector` set."""
    ticket = search.search_again(session, actor=user, ticket_id=ticket_id, settings=settings)
    return SearchQueued(
        ticket_id=ticket.id,
        queued=bool(settings.search_connectors.strip()),
        queries=search.queries_for(session, ticket),
    )
