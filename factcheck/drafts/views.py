"""The drafts' forms on the ticket page (review, edit, add your own, draft again) and archived sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import Conflict, FactcheckError, InvalidInput, NotFound
from factcheck.drafts import archive
from factcheck.drafts import service as drafts
from factcheck.models import User
from factcheck.web.deps import CsrfDep, EngineDep, FlowsDep, SessionDep, SettingsDep, UserDep
from factcheck.web.forms import Text, Version, act
from factcheck.web.render import redirect, render

router = APIRouter()


@router.post("/tickets/{ticket_id:int}/redraft", dependencies=[CsrfDep])
def ticket_redraft(
    request: Request,
    ticket_id: int,
    session: SessionDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
    user: UserDep,
):
    ticket = flows.redraft(session, engine=engine, actor=user, ticket_id=ticket_id, settings=settings)
    message = {"failed": ticket.drafting_error, "pending": "Drafting again; this page updates when it is done."}.get(
        ticket.drafting_status, "Drafted again."
    )
    return redirect(request, f"/tickets/{ticket_id}", message)


@router.post("/drafts/{item_id:int}/approve", dependencies=[CsrfDep])
def draft_approve(request: Request, item_id: int, session: SessionDep, user: UserDep, version: Version):
    return _draft(
        request,
        session,
        user,
        item_id,
        {"form": f"draft-{item_id}"},
        "Approved.",
        lambda: drafts.approve(session, actor=user, item_id=item_id, expected_version=version),
    )


@router.post("/drafts/{item_id:int}/reject", dependencies=[CsrfDep])
def draft_reject(request: Request, item_id: int, session: SessionDep, user: UserDep, version: Version):
    return _draft(
        request,
        session,
        user,
        item_id,
        {"form": f"draft-{item_id}"},
        "Rejected.",
        lambda: drafts.reject(session, actor=user, item_id=item_id, expected_version=version),
    )


@router.post("/drafts/{item_id:int}/edit", dependencies=[CsrfDep])
def draft_edit(
    request: Request,
    item_id: int,
    session: SessionDep,
    user: UserDep,
    version: Version,
    text: Text,
    url: Annotated[str, Form()] = "",
    search_query: Annotated[str, Form()] = "",
    answer: Annotated[str, Form()] = "",
):
    kept = {"form": f"draft-{item_id}", "text": text, "url": url, "search_query": search_query, "answer": answer}
    return _draft(
        request,
        session,
        user,
        item_id,
        kept,
        "Saved your edit.",
        lambda: drafts.edit(
            session,
            actor=user,
            item_id=item_id,
            expected_version=version,
            text=text,
            url=url,
            search_query=search_query,
            answer=answer,
        ),
    )


def _draft(
    request: Request, session: SessionDep, user: User, item_id: int, kept: dict, message: str, action: Callable[[], Any]
):
    ticket_id = drafts.get(session, item_id).ticket_id
    return act(request, session, user, ticket_id, kept, action, lambda _: message, f"#draft-{item_id}")


@router.post("/tickets/{ticket_id:int}/drafts", dependencies=[CsrfDep])
def draft_add(
    request: Request,
    ticket_id: int,
    session: SessionDep,
    user: UserDep,
    kind: Text,
    text: Text,
    url: Annotated[str, Form()] = "",
    search_query: Annotated[str, Form()] = "",
):
    kept = {"form": f"add-{kind}", "text": text, "url": url, "search_query": search_query}
    return act(
        request,
        session,
        user,
        ticket_id,
        kept,
        lambda: drafts.add_manual(
            session, actor=user, ticket_id=ticket_id, kind=kind, text=text, url=url, search_query=search_query
        ),
        lambda item: f"Your {kind} was added.",
        "",
    )


@router.post("/drafts/{item_id:int}/archive", dependencies=[CsrfDep])
def archive_source(request: Request, item_id: int, session: SessionDep, settings: SettingsDep, user: UserDep):
    item = drafts.get(session, item_id)
    try:
        kept = archive.archive(session, actor=user, item_id=item_id, settings=settings)
    except (InvalidInput, Conflict) as exc:
        return redirect(request, f"/tickets/{item.ticket_id}#draft-{item_id}", f"Not archived: {exc.message}")
    except FactcheckError as exc:  # the page could not be fetched: say why, keep the ticket page
        return redirect(request, f"/tickets/{item.ticket_id}#draft-{item_id}", f"Not archived: {exc.message}")
    return redirect(
        request,
        f"/tickets/{item.ticket_id}#draft-{item_id}",
        f"Archived: a copy of the page's text (sha256 {kept.archived_sha256[:12]}…).",
    )


@router.get("/drafts/{item_id:int}/archive")
def archived_copy(request: Request, item_id: int, session: SessionDep, user: UserDep):
    item = drafts.get(session, item_id)
    if not item.archived_at:
        raise NotFound("This source has not been archived.")
    return render(request, "drafts/archived.html", user, item=item)
