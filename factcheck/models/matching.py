"""Tables of claim matching: imported fact-checks, and matches between claims."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, enum_column, utcnow


class MatchKind(StrEnum):
    ticket = "ticket"
    factcheck = "factcheck"


class MatchStatus(StrEnum):
    suggested = "suggested"  # at or above the suggestion threshold: a reviewer decides
    linked = "linked"  # at or above the link threshold: linked by the desk, undoable
    confirmed = "confirmed"  # a person said it is the same claim
    rejected = "rejected"  # a person said it is not


class FactCheck(SQLModel, table=True):
    """A fact-check published elsewhere (or by this desk), imported from its ClaimReview."""

    __tablename__ = "fact_check"

    id: int | None = Field(default=None, primary_key=True)
    claim: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    claimant: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    rating: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    publisher: str | None = Field(default=None, sa_column=sa.Column(sa.String(300)))
    url: str = Field(sa_column=sa.Column(sa.String(2000), nullable=False))
    # One live row per review page, compared by its normalised address (scheme, www., trailing
    # slash, tracking parameters and fragment do not make another page); empty once withdrawn.
    url_key: str | None = Field(default=None, sa_column=sa.Column(sa.String(2000), unique=True))
    reviewed_on: date | None = Field(default=None, sa_column=sa.Column(sa.Date))
    imported_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    imported_by: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    # Where it came from: "api", "file <name>", "stdin", or "url <address>".
    source: str | None = Field(default=None, sa_column=sa.Column(sa.String(2100)))
    # An editor withdrew it (a fake, or replaced by the genuine review): kept, no longer matched.
    withdrawn_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    withdrawn_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    withdrawal_note: str | None = Field(default=None, sa_column=sa.Column(sa.Text))


class ClaimMatch(SQLModel, table=True):
    """A later ticket found to repeat an earlier ticket or a published fact-check."""

    __tablename__ = "claim_match"
    __table_args__ = (
        sa.UniqueConstraint("ticket_id", "target_ticket_id", name="uq_claim_match_ticket_pair"),
        sa.UniqueConstraint("ticket_id", "fact_check_id", name="uq_claim_match_fact_check_pair"),
        sa.CheckConstraint("(target_ticket_id IS NULL) <> (fact_check_id IS NULL)", name="one_target"),
        sa.Index("ix_claim_match_target", "target_ticket_id"),
        sa.Index("ix_claim_match_fact_check", "fact_check_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    target_ticket_id: int | None = Field(default=None, foreign_key="ticket.id")
    fact_check_id: int | None = Field(default=None, foreign_key="fact_check.id")
    kind: MatchKind = Field(sa_column=enum_column(MatchKind, 16, nullable=False))
    score: float
    # Which similarity found it ("offline bm25+wordllama v1"), as drafts carry their provenance.
    method: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    status: MatchStatus = Field(sa_column=enum_column(MatchStatus, 16, nullable=False))
    version: int = Field(default=1, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    decided_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    decided_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class ClaimVector(SQLModel, table=True):
    """A claim's vector (a ticket's or an imported fact-check's), made once by the named encoder
    and kept: processes load it instead of encoding again. Another encoder's vectors are made
    beside it by a background job (matching.tasks.Embed)."""

    __tablename__ = "claim_vector"
    __table_args__ = (
        sa.UniqueConstraint("kind", "subject_id", "model", name="uq_claim_vector_subject_model"),
        sa.Index("ix_claim_vector_model_id", "model", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: MatchKind = Field(sa_column=enum_column(MatchKind, 16, nullable=False))
    subject_id: int = Field(nullable=False)
    model: str = Field(sa_column=sa.Column(sa.String(80), nullable=False))
    # float16, little-endian: half the size of float32, and far finer than the index's 8 bits.
    vector: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
