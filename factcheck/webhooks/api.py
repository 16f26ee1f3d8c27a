"""The webhooks API (admins): register, list, switch off and on, and read the delivery log."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep
from factcheck.web.params import PathId
from factcheck.webhooks import service as webhooks
from factcheck.webhooks.schemas import DeliveryPublic, WebhookIn, WebhookPublic, WebhookSwitch, WebhookWithSecret

router = APIRouter(tags=["webhooks"])


@router.get("/webhooks", response_model=list[WebhookPublic])
def list_webhooks(session: SessionDep, user: ApiUserDep):
    """Every webhook, with its secret's last four characters only."""
    return [WebhookPublic.of(h) for h in webhooks.listed(session, actor=user)]


@router.post("/webhooks", response_model=WebhookWithSecret, status_code=201)
def register_webhook(request: Request, body: WebhookIn, session: SessionDep, settings: SettingsDep, user: ApiUserDep):
    """Deliveries are JSON, signed: `Factcheck-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.id.body">`
    (id: the `Factcheck-Delivery` header). The secret is in this answer only. 422 for an address
    that is not https, or that leads into a private network."""
    hook = webhooks.register(session, actor=user, url=body.url, events=list(body.events), settings=settings)
    request.app.state.ensure_worker()  # deliveries are sent by this process's worker
    return WebhookWithSecret.of(hook)


@router.post("/webhooks/{webhook_id:int}/rotate-secret", response_model=WebhookWithSecret)
def rotate_secret(webhook_id: PathId, session: SessionDep, user: ApiUserDep):
    """A new secret, in this answer only; for 24 hours deliveries carry a signature with the old one
    too, so the receiver can switch without losing any."""
    return WebhookWithSecret.of(webhooks.rotate(session, actor=user, webhook_id=webhook_id))


@router.post("/webhooks/{webhook_id:int}/test", response_model=DeliveryPublic, status_code=202)
def test_webhook(request: Request, webhook_id: PathId, session: SessionDep, user: ApiUserDep):
    """Queue a `ping` delivery to this webhook; its outcome appears in the delivery log."""
    delivery = webhooks.send_test(session, actor=user, webhook_id=webhook_id)
    request.app.state.ensure_worker()
    return delivery


@router.delete("/webhooks/{webhook_id:int}", status_code=204, response_class=Response)
def delete_webhook(webhook_id: PathId, session: SessionDep, user: ApiUserDep):
    """Remove a webhook and its delivery log."""
    webhooks.delete(session, actor=user, webhook_id=webhook_id)


@router.patch("/webhooks/{webhook_id:int}", response_model=WebhookPublic)
def switch_webhook(webhook_id: PathId, body: WebhookSwitch, session: SessionDep, user: ApiUserDep):
    return WebhookPublic.of(webhooks.switch(session, actor=user, webhook_id=webhook_id, active=body.active))


@router.get("/webhooks/{webhook_id:int}/deliveries", response_model=list[DeliveryPublic])
def list_deliveries(webhook_id: PathId, session: SessionDep, user: ApiUserDep):
    """The latest 50 deliveries, newest first."""
    return webhooks.deliveries(session, actor=user, webhook_id=webhook_id)
