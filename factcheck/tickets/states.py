"""The ticket state machine: the one place that says which state changes exist."""

from __future__ import annotations

from sqlmodel import Session

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.core.locks import refuse_if_published
from factcheck.events import by, emit
from factcheck.events.tickets import STATE_ACTIONS, StateChanged, VerdictProposed
from factcheck.models import Rating, Ticket, TicketState, User, utcnow
from factcheck.tickets import publishing, ratings, verdicts
from factcheck.tickets.schemas import ProposalMade, ProposalPublic
from factcheck.tickets.service import all_or_nothing, get
from factcheck.tickets.verdicts import open_proposals
from factcheck.tickets.versions import StaleVersion, bump_version, raise_stale

__all__ = [
    "InvalidTransition",
    "StaleVersion",
    "allowed_targets",
    "bulk_transition",
    "open_proposals",
    "propose",
    "transition",
]

# The moves a ticket can make, (from, to), each with its name in the audit log.
TRANSITIONS = STATE_ACTIONS
# A verdict can be changed for the other in one step (a reopen and a verdict, both recorded).
VERDICTS = (TicketState.corroborated, TicketState.disputed)
MIN_RATIONALE = 10


class InvalidTransition(Conflict):
    """The ticket's present state does not allow this change (409: the request is fine, the
    ticket is not in a state to take it)."""

    code = "invalid_transition"


def allowed_targets(state: str) -> list[TicketState]:
    """Where a ticket can go from ``state``: the table's moves, and from a verdict to the other."""
    switch = [v for v in VERDICTS if state in VERDICTS and v != state]
    return [to for (frm, to) in TRANSITIONS if frm == state] + switch


def _checked(ticket: Ticket, to: str, rationale: str) -> tuple[TicketState, TicketState, str]:
    """The (from, to, rationale) of a change the rules allow, or a clear refusal."""
    try:
        target = TicketState(to)
    except ValueError:
        raise InvalidTransition(f"Unknown state {to!r}.") from None
    current = TicketState(ticket.state)
    if (current, target) not in TRANSITIONS:
        options = ", ".join(allowed_targets(current)) or "none"
        raise InvalidTransition(
            f"A ticket cannot go from {current} to {target}; from {current} it can go to: {options}."
        )
    return current, target, _rationale(rationale)


def _rationale(rationale: str) -> str:
    rationale = (rationale or "").strip()
    if len(rationale) < MIN_RATIONALE:  # the API's schema says the same (tickets.schemas.Rationale)
        raise InvalidInput(f"Give a rationale of at least {MIN_RATIONALE} characters for this change.")
    return rationale


def transition(
    session: Session,
    *,
    actor: Actor,
    ticket_id: int,
    to: str,
    rationale: str,
    expected_version: int,
    rating: str | None = None,
    correction: str | None = None,
) -> Ticket:
    """Move a ticket to another state, if allowed, based on the version the actor saw (editors).

    From one verdict to the other (corroborated ↔ disputed) is one step for the editor, recorded
    as what it is: a reopen and a new verdict, both audited, in one transaction. A verdict may carry
    a ``rating`` from the desk's scale (it must belong to that verdict). A published verdict is
    reopened only with a ``correction``: what was wrong, kept in the corrections log and reports.
    """
    person = require_person(actor, Action.change_state)
    ticket = get(session, ticket_id)
    if ticket.dismissed_reason is not None:
        raise InvalidTransition("This ticket is dismissed: restore it before giving it a verdict.")
    chosen = ratings.for_verdict(session, rating, to) if to in VERDICTS else None
    correction = (correction or "").strip() or None
    if ticket.published_at is not None:
        if ticket.version != expected_version:
            raise_stale(session, ticket, expected_version)
        publishing.correct(session, actor=person, ticket=ticket, note=correction, rationale=rationale)
        expected_version = ticket.version
    elif correction:
        raise InvalidInput("Only a published verdict takes a correction; this one is not published.")
    if ticket.state in VERDICTS and to in VERDICTS and to != ticket.state:
        _transition(
            session,
            actor=person,
            ticket=ticket,
            to=TicketState.unverified,
            rationale=rationale,
            expected_version=expected_version,
        )
        expected_version = ticket.version
    return _transition(
        session,
        actor=person,
        ticket=ticket,
        to=to,
        rationale=rationale,
        expected_version=expected_version,
        rating=chosen,
    )


def _transition(
    session: Session,
    *,
    actor: User,
    ticket: Ticket,
    to: str,
    rationale: str,
    expected_version: int,
    rating: Rating | None = None,
) -> Ticket:
    if ticket.version != expected_version:
        # Report the conflict first: what the actor saw is out of date, whatever they asked for.
        raise_stale(session, ticket, expected_version)
    current, target, rationale = _checked(ticket, to, rationale)
    verdict = target != TicketState.unverified
    bump_version(
        session,
        ticket=ticket,
        expected_version=expected_version,
        values={
            "state": target,
            "resolved_at": utcnow() if verdict else None,
            "rating": rating.name if rating else None,
            "rating_value": rating.value if rating else None,
            "verdict_rationale": rationale if verdict else None,
            "verdict_by": actor.name if verdict else None,
            "verdict_by_id": actor.id if verdict else None,
        },
    )
    verdicts.decided(session, ticket.id, target)
    emit(
        session,
        StateChanged(
            **by(actor),
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            before=current,
            after=target,
            rationale=rationale,
            rating=rating.name if rating else None,
        ),
    )
    return ticket


def propose(
    session: Session,
    *,
    actor: Actor,
    ticket_id: int,
    to: str,
    rationale: str,
    expected_version: int,
    rating: str | None = None,
) -> ProposalMade:
    """A reviewer's proposed verdict, for an editor to accept or overrule.

    Held to the same rules as the change itself, so an editor can accept it as it stands. It is
    open until the ticket's state changes (or another proposal replaces it), and it changes the
    ticket's version: an editor deciding from a page opened before it is told of it (409).
    """
    person = require_person(actor, Action.propose_verdict)
    ticket = get(session, ticket_id)
    refuse_if_published(session, ticket)
    if ticket.version != expected_version:
        raise_stale(session, ticket, expected_version)
    if ticket.dismissed_reason is not None:
        raise InvalidTransition("This ticket is dismissed: restore it before proposing a verdict.")
    if ticket.state in VERDICTS and to in VERDICTS and to != ticket.state:
        current, target, rationale = TicketState(ticket.state), TicketState(to), _rationale(rationale)
    else:
        current, target, rationale = _checked(ticket, to, rationale)
    # A rating goes with a verdict, and must be one of the scale's for it (as when an editor sets it).
    chosen = ratings.for_verdict(session, rating, target) if target in VERDICTS and rating else None
    bump_version(session, ticket=ticket, expected_version=expected_version, values={})
    proposal = verdicts.add(
        session,
        ticket=ticket,
        person=person,
        before=current,
        after=target,
        rationale=rationale,
        rating=chosen.name if chosen else None,
    )
    emit(
        session,
        VerdictProposed(
            **by(person),
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            before=current,
            after=target,
            rationale=rationale,
        ),
    )
    return ProposalMade(**ProposalPublic.model_validate(proposal).model_dump(), ticket_version=ticket.version)


def bulk_transition(
    session: Session,
    *,
    actor: Actor,
    selection: list[tuple[int, int]],
    to: str,
    rationale: str,
    rating: str | None = None,
) -> list[Ticket]:
    """The same change, with one rationale (and a verdict's rating: a report and ClaimReview carry
    it), to several tickets at the versions the actor saw.

    All or nothing: if one ticket cannot change (stale, or not allowed from its state) the
    request's transaction rolls back and the error names that ticket.
    """
    person = require_person(actor, Action.change_state)
    chosen = ratings.for_verdict(session, rating, to) if to in VERDICTS else None

    def change(ticket: Ticket, version: int) -> Ticket:
        refuse_if_published(session, ticket)  # a correction is one ticket at a time, with its own note
        return _transition(
            session, actor=person, ticket=ticket, to=to, rationale=rationale, expected_version=version, rating=chosen
        )

    return all_or_nothing(session, selection, change)
