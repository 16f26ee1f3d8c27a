"""Webhooks: admins register URLs and pick events; each event becomes a delivery per webhook, sent
by the job queue (with its backoff) and logged.

Deliveries are JSON signed with HMAC-SHA256 the way Stripe signs them: the header
``Factcheck-Signature: t=<unix time>,v1=<hex digest>`` where the digest is over
``"<t>.<delivery id>.<body>"`` with the webhook's secret, so a receiver can check who sent it, that
it is fresh, and which delivery it is (the ``Factcheck-Delivery`` header, for de-duplication, is
covered too; the body also carries the id). While a rotated secret's grace period lasts, a second
``v1=`` is signed with the old secret.

A secret is shown once, when it is made (registration, rotation): lists and pages show its last
four characters only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require
from factcheck.core import netguard
from factcheck.core.config import Settings
from factcheck.core.errors import FetchError, InvalidInput, NotFound
from factcheck.core.urls import clean_url
from factcheck.events import by, emit
from factcheck.events.accounts import WebhookDeleted, WebhookRegistered, WebhookRotated, WebhookSwitched
from factcheck.jobs import service as jobs
from factcheck.models import Ticket, Webhook, WebhookDelivery, as_utc, utcnow
from factcheck.webhooks.schemas import Topic

KIND = "webhook"
EVENTS = {topic.value: topic.description for topic in Topic}
SIGNATURE_HEADER = "Factcheck-Signature"


# How long a rotated secret keeps signing deliveries beside the new one.
GRACE = timedelta(hours=24)


def sign(secrets_: list[str], delivery_id: int, body: bytes, timestamp: int) -> str:
    """The signature header: one ``v1`` per secret that signs (the current one, and the previous
    one during its grace period)."""
    message = f"{timestamp}.{delivery_id}.".encode() + body
    digests = [hmac.new(s.encode(), message, hashlib.sha256).hexdigest() for s in secrets_]
    return ",".join([f"t={timestamp}", *(f"v1={d}" for d in digests)])


def signing_secrets(hook: Webhook) -> list[str]:
    keys = [hook.secret]
    if hook.previous_secret and hook.previous_secret_until and as_utc(hook.previous_secret_until) > utcnow():
        keys.append(hook.previous_secret)
    return keys


def _new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def register(session: Session, *, actor: Actor, url: str, events: list[str], settings: Settings) -> Webhook:
    """A new webhook (admins): an https address (http only where private addresses are allowed,
    for testing) that does not lead into a private network; the secret is made here, and the
    caller shows it once."""
    require(actor, Action.manage_users)
    clean = clean_url(url)
    if not clean:
        raise InvalidInput("Give the webhook's https address.")
    if not clean.lower().startswith("https://") and not settings.allow_private_urls:
        raise InvalidInput("A webhook's address must start with https://: deliveries carry the desk's data.")
    try:
        netguard.check_destination(clean, allow_private=settings.allow_private_urls)
    except FetchError as exc:
        raise InvalidInput(exc.message) from None
    unknown = sorted(set(events) - EVENTS.keys())
    if unknown or not events:
        raise InvalidInput(
            f"Choose events among: {', '.join(EVENTS)}" + (f" (not {', '.join(unknown)})" if unknown else ".")
        )
    hook = Webhook(url=clean, events=",".join(sorted(set(events))), secret=_new_secret(), created_by=actor.name)
    session.add(hook)
    session.flush()
    emit(session, WebhookRegistered(**by(actor), webhook_id=hook.id, url=clean, events=list(events)))
    return hook


def rotate(session: Session, *, actor: Actor, webhook_id: int) -> Webhook:
    """A new secret (shown once by the caller); the old one keeps signing beside it for GRACE."""
    require(actor, Action.manage_users)
    hook = get(session, webhook_id)
    hook.previous_secret, hook.previous_secret_until = hook.secret, utcnow() + GRACE
    hook.secret = _new_secret()
    session.add(hook)
    session.flush()
    emit(session, WebhookRotated(**by(actor), webhook_id=hook.id))
    return hook


def delete(session: Session, *, actor: Actor, webhook_id: int) -> None:
    """Remove a webhook and its delivery log; deliveries still queued are not sent."""
    require(actor, Action.manage_users)
    hook = get(session, webhook_id)
    ids = list(session.exec(select(WebhookDelivery.id).where(WebhookDelivery.webhook_id == hook.id)))
    if ids:
        jobs.cancel(session, KIND, ids)
        session.execute(sa.delete(WebhookDelivery).where(col(WebhookDelivery.id).in_(ids)))
    session.delete(hook)
    session.flush()
    emit(session, WebhookDeleted(**by(actor), webhook_id=webhook_id, url=hook.url))


def send_test(session: Session, *, actor: Actor, webhook_id: int) -> WebhookDelivery:
    """Queue a "ping" delivery to one webhook, whatever its events: to check the receiver."""
    require(actor, Action.manage_users)
    hook = get(session, webhook_id)
    return _deliver(
        session, hook, "ping", {"message": "A test delivery, sent from the webhooks page.", "by": actor.name}
    )


def switch(session: Session, *, actor: Actor, webhook_id: int, active: bool) -> Webhook:
    require(actor, Action.manage_users)
    hook = get(session, webhook_id)
    hook.active = active
    session.add(hook)
    session.flush()
    emit(session, WebhookSwitched(**by(actor), webhook_id=hook.id, active=active))
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
    return list(
        session.exec(
            select(WebhookDelivery)
            .where(WebhookDelivery.webhook_id == webhook_id)
            .order_by(col(WebhookDelivery.id).desc())
            .limit(limit)
        )
    )


def any_active(session: Session) -> bool:
    return session.exec(select(Webhook.id).where(Webhook.active)).first() is not None


def send(session: Session, event: str, data: dict[str, Any]) -> int:
    """Queue a delivery of ``event`` to every active webhook that asked for it, in the transaction
    of the change itself: no event for a change that rolls back, none lost for one that commits."""
    hooks = [h for h in session.exec(select(Webhook).where(Webhook.active)) if event in h.events.split(",")]
    for hook in hooks:
        _deliver(session, hook, event, data)
    return len(hooks)


def _deliver(session: Session, hook: Webhook, event: str, data: dict[str, Any]) -> WebhookDelivery:
    delivery = WebhookDelivery(webhook_id=hook.id, event=event, payload="{}")
    session.add(delivery)
    session.flush()  # its id goes in the body, which the signature covers
    body = {"id": delivery.id, "event": event, "created_at": utcnow().isoformat(), "data": data}
    delivery.payload = json.dumps(body, default=_json)
    jobs.enqueue(session, KIND, subject_id=delivery.id, reason="event")
    return delivery


def ticket_event(session: Session, event: str, ticket: Ticket, **extra: Any) -> int:
    """The usual payload: the ticket as the API shows its essentials, plus what the event adds."""
    if session.exec(select(Webhook.id).where(Webhook.active)).first() is None:
        return 0  # the common case: no webhook, no payload built
    data = {
        "ticket": {
            "id": ticket.id,
            "article_id": ticket.article_id,
            "claim": ticket.claim,
            "state": ticket.state,
            "rating": ticket.rating,
            "published_at": ticket.published_at,
            "version": ticket.version,
        },
        **extra,
    }
    return send(session, event, data)


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
