"""Tables of webhooks: where the desk tells other systems what happened, and every delivery."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, utcnow


class Webhook(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=sa.Column(sa.String(2000), nullable=False))
    # Comma-separated event names (webhooks/service.py EVENTS).
    events: str = Field(sa_column=sa.Column(sa.String(400), nullable=False))
    # The HMAC key the receiver checks signatures with: shown once, when made, and sent never.
    secret: str = Field(sa_column=sa.Column(sa.String(100), nullable=False))
    # After a rotation, the old key still signs deliveries (beside the new one) until this time,
    # so the receiver can switch keys without losing any.
    previous_secret: str | None = Field(default=None, sa_column=sa.Column(sa.String(100)))
    previous_secret_until: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    active: bool = True
    created_by: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class WebhookDelivery(SQLModel, table=True):
    __tablename__ = "webhook_delivery"

    id: int | None = Field(default=None, primary_key=True)
    webhook_id: int = Field(foreign_key="webhook.id", index=True)
    event: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    payload: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    status: str = Field(default="pending", sa_column=sa.Column(sa.String(12), nullable=False))
    attempts: int = 0
    last_status: int | None = None
    last_error: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    delivered_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
