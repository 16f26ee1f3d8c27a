"""Tables of publishing: the rating scale, what was published, and the corrections of it."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, enum_column, utcnow
from factcheck.models.tickets import TicketState


class Rating(SQLModel, table=True):
    """One step of the desk's rating scale ("Mostly true"), mapped to a verdict and a ClaimReview value."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.String(80), nullable=False, unique=True))
    state: TicketState = Field(sa_column=enum_column(TicketState, 16, nullable=False))
    value: int  # ClaimReview ratingValue, between RATING_WORST and RATING_BEST
    position: int = 0
    active: bool = True


RATING_BEST, RATING_WORST = 5, 1


class Correction(SQLModel, table=True):
    """A published verdict reopened: what it was, why, by whom and when (IFCN: corrections policy)."""

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    note: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    was_state: TicketState = Field(sa_column=enum_column(TicketState, 16, nullable=False))
    was_rating: str | None = Field(default=None, sa_column=sa.Column(sa.String(80)))
    was_published_at: datetime = Field(sa_column=_ts(nullable=False))
    by: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    # The publication this correction took down (what readers had been shown).
    publication_id: int | None = Field(default=None, foreign_key="publication.id")


class Publication(SQLModel, table=True):
    """A verdict as it was published: the claim, its attribution and article, the verdict, rating
    and rationale, and the sources a person approved, copied at the moment of publishing.

    Public pages and feeds read these, never the live ticket: once a published ticket is reopened
    with a correction, its reviewers may rewrite the claim, and none of that is public until an
    editor publishes again (a new row; the old one is kept, superseded).
    """

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    claim: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    quote: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    attribution: str | None = Field(default=None, sa_column=sa.Column(sa.String(600)))
    speaker: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    reported_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    # "quote" or another ClaimKind; None on publications made before it was kept.
    kind: str | None = Field(default=None, sa_column=sa.Column(sa.String(16)))
    # What found the claim in the article: an engine and model, or a reviewer ("human").
    found_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    article_title: str = Field(sa_column=sa.Column(sa.String(500), nullable=False))
    article_url: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000)))
    outlet: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    article_published: date | None = None
    state: TicketState = Field(sa_column=enum_column(TicketState, 16, nullable=False))
    rating: str | None = Field(default=None, sa_column=sa.Column(sa.String(80)))
    rating_value: int | None = None
    rationale: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    verdict_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    # JSON list of {name, url, kind, archived_at, archived_sha256, drafted_by, approved_by}.
    sources: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False))
    # JSON list of {text, answer, drafted_by, approved_by}: the questions a person kept (methods).
    questions: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False, server_default="[]"))
    published_by: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    published_at: datetime = Field(sa_column=_ts(nullable=False))
    # Set when a correction reopened the ticket: readers are then told it is under review.
    superseded_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
