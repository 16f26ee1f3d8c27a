"""Who else has a ticket open, and whether it changed since you opened it: told while you work,
not only when a save is refused (409). The ticket page asks every few seconds; each ask says
"I am here" and hears who else is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.audit import service as audit
from factcheck.models import Event, Ticket, TicketPresence, User, utcnow
from factcheck.tickets.service import get

POLL_SECONDS = 15
# Someone is "here" while their page asked within two polls (a missed one is not a departure).
HERE_FOR = timedelta(seconds=2 * POLL_SECONDS + 5)


@dataclass(frozen=True)
class Presence:
    others: list[str]  # names of the others with the page open now
    changed: Event | None  # the last change, when the ticket moved on from the version you saw
    version: int


def here(session: Session, *, user: User, ticket_id: int, seen_version: int) -> Presence:
    ticket: Ticket = get(session, ticket_id)
    now = utcnow()
    # One row per person and ticket, kept fresh; old rows of anyone are cleared as they age.
    session.execute(
        sa.delete(TicketPresence).where(
            sa.or_(
                sa.and_(col(TicketPresence.ticket_id) == ticket_id, col(TicketPresence.user_id) == user.id),
                col(TicketPresence.seen_at) < now - timedelta(hours=1),
            )
        )
    )
    session.add(TicketPresence(ticket_id=ticket_id, user_id=user.id, seen_at=now))
    others = session.exec(
        select(User.name)
        .join(TicketPresence, col(TicketPresence.user_id) == User.id)
        .where(
            TicketPresence.ticket_id == ticket_id,
            TicketPresence.user_id != user.id,
            col(TicketPresence.seen_at) >= now - HERE_FOR,
        )
        .distinct()
        .order_by(User.name)
    ).all()
    changed = audit.latest_change(session, ticket_id) if ticket.version != seen_version else None
    return Presence(list(others), changed, ticket.version)
