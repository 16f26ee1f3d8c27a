"""Who listens to what: the one place where what follows from a domain event is wired.

Every listener runs in the transaction of the change that emitted the event, so a change that
rolls back leaves no audit entry, no count and no webhook delivery behind (the deliveries are an
outbox: rows the job queue sends after the commit). The session hooks that act at commit time are
installed here too, so nothing is wired where nobody looks.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.audit import service as audit
from factcheck.core import db
from factcheck.drafts import service as drafts
from factcheck.events import DomainEvent, listen
from factcheck.events.tickets import (
    ClaimEdited,
    StateChanged,
    TicketCreated,
    TicketDismissed,
    TicketMerged,
    TicketRestored,
    VerdictCorrected,
    VerdictPublished,
)
from factcheck.jobs import doorbell
from factcheck.models import DISMISSED, Ticket, TicketState
from factcheck.tickets import tally
from factcheck.tips import notify
from factcheck.webhooks import service as webhooks
from factcheck.webhooks.schemas import Topic

UNVERIFIED = TicketState.unverified.value


def write_audit_log(session: Session, event: DomainEvent) -> None:
    kept = event.record()
    audit.write(
        session,
        action=event.action,
        actor_id=event.by_id,
        actor_name=event.by,
        ticket_id=event.ticket_id,
        article_id=event.article_id,
        from_value=kept.from_value,
        to_value=kept.to_value,
        rationale=kept.rationale,
        detail=kept.detail,
    )


# The counts by state move with the tickets (dismissed tickets are counted apart).
def count_created(session: Session, _event: TicketCreated) -> None:
    tally.add_to_tally(session, {UNVERIFIED: 1})


def count_state_change(session: Session, event: StateChanged) -> None:
    tally.add_to_tally(session, {event.before.value: -1, event.after.value: 1})


def count_dismissed(session: Session, _event: TicketDismissed | TicketMerged) -> None:
    tally.add_to_tally(session, {UNVERIFIED: -1, DISMISSED: 1})


def count_restored(session: Session, _event: TicketRestored) -> None:
    tally.add_to_tally(session, {DISMISSED: -1, UNVERIFIED: 1})


def _ticket(session: Session, event: DomainEvent) -> Ticket:
    ticket = session.get(Ticket, event.ticket_id)
    assert ticket is not None, f"{type(event).__name__} for a ticket that does not exist"
    return ticket


def webhook_created(session: Session, event: TicketCreated) -> None:
    webhooks.ticket_event(session, Topic.ticket_created, _ticket(session, event))


def webhook_verdict(session: Session, event: StateChanged) -> None:
    if event.is_verdict:
        webhooks.ticket_event(
            session, Topic.verdict_set, _ticket(session, event), rationale=event.rationale, by=event.by
        )


def webhook_published(session: Session, event: VerdictPublished) -> None:
    webhooks.ticket_event(session, Topic.verdict_published, _ticket(session, event), by=event.by)


def tell_readers(session: Session, event: VerdictPublished) -> None:
    """Readers who sent the claim and asked to be told are emailed (tips/notify.py)."""
    notify.queue_for_ticket(session, event.ticket_id)


def webhook_corrected(session: Session, event: VerdictCorrected) -> None:
    webhooks.ticket_event(
        session,
        Topic.verdict_corrected,
        _ticket(session, event),
        by=event.by,
        correction=event.note,
        was_state=event.was_state,
        was_rating=event.was_rating,
    )


# Drafts written for a claim as it was: a corrected speaker, figure or wording makes them stale.
_DRAFTED_ON = {"claim", "speaker", "reported_by"}


def drafts_go_stale(session: Session, event: ClaimEdited) -> None:
    if _DRAFTED_ON & event.after.keys():
        drafts.mark_stale(session, ticket_id=event.ticket_id)


def install() -> None:
    """Wire every listener (idempotent): the app, the command line and the tests call it once."""
    listen(DomainEvent, write_audit_log)

    listen(TicketCreated, count_created)
    listen(StateChanged, count_state_change)
    listen(TicketDismissed, count_dismissed)
    listen(TicketMerged, count_dismissed)
    listen(TicketRestored, count_restored)

    listen(TicketCreated, webhook_created)
    listen(StateChanged, webhook_verdict)
    listen(VerdictPublished, webhook_published)
    listen(VerdictPublished, tell_readers)
    listen(VerdictCorrected, webhook_corrected)

    listen(ClaimEdited, drafts_go_stale)

    # At commit time: the tally's moves are written last (tickets.tally), workers are woken when
    # the work they wait for is committed (jobs.doorbell), and text no database can store is
    # refused before anything is written (core.db).
    _session_hook("before_commit", tally.settle)
    _session_hook("after_soft_rollback", tally.forget)
    _session_hook("after_commit", doorbell.ring_after_commit)
    _session_hook("after_rollback", doorbell.forget_after_rollback)
    _session_hook("before_flush", db.refuse_unstorable_text)


def _session_hook(name: str, hook) -> None:
    if not sa.event.contains(sa.orm.Session, name, hook):
        sa.event.listen(sa.orm.Session, name, hook)
