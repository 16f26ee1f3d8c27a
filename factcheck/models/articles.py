"""Tables of articles: the text a desk ingests, and how its claims were found."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, enum_column, utcnow


class ExtractionStatus(StrEnum):
    """Whether an article's claims have been found: at once by the offline engine, by a job with a model."""

    pending = "pending"
    done = "done"
    failed = "failed"


class Article(SQLModel, table=True):
    # The ingest rate limit counts a user's articles of the last minute.
    __table_args__ = (sa.Index("ix_article_creator_time", "created_by_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(sa_column=sa.Column(sa.String(500), nullable=False))
    outlet: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    url: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000)))
    published: date | None = None
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    # SHA-256 of the cleaned text: the same article ingested twice is found, not duplicated.
    content_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    source_kind: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    engine: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    extraction_status: ExtractionStatus = Field(
        default=ExtractionStatus.done,
        sa_column=enum_column(ExtractionStatus, 12, nullable=False, server_default=ExtractionStatus.done.value),
    )
    extraction_error: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    # What the last extraction looked at and refused, as JSON: {"sentences", "rejected": [{quote,
    # claim, reason}]}, so that nothing a model proposed disappears without a word.
    # Its details (title, outlet, date, address) are corrected by editors: one wins of two at once.
    version: int = Field(default=1, sa_column=sa.Column(sa.Integer, nullable=False, server_default="1"))
    # Archived by an editor: off the article list, its open tickets dismissed (restorable with it).
    archived_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    archived_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    extraction_notes: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
