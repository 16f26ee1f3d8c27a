"""Matches and imported fact-checks as the API and pages show them."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ConfigDict, Field

from factcheck.core.schemas import Public, Strict, Version
from factcheck.models import MatchKind, MatchStatus, TicketState


class MatchVerdict(Public):
    state: TicketState
    rationale: str | None
    by: str | None
    at: datetime | None


class MatchPublic(Public):
    """A claim this ticket repeats (or that repeats it): an earlier or later ticket, or a fact-check."""

    id: int
    kind: MatchKind
    target_id: int = Field(description="The other ticket's id, or the fact-check's")
    score: float = Field(description="The chance, 0-1, that the two are the same claim")
    status: MatchStatus
    version: int = Field(description="Send it back as `expected_version` to confirm or reject")
    method: str = Field(description="What found it")
    claim: str = Field(description="The other claim")
    earlier: bool = Field(description="The other claim was there first")
    verdict: MatchVerdict | None = Field(description="The other ticket's verdict, when it has one")
    rating: str | None = Field(description="The fact-check's rating")
    publisher: str | None
    url: str | None = Field(description="The fact-check's address")
    reviewed_on: date | None
    decided_by: str | None
    decided_at: datetime | None
    imported: str | None = Field(None, description="For a fact-check: who imported it, when and from where")
    same_article: bool = Field(False, description="The other ticket is in the same article: the claim made twice")


class MatchDecision(Strict):
    expected_version: Version

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"expected_version": 1}]})


class FactCheckPublic(Public):
    id: int
    claim: str
    claimant: str | None
    rating: str | None
    publisher: str | None
    url: str
    reviewed_on: date | None
    imported_at: datetime
    imported_by: str
    source: str | None = Field(description='Where it came from: "api", "file NAME", "stdin" or "url ADDRESS"')
    withdrawn_at: datetime | None = Field(description="When an editor withdrew it (no longer matched)")
    withdrawn_by: str | None
    withdrawal_note: str | None


class ImportSummary(Public):
    imported: list[FactCheckPublic]
    skipped: list[str] = Field(description="Reviews of pages already in the desk: who imported each, and from where")
    refused: list[str] = Field(description="Why each left-out review was left out")
    matches: int = Field(description="Tickets found to repeat an imported claim")
    replaced: list[FactCheckPublic] = Field(
        default_factory=list, description="Fact-checks withdrawn for the reviews imported now (replace)"
    )
    matching_later: bool = Field(
        False, description="A large import: a worker encodes its claims and matches them in the background"
    )


class Withdrawal(Strict):
    note: str = Field(
        ...,
        min_length=10,
        max_length=2000,
        description="Why it is withdrawn (at least 10 characters)",
        examples=["A fake: this page was never published by the fact-checker named."],
    )
