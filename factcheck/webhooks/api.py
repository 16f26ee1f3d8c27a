"""The webhooks API (admins): register, list, switch off and on, and read the delivery log."""

from __future__ import annotations

from fastapi import APIRouter, Request

from factcheck.webhooks import service as webhooks
from factcheck.webhooks.schemas import DeliveryPublic, WebhookIn, WebhookPublic, WebhookSwitch
from factcheck.web.deps import ApiUserDep, SessionDep
from factcheck.web.params import PathId

router = APIRouter(tags=["webhooks"])


@router.get("/webhooks", response_model=list[WebhookPublic])
def list_webhooks(session: SessionDep, user: ApiUserDep):
    return webhooks.listed(session, actor=user)


@router.post("/webhooks", response_model=WebhookPublic, status_code=201)
def register_webhook(request: Request, body: WebhookIn, session: SessionDep, user: ApiUserDep):
    """Deliveries are JSON, signed: `Factcheck-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.body">`."""
    hook = webhooks.register(session, actor=user, url=body.url, events=list(body.events))
    request.app.state.ensure_worker()  # deliveries are sent by this process's worker
    return hook


@router.patch("/webhooks/{webhook_id:int}", response_model=WebhookPublic)
def switch_webhook(webhook_id: PathId, body: WebhookSwitch, session: SessionDep, user: ApiUserDep):
    return webhooks.switch(session, actor=user, webhook_id=webhook_id, active=body.active)


@router.get("/webhooks/{webhook_id:int}/deliveries", response_model=list[DeliveryPublic])
def list_deliveries(webhook_id: PathId, session: SessionDep, user: ApiUserDep):
    """The latest 50 deliveries, newest first."""
    return webhooks.deliveries(session, actor=user, webhook_id=webhook_id)
