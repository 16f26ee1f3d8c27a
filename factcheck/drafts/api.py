"""The drafts API: a ticket's suggested questions and sources, and their review."""

from __future__ import annotations

from fastapi import APIRouter

from factcheck.drafts import archive
from factcheck.drafts import service as drafts
from factcheck.drafts.schemas import DraftAdd, DraftEdit, DraftPublic, DraftReview
from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep
from factcheck.web.params import PathId

router = APIRouter(tags=["drafts"])


@router.get("/tickets/{ticket_id:int}/drafts", response_model=list[DraftPublic])
def list_drafts(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    return drafts.for_ticket(session, ticket_id)


@router.post("/tickets/{ticket_id:int}/drafts", response_model=DraftPublic, status_code=201)
def add_draft(ticket_id: PathId, body: DraftAdd, session: SessionDep, user: ApiUserDep):
    """Your own question or source, approved by you from the start."""
    return drafts.add_manual(
        session,
        actor=user,
        ticket_id=ticket_id,
        kind=body.kind,
        text=body.text,
        url=body.url,
        search_query=body.search_query,
    )


@router.post("/drafts/{item_id:int}/approve", response_model=DraftPublic)
def approve_draft(item_id: PathId, body: DraftReview, session: SessionDep, user: ApiUserDep):
    """Approve the draft as it stands; 409 if it changed since `expected_version`."""
    return drafts.approve(session, actor=user, item_id=item_id, expected_version=body.expected_version)


@router.post("/drafts/{item_id:int}/reject", response_model=DraftPublic)
def reject_draft(item_id: PathId, body: DraftReview, session: SessionDep, user: ApiUserDep):
    """Reject the draft; 409 if it changed since `expected_version`."""
    return drafts.reject(session, actor=user, item_id=item_id, expected_version=body.expected_version)


@router.post("/drafts/{item_id:int}/edit", response_model=DraftPublic)
def edit_draft(item_id: PathId, body: DraftEdit, session: SessionDep, user: ApiUserDep):
    """Rewrite the draft (the machine's wording is kept); 409 if it changed since `expected_version`."""
    return drafts.edit(
        session,
        actor=user,
        item_id=item_id,
        expected_version=body.expected_version,
        text=body.text,
        url=body.url,
        search_query=body.search_query,
        answer=body.answer,
    )


@router.post("/drafts/{item_id:int}/archive", response_model=DraftPublic)
def archive_source(item_id: PathId, session: SessionDep, settings: SettingsDep, user: ApiUserDep):
    """Fetch a source's page (public http(s) only, as for URL ingest) and keep its text with a
    SHA-256 and the time; `GET /drafts/{id}/archive` shows it. 422 when the page cannot be kept."""
    return archive.archive(session, actor=user, item_id=item_id, settings=settings)
