"""Pages: the triage queue and the ticket page, with state changes, assignment and notes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from sqlmodel import select

from factcheck.articles import service as articles
from factcheck.audit import service as audit
from factcheck.core.errors import InvalidInput
from factcheck.drafts import service as drafts
from factcheck.jobs import service as jobs
from factcheck.models import DraftKind, TicketState, User
from factcheck.tickets import service as tickets, tally
from factcheck.tickets.states import allowed_targets, bulk_transition, open_proposals, propose, transition
from factcheck.users import service as users
from factcheck.web.deps import CsrfDep, EngineDep, SessionDep, UserDep
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/")
def queue(
    request: Request, session: SessionDep, user: UserDep,
    state: str = "", article: str = "", assignee: str = "", q: str = "", sort: str = "score",
    cursor: str = "", failed: str = "",
):
    mine = assignee == "me"
    f = tickets.QueueFilter(
        state=state or None,
        article_id=int(article) if article.isdigit() else None,
        assignee_id=user.id if mine else (int(assignee) if assignee.isdigit() else None),
        unassigned=assignee == "none",
        drafting_failed=failed == "1",
        q=q.strip() or None, sort=sort, cursor=cursor or None,
    )
    counts = tally.counts_by_state(session)
    result = tickets.queue(session, f)
    return render(
        request, "tickets/queue.html", user, result=result, counts=counts,
        proposals=open_proposals(session, [t for t, _, _ in result.rows]), targets=list(TicketState),
        filters={"state": state, "article": article, "assignee": assignee, "q": q, "sort": sort,
                 "failed": failed},
        states=list(TicketState), sorts=list(tickets.SORTS),
        reviewers=users.list_users(session), articles=articles.titles(session, limit=200),
    )


@router.get("/tickets/{ticket_id}")
def ticket_detail(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    ticket = tickets.get(session, ticket_id)
    article = articles.get(session, ticket.article_id)
    items = drafts.for_ticket(session, ticket_id)
    names = {u.id: u.name for u in session.exec(select(User))}
    previous, following = tickets.neighbours(session, ticket)
    return render(
        request, "tickets/detail.html", user,
        ticket=ticket, article=article, context=tickets.context(article, ticket),
        questions=[d for d in items if d.kind == DraftKind.question],
        sources=[d for d in items if d.kind == DraftKind.source],
        notes=tickets.notes(session, ticket_id), history=audit.ticket_history(session, ticket_id),
        targets=allowed_targets(ticket.state), names=names, reviewers=users.list_users(session),
        proposal=open_proposals(session, [ticket]).get(ticket.id), previous=previous, following=following,
        job=jobs.latest_for(session, ticket_id),
    )


@router.get("/tickets/{ticket_id}/drafting")
def ticket_drafting(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    """The drafting-status box, polled by htmx while the ticket's drafts are being made."""
    ticket = tickets.get(session, ticket_id)
    response = render(request, "tickets/_drafting.html", user, ticket=ticket, job=jobs.latest_for(session, ticket_id))
    if ticket.drafting_status != "pending":
        response.headers["HX-Refresh"] = "true"
    return response


@router.post("/tickets/{ticket_id}/state", dependencies=[CsrfDep])
def ticket_state(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep,
    to: Annotated[str, Form()], rationale: Annotated[str, Form()], version: Annotated[int, Form()],
):
    ticket = tickets.get(session, ticket_id)
    transition(session, ticket=ticket, to=to, actor=user, rationale=rationale, expected_version=version)
    return redirect(request, f"/tickets/{ticket_id}", f"Ticket marked {ticket.state}.")


@router.post("/tickets/{ticket_id}/propose", dependencies=[CsrfDep])
def ticket_propose(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep,
    to: Annotated[str, Form()], rationale: Annotated[str, Form()], version: Annotated[int, Form()],
):
    ticket = tickets.get(session, ticket_id)
    propose(session, ticket=ticket, to=to, actor=user, rationale=rationale, expected_version=version)
    return redirect(request, f"/tickets/{ticket_id}", f"Proposed {to}; an editor will decide.")


@router.post("/tickets/bulk", dependencies=[CsrfDep])
def tickets_bulk(
    request: Request, session: SessionDep, user: UserDep,
    action: Annotated[str, Form()], ticket: Annotated[list[str], Form()] = [],  # noqa: B006
    assignee: Annotated[str, Form()] = "", to: Annotated[str, Form()] = "", rationale: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "/",
):
    """The queue's bulk bar: assign, or change the state of, every checked ticket."""
    selected = tickets.parse_selected(session, ticket)
    back = back if back.startswith("/") and not back.startswith("//") else "/"
    if action == "assign":
        target = user if assignee == "me" else (users.get_user(session, int(assignee)) if assignee.isdigit() else None)
        tickets.bulk_assign(session, tickets=selected, assignee=target, actor=user)
        message = f"{len(selected)} tickets assigned to {target.name if target else 'nobody'}."
    elif action == "state":
        bulk_transition(session, tickets=selected, to=to, actor=user, rationale=rationale)
        message = f"{len(selected)} tickets marked {to}."
    else:
        raise InvalidInput(f"Unknown bulk action {action!r}.")
    return redirect(request, back, message)


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
    message = {"failed": ticket.drafting_error, "pending": "Drafting again; this page updates when it is done."
               }.get(ticket.drafting_status, "Drafted again.")
    return redirect(request, f"/tickets/{ticket_id}", message)


@router.post("/tickets/{ticket_id}/notes", dependencies=[CsrfDep])
def ticket_note(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep,
    text: Annotated[str, Form()], url: Annotated[str, Form()] = "",
):
    ticket = tickets.get(session, ticket_id)
    tickets.add_note(session, ticket=ticket, actor=user, text=text, url=url)
    return redirect(request, f"/tickets/{ticket_id}#notes", "Note added.")
