"""Readers' claims as the API takes and shows them."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, StrictBool

from factcheck.core.schemas import Public, Strict, text


class TipIn(Strict):
    """A reader's claim sent by a newsroom's integration (a WhatsApp or Telegram bot, a CMS form)."""

    claim: text(2000, min_chars=10, description="The claim, in the reader's words")
    seen_where: str | None = Field(None, max_length=2000, description="A link, or a few words on where it was seen")
    contact: str | None = Field(
        None,
        max_length=254,
        pattern=r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$",
        description="The reader's email address, with `consent` only",
    )
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


class TipDecisionIn(Strict):
    expected_version: int = Field(..., description="The tip's version you saw (409 when someone decided first)")
    note: str | None = Field(
        None, max_length=2000, description="Why not checked (dismiss only; never shown to readers)"
    )


class TipDecided(Public):
    decided: list[int] = Field(description="Every tip of the group the decision applied to")
    ticket_id: int | None = None
    article_id: int | None = None
