"""Publishing verdicts, and correcting them once published.

An editor publishes a ticket with a verdict; from then on its claim, drafts, notes and state are
locked (core/locks.py) until an editor reopens it with a correction note. Every correction is kept
(what the verdict was, why it changed, who, when) and shown in every report, in ClaimReview and on
the public corrections page: IFCN signatories must publish their corrections.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.events import by, emit
from factcheck.events.tickets import VerdictCorrected, VerdictPublished
from factcheck.models import (
    Article,
    Correction,
    DraftItem,
    DraftKind,
    DraftStatus,
    Publication,
    Ticket,
    TicketState,
    User,
    as_utc,
    utcnow,
)
from factcheck.tickets.service import all_or_nothing, get
from factcheck.tickets.versions import bump_version, raise_stale

VERDICTS = (TicketState.corroborated.value, TicketState.disputed.value)
NOTE_MAX = 5_000


class NotPublishable(Conflict):
    code = "not_publishable"


def _publish(session: Session, person: User, ticket: Ticket, expected_version: int) -> Ticket:
    if ticket.version != expected_version:
        raise_stale(session, ticket, expected_version)
    if ticket.dismissed_reason is not None or ticket.state not in VERDICTS:
        raise NotPublishable(
            f"Ticket {ticket.id} has no verdict to publish (it is "
            f"{'dismissed' if ticket.dismissed_reason else ticket.state}).",
            details={"ticket_id": ticket.id},
        )
    if ticket.published_at is not None:
        raise NotPublishable(f"Ticket {ticket.id} is already published.", details={"ticket_id": ticket.id})
    now = utcnow()
    bump_version(
        session,
        ticket=ticket,
        expected_version=expected_version,
        values={"published_at": now, "first_published_at": ticket.first_published_at or now},
    )
    session.add(_snapshot(session, ticket, person, now))
    emit(
        session,
        VerdictPublished(
            **by(person), ticket_id=ticket.id, article_id=ticket.article_id, state=ticket.state, rating=ticket.rating
        ),
    )
    return ticket


def _snapshot(session: Session, ticket: Ticket, person: User, now: datetime) -> Publication:
    """What readers are shown from now on: a copy, so no later edit of the ticket reaches them."""
    article = session.get(Article, ticket.article_id)
    sources, questions = _kept_drafts(session, ticket)
    return Publication(
        ticket_id=ticket.id,
        claim=ticket.claim,
        quote=ticket.quote,
        attribution=ticket.attribution,
        speaker=ticket.speaker,
        reported_by=ticket.reported_by,
        kind=ticket.kind,
        found_by=" ".join(x for x in (ticket.engine, ticket.model if ticket.engine != "human" else "") if x)[:200],
        article_title=article.title,
        article_url=article.url,
        outlet=article.outlet,
        article_published=article.published,
        state=ticket.state,
        rating=ticket.rating,
        rating_value=ticket.rating_value,
        rationale=ticket.verdict_rationale,
        verdict_by=ticket.verdict_by,
        sources=json.dumps(sources, ensure_ascii=False),
        questions=json.dumps(questions, ensure_ascii=False),
        published_by=person.name,
        published_at=now,
    )


def _kept_drafts(session: Session, ticket: Ticket) -> tuple[list[dict], list[dict]]:
    """The sources and questions a person kept (approved or edited, and written for the claim as
    it stands), with who proposed and who approved each: IFCN's transparency of sources and methods."""
    reviewers = {u.id: u.name for u in session.exec(select(User))}
    kept = session.exec(
        select(DraftItem)
        .where(
            DraftItem.ticket_id == ticket.id,
            col(DraftItem.status).in_([DraftStatus.approved, DraftStatus.edited]),
            col(DraftItem.stale).is_(False),
        )
        .order_by(DraftItem.id)
    ).all()
    sources = [
        {
            "name": d.text,
            "url": d.url,
            "kind": d.source_kind,
            "drafted_by": _drafter(d),
            "approved_by": reviewers.get(d.reviewed_by_id),
            "edited": d.status == DraftStatus.edited,
            "archived_at": as_utc(d.archived_at).isoformat() if d.archived_at else None,
            "archived_sha256": d.archived_sha256,
        }
        for d in kept
        if d.kind == DraftKind.source
    ]
    questions = [
        {
            "text": d.text,
            "answer": d.answer,
            "drafted_by": _drafter(d),
            "approved_by": reviewers.get(d.reviewed_by_id),
            "edited": d.status == DraftStatus.edited,
        }
        for d in kept
        if d.kind == DraftKind.question
    ]
    return sources, questions


def _drafter(draft: DraftItem) -> str:
    """Who proposed a draft, as a reader is told: "human", or the engine and its model."""
    if draft.engine == "human":
        return "human"
    return " ".join(x for x in (draft.engine, draft.model) if x)[:200]


def current_publication(session: Session, ticket_id: int) -> Publication | None:
    """What readers are shown for the ticket now: its latest publication, unless a correction has
    taken it down since (the ticket is then under review)."""
    return session.exec(
        select(Publication)
        .where(Publication.ticket_id == ticket_id, col(Publication.superseded_at).is_(None))
        .order_by(col(Publication.id).desc())
        .limit(1)
    ).first()


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
        raise InvalidInput(
            "This verdict is published: reopening or changing it needs a correction note "
            "saying what was wrong (it is published with the corrected verdict)."
        )
    if len(note.strip()) < 10:
        raise InvalidInput("Say in at least 10 characters what was wrong.")
    if len(note) > NOTE_MAX:
        raise InvalidInput(f"A correction note has at most {NOTE_MAX} characters.")
    shown = current_publication(session, ticket.id)
    fix = Correction(
        ticket_id=ticket.id,
        note=note,
        was_state=ticket.state,
        was_rating=ticket.rating,
        was_published_at=ticket.published_at,
        by=actor.name,
        publication_id=shown.id if shown else None,
    )
    session.add(fix)
    if shown is not None:
        shown.superseded_at = utcnow()
        session.add(shown)
    bump_version(session, ticket=ticket, expected_version=ticket.version, values={"published_at": None})
    emit(
        session,
        VerdictCorrected(
            **by(actor),
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            was_state=fix.was_state,
            was_rating=fix.was_rating,
            note=note,
        ),
    )
    session.flush()
    return fix


@dataclass
class CorrectionEntry:
    """A correction as readers see it: only what was published, and the note."""

    id: int
    ticket_id: int
    claim: str  # as it was published
    article_title: str
    note: str
    was_state: str
    was_rating: str | None
    # The verdict published after the correction; None while the ticket is still under review.
    now_state: str | None
    now_rating: str | None
    by: str
    at: datetime

    @property
    def republished(self) -> bool:
        return self.now_state is not None


def corrections_log(session: Session, *, limit: int = 200) -> list[CorrectionEntry]:
    """Every correction, newest first: the claim as it was published, and the verdict published
    since, if any. Nothing from the live ticket (a reopened ticket is work in progress)."""
    fixes = session.exec(
        select(Correction, Publication)
        .join(Publication, Publication.id == Correction.publication_id)
        .order_by(col(Correction.id).desc())
        .limit(limit)
    ).all()
    later: dict[int, list[Publication]] = {}
    if fixes:
        for p in session.exec(
            select(Publication)
            .where(col(Publication.ticket_id).in_({c.ticket_id for c, _ in fixes}))
            .order_by(Publication.id)
        ):
            later.setdefault(p.ticket_id, []).append(p)
    out = []
    for c, was in fixes:
        after = next((p for p in later[c.ticket_id] if p.id > was.id), None)
        out.append(
            CorrectionEntry(
                c.id,
                c.ticket_id,
                was.claim,
                was.article_title,
                c.note,
                c.was_state,
                c.was_rating,
                after.state if after else None,
                after.rating if after else None,
                c.by,
                as_utc(c.created_at),
            )
        )
    return out


def corrections_for(session: Session, ticket_ids: list[int]) -> dict[int, list[Correction]]:
    out: dict[int, list[Correction]] = {}
    if ticket_ids:
        for c in session.exec(
            select(Correction).where(col(Correction.ticket_id).in_(ticket_ids)).order_by(Correction.id)
        ):
            out.setdefault(c.ticket_id, []).append(c)
    return out
