"""What the ticket page's forms do: verdicts and proposals, assignment, notes, drafting again, the
drafts' reviews and a reviewer's own drafts, and corrections of the claim itself.

Each makes one service call. When it is refused because someone changed the ticket first (409) or
the input will not do (422), the ticket page comes back with the message and what the person typed
still in its form: no rationale or rewrite is ever lost to a conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import Conflict, InvalidInput
from factcheck.drafts import service as drafts
from factcheck.matching import factchecks
from factcheck.matching import service as matching
from factcheck.models import User
from factcheck.search import service as search
from factcheck.tickets import corrections, publishing, states
from factcheck.tickets import service as tickets
from factcheck.tickets.views import show_ticket
from factcheck.web.deps import CsrfDep, EngineDep, FlowsDep, SessionDep, SettingsDep, UserDep
from factcheck.web.render import redirect

router = APIRouter(dependencies=[CsrfDep])
Text = Annotated[str, Form()]
Version = Annotated[int, Form()]


def _act(
    request: Request,
    session: SessionDep,
    user: User,
    ticket_id: int,
    kept: dict,
    action: Callable[[], Any],
    message: Callable[[Any], str],
    anchor: str = "",
    goto: Callable[[Any], str] | None = None,
):
    """Do ``action``; on success to the ticket (or ``goto(result)``) with ``message``, on a conflict
    or bad input the ticket page again, with the problem and ``kept`` (the form and what was typed)."""
    try:
        result = action()
    except (Conflict, InvalidInput) as exc:
        return show_ticket(
            request, session, user, ticket_id, status_code=exc.status_code, problem=exc.message, kept=kept
        )
    return redirect(request, goto(result) if goto else f"/tickets/{ticket_id}{anchor}", message(result))


@router.post("/tickets/{ticket_id:int}/state")
def ticket_state(
    request: Request,
    ticket_id: int,
    session: SessionDep,
    user: UserDep,
    to: Text,
    rationale: Text,
    version: Version,
    rating: Annotated[str, Form()] = "",
    correction: Annotated[str, Form()] = "",
):
    kept = {"form": "verdict", "to": to, "rationale": rationale, "rating": rating, "correction": correction}
    return _act(
        request,
        session,
        user,
        ticket_id,
        kept,
        lambda: states.transition(
            session,
            actor=user,
            ticket_id=ticket_id,
            to=to,
            rationale=rationale,
            expected_version=version,
            rating=rating or None,
            correction=correction or None,
        ),
        lambda ticket: f"Ticket marked {ticket.state}" + (f" ({ticket.rating})." if ticket.rating else "."),
    )


@router.post("/tickets/{ticket_id:int}/publish")
def ticket_publish(request: Request, ticket_id: int, session: SessionDep, user: UserDep, version: Version):
    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "publish"},
        lambda: publishing.publish(session, actor=user, ticket_id=ticket_id, expected_version=version),
        lambda ticket: f"Published: the {ticket.state} verdict is locked.",
    )


@router.post("/tickets/{ticket_id:int}/propose")
def ticket_propose(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep, to: Text, rationale: Text, version: Version
):
    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "verdict", "to": to, "rationale": rationale},
        lambda: states.propose(
            session, actor=user, ticket_id=ticket_id, to=to, rationale=rationale, expected_version=version
        ),
        lambda _: f"Proposed {to}; an editor will decide.",
    )


@router.post("/tickets/{ticket_id:int}/assign")
def ticket_assign(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep, assignee: Text, version: Version
):
    assignee_id = (
        user.id if assignee == "me" else (int(assignee) if assignee.isascii() and assignee.isdigit() else None)
    )

    def done(ticket) -> str:
        name = session.get(User, ticket.assignee_id).name if ticket.assignee_id else None
        return f"Assigned to {name}." if name else "Unassigned."

    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "assign", "assignee": assignee},
        lambda: tickets.assign(
            session, actor=user, ticket_id=ticket_id, assignee_id=assignee_id, expected_version=version
        ),
        done,
    )


@router.post("/tickets/{ticket_id:int}/redraft")
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


@router.post("/tickets/{ticket_id:int}/notes")
def ticket_note(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep, text: Text, url: Annotated[str, Form()] = ""
):
    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "note", "text": text, "url": url},
        lambda: tickets.add_note(session, actor=user, ticket_id=ticket_id, text=text, url=url),
        lambda _: "Note added.",
        "#notes",
    )


@router.post("/tickets/{ticket_id:int}/claim")
def claim_edit(
    request: Request,
    ticket_id: int,
    session: SessionDep,
    user: UserDep,
    version: Version,
    claim: Text,
    speaker: Annotated[str, Form()] = "",
    reported_by: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
):
    changes = corrections.ClaimChanges(
        claim=claim,
        speaker=speaker or None,
        reported_by=reported_by or None,
        kind=kind or None,
        clear=frozenset(f for f, v in (("speaker", speaker), ("reported_by", reported_by)) if not v.strip()),
    )
    kept = {"form": "claim", "claim": claim, "speaker": speaker, "reported_by": reported_by, "kind": kind}
    return _act(
        request,
        session,
        user,
        ticket_id,
        kept,
        lambda: corrections.edit_claim(
            session, actor=user, ticket_id=ticket_id, changes=changes, expected_version=version
        ),
        lambda _: "Claim saved; the machine's version is in the history.",
    )


@router.post("/tickets/{ticket_id:int}/dismiss")
def ticket_dismiss(
    request: Request,
    ticket_id: int,
    session: SessionDep,
    user: UserDep,
    version: Version,
    reason: Text,
    note: Annotated[str, Form()] = "",
):
    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "dismiss", "reason": reason, "note": note},
        lambda: corrections.dismiss(
            session, actor=user, ticket_id=ticket_id, reason=reason, note=note, expected_version=version
        ),
        lambda _: f"Dismissed ({reason}); it is out of the queue and the reports, and can be restored.",
    )


@router.post("/tickets/{ticket_id:int}/restore")
def ticket_restore(request: Request, ticket_id: int, session: SessionDep, user: UserDep, version: Version):
    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "restore"},
        lambda: corrections.restore(session, actor=user, ticket_id=ticket_id, expected_version=version),
        lambda _: "Restored to the queue.",
    )


@router.post("/tickets/{ticket_id:int}/merge")
def ticket_merge(request: Request, ticket_id: int, session: SessionDep, user: UserDep, version: Version, into: Text):
    number = into.strip().lstrip("#")

    def merge():
        if not (number.isascii() and number.isdigit()):
            raise InvalidInput("Give the number of the ticket this one repeats (for example 42).")
        return corrections.merge(session, actor=user, ticket_id=ticket_id, into=int(number), expected_version=version)

    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "merge", "into": into},
        merge,
        lambda _: f"Ticket {ticket_id} merged into this one.",
        goto=lambda survivor: f"/tickets/{survivor.id}",
    )


@router.post("/drafts/{item_id:int}/approve")
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


@router.post("/drafts/{item_id:int}/reject")
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


@router.post("/drafts/{item_id:int}/edit")
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
    return _act(request, session, user, ticket_id, kept, action, lambda _: message, f"#draft-{item_id}")


@router.post("/tickets/{ticket_id:int}/drafts")
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
    return _act(
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
    return _act(
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
    return _act(
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
    match_id: Annotated[int, Form()],
    version: Version,
):
    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "match"},
        lambda: states.reuse_verdict(
            session, actor=user, ticket_id=ticket_id, match_id=match_id, expected_version=version
        ),
        lambda t: f"Ticket marked {t.state}, with the earlier ticket's verdict.",
    )


@router.post("/tickets/{ticket_id:int}/search")
def ticket_search(request: Request, ticket_id: int, session: SessionDep, user: UserDep):
    return _act(
        request,
        session,
        user,
        ticket_id,
        {"form": "search"},
        lambda: search.search_again(session, actor=user, ticket_id=ticket_id),
        lambda _: "Searching: sources the connectors find appear under Candidate sources.",
    )
