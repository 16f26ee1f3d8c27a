"""Optimistic concurrency for tickets: every change names the version it was based on."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.audit import service as audit
from factcheck.core.errors import Conflict
from factcheck.models import Ticket, as_utc, utcnow


class StaleVersion(Conflict):
    code = "stale_version"


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
        raise_stale(session, ticket, expected_version)
    session.refresh(ticket)


def raise_stale(session: Session, ticket: Ticket, expected_version: int) -> None:
    """Refuse a change based on an old version, naming who changed the ticket since."""
    session.refresh(ticket)
    last = audit.latest_change(session, ticket.id)
    who = f" by {last.actor_name} at {as_utc(last.created_at):%Y-%m-%d %H:%M} UTC" if last else ""
    raise StaleVersion(
        f"This ticket was changed{who} after you opened it (you saw version {expected_version}, "
        f"it is now version {ticket.version}). Reload it and try again.",
        details={"current_version": ticket.version},
    )
