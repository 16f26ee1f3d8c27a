"""Tables of readers' claims: tips sent from the public form or a newsroom's bot."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, enum_column, utcnow


class TipDecision(StrEnum):
    new = "new"  # in the inbox
    ticket = "ticket"  # a reviewer made it a ticket
    article = "article"  # a reviewer ingested the page it was seen on
    dismissed = "dismissed"  # a reviewer decided not to check it


class Tip(SQLModel, table=True):
    """A claim a reader asks the desk to check. Tips that say the same thing are grouped under the
    first one (``group_id``); the reader follows it by a secret status link (only its digest kept)."""

    id: int | None = Field(default=None, primary_key=True)
    claim: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    seen_where: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    seen_url: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000)))
    contact: str | None = Field(default=None, sa_column=sa.Column(sa.String(254)))
    consent: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    # "form", or "api <user>" for a newsroom's integration (with what it says its channel is).
    channel: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    token_sha256: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    group_id: int | None = Field(default=None, foreign_key="tip.id", index=True)
    # The published fact-check the reader was pointed to on the spot (a ticket with a publication).
    answered_ticket_id: int | None = Field(default=None, foreign_key="ticket.id")
    spam_score: float = 0.0
    spam_reasons: str | None = Field(default=None, sa_column=sa.Column(sa.String(500)))
    decision: TipDecision = Field(sa_column=enum_column(TipDecision, 16, nullable=False))
    ticket_id: int | None = Field(default=None, foreign_key="ticket.id")
    article_id: int | None = Field(default=None, foreign_key="article.id")
    decided_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    decided_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    dismissal_note: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    # When the reader was emailed that their claim's fact-check is published (SMTP configured).
    notified_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    # The encoder's vector of the claim (float16), to group the tips that follow.
    vector: bytes | None = Field(default=None, sa_column=sa.Column(sa.LargeBinary))
    vector_model: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    version: int = Field(default=1, sa_column=sa.Column(sa.Integer, nullable=False, server_default="1"))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
