"""Draft items (suggested questions and sources) as the API and pages show them, and their reviews."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field, computed_field

from factcheck.core.schemas import Public, Strict, Url, Version, text
from factcheck.models import DraftKind, DraftStatus


class DraftPublic(Public):
    id: int
    ticket_id: int
    kind: DraftKind
    text: str
    original_text: str | None = Field(description="What the machine proposed, when a reviewer edited it")
    url: str | None
    search_query: str | None
    source_kind: str | None
    rationale: str | None
    answer: str | None
    status: DraftStatus
    stale: bool = Field(
        False,
        description="Written for the claim before it was corrected: left out of reports until approved again",
    )
    engine: str = Field(description="`offline`, `openai`, or `human` for a reviewer's own")
    model: str | None
    prompt_name: str | None
    prompt_hash: str | None
    reviewed_by_id: int | None
    reviewed_by: str | None = Field(None, description="The reviewer's name")
    reviewed_at: datetime | None
    version: int = Field(description="Send it back as `expected_version` with a review")
    connector: str | None = Field(None, description="The search connector that found this source (null: drafted)")
    snippet: str | None = Field(None, description="What the result said, as the connector returned it")
    publisher: str | None = None
    published: str | None = Field(None, description="The document's date, as the connector gave it")
    rating: str | None = Field(None, description="For a published fact-check: its rating")
    retrieved_at: datetime | None = None
    archived_at: datetime | None = Field(None, description="When the desk kept a copy of the source's text")
    archived_sha256: str | None = Field(None, description="SHA-256 of the kept text (UTF-8)")

    @computed_field
    @property
    def title(self) -> str | None:
        """A search result's title (its `text`)."""
        return self.text if self.connector else None


class DraftReview(Strict):
    expected_version: Version

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"expected_version": 1}]})


# What drafts/service.py keeps: the text up to 2,000 characters, a query up to 500, an answer 10,000.
DraftText = text(2000)


class DraftEdit(Strict):
    expected_version: Version
    text: DraftText
    url: Url | None = None
    search_query: str | None = Field(None, max_length=500)
    answer: str | None = Field(None, max_length=10_000)

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "expected_version": 1,
                    "text": "Did the council vote 6-3 on March 3, 2025?",
                    "answer": "Yes: minutes, page 4.",
                }
            ]
        },
    )


class DraftAdd(Strict):
    kind: DraftKind
    text: DraftText
    url: Url | None = None
    search_query: str | None = Field(None, max_length=500)

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "source",
                    "text": "Council meeting minutes",
                    "url": "https://council.example/minutes",
                    "search_query": "council minutes March 3 2025",
                }
            ]
        },
    )
