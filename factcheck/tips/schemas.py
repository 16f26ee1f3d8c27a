"""Readers' claims as the API takes and shows them."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, StrictBool

from factcheck.core.schemas import Public, Strict


class TipIn(Strict):
    """A reader's claim sent by a newsroom's integration (a WhatsApp or Telegram bot, a CMS form)."""

    claim: str = Field(..., min_length=1, max_length=2000, description="The claim, in the reader's words")
    seen_where: str | None = Field(None, max_length=2000, description="A link, or a few words on where it was seen")
    contact: str | None = Field(None, max_length=254, description="The reader's email address, with `consent` only")
    consent: StrictBool = Field(False, description="The reader agreed to be told by email what the desk found")
    channel: str | None = Field(
        None, max_length=60, description='Where the bot took it, shown to reviewers: "whatsapp", "telegram"…'
    )


class AnswerPublic(Public):
    ticket_id: int
    claim: str = Field(description="The claim as published")
    verdict: str
    url: str = Field(description="The public fact-check page")


class TipSent(Public):
    id: int
    status: str = Field(description="received, checking, published, answered (already checked) or closed")
    status_url: str = Field(description="The reader's private link to follow the claim; give it to them")
    answer: AnswerPublic | None = Field(None, description="A published fact-check of the same claim, found at once")
    grouped_with: int | None = Field(None, description="The first tip of the group this one joined")


class TipPublic(Public):
    id: int
    claim: str
    seen_where: str | None
    channel: str
    decision: str
    group_id: int | None
    spam_score: float
    spam_reasons: str | None
    ticket_id: int | None
    article_id: int | None
    decided_by: str | None
    decided_at: datetime | None
    version: int
    created_at: datetime


class TipGroup(Public):
    leader: TipPublic
    count: int
    tips: list[TipPublic]
    answer: AnswerPublic | None
