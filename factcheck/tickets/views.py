"""Pages: the triage queue and the ticket page (its forms are in forms.py), and the queue's bulk bar."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import InvalidInput
from factcheck.jobs import service as jobs
from factcheck.models import ClaimKind, DismissReason, Ticket, TicketState, User
from factcheck.tickets import pages, service as tickets, states
from factcheck.tickets.queue import SORTS, QueueFilter
from factcheck.web.deps import CsrfDep, SessionDep, UserDep
from factcheck.web.render import redirect, render, safe_next

router = APIRouter()


def _number(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() else None


def _assignee_id(value: str, user: User) -> int | None:
    """A form's assignee: "me", a user id, or anything else for nobody."""
    return user.id if value == "me" else _number(value)


@router.get("/")
def queue(
    request: Request, session: SessionDep, user: UserDep,
    state: str = "", article: str = "", assignee: str = "", q: str = "", sort: str = "score",
    cursor: str = "", failed: str = "", dismissed: str = "", checked: str = "",
):
    f = QueueFilter(
        state=state or None, article_id=_number(article),
        assignee_id=_assignee_id(assignee, user) if assignee != "none" else None,
        unassigned=assignee == "none", drafting_failed=failed == "1", dismissed=dismissed == "1",
        previously_checked=checked == "1",
        q=q.strip() or None, sort=sort, cursor=cursor or None,
    )
    view = pages.queue_view(session, f)
    api_filters = {k: v for k, v in {"state": f.state, "article_id": f.article_id, "assignee_id": f.assignee_id,
                                      "q": f.q, "sort": f.sort, "dismissed": 1 if f.dismissed else None,
                                      "previously_checked": 1 if f.previously_checked else None
                                      }.items() if v}
    return render(
        request, "tickets/queue.html", user, view=view, result=view.result, counts=view.counts,
        proposals=view.proposals, reviewers=view.assignable, articles=view.articles,
        filters={"state": state, "article": article, "assignee": assignee, "q": q, "sort": sort, "failed": failed,
                 "dismissed": dismissed, "checked": checked},
        states=list(TicketState), targets=list(TicketState), sorts=list(SORTS),
        alternate="/api/v1/tickets" + (f"?{urlencode(api_filters)}" if api_filters else ""),
    )


@router.get("/tickets/{ticket_id:int}")
def ticket_detail(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    return show_ticket(request, session, user, ticket_id)


def show_ticket(request: Request, session: SessionDep, user: User, ticket_id: int, *, status_code: int = 200,
                problem: str | None = None, kept: dict | None = None):
    """The ticket page; after a refused change, with the problem and the form as it was typed."""
    page = pages.ticket_page(session, ticket_id)
    return render(request, "tickets/detail.html", user, status_code=status_code,
                  alternate=f"/api/v1/tickets/{ticket_id}/page", page=page, problem=problem, kept=kept or {},
                  reasons=list(DismissReason), kinds=list(ClaimKind), **dict(page))


@router.get("/tickets/{ticket_id:int}/drafting")
def ticket_drafting(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    """The drafting-status box, polled by htmx while the ticket's drafts are being made."""
    ticket = tickets.get(session, ticket_id)
    response = render(request, "tickets/_drafting.html", user, ticket=ticket,
                      drafting_job=jobs.latest_for(session, ticket_id))
    if ticket.drafting_status != "pending":
        response.headers["HX-Refresh"] = "true"
    return response


@router.post("/tickets/bulk", dependencies=[CsrfDep])
def tickets_bulk(
    request: Request, session: SessionDep, user: UserDep,
    action: Annotated[str, Form()], ticket: Annotated[list[str], Form()] = [],  # noqa: B006
    assignee: Annotated[str, Form()] = "", to: Annotated[str, Form()] = "", rationale: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "/",
):
    """The queue's bulk bar: assign, or change the state of, every checked ticket."""
    selection = tickets.parse_selection(ticket)
    if action == "assign":
        done = tickets.bulk_assign(session, actor=user, selection=selection,
                                   assignee_id=_assignee_id(assignee, user))
        message = f"{len(done)} tickets assigned to {_name_of(session, done) or 'nobody'}."
    elif action == "state":
        done = states.bulk_transition(session, actor=user, selection=selection, to=to, rationale=rationale)
        message = f"{len(done)} tickets marked {to}."
    else:
        raise InvalidInput(f"Unknown bulk action {action!r}.")
    return redirect(request, safe_next(back), message)


def _name_of(session: SessionDep, done: list[Ticket]) -> str | None:
    """The name of whom the (first) ticket is now assigned to."""
    assignee_id = done[0].assignee_id if done else None
    return session.get(User, assignee_id).name if assignee_id else None
