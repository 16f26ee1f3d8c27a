"""Tickets as the API, the reports and the command line show them, and the changes they accept.

One family: ``TicketBrief`` (what `factcheck ingest --json` prints) ⊂ ``TicketPublic`` (the API);
the JSON report builds on ``TicketBrief`` too (exports.schemas).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from factcheck.audit.schemas import EventPublic
from factcheck.core.schemas import BodyId, Public, Strict, Url, Version, json_int, text
from factcheck.drafts.schemas import DraftPublic
from factcheck.jobs.schemas import JobPublic
from factcheck.matching.schemas import MatchPublic
from factcheck.models import ClaimKind, DismissReason, DraftingStatus, TicketState, verdict_of
from factcheck.tickets.publishing_schemas import CorrectionOfTicket, RatingName, RatingPublic

RATIONALE_MAX = 10_000
# A verdict's reason, as the state rules check it (tickets/states.py: MIN_RATIONALE).
Rationale = text(RATIONALE_MAX, min_chars=10, description="Why: at least 10 characters besides spaces around them")
CorrectionNote = text(5000, min_chars=10, description="What was wrong: at least 10 characters")
ClaimText = text(1500)
Name = text(300)


class TicketBrief(Public):
    id: int
    claim: str
    quote: str = Field(description="The article's own characters: `article.text[start:end]`")
    start: int
    end: int
    attribution: str | None
    score: float = Field(description="Check-worthiness, 0–1; the queue's default order")
    state: TicketState


class Dismissal(BaseModel):
    reason: DismissReason
    note: str | None
    by: str | None
    at: datetime | None


class VerdictPublic(Public):
    state: TicketState
    rationale: str | None = Field(description="Why, as the editor wrote it")
    by: str | None = Field(description="The editor who gave it")
    at: datetime | None
    rating: str | None


class TicketPublic(TicketBrief):
    article_id: int
    speaker: str | None
    reported_by: str | None
    kind: ClaimKind
    assignee_id: int | None
    needs_human: bool
    flag_reason: str | None
    drafting_status: DraftingStatus
    drafting_error: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    merged_into_id: int | None = Field(description="The ticket this duplicate was merged into")
    rating: str | None = Field(None, description="The rating given with the verdict")
    rating_value: int | None = Field(None, description="Its ClaimReview ratingValue")
    published_at: datetime | None = Field(None, description="Published (and locked) since; null: not published")
    first_published_at: datetime | None = Field(None, description="When the verdict was first published")
    dismissal: Dismissal | None = Field(description="Why the ticket is not worth checking (null: it is)")
    verdict: VerdictPublic | None = Field(None, description="The verdict, why and by whom (null: unverified)")
    engine: str = Field("", description='What found the claim: "offline", "openai", or "human" (a reviewer added it)')
    model: str = Field("", description="The engine's model (for a claim added by hand: who added it)")
    prompt_hash: str = Field("", description="The prompt version it was found with (empty for the offline engine)")

    @computed_field
    @property
    def dismissed(self) -> bool:
        return self.dismissal is not None

    @model_validator(mode="before")
    @classmethod
    def _dismissal_from_row(cls, data: Any) -> Any:
        # From a database row: its four dismissal columns become one object.
        reason = getattr(data, "dismissed_reason", None)
        if isinstance(data, dict) or not hasattr(data, "dismissed_reason"):
            return data
        values = {name: getattr(data, name) for name in cls.model_fields if name not in ("dismissal", "verdict")}
        values["verdict"] = verdict_of(data)
        values["dismissal"] = (
            None
            if reason is None
            else {"reason": reason, "note": data.dismissal_note, "by": data.dismissed_by, "at": data.dismissed_at}
        )
        return values


class TicketList(BaseModel):
    total: int
    per_page: int
    next_cursor: str | None
    prev_cursor: str | None
    tickets: list[TicketPublic]


class StateChange(Strict):
    to: TicketState
    rationale: Rationale
    expected_version: Version
    rating: RatingName | None = Field(None, description="A rating from `GET /api/v1/ratings` for this verdict")
    correction: CorrectionNote | None = Field(
        None, description="Required to reopen or change a published verdict: what was wrong"
    )

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "to": "disputed",
                    "rationale": "The council minutes record a 6-3 vote, not 7-2.",
                    "expected_version": 1,
                }
            ]
        },
    )


class Assign(Strict):
    assignee_id: BodyId | None
    expected_version: Version

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "assignee_id": 2,
                    "expected_version": 3,
                }
            ]
        },
    )


class Selected(Strict):
    id: BodyId
    expected_version: Version


class BulkState(Strict):
    """The same state change, with one rationale, to several tickets."""

    action: Literal["state"]
    tickets: list[Selected] = Field(..., min_length=1, max_length=500)
    to: TicketState
    rationale: Rationale
    rating: RatingName | None = Field(None, description="For a verdict: a rating from `GET /api/v1/ratings` for it")


class BulkAssign(Strict):
    """Several tickets to one person (`assignee_id`), or to nobody (null)."""

    action: Literal["assign"]
    tickets: list[Selected] = Field(..., min_length=1, max_length=500)
    assignee_id: BodyId | None


class BulkPublish(Strict):
    """Publish several verdicts (editors)."""

    action: Literal["publish"]
    tickets: list[Selected] = Field(..., min_length=1, max_length=500)


# One action on several tickets, all or nothing; `action` says which.
BulkChange = Annotated[BulkState | BulkAssign | BulkPublish, Field(discriminator="action")]


class ClaimEdit(Strict):
    """Only the fields sent change; send `speaker` or `reported_by` as null to clear them."""

    claim: ClaimText | None = None
    speaker: Name | None = None
    reported_by: Name | None = None
    kind: ClaimKind | None = None
    expected_version: Version

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "claim": "Riverton Mayor Elena Vasquez said the 12 percent rate increase would raise "
                    "$18.4 million a year.",
                    "speaker": "Elena Vasquez",
                    "expected_version": 1,
                }
            ]
        },
    )


class DismissIn(Strict):
    reason: DismissReason
    note: str | None = Field(None, max_length=2000)
    expected_version: Version

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"reason": "opinion", "note": "The mayor's view of the plan, not a fact.", "expected_version": 2}
            ]
        },
    )


class VersionIn(Strict):
    expected_version: Version


class MergeIn(Strict):
    into: BodyId = Field(description="The ticket this one repeats; it keeps the notes and approved drafts")
    expected_version: Version


class ClaimAdd(Strict):
    """A claim the engine missed: the article's characters ``text[start:end]`` are its quote."""

    start: json_int(ge=0, le=10_000_000)
    end: json_int(ge=1, le=10_000_000)
    claim: str | None = Field(None, max_length=1500, description="The claim standing on its own (default: the quote)")
    kind: ClaimKind | None = None

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"start": 0, "end": 58, "claim": "The Riverton City Council voted 7-2 on March 3, 2025."}]
        },
    )


class LabelPublic(BaseModel):
    ticket_id: int
    article_id: int
    article: str
    reason: str
    text: str = Field(description="The article's words the claim was found in")
    label: Literal["Yes", "No"] = Field(description="Yes: check-worthy")


class NoteIn(Strict):
    text: text(20_000)
    url: Url | None = None

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Minutes of March 3, page 4: the vote was 6-3.",
                    "url": "https://council.example/minutes/2025-03-03.pdf",
                }
            ]
        },
    )


class NotePublic(Public):
    id: int
    ticket_id: int
    author_id: int
    author: str
    text: str
    url: str | None
    created_at: datetime


class ArticleRef(Public):
    id: int
    title: str
    outlet: str | None
    url: str | None
    published: date | None


class UserRef(Public):
    id: int
    name: str


class ClaimInContext(BaseModel):
    """The claim's paragraph, split so the quote can be highlighted exactly."""

    before: str
    quote: str
    after: str


class TicketDetail(TicketPublic):
    """One ticket, with the claims it repeats or that repeat it."""

    matches: list[MatchPublic] = Field(
        description="Earlier or later tickets and published fact-checks "
        "making the same claim, best first (rejected ones last)"
    )


class ReuseVerdict(Strict):
    match_id: BodyId
    expected_version: Version


class ProposalPublic(Public):
    """A reviewer's proposed verdict, open until an editor decides."""

    id: int
    ticket_id: int
    from_state: TicketState
    to_state: TicketState
    rationale: str
    rating: str | None = Field(None, description="The rating proposed with the verdict")
    by: str
    created_at: datetime


class ProposalMade(ProposalPublic):
    ticket_version: int = Field(
        description="The ticket's version now: a proposal changes it, so an editor deciding from a page opened "
        "before it is told of the proposal (409) instead of overruling it unseen"
    )


class TicketPage(BaseModel):
    """Everything the ticket page shows."""

    ticket: TicketPublic
    rating_scale: list[RatingPublic] = Field(description="The ratings a verdict can carry")
    corrections: list[CorrectionOfTicket] = Field(description="Corrections of this ticket's published verdict")
    matches: list[MatchPublic] = Field(description="Previously checked: the same claim elsewhere")
    article: ArticleRef
    context: ClaimInContext
    questions: list[DraftPublic]
    sources: list[DraftPublic]
    notes: list[NotePublic]
    history: list[EventPublic]
    targets: list[TicketState] = Field(description="The states this ticket can move to")
    verdict: VerdictPublic | None = Field(description="The ticket's verdict, if it has one")
    proposal: ProposalPublic | None = Field(description="A reviewer's open proposal, if any")
    previous: int | None = Field(description="The ticket before this one in the queue")
    following: int | None = Field(description="The ticket after this one in the queue")
    drafting_job: JobPublic | None
    search_job: JobPublic | None = Field(None, description="The latest search for sources (connectors)")
    assignable: list[UserRef]
