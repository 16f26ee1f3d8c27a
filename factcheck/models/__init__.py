"""Every table of factcheck, in one package so domains can import each other's models without cycles.

The desk's own tables are here; the machinery's (model calls, jobs) and claim matching's are in
their modules, re-exported below, so every table is imported as ``from factcheck.models import X``.

Enumerations are stored as plain strings (portable across SQLite and PostgreSQL, and
migrations stay simple); the Python enums below are the one list of allowed values.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import UTCDateTime, _ts, as_utc, utcnow


class TicketState(StrEnum):
    unverified = "unverified"
    corroborated = "corroborated"
    disputed = "disputed"


class ClaimKind(StrEnum):
    quote = "quote"
    quantity = "quantity"
    event = "event"
    statement = "statement"


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


class DismissReason(StrEnum):
    """Why a ticket is not worth checking. A dismissal is not a verdict: the ticket stays unverified."""

    not_a_claim = "not a claim"
    opinion = "opinion"
    duplicate = "duplicate"
    out_of_scope = "out of scope"


# The tally's row for dismissed tickets, beside one per state: they are not open work.
DISMISSED = "dismissed"


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
    extraction_status: str = Field(
        default=ExtractionStatus.done,
        sa_column=sa.Column(sa.String(12), nullable=False, server_default=ExtractionStatus.done.value),
    )
    extraction_error: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    # What the last extraction looked at and refused, as JSON: {"sentences", "rejected": [{quote,
    # claim, reason}]}, so that nothing a model proposed disappears without a word.
    extraction_notes: str | None = Field(default=None, sa_column=sa.Column(sa.Text))


class Ticket(SQLModel, table=True):
    __table_args__ = (
        sa.CheckConstraint('start >= 0 AND "end" > start', name="span"),
        sa.CheckConstraint("score >= 0 AND score <= 1", name="score_range"),
        sa.Index("ix_ticket_queue", "state", "score"),
        sa.Index("ix_ticket_article_position", "article_id", "position"),
        # The triage queue's default order, and its other sorts, without a sort step at 100k tickets.
        sa.Index("ix_ticket_score_id", "score", "id"),
        sa.Index("ix_ticket_created", "created_at"),
        sa.Index("ix_ticket_updated", "updated_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id")
    position: int = 0
    claim: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    # Invariant: article.text[start:end] == quote (checked at creation, see tickets.service).
    quote: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    start: int
    end: int
    speaker: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    reported_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    attribution: str | None = Field(default=None, sa_column=sa.Column(sa.String(600)))
    kind: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    score: float = 0.0
    state: str = Field(
        default=TicketState.unverified,
        sa_column=sa.Column(sa.String(16), nullable=False, server_default="unverified"),
    )
    assignee_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    needs_human: bool = False
    flag_reason: str | None = Field(default=None, sa_column=sa.Column(sa.String(500)))
    drafting_status: str = Field(
        default=DraftingStatus.pending,
        sa_column=sa.Column(sa.String(16), nullable=False, server_default="pending"),
    )
    drafting_error: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    engine: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    model: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    prompt_name: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    prompt_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    version: int = Field(default=1, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    resolved_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    # Set while the ticket is dismissed (a DismissReason value); restoring clears all four.
    dismissed_reason: str | None = Field(default=None, sa_column=sa.Column(sa.String(20)))
    dismissal_note: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    # Who dismissed it, by name (as the audit log names people).
    dismissed_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    dismissed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    # A duplicate merged into another ticket points to it (and is dismissed as a duplicate).
    merged_into_id: int | None = Field(default=None, foreign_key="ticket.id")
    # The rating given with the verdict (from the desk's scale, copied so a later edit of the
    # scale does not rewrite what was published).
    rating: str | None = Field(default=None, sa_column=sa.Column(sa.String(80)))
    rating_value: int | None = None
    # Published: locked until reopened with a correction. first_published_at never changes.
    published_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    first_published_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class DraftItem(SQLModel, table=True):
    __tablename__ = "draft_item"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    kind: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    # What the machine first proposed; kept when a reviewer edits, so provenance is never lost.
    original_text: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    url: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000)))
    search_query: str | None = Field(default=None, sa_column=sa.Column(sa.String(500)))
    source_kind: str | None = Field(default=None, sa_column=sa.Column(sa.String(40)))
    rationale: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    # For questions: the checker's answer or notes once known.
    answer: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    status: str = Field(sa_column=sa.Column(sa.String(16), nullable=False))
    engine: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    model: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    prompt_name: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    prompt_hash: str | None = Field(default=None, sa_column=sa.Column(sa.String(64)))
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    reviewed_by_id: int | None = Field(default=None, foreign_key="user.id")
    reviewed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
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


class Note(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    url: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000)))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


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


class TicketTally(SQLModel, table=True):
    """How many tickets are in each state, kept in step with every change in the same transaction.

    The queue and the dashboard show these counts on every page; counting 100,000 tickets each time
    was most of the page's cost.
    """

    __tablename__ = "ticket_tally"
    state: str = Field(sa_column=sa.Column(sa.String(16), primary_key=True))
    n: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))


class SavedView(SQLModel, table=True):
    """A named queue filter: a person's own, or shared with the desk."""

    __tablename__ = "saved_view"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.String(80), nullable=False))
    owner_id: int = Field(foreign_key="user.id", index=True)
    shared: bool = False
    query: str = Field(sa_column=sa.Column(sa.String(1000), nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


# Re-exported: every table is ``factcheck.models.X``, and importing this package registers them all.
from factcheck.models.accounts import (  # noqa: E402
    ApiToken,
    DeskSetting,
    InstanceSecret,
    LoginSession,
    Role,
    TwoFactor,
    User,
)
from factcheck.models.machine import (  # noqa: E402
    Job,
    JobStatus,
    LlmCacheEntry,
    LlmCall,
    LlmEndpoint,
    RateLimitEntry,
    SearchCacheEntry,
    WorkerBeat,
)
from factcheck.models.matching import ClaimMatch, FactCheck, MatchKind, MatchStatus  # noqa: E402
from factcheck.models.publishing import RATING_BEST, RATING_WORST, Correction, Publication, Rating  # noqa: E402
from factcheck.models.webhooks import Webhook, WebhookDelivery  # noqa: E402

__all__ = [
    "ApiToken",
    "Article",
    "DeskSetting",
    "TwoFactor",
    "ClaimKind",
    "ClaimMatch",
    "Correction",
    "DISMISSED",
    "DismissReason",
    "DraftItem",
    "DraftKind",
    "DraftStatus",
    "DraftingStatus",
    "Event",
    "ExtractionStatus",
    "FactCheck",
    "InstanceSecret",
    "Job",
    "JobStatus",
    "LlmCacheEntry",
    "LlmCall",
    "LlmEndpoint",
    "LoginSession",
    "MatchKind",
    "MatchStatus",
    "Note",
    "Publication",
    "RATING_BEST",
    "RATING_WORST",
    "RateLimitEntry",
    "Rating",
    "Role",
    "SavedView",
    "SearchCacheEntry",
    "Webhook",
    "WebhookDelivery",
    "Ticket",
    "TicketState",
    "TicketTally",
    "UTCDateTime",
    "User",
    "WorkerBeat",
    "as_utc",
    "utcnow",
]
