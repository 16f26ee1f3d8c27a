"""The JSON report's shape: each ticket as ``TicketBrief`` plus everything the desk concluded."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from factcheck.models import ClaimKind
from factcheck.tickets.schemas import TicketBrief


class Provenance(BaseModel):
    engine: str | None
    model: str | None
    prompt: str | None
    prompt_hash: str | None


class ArticleInReport(BaseModel):
    id: int
    title: str
    outlet: str | None
    url: str | None
    published: date | None


class VerdictInReport(BaseModel):
    state: str
    rationale: str | None
    by: str | None
    at: datetime | None


class DraftInReport(BaseModel):
    """An approved or edited draft, with where it came from and who approved it."""

    text: str
    status: str
    answer: str | None
    url: str | None
    search_query: str | None
    source_kind: str | None
    rationale: str | None
    original_text: str | None
    provenance: Provenance
    approved_by: str | None
    approved_at: datetime | None
    found_by: str | None = None  # the search connector, for a source a search found
    archived_at: datetime | None = None
    archived_sha256: str | None = None


class NoteInReport(BaseModel):
    text: str
    url: str | None
    by: str
    at: datetime


class CorrectionInReport(BaseModel):
    note: str
    was_state: str
    was_rating: str | None
    by: str
    at: datetime | None


class TicketInReport(TicketBrief):
    speaker: str | None
    reported_by: str | None
    kind: ClaimKind
    version: int
    extracted_by: Provenance
    article: ArticleInReport
    verdict: VerdictInReport | None
    questions: list[DraftInReport]
    sources: list[DraftInReport]
    notes: list[NoteInReport]
    rating: str | None
    rating_value: int | None
    published_at: datetime | None
    first_published_at: datetime | None
    corrections: list[CorrectionInReport]
    claim_review: dict | None = Field(description="Published verdicts only")
