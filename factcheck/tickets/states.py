"""The ticket state machine: the one place that says which state changes exist."""

from __future__ import annotations

from sqlmodel import Session, select

from factcheck.audit import service as audit
from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.core.locks import refuse_if_published
from factcheck.matching import service as matching
from factcheck.models import Event, Rating, Ticket, TicketState, utcnow
from factcheck.tickets import publishing, ratings
from factcheck.tickets.service import all_or_nothing, get
from factcheck.tickets.tally import add_to_tally
from factcheck.tickets.versions import StaleVersion, bump_version, raise_stale
from factcheck.webhooks import service as webhooks

__all__ = [
    "InvalidTransition",
    "StaleVersion",
    "allowed_targets",
    "bulk_transition",
    "open_proposals",
    "propose",
    "reuse_verdict",
    "transition",
]

# (from, to) -> the action's name in the audit log.
TRANSITIONS: dict[tuple[TicketState, TicketState], str] = {
    (TicketState.unverified, TicketState.corroborated): "corroborate",
    (TicketState.unverified, TicketState.disputed): "dispute",
    (TicketState.corroborated, TicketState.unverified): "reopen",
    (TicketState.disputed, TicketState.unverified): "reopen",
}
# A verdict can be changed for the other in one step (a reopen and a verdict, both recorded).
VERDICTS = (TicketState.corroborated, TicketState.disputed)
MIN_RATIONALE = 10
RATIONALE_LIMIT = 5000  # a reused verdict's rationale quotes the source's, cut to the schema's bound


class InvalidTransition(Conflict):
    """The ticket's present state does not allow this change (409: the request is fine, the
    ticket is not in a state to take it)."""

    code = "invalid_transition"


def allowed_targets(state: str) -> list[TicketState]:
    """Where a ticket can go from ``state``: the table's moves, and from a verdict to the other."""
    switch = [v for v in VERDICTS if state in VERDICTS and v != state]
    return [to for (frm, to) in TRANSITIONS if frm == state] + switch


def _checked(ticket: Ticket, to: str, rationale: str) -> tuple[TicketState, TicketState, str, str]:
    """The (from, to, action, rationale) of a change the rules allow, or a clear refusal."""
    try:
        target = TicketState(to)
    except ValueError:
        raise InvalidTransition(f"Unknown state {to!r}.") from None
    current = TicketState(ticket.state)
    action = TRANSITIONS.get((current, target))
    if action is None:
        options = ", ".join(allowed_targets(current)) or "none"
        raise InvalidTransition(
            f"A ticket cannot go from {current} to {target}; from {current} it can go to: {options}."
        )
    return current, target, action, _rationale(rationale)


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
    actor: Actor,
    ticket: Ticket,
    to: str,
    rationale: str,
    expected_version: int,
    rating: Rating | None = None,
) -> Ticket:
    if ticket.version != expected_version:
        # Report the conflict first: what the actor saw is out of date, whatever they asked for.
        raise_stale(session, ticket, expected_version)
    current, target, action, rationale = _checked(ticket, to, rationale)
    bump_version(
        session,
        ticket=ticket,
        expected_version=expected_version,
        values={
            "state": target.value,
            "resolved_at": None if target == TicketState.unverified else utcnow(),
            "rating": rating.name if rating else None,
            "rating_value": rating.value if rating else None,
        },
    )
    add_to_tally(session, {current.value: -1, target.value: 1})
    audit.record(
        session,
        actor=actor,
        action=action,
        ticket_id=ticket.id,
        article_id=ticket.article_id,
        from_value=current.value,
        to_value=target.value,
        rationale=rationale,
        detail={"rating": rating.name} if rating else None,
    )
    if target != TicketState.unverified:
        webhooks.ticket_event(session, "verdict.set", ticket, rationale=rationale, by=actor.name)
    return ticket


def propose(session: Session, *, actor: Actor, ticket_id: int, to: str, rationale: str, expected_version: int) -> Event:
    """A reviewer's proposed verdict, for an editor to accept or overrule.

    Held to the same rules as the change itself, so an editor can accept it as it stands. It
    changes nothing on the ticket (the version stays), only the audit log, where the ticket page
    and the queue find it until the ticket's state next changes.
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
        current, target, _, rationale = _checked(ticket, to, rationale)
    event = audit.record(
        session,
        actor=person,
        action="propose",
        ticket_id=ticket.id,
        article_id=ticket.article_id,
        from_value=current.value,
        to_value=target.value,
        rationale=rationale,
    )
    session.flush()
    return event


def open_proposals(session: Session, ticket_ids: list[int]) -> dict[int, Event]:
    """The latest proposal on each ticket made since its state last changed."""
    if not ticket_ids:
        return {}
    state_actions = sorted(set(TRANSITIONS.values()))
    stmt = (
        select(Event)
        .where(Event.ticket_id.in_(ticket_ids), Event.action.in_(["propose", *state_actions]))
        .order_by(Event.id)
    )
    latest: dict[int, Event] = {}
    for event in session.exec(stmt):
        latest[event.ticket_id] = event
    return {tid: e for tid, e in latest.items() if e.action == "propose"}


def bulk_transition(
    session: Session, *, actor: Actor, selection: list[tuple[int, int]], to: str, rationale: str
) -> list[Ticket]:
    """The same change, with one rationale, to several tickets at the versions the actor saw.

    All or nothing: if one ticket cannot change (stale, or not allowed from its state) the
    request's transaction rolls back and the error names that ticket.
    """
    person = require_person(actor, Action.change_state)

    def change(ticket: Ticket, version: int) -> Ticket:
        refuse_if_published(session, ticket)  # a correction is one ticket at a time, with its own note
        return _transition(session, actor=person, ticket=ticket, to=to, rationale=rationale, expected_version=version)

    return all_or_nothing(session, selection, change)


def reuse_verdict(session: Session, *, actor: Actor, ticket_id: int, match_id: int, expected_version: int) -> Ticket:
    """An editor gives a ticket the verdict of the earlier ticket it repeats, in one step: the match
    is confirmed and the verdict recorded as the editor's, its rationale naming the source ticket."""
    person = require_person(actor, Action.change_state)
    get(session, ticket_id)  # 404 before anything else: the ticket must exist
    match = matching.get(session, match_id)
    if ticket_id not in (match.ticket_id, match.target_ticket_id) or match.kind != "ticket":
        raise InvalidInput(f"Match {match_id} does not link ticket {ticket_id} to another ticket.")
    if match.status == "rejected":
        raise InvalidTransition("This match was rejected as not the same claim; confirm it first.")
    source_id = match.target_ticket_id if match.ticket_id == ticket_id else match.ticket_id
    source = get(session, source_id)
    if source.state not in VERDICTS:
        raise InvalidTransition(f"Ticket {source_id} has no verdict to reuse (it is {source.state}).")
    given = session.exec(
        select(Event)
        .where(
            Event.ticket_id == source_id, Event.to_value == source.state, Event.action.in_(["corroborate", "dispute"])
        )
        .order_by(Event.id.desc())
        .limit(1)
    ).first()
    why = f" by {given.actor_name} on {given.created_at:%Y-%m-%d}: {given.rationale}" if given else "."
    rationale = f"Same claim as ticket {source_id}, {source.state}{why}"[:RATIONALE_LIMIT]
    if match.status != "confirmed":
        matching.decide(session, actor=person, match_id=match.id, confirm=True, expected_version=match.version)
    rating = source.rating if source.rating and ratings.exists(session, source.rating, source.state) else None
    return transition(
        session,
        actor=person,
        ticket_id=ticket_id,
        to=source.state,
        rationale=rationale,
        expected_version=expected_version,
        rating=rating,
    )
