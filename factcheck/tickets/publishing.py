"""Publishing verdicts, and correcting them once published.

An editor publishes a ticket with a verdict; from then on its claim, drafts, notes and state are
locked (core/locks.py) until an editor reopens it with a correction note. Every correction is kept
(what the verdict was, why it changed, who, when) and shown in every report, in ClaimReview and on
the public corrections page: IFCN signatories must publish their corrections.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from factcheck.audit import service as audit
from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.models import Article, Correction, Ticket, TicketState, User, utcnow
from factcheck.tickets.service import all_or_nothing, get
from factcheck.tickets.versions import bump_version, raise_stale
from factcheck.webhooks import service as webhooks

VERDICTS = (TicketState.corroborated.value, TicketState.disputed.value)
NOTE_MAX = 5_000


class NotPublishable(Conflict):
    code = "not_publishable"


def _publish(session: Session, person: User, ticket: Ticket, expected_version: int) -> Ticket:
    if ticket.version != expected_version:
        raise_stale(session, ticket, expected_version)
    if ticket.dismissed_reason is not None or ticket.state not in VERDICTS:
        raise NotPublishable(f"Ticket {ticket.id} has no verdict to publish (it is "
                             f"{'dismissed' if ticket.dismissed_reason else ticket.state}).",
                             details={"ticket_id": ticket.id})
    if ticket.published_at is not None:
        raise NotPublishable(f"Ticket {ticket.id} is already published.", details={"ticket_id": ticket.id})
    now = utcnow()
    bump_version(session, ticket=ticket, expected_version=expected_version,
                 values={"published_at": now, "first_published_at": ticket.first_published_at or now})
    audit.record(session, actor=person, action="publish", ticket_id=ticket.id, article_id=ticket.article_id,
                 to_value=ticket.state, detail={"rating": ticket.rating} if ticket.rating else None)
    webhooks.ticket_event(session, "verdict.published", ticket, by=person.name)
    return ticket


def publish(session: Session, *, actor: Actor, ticket_id: int, expected_version: int) -> Ticket:
    """Publish a ticket's verdict (editors): it is locked from now on."""
    person = require_person(actor, Action.publish)
    return _publish(session, person, get(session, ticket_id), expected_version)


def bulk_publish(session: Session, *, actor: Actor, selection: list[tuple[int, int]]) -> list[Ticket]:
    """Publish several verdicts at the versions the editor saw: all or nothing."""
    person = require_person(actor, Action.publish)
    return all_or_nothing(session, selection, lambda ticket, version: _publish(session, person, ticket, version))


def correct(session: Session, *, actor: User, ticket: Ticket, note: str | None, rationale: str) -> Correction:
    """Unlock a published ticket for a change of verdict, keeping what it was and why it changes.
    Called by the state machine before the change itself (tickets/states.py)."""
    if not note:
        raise InvalidInput("This verdict is published: reopening or changing it needs a correction note "
                           "saying what was wrong (it is published with the corrected verdict).")
    if len(note.strip()) < 10:
        raise InvalidInput("Say in at least 10 characters what was wrong.")
    if len(note) > NOTE_MAX:
        raise InvalidInput(f"A correction note has at most {NOTE_MAX} characters.")
    fix = Correction(ticket_id=ticket.id, note=note, was_state=ticket.state, was_rating=ticket.rating,
                     was_published_at=ticket.published_at, by=actor.name)
    session.add(fix)
    bump_version(session, ticket=ticket, expected_version=ticket.version, values={"published_at": None})
    audit.record(session, actor=actor, action="correction", ticket_id=ticket.id, article_id=ticket.article_id,
                 from_value=fix.was_state, rationale=note)
    webhooks.ticket_event(session, "verdict.corrected", ticket, correction=note, was_state=fix.was_state,
                          was_rating=fix.was_rating, by=actor.name)
    session.flush()
    return fix


@dataclass
class CorrectionEntry:
    id: int
    ticket_id: int
    claim: str
    article_title: str
    note: str
    was_state: str
    was_rating: str | None
    now_state: str
    now_rating: str | None
    republished: bool
    by: str
    at: datetime


def corrections_log(session: Session, *, limit: int = 200) -> list[CorrectionEntry]:
    """Every correction, newest first, with the claim and where its verdict stands now."""
    rows = session.exec(select(Correction, Ticket, Article).join(Ticket, Ticket.id == Correction.ticket_id)
                        .join(Article, Article.id == Ticket.article_id)
                        .order_by(Correction.id.desc()).limit(limit))
    return [CorrectionEntry(c.id, t.id, t.claim, a.title, c.note, c.was_state, c.was_rating, t.state, t.rating,
                            t.published_at is not None, c.by, c.created_at) for c, t, a in rows]


def corrections_for(session: Session, ticket_ids: list[int]) -> dict[int, list[Correction]]:
    out: dict[int, list[Correction]] = {}
    if ticket_ids:
        for c in session.exec(select(Correction).where(Correction.ticket_id.in_(ticket_ids)).order_by(Correction.id)):
            out.setdefault(c.ticket_id, []).append(c)
    return out
