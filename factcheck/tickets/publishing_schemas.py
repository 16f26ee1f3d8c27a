"""Publishing as the API shows it: the rating scale, the corrections of published verdicts."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from factcheck.core.schemas import Public, Strict, text
from factcheck.models import TicketState

RatingName = text(80)


class CorrectionOfTicket(Public):
    note: str
    was_state: TicketState
    was_rating: str | None
    was_published_at: datetime
    by: str
    created_at: datetime


class RatingPublic(Public):
    name: str
    state: TicketState
    value: int = Field(description="ClaimReview ratingValue")


class RatingScale(Public):
    best: int = Field(description="ClaimReview bestRating")
    worst: int = Field(description="ClaimReview worstRating")
    ratings: list[RatingPublic]


class RatingIn(Strict):
    name: RatingName
    state: Literal["corroborated", "disputed"]
    value: int = Field(ge=1, le=5)


class ScaleIn(Strict):
    ratings: list[RatingIn] = Field(..., min_length=2, max_length=20)


class CorrectionPublic(Public):
    """A correction as the public log shows it: only published text."""

    id: int
    ticket_id: int
    claim: str = Field(description="The claim as it was published")
    article_title: str
    note: str
    was_state: TicketState
    was_rating: str | None
    now_state: TicketState | None = Field(
        description="The verdict published after the correction; null while the ticket is under review"
    )
    now_rating: str | None
    republished: bool
    by: str
    at: datetime
