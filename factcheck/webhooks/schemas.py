"""Webhooks as the API shows them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import ConfigDict, Field, StrictBool, field_validator

from factcheck.core.schemas import Public, Strict, Url


class Topic(StrEnum):
    """The events a webhook may ask for (the one list: forms, the API schema and listeners use it)."""

    ticket_created = "ticket.created"
    verdict_set = "verdict.set"
    verdict_published = "verdict.published"
    verdict_corrected = "verdict.corrected"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Topic.ticket_created: "a claim became a ticket",
    Topic.verdict_set: "an editor set a verdict",
    Topic.verdict_published: "a verdict was published",
    Topic.verdict_corrected: "a published verdict was reopened with a correction",
}


class WebhookIn(Strict):
    url: Url
    events: list[Topic] = Field(..., min_length=1, max_length=len(Topic))

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"url": "https://hooks.example.org/factcheck", "events": ["verdict.published"]}]
        },
    )


class WebhookSwitch(Strict):
    active: StrictBool


class WebhookPublic(Public):
    id: int
    url: str
    events: list[str]
    secret_hint: str = Field(description="The secret's last four characters (the secret itself is shown once)")
    previous_secret_until: datetime | None = Field(
        description="After a rotation: until when deliveries are also signed with the previous secret"
    )
    active: StrictBool
    created_by: str
    created_at: datetime

    @field_validator("events", mode="before")
    @classmethod
    def _split(cls, value):
        return value.split(",") if isinstance(value, str) else value

    @classmethod
    def of(cls, hook) -> WebhookPublic:
        return cls.model_validate(
            {
                **{
                    k: getattr(hook, k)
                    for k in ("id", "url", "events", "previous_secret_until", "active", "created_by", "created_at")
                },
                "secret_hint": "…" + hook.secret[-4:],
            }
        )


class WebhookWithSecret(WebhookPublic):
    """A webhook just registered, or its secret just rotated: the only time the secret is shown."""

    secret: str = Field(description="Check each delivery's Factcheck-Signature with it (HMAC-SHA256); shown only now")

    @classmethod
    def of(cls, hook) -> WebhookWithSecret:
        return cls.model_validate({**WebhookPublic.of(hook).model_dump(), "secret": hook.secret})


class DeliveryPublic(Public):
    id: int
    event: str
    status: Literal["pending", "retrying", "delivered", "failed"]
    attempts: int
    last_status: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
