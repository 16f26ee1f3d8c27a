"""Sending one webhook delivery, as a job: the worker's usual steps (load, send with no transaction
open, record), its backoff when a receiver is down, and a log on the delivery."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import FactcheckError, RetryableError
from factcheck.core.netguard import AddressRefused, post
from factcheck.jobs.tasks import Work
from factcheck.models import Webhook, WebhookDelivery, utcnow
from factcheck.webhooks.service import KIND, SIGNATURE_HEADER, sign, signing_secrets

TIMEOUT = 10.0


@dataclass(frozen=True)
class Outgoing:
    delivery_id: int
    event: str
    url: str
    secrets: list[str]  # the current secret, and the previous one during its grace period
    body: bytes


class Deliver:
    """The job that sends one delivery."""

    kind = KIND

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def load(self, session: Session, work: Work) -> Outgoing | None:
        delivery = session.get(WebhookDelivery, work.subject_id) if work.subject_id else None
        hook = session.get(Webhook, delivery.webhook_id) if delivery else None
        if delivery is None or hook is None or not hook.active or delivery.status == "delivered":
            return None
        return Outgoing(delivery.id, delivery.event, hook.url, signing_secrets(hook), delivery.payload.encode())

    def run(self, out: Outgoing) -> int:
        settings = self.settings or get_settings()
        headers = {
            "Content-Type": "application/json",
            "Factcheck-Event": out.event,
            "Factcheck-Delivery": str(out.delivery_id),
            SIGNATURE_HEADER: sign(out.secrets, out.delivery_id, out.body, int(time.time())),
        }
        try:
            answer = post(out.url, out.body, headers, timeout=TIMEOUT, allow_private=settings.allow_private_urls)
        except AddressRefused as exc:
            # Into a private network: that will not change by waiting (a few tries, then failed).
            # A name that does not resolve may come back: wait for it like any receiver that is down.
            raise RetryableError(exc.message, transient=not exc.private) from None
        except FactcheckError as exc:
            raise RetryableError(exc.message, transient=True) from None
        if answer.status >= 500 or answer.status == 429:
            retry = float(answer.retry_after) if (answer.retry_after or "").isdigit() else None
            raise RetryableError(
                f"the receiver answered HTTP {answer.status}",
                transient=True,
                retry_after=retry,
                details={"status": answer.status},
            )
        if answer.status >= 300:
            # A refusal (404, 410, 401 …) is tried a few times, not for ever.
            raise RetryableError(
                f"the receiver refused the delivery: HTTP {answer.status}", details={"status": answer.status}
            )
        return answer.status

    def apply(self, session: Session, work: Work, status: int) -> None:
        delivery = session.get(WebhookDelivery, work.subject_id)
        delivery.status, delivery.last_status, delivery.last_error = "delivered", status, None
        delivery.attempts += 1
        delivery.delivered_at = utcnow()
        session.add(delivery)

    def failed(self, session: Session, work: Work, error: RetryableError, next_try: datetime | None) -> None:
        delivery = session.get(WebhookDelivery, work.subject_id)
        if delivery is None:
            return
        delivery.attempts += 1
        delivery.last_status = error.details.get("status")
        delivery.last_error = error.message[:2000]
        delivery.status = "retrying" if next_try else "failed"
        session.add(delivery)
