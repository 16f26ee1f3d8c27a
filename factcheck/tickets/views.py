"""Pages: the triage queue and the ticket page (its forms are in forms.py), and the queue's bulk bar."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Form, Request

from factcheck.audit import service as audit
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.drafts import service as drafts
from factcheck.engines.llm import usage
from factcheck.models import ClaimKind, DismissReason, Ticket, TicketState, User
from factcheck.tickets import corrections, pages, presence, publishing, ratings, states, views_service
from factcheck.tickets import service as tickets
from factcheck.tickets.queue import SORTS, QueueFilter
from factcheck.web.deps import CsrfDep, SessionDep, UserDep
from factcheck.web.render import redirect, render, safe_next

router = APIRouter()


def _number(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() else None


def _assignee_id(value: str, user: User) -> int | None:
    """A form's assignee: "me", a user id, or anything else for nobody."""
    return user.id if value == "me" else _number(value)


# The queue's filters as the page's query string names them; a ticket page opened from a view
# carries them in `view=` so that n/p walk that view.
FILTER_PARAMS = ("state", "article", "assignee", "q", "sort", "failed", "dismissed", "checked", "proposed", "needs")


def queue_filter(params: dict[str, str], user: User, cursor: str | None = None) -> QueueFilter:
    p = {k: (params.get(k) or "") for k in FILTER_PARAMS}
    assignee = p["assignee"]
    return QueueFilter(
        state=p["state"] or None,
        article_id=_number(p["article"]),
        assignee_id=_assignee_id(assignee, user) if assignee != "none" else None,
        unassigned=assignee == "none",
        drafting_failed=p["failed"] == "1",
        dismissed=p["dismissed"] == "1",
        previously_checked=p["checked"] == "1",
        proposed=p["proposed"] == "1",
        needs_human=p["needs"] == "1",
        q=p["q"].strip() or None,
        sort=p["sort"] or "score",
        cursor=cursor or None,
    )


@router.get("/")
def queue(
    request: Request,
    session: SessionDep,
    user: UserDep,
    state: str = "",
    article: str = "",
    assignee: str = "",
    q: str = "",
    sort: str = "score",
    cursor: str = "",
    failed: str = "",
    dismissed: str = "",
    checked: str = "",
    proposed: str = "",
    needs: str = "",
):
    filters = {
        "state": state,
        "article": article,
        "assignee": assignee,
        "q": q,
        "sort": sort,
        "failed": failed,
        "dismissed": dismissed,
        "checked": checked,
        "proposed": proposed,
        "needs": needs,
    }
    f = queue_filter(filters, user, cursor)
    view = pages.queue_view(session, f)
    return render(
        request,
        "tickets/queue.html",
        user,
        view=view,
        result=view.result,
        counts=view.counts,
        proposals=view.proposals,
        reviewers=view.assignable,
        articles=view.articles,
        filters=filters,
        filtering=any(v for k, v in filters.items() if k not in ("sort", "cursor")),
        view_query=urlencode({k: v for k, v in filters.items() if v and not (k == "sort" and v == "score")}),
        saved_views=views_service.for_user(session, user),
        states=list(TicketState),
        targets=list(TicketState),
        rating_scale=ratings.scale(session),
        dismiss_reasons=list(DismissReason),
        sorts=list(SORTS),
        alternate=_api_link(f),
    )


def _count(done: list) -> str:
    return f"{len(done)} ticket{'' if len(done) == 1 else 's'}"


def _api_link(f: QueueFilter) -> str:
    """The same view of the queue in the API (the page's alternate link)."""
    filters = {
        "state": f.state,
        "article_id": f.article_id,
        "assignee_id": f.assignee_id,
        "q": f.q,
        "sort": f.sort,
        "dismissed": 1 if f.dismissed else None,
        "previously_checked": 1 if f.previously_checked else None,
    }
    given = {k: v for k, v in filters.items() if v}
    return "/api/v1/tickets" + (f"?{urlencode(given)}" if given else "")


@router.get("/tickets/{ticket_id:int}")
def ticket_detail(request: Request, ticket_id: int, session: SessionDep, user: UserDep, view: str = ""):
    return show_ticket(request, session, user, ticket_id, view=view[:1000])


def show_ticket(
    request: Request,
    session: SessionDep,
    user: User,
    ticket_id: int,
    *,
    status_code: int = 200,
    problem: str | None = None,
    kept: dict | None = None,
    view: str = "",
):
    """The ticket page; after a refused change, with the problem and the form as it was typed.
    ``view``: the queue view it was opened from (its query string), which n/p walk."""
    f = queue_filter(dict(parse_qsl(view)), user) if view else None
    page = pages.ticket_page(session, ticket_id, view=f)
    return render(
        request,
        "tickets/detail.html",
        user,
        status_code=status_code,
        alternate=f"/api/v1/tickets/{ticket_id}/page",
        page=page,
        problem=problem,
        kept=kept or {},
        reasons=list(DismissReason),
        kinds=list(ClaimKind),
        view_query=view,
        **dict(page),
    )


@router.get("/tickets/{ticket_id:int}/drafting")
def ticket_drafting(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    """The drafting-status box, polled by htmx while the ticket's drafts are being made."""
    ticket = tickets.get(session, ticket_id)
    response = render(
        request,
        "tickets/_drafting.html",
        user,
        ticket=ticket,
        drafting_job=drafts.latest_job(session, ticket_id),
        writing=usage.writing(session, ticket_id=ticket_id),
    )
    if ticket.drafting_status != "pending":
        response.headers["HX-Refresh"] = "true"
    return response


@router.post("/tickets/bulk", dependencies=[CsrfDep])
def tickets_bulk(
    request: Request,
    session: SessionDep,
    user: UserDep,
    action: Annotated[str, Form()],
    ticket: Annotated[list[str], Form()] = [],  # noqa: B006
    assignee: Annotated[str, Form()] = "",
    to: Annotated[str, Form()] = "",
    rationale: Annotated[str, Form()] = "",
    rating: Annotated[str, Form()] = "",
    reason: Annotated[str, Form(max_length=40)] = "",
    note: Annotated[str, Form(max_length=5_000)] = "",
    back: Annotated[str, Form()] = "/",
):
    """The queue's bulk bar: assign, change the state of, or publish every checked ticket. All or
    nothing: when one ticket refuses, nothing changes and the selection comes back (see _refused)."""
    fields = {
        "action": action,
        "assignee": assignee,
        "to": to,
        "rationale": rationale,
        "rating": rating,
        "back": back,
        "reason": reason,
        "note": note,
    }
    selection = tickets.parse_selection(ticket)
    try:
        message = _bulk(session, user, selection, fields)
    except (InvalidInput, Conflict) as exc:
        return _refused(request, session, user, selection, fields, exc)
    return redirect(request, safe_next(back), message)


def _bulk(session: SessionDep, user: User, selection: list[tuple[int, int]], f: dict[str, str]) -> str:
    if f["action"] == "assign":
        done = tickets.bulk_assign(
            session, actor=user, selection=selection, assignee_id=_assignee_id(f["assignee"], user)
        )
        return f"{_count(done)} assigned to {_name_of(session, done) or 'nobody'}."
    if f["action"] == "state":
        rating = f["rating"].strip() or None
        done = states.bulk_transition(
            session, actor=user, selection=selection, to=f["to"], rationale=f["rationale"], rating=rating
        )
        return f"{_count(done)} marked {f['to']}" + (f", rated {rating}." if rating else ".")
    if f["action"] == "dismiss":
        done = corrections.bulk_dismiss(
            session, actor=user, selection=selection, reason=f["reason"], note=f["note"].strip() or None
        )
        return f"{_count(done)} dismissed ({f['reason']})."
    if f["action"] == "publish":
        return f"{len(publishing.bulk_publish(session, actor=user, selection=selection))} verdicts published."
    raise InvalidInput(f"Unknown bulk action {f['action']!r}.")


def _refused(request: Request, session: SessionDep, user: User, selection, fields: dict[str, str], exc):
    """Nothing was changed: the selection comes back, the tickets changed since the queue was
    opened set apart (who changed them, unchecked), the others checked, to apply to them alone."""
    request.state.failed = True
    session.rollback()  # what the bulk action did before the refusal is undone before reading
    rows = []
    for ticket_id, seen in selection:
        current = session.get(Ticket, ticket_id)
        if current is None:
            continue
        last = audit.latest_change(session, ticket_id) if current.version != seen else None
        rows.append({"ticket": current, "seen": seen, "changed": current.version != seen, "last": last})
    return render(
        request,
        "tickets/bulk_refused.html",
        user,
        status_code=exc.status_code,
        problem=exc.message,
        rows=rows,
        fields=fields,
        targets=list(TicketState),
        rating_scale=ratings.scale(session),
        back=safe_next(fields["back"]),
    )


def _name_of(session: SessionDep, done: list[Ticket]) -> str | None:
    """The name of whom the (first) ticket is now assigned to."""
    assignee_id = done[0].assignee_id if done else None
    return session.get(User, assignee_id).name if assignee_id else None


@router.post("/views", dependencies=[CsrfDep])
def save_view(
    request: Request,
    session: SessionDep,
    user: UserDep,
    name: Annotated[str, Form()],
    query: Annotated[str, Form()] = "",
    shared: Annotated[str, Form()] = "",
):
    try:
        view = views_service.save(session, actor=user, name=name, query=query, shared=shared == "1")
    except InvalidInput as exc:
        return redirect(request, "/?" + views_service.clean_query(query), exc.message)
    return redirect(request, "/?" + view.query, f"Saved the view “{view.name}”.")


@router.post("/views/{view_id:int}/delete", dependencies=[CsrfDep])
def delete_view(request: Request, view_id: int, session: SessionDep, user: UserDep):
    views_service.delete(session, actor=user, view_id=view_id)
    return redirect(request, "/", "View deleted.")


@router.get("/tickets/{ticket_id:int}/presence")
def ticket_presence(request: Request, ticket_id: int, session: SessionDep, user: UserDep, version: int = 0):
    """The ticket page's live line (htmx, every few seconds): who else is here, and whether the
    ticket changed since this page was opened."""
    found = presence.here(session, user=user, ticket_id=ticket_id, seen_version=version)
    return render(request, "tickets/_presence.html", user, ticket_id=ticket_id, seen=version, here=found)
