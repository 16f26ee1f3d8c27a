"""Webhooks as the API shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import ConfigDict, Field, StrictBool, field_validator

from factcheck.core.schemas import Public, Strict, Url

Event = Literal["ticket.created", "verdict.set", "verdict.published", "verdict.corrected"]


class WebhookIn(Strict):
    url: Url
    events: list[Event] = Field(..., min_length=1, max_length=4)

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "url": "https://hooks.example.org/factcheck", "events": ["verdict.published"]}]})


class WebhookSwitch(Strict):
    active: StrictBool


class WebhookPublic(Public):
    id: int
    url: str
    events: list[str]
    secret: str = Field(description="Check each delivery's Factcheck-Signature with it (HMAC-SHA256)")
    active: StrictBool
    created_by: str
    created_at: datetime

    @field_validator("events", mode="before")
    @classmethod
    def _split(cls, value):
        return value.split(",") if isinstance(value, str) else value


class DeliveryPublic(Public):
    id: int
    event: str
    status: Literal["pending", "retrying", "delivered", "failed"]
    attempts: int
    last_status: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
