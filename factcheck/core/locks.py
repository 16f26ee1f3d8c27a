"""Published verdicts are locked: nothing on the ticket changes until an editor reopens it with a
correction, so what readers saw is what the record says, and every later change is disclosed."""

from __future__ import annotations

from factcheck.core.errors import Conflict
from factcheck.models import Ticket


class Published(Conflict):
    code = "published"


def refuse_if_published(ticket: Ticket | None) -> None:
    if ticket is not None and ticket.published_at is not None:
        raise Published(f"Ticket {ticket.id} is published: reopen it with a correction first.",
                        details={"ticket_id": ticket.id, "published_at": ticket.published_at.isoformat()})
