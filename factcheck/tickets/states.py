"""The ticket state machine: the one place that says which state changes exist."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck.audit import service as audit
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.models import Event, Ticket, TicketState, User, as_utc, utcnow
from factcheck.tickets.tally import add_to_tally
from factcheck.users.permissions import Action, require

# (from, to) -> the action's name in the audit log.
TRANSITIONS: dict[tuple[TicketState, TicketState], str] = {
    (TicketState.unverified, TicketState.corroborated): "corroborate",
    (TicketState.unverified, TicketState.disputed): "dispute",
    (TicketState.corroborated, TicketState.unverified): "reopen",
    (TicketState.disputed, TicketState.unverified): "reopen",
}
MIN_RATIONALE = 10


class InvalidTransition(InvalidInput):
    code = "invalid_transition"


class StaleVersion(Conflict):
    code = "stale_version"


def allowed_targets(state: str) -> list[TicketState]:
    return [to for (frm, to) in TRANSITIONS if frm == state]


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
    rationale = (rationale or "").strip()
    if len(rationale) < MIN_RATIONALE:
        raise InvalidInput(f"Give a rationale of at least {MIN_RATIONALE} characters for this change.")
    return current, target, action, rationale


def transition(
    session: Session,
    *,
    ticket: Ticket,
    to: str,
    actor: User,
    rationale: str,
    expected_version: int,
) -> Ticket:
    """Move a ticket to another state, if allowed, based on the version the actor saw."""
    require(actor, Action.change_state)
    if ticket.version != expected_version:
        # Report the conflict first: what the actor saw is out of date, whatever they asked for.
        _raise_stale(session, ticket, expected_version)
    current, target, action, rationale = _checked(ticket, to, rationale)
    bump_version(session, ticket=ticket, expected_version=expected_version, values={
        "state": target.value,
        "resolved_at": None if target == TicketState.unverified else utcnow(),
    })
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
    )
    return ticket


def propose(
    session: Session,
    *,
    ticket: Ticket,
    to: str,
    actor: User,
    rationale: str,
    expected_version: int,
) -> Event:
    """A reviewer's proposed verdict, for an editor to accept or overrule.

    Held to the same rules as the change itself, so an editor can accept it as it stands. It
    changes nothing on the ticket (the version stays), only the audit log, where the ticket page
    and the queue find it until the ticket's state next changes.
    """
    require(actor, Action.propose_verdict)
    if ticket.version != expected_version:
        _raise_stale(session, ticket, expected_version)
    current, target, _, rationale = _checked(ticket, to, rationale)
    return audit.record(
        session, actor=actor, action="propose", ticket_id=ticket.id, article_id=ticket.article_id,
        from_value=current.value, to_value=target.value, rationale=rationale,
    )


def open_proposals(session: Session, tickets: list[Ticket]) -> dict[int, Event]:
    """The latest proposal on each ticket made since its state last changed."""
    ids = [t.id for t in tickets]
    if not ids:
        return {}
    state_actions = sorted(set(TRANSITIONS.values()))
    stmt = (select(Event).where(Event.ticket_id.in_(ids), Event.action.in_(["propose", *state_actions]))
            .order_by(Event.id))
    latest: dict[int, Event] = {}
    for event in session.exec(stmt):
        latest[event.ticket_id] = event
    return {tid: e for tid, e in latest.items() if e.action == "propose"}


def bulk_transition(
    session: Session, *, tickets: list[tuple[Ticket, int]], to: str, actor: User, rationale: str,
) -> list[Ticket]:
    """The same change, with one rationale, to several tickets at the versions the actor saw.

    All or nothing: if one ticket cannot change (stale, or not allowed from its state) the
    request's transaction rolls back and the error names that ticket.
    """
    if not tickets:
        raise InvalidInput("Select at least one ticket.")
    done = []
    for ticket, version in tickets:
        try:
            done.append(transition(session, ticket=ticket, to=to, actor=actor, rationale=rationale,
                                   expected_version=version))
        except (InvalidInput, Conflict) as exc:
            raise type(exc)(f"Ticket {ticket.id}: {exc.message} Nothing was changed.",
                            details=exc.details) from None
    return done


def bump_version(session: Session, *, ticket: Ticket, expected_version: int, values: dict) -> None:
    """Apply ``values`` only if nobody changed the ticket since ``expected_version``.

    The check and the write are one UPDATE … WHERE version = expected, so two processes
    racing on the same ticket cannot both win.
    """
    now = utcnow()
    result = session.execute(
        sa.update(Ticket)
        .where(Ticket.id == ticket.id, Ticket.version == expected_version)
        .values(version=expected_version + 1, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        _raise_stale(session, ticket, expected_version)
    session.refresh(ticket)


def _raise_stale(session: Session, ticket: Ticket, expected_version: int) -> None:
    session.refresh(ticket)
    last = audit.latest_change(session, ticket.id)
    who = f" by {last.actor_name} at {as_utc(last.created_at):%Y-%m-%d %H:%M} UTC" if last else ""
    raise StaleVersion(
        f"This ticket was changed{who} after you opened it (you saw version {expected_version}, "
        f"it is now version {ticket.version}). Reload it and try again.",
        details={"current_version": ticket.version},
    )
