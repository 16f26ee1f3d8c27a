"""The ticket's own forms on its page: verdicts and proposals, publishing, assignment, notes, and
corrections of the claim itself (the drafts', matching's and search's forms are in their domains;
all answer the same way, ``web.forms.act``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import InvalidInput
from factcheck.models import User
from factcheck.tickets import corrections, publishing, states
from factcheck.tickets import service as tickets
from factcheck.web.deps import CsrfDep, SessionDep, UserDep
from factcheck.web.forms import Text, Version, act

router = APIRouter(dependencies=[CsrfDep])


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
    return act(
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
    return act(
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
    request: Request,
    ticket_id: int,
    session: SessionDep,
    user: UserDep,
    to: Text,
    rationale: Text,
    version: Version,
    rating: Annotated[str, Form(max_length=80)] = "",
):
    return act(
        request,
        session,
        user,
        ticket_id,
        {"form": "verdict", "to": to, "rationale": rationale, "rating": rating},
        lambda: states.propose(
            session,
            actor=user,
            ticket_id=ticket_id,
            to=to,
            rationale=rationale,
            expected_version=version,
            rating=rating.strip() or None,
        ),
        lambda p: f"Proposed {to}" + (f", rated {p.rating}" if p.rating else "") + "; an editor will decide.",
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

    return act(
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


@router.post("/tickets/{ticket_id:int}/notes")
def ticket_note(
    request: Request, ticket_id: int, session: SessionDep, user: UserDep, text: Text, url: Annotated[str, Form()] = ""
):
    return act(
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
    return act(
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
    return act(
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
    return act(
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

    return act(
        request,
        session,
        user,
        ticket_id,
        {"form": "merge", "into": into},
        merge,
        lambda _: f"Ticket {ticket_id} merged into this one.",
        goto=lambda survivor: f"/tickets/{survivor.id}",
    )
