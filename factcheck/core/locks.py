"""Published verdicts are locked: nothing on the ticket changes until an editor reopens it with a
correction, so what readers saw is what the record says, and every later change is disclosed.

The check writes the ticket's row (to what it holds) and reads it again, in the transaction that
writes: on PostgreSQL that locks the row, on SQLite it takes the database's write lock (its driver
reads outside any transaction until the first write). A background job that started before the
ticket was published (a search, 13 s later) or a request racing an editor's publish then sees the
publication, or makes the publish wait until it has committed.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.core.errors import Conflict
from factcheck.models import Ticket


class Published(Conflict):
    code = "published"


def is_published(session: Session, ticket_id: int) -> bool:
    """Whether the ticket is published now, its row locked until the transaction ends."""
    session.execute(
        sa.update(Ticket)
        .where(col(Ticket.id) == ticket_id)
        .values(published_at=Ticket.published_at)
        .execution_options(synchronize_session=False)
    )
    return session.exec(select(Ticket.published_at).where(col(Ticket.id) == ticket_id)).first() is not None


def refuse_if_published(session: Session, ticket: Ticket | None, *, lock: bool = True) -> None:
    """Refuse a change to a published ticket. ``lock=False`` only refuses early, before slow work
    (a page to fetch) that must not hold the lock: check again, locked, before writing."""
    if ticket is None or ticket.id is None:
        return
    if is_published(session, ticket.id) if lock else ticket.published_at is not None:
        session.refresh(ticket)
        when = ticket.published_at.isoformat() if ticket.published_at else None
        raise Published(
            f"Ticket {ticket.id} is published: reopen it with a correction first.",
            details={"ticket_id": ticket.id, "published_at": when},
        )
