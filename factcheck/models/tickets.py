"""Tables of tickets: one check-worthy claim each, its state and verdict, the proposals for it,
its evidence notes, the counts by state, and saved queue views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, as_utc, enum_column, utcnow
from factcheck.models.drafts import DraftingStatus


class TicketState(StrEnum):
    unverified = "unverified"
    corroborated = "corroborated"
    disputed = "disputed"


class ClaimKind(StrEnum):
    quote = "quote"
    quantity = "quantity"
    event = "event"
    statement = "statement"


class DismissReason(StrEnum):
    """Why a ticket is not worth checking. A dismissal is not a verdict: the ticket stays unverified."""

    not_a_claim = "not a claim"
    opinion = "opinion"
    duplicate = "duplicate"
    out_of_scope = "out of scope"


# The tally's row for dismissed tickets, beside one per state: they are not open work.
DISMISSED = "dismissed"


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
    kind: ClaimKind = Field(sa_column=enum_column(ClaimKind, 16, nullable=False))
    score: float = 0.0
    state: TicketState = Field(
        default=TicketState.unverified,
        sa_column=enum_column(TicketState, 16, nullable=False, server_default="unverified"),
    )
    assignee_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    needs_human: bool = False
    flag_reason: str | None = Field(default=None, sa_column=sa.Column(sa.String(500)))
    drafting_status: DraftingStatus = Field(
        default=DraftingStatus.pending,
        sa_column=enum_column(DraftingStatus, 16, nullable=False, server_default="pending"),
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
    # The verdict's rationale and who gave it (with resolved_at, when): set with the verdict,
    # cleared by a reopen. The audit log records it; this is what the desk reads.
    verdict_rationale: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    verdict_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    verdict_by_id: int | None = Field(default=None, foreign_key="user.id")
    # Published: locked until reopened with a correction. first_published_at never changes.
    published_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    first_published_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class Note(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    url: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000)))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


@dataclass(frozen=True)
class Verdict:
    """A ticket's verdict as the desk shows it: the state, why, by whom, when, and its rating."""

    state: TicketState
    rationale: str | None
    by: str | None
    at: datetime | None
    rating: str | None = None


def verdict_of(ticket: Any) -> Verdict | None:
    """The verdict of a ticket (a ``Ticket``, or a row with its columns); None while unverified."""
    if ticket.state == TicketState.unverified:
        return None
    return Verdict(
        TicketState(ticket.state),
        ticket.verdict_rationale,
        ticket.verdict_by,
        as_utc(ticket.resolved_at),
        ticket.rating,
    )


class ProposalOutcome(StrEnum):
    accepted = "accepted"  # an editor gave the proposed verdict
    overruled = "overruled"  # an editor gave another verdict, or reopened
    superseded = "superseded"  # another proposal replaced it


class Proposal(SQLModel, table=True):
    """A reviewer's proposed verdict, for an editor to decide. Open until the ticket's state
    changes or another proposal replaces it; at most one is open per ticket."""

    __table_args__ = (sa.Index("ix_proposal_ticket_open", "ticket_id", "decided_at"),)

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id")
    from_state: TicketState = Field(sa_column=enum_column(TicketState, 16, nullable=False))
    to_state: TicketState = Field(sa_column=enum_column(TicketState, 16, nullable=False))
    rationale: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    # The rating proposed with a verdict, from the desk's scale (the editor may choose another).
    rating: str | None = Field(default=None, sa_column=sa.Column(sa.String(80)))
    by: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    decided_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    outcome: ProposalOutcome | None = Field(default=None, sa_column=enum_column(ProposalOutcome, 16))


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


class TicketPresence(SQLModel, table=True):
    """Who had a ticket's page open, and when their page last asked (every few seconds while open)."""

    __tablename__ = "ticket_presence"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    user_id: int = Field(foreign_key="user.id")
    seen_at: datetime = Field(sa_column=_ts(nullable=False))
