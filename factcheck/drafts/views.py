"""Form actions on draft items: approve, edit, reject, and a reviewer's own additions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.drafts import service as drafts
from factcheck.web.deps import CsrfDep, SessionDep, UserDep
from factcheck.web.render import redirect

router = APIRouter()


@router.post("/drafts/{item_id}/approve", dependencies=[CsrfDep])
def approve(request: Request, item_id: int, session: SessionDep, user: UserDep):
    item = drafts.approve(session, actor=user, item_id=item_id)
    return redirect(request, f"/tickets/{item.ticket_id}#draft-{item.id}", "Approved.")


@router.post("/drafts/{item_id}/reject", dependencies=[CsrfDep])
def reject(request: Request, item_id: int, session: SessionDep, user: UserDep):
    item = drafts.reject(session, actor=user, item_id=item_id)
    return redirect(request, f"/tickets/{item.ticket_id}#draft-{item.id}", "Rejected.")


@router.post("/drafts/{item_id}/edit", dependencies=[CsrfDep])
def edit(
    request: Request, item_id: int, session: SessionDep, user: UserDep,
    text: Annotated[str, Form()], url: Annotated[str, Form()] = "",
    search_query: Annotated[str, Form()] = "", answer: Annotated[str, Form()] = "",
):
    item = drafts.edit(session, actor=user, item_id=item_id, text=text, url=url, search_query=search_query,
                       answer=answer)
    return redirect(request, f"/tickets/{item.ticket_id}#draft-{item.id}", "Saved your edit.")


@router.post("/tickets/{ticket_id}/drafts", dependencies=[CsrfDep])
def add(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep,
    kind: Annotated[str, Form()], text: Annotated[str, Form()],
    url: Annotated[str, Form()] = "", search_query: Annotated[str, Form()] = "",
):
    item = drafts.add_manual(session, actor=user, ticket_id=ticket_id, kind=kind, text=text, url=url,
                             search_query=search_query)
    return redirect(request, f"/tickets/{ticket_id}#draft-{item.id}", f"Your {kind} was added.")

