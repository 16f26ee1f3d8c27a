"""Webhooks: admins register URLs and pick events; each event becomes a delivery per webhook, sent
by the job queue (with its backoff) and logged.

Deliveries are JSON signed with HMAC-SHA256 the way Stripe signs them: the header
``Factcheck-Signature: t=<unix time>,v1=<hex digest>`` where the digest is over ``"<t>.<body>"``
with the webhook's secret, so a receiver can check both who sent it and that it is fresh.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from factcheck.audit import service as audit
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.errors import InvalidInput, NotFound
from factcheck.core.urls import clean_url
from factcheck.jobs.doorbell import queued
from factcheck.models import Job, Ticket, Webhook, WebhookDelivery, utcnow

KIND = "webhook"
EVENTS = {
    "ticket.created": "a claim became a ticket",
    "verdict.set": "an editor set a verdict",
    "verdict.published": "a verdict was published",
    "verdict.corrected": "a published verdict was reopened with a correction",
}
SIGNATURE_HEADER = "Factcheck-Signature"


def sign(secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def register(session: Session, *, actor: Actor, url: str, events: list[str]) -> Webhook:
    """A new webhook (admins): the URL must be http(s); the secret is made here."""
    require(actor, Action.manage_users)
    clean = clean_url(url)
    if not clean:
        raise InvalidInput("Give the webhook's http(s) address.")
    unknown = sorted(set(events) - EVENTS.keys())
    if unknown or not events:
        raise InvalidInput(f"Choose events among: {', '.join(EVENTS)}" + (f" (not {', '.join(unknown)})" if unknown
                                                                         else "."))
    hook = Webhook(url=clean, events=",".join(sorted(set(events))), secret="whsec_" + secrets.token_urlsafe(32),
                   created_by=actor.name)
    session.add(hook)
    session.flush()
    audit.record(session, actor=actor if getattr(actor, "id", None) else None, actor_name=actor.name,
                 action="webhook.register", to_value=clean[:200], detail={"webhook_id": hook.id, "events": events})
    return hook


def switch(session: Session, *, actor: Actor, webhook_id: int, active: bool) -> Webhook:
    require(actor, Action.manage_users)
    hook = get(session, webhook_id)
    hook.active = active
    session.add(hook)
    session.flush()
    audit.record(session, actor=actor if getattr(actor, "id", None) else None, actor_name=actor.name,
                 action="webhook.switch", to_value="on" if active else "off", detail={"webhook_id": hook.id})
    return hook


def get(session: Session, webhook_id: int) -> Webhook:
    hook = session.get(Webhook, webhook_id)
    if hook is None:
        raise NotFound(f"No webhook with id {webhook_id}.")
    return hook


def listed(session: Session, *, actor: Actor) -> list[Webhook]:
    require(actor, Action.manage_users)
    return list(session.exec(select(Webhook).order_by(Webhook.id)))


def deliveries(session: Session, *, actor: Actor, webhook_id: int, limit: int = 50) -> list[WebhookDelivery]:
    require(actor, Action.manage_users)
    get(session, webhook_id)
    return list(session.exec(select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id)
                             .order_by(WebhookDelivery.id.desc()).limit(limit)))


def any_active(session: Session) -> bool:
    return session.exec(select(Webhook.id).where(Webhook.active)).first() is not None


def emit(session: Session, event: str, data: dict[str, Any]) -> int:
    """Queue a delivery of ``event`` to every active webhook that asked for it, in the transaction
    of the change itself: no event for a change that rolls back, none lost for one that commits."""
    hooks = [h for h in session.exec(select(Webhook).where(Webhook.active)) if event in h.events.split(",")]
    for hook in hooks:
        body = {"event": event, "created_at": utcnow().isoformat(), "data": data}
        delivery = WebhookDelivery(webhook_id=hook.id, event=event, payload=json.dumps(body, default=_json))
        session.add(delivery)
        session.flush()
        session.add(Job(kind=KIND, delivery_id=delivery.id, reason="event"))
    if hooks:
        session.flush()
        queued(session)
    return len(hooks)


def ticket_event(session: Session, event: str, ticket: Ticket, **extra: Any) -> int:
    """The usual payload: the ticket as the API shows its essentials, plus what the event adds."""
    if session.exec(select(Webhook.id).where(Webhook.active)).first() is None:
        return 0  # the common case: no webhook, no payload built
    data = {"ticket": {"id": ticket.id, "article_id": ticket.article_id, "claim": ticket.claim,
                       "state": ticket.state, "rating": ticket.rating, "published_at": ticket.published_at,
                       "version": ticket.version}, **extra}
    return emit(session, event, data)


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
