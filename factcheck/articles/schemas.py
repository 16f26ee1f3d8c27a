"""Articles as the API and the article page show them, and what an ingest takes."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, computed_field

from factcheck.core.schemas import IsoDate, Public, Strict, Url, text
from factcheck.jobs.schemas import JobPublic
from factcheck.models import ExtractionStatus
from factcheck.tickets.schemas import TicketPublic


class Progress(BaseModel):
    """An article's work: its claims being found, then its tickets being drafted."""

    total: int
    pending: int
    failed: int
    extraction: ExtractionStatus = ExtractionStatus.done
    extraction_error: str | None = None

    @computed_field
    @property
    def done(self) -> int:
        return self.total - self.pending - self.failed

    @computed_field
    @property
    def busy(self) -> bool:
        return self.extraction == ExtractionStatus.pending or self.pending > 0


class ArticleCreate(Strict):
    text: str | None = Field(None, min_length=1, description="Plain text or HTML of the article.")
    url: Url | None = Field(None, description="Where the article is published; fetched if no text is given.")
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=200)
    published: IsoDate | None = None

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "The port handled 1.2 million containers in 2024, up 8 percent, according to the "
                    "port authority.",
                    "title": "Port traffic rises",
                    "outlet": "Harbor Times",
                    "published": "2025-03-02",
                }
            ]
        },
    )


class ArticleDetailsEdit(Strict):
    """An article's details as corrected by an editor (its text never changes)."""

    expected_version: int = Field(..., description="The article's version you saw (409 when it changed since)")
    title: text(500)
    outlet: str | None = Field(None, max_length=200)
    url: Url | None = None
    published: IsoDate | None = None


class ArticlePublic(Public):
    id: int
    version: int = Field(description="Send it back as expected_version to correct the details")
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    content_hash: str
    created_at: datetime
    extraction_status: ExtractionStatus = Field(
        description="`pending` while a worker finds the claims (model engines); the tickets follow"
    )
    extraction_error: str | None


class IngestPublic(BaseModel):
    article_id: int
    created: bool
    article: ArticlePublic
    tickets: list[TicketPublic]


class LlmUsage(BaseModel):
    """What the language model cost for one article."""

    calls: int = Field(description="HTTP requests sent to the endpoint, every retry and repair included")
    cached: int = Field(description="Answers read back from the cache instead")
    failed: int = Field(description="Requests that failed (errors, refusals, cut-off answers)")
    tokens_in: int
    tokens_out: int
    usage_reported: bool = Field(
        description="False when the endpoint left out token counts: the figures above are then too low"
    )
    model_seconds: float = Field(
        description="Time during which at least one request was with the model (requests at the same time count once)"
    )
    wall_seconds: float = Field(description="From ingest to the latest answer")
    failed_by: dict[str, int] = Field(
        default_factory=dict, description="Failed requests by how they ended (error, stalled, length, refused, ...)"
    )
    writing: int = Field(default=0, description="Requests the model is writing now")
    writing_tokens: int = Field(default=0, description="Tokens written so far by the requests still being written")
    writing_seconds: float = Field(default=0.0, description="How long the oldest request still being written has run")


class RejectedClaim(BaseModel):
    """A claim the engine proposed that did not become a ticket, and why."""

    quote: str
    claim: str
    reason: str


class ArticleDetail(IngestPublic):
    """An article with its tickets and where its work stands."""

    progress: Progress
    usage: LlmUsage | None = Field(description="null when no language model worked on it")
    extraction_job: JobPublic | None
    extraction_summary: str | None = Field(description="What the last extraction did, in a sentence")
    extraction_stopped: str | None = Field(
        None,
        description="Set when the engine stopped before the end of the article (its time budget ran out): "
        "how far it read",
    )
    rejected_claims: list[RejectedClaim] = Field(description="Claims the last extraction refused, and why")


class Segment(BaseModel):
    """A run of the article's text: plain, or a claim (highlighted, linked to its ticket)."""

    text: str
    start: int = Field(description="Where the run begins in the article's text")
    ticket_id: int | None = None
    state: str | None = Field(None, description="The claim's state, or `dismissed`")
    claim: str | None = None


class ArticlePage(ArticleDetail):
    """Everything the article page shows: the detail, and the text as paragraphs of segments."""

    paragraphs: list[list[Segment]]
