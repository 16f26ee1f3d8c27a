"""The audit log's table."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, utcnow


class Event(SQLModel, table=True):
    """The audit log: one row for every change to a ticket or its drafts."""

    __table_args__ = (sa.Index("ix_event_ticket_time", "ticket_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int | None = Field(default=None, foreign_key="ticket.id")
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    # Who did it, as shown to people; "system" or an engine name when no person acted.
    actor_name: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    action: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    from_value: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    to_value: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    rationale: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    detail: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
