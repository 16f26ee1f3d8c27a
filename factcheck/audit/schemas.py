"""The audit log as the API shows it."""

from __future__ import annotations

from datetime import datetime

from factcheck.core.schemas import Public


class EventPublic(Public):
    id: int
    ticket_id: int | None
    article_id: int | None
    actor_name: str
    action: str
    from_value: str | None
    to_value: str | None
    rationale: str | None
    created_at: datetime
