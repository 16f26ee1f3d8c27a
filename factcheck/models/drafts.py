"""Tables of drafts: the questions and sources an engine (or a person) proposes for a ticket."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, enum_column, utcnow


class DraftKind(StrEnum):
    question = "question"
    source = "source"


class DraftStatus(StrEnum):
    proposed = "proposed"
    approved = "approved"
    edited = "edited"
    rejected = "rejected"


class DraftingStatus(StrEnum):
    pending = "pending"
    done = "done"
    failed = "failed"


class DraftItem(SQLModel, table=True):
    __tablename__ = "draft_item"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    kind: DraftKind = Field(sa_column=enum_column(DraftKind, 16, nullable=False))
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    # What the machine first proposed; kept when a reviewer edits, so provenance is never lost.
    original_text: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    url: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000)))
    search_query: str | None = Field(default=None, sa_column=sa.Column(sa.String(500)))
    source_kind: str | None = Field(default=None, sa_column=sa.Column(sa.String(40)))
    rationale: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    # For questions: the checker's answer or notes once known.
    answer: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    status: DraftStatus = Field(sa_column=enum_column(DraftStatus, 16, nullable=False))
    engine: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    model: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    prompt_name: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    prompt_hash: str | None = Field(default=None, sa_column=sa.Column(sa.String(64)))
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    reviewed_by_id: int | None = Field(default=None, foreign_key="user.id")
    reviewed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    # Written for the claim before a person corrected it (its speaker, its figures…): kept out of
    # reports until a reviewer approves it again or the ticket is redrafted.
    stale: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    # Every review names the version it saw: of two concurrent reviews, one wins.
    version: int = Field(default=1, sa_column=sa.Column(sa.Integer, nullable=False, server_default="1"))
    # A source a search connector found (factcheck/search): which, and what it said about it.
    connector: str | None = Field(default=None, sa_column=sa.Column(sa.String(40)))
    snippet: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    publisher: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    published: str | None = Field(default=None, sa_column=sa.Column(sa.String(40)))
    rating: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    retrieved_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    # "Archive": what the source's page said when it was checked, fetched by the desk.
    archived_text: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    archived_sha256: str | None = Field(default=None, sa_column=sa.Column(sa.String(64)))
    archived_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
