"""Pages: the triage queue and the ticket page, with state changes, assignment and notes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from sqlmodel import select

from factcheck.articles import service as articles
from factcheck.audit import service as audit
from factcheck.drafts import service as drafts
from factcheck.models import DraftKind, TicketState, User
from factcheck.tickets import service as tickets
from factcheck.tickets.states import allowed_targets, transition
from factcheck.users import service as users
from factcheck.web.deps import CsrfDep, EngineDep, SessionDep, UserDep
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/")
def queue(
    request: Request, session: SessionDep, user: UserDep,
    state: str = "", article: str = "", assignee: str = "", q: str = "", sort: str = "score",
    page: int = 1, failed: str = "",
):
    mine = assignee == "me"
    f = tickets.QueueFilter(
        state=state or None,
        article_id=int(article) if article.isdigit() else None,
        assignee_id=user.id if mine else (int(assignee) if assignee.isdigit() else None),
        unassigned=assignee == "none",
        drafting_failed=failed == "1",
        q=q.strip() or None, sort=sort, page=page,
    )
    result = tickets.queue(session, f)
    return render(
        request, "tickets/queue.html", user, result=result, counts=tickets.counts_by_state(session),
        filters={"state": state, "article": article, "assignee": assignee, "q": q, "sort": sort,
                 "failed": failed},
        states=list(TicketState), sorts=list(tickets.SORTS),
        reviewers=users.list_users(session), articles=articles.recent(session, limit=200),
    )


@router.get("/tickets/{ticket_id}")
def ticket_detail(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    ticket = tickets.get(session, ticket_id)
    article = articles.get(session, ticket.article_id)
    items = drafts.for_ticket(session, ticket_id)
    names = {u.id: u.name for u in session.exec(select(User))}
    return render(
        request, "tickets/detail.html", user,
        ticket=ticket, article=article, context=tickets.context(article, ticket),
        questions=[d for d in items if d.kind == DraftKind.question],
        sources=[d for d in items if d.kind == DraftKind.source],
        notes=tickets.notes(session, ticket_id), history=audit.ticket_history(session, ticket_id),
        targets=allowed_targets(ticket.state), names=names, reviewers=users.list_users(session),
    )


@router.post("/tickets/{ticket_id}/state", dependencies=[CsrfDep])
def ticket_state(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep,
    to: Annotated[str, Form()], rationale: Annotated[str, Form()], version: Annotated[int, Form()],
):
    ticket = tickets.get(session, ticket_id)
    transition(session, ticket=ticket, to=to, actor=user, rationale=rationale, expected_version=version)
    return redirect(request, f"/tickets/{ticket_id}", f"Ticket marked {ticket.state}.")


@router.post("/tickets/{ticket_id}/assign", dependencies=[CsrfDep])
def ticket_assign(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep,
    assignee: Annotated[str, Form()], version: Annotated[int, Form()],
):
    ticket = tickets.get(session, ticket_id)
    target = None
    if assignee == "me":
        target = user
    elif assignee.isdigit():
        target = users.get_user(session, int(assignee))
    tickets.assign(session, ticket=ticket, assignee=target, actor=user, expected_version=version)
    return redirect(request, f"/tickets/{ticket_id}",
                    f"Assigned to {target.name}." if target else "Unassigned.")


@router.post("/tickets/{ticket_id}/redraft", dependencies=[CsrfDep])
def ticket_redraft(request: Request, ticket_id: int, session: SessionDep, engine: EngineDep, user: UserDep):
    ticket = articles.redraft(session, engine=engine, ticket=tickets.get(session, ticket_id), actor=user)
    message = ticket.drafting_error if ticket.drafting_status == "failed" else "Drafted again."
    return redirect(request, f"/tickets/{ticket_id}", message)


@router.post("/tickets/{ticket_id}/notes", dependencies=[CsrfDep])
def ticket_note(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep,
    text: Annotated[str, Form()], url: Annotated[str, Form()] = "",
):
    ticket = tickets.get(session, ticket_id)
    tickets.add_note(session, ticket=ticket, actor=user, text=text, url=url)
    return redirect(request, f"/tickets/{ticket_id}#notes", "Note added.")
