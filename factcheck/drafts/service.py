"""Draft items: machine-suggested verification questions and sources, and a reviewer's verdict on each.

A draft is a suggestion until a person approves or edits it; its provenance stays with it either way.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict, InvalidInput, NotFound, RetryableError
from factcheck.core.locks import refuse_if_published
from factcheck.core.text import surroundings
from factcheck.core.urls import clean_url, found_url
from factcheck.drafts.schemas import DraftPublic
from factcheck.engines.base import ClaimContext, Drafts, ExtractedClaim
from factcheck.events import by, emit
from factcheck.events.drafts import DraftAdded, DraftingFailed, DraftReviewed, DraftsStored
from factcheck.jobs import service as jobs
from factcheck.models import (
    Article,
    ClaimKind,
    DraftingStatus,
    DraftItem,
    DraftKind,
    DraftStatus,
    Event,
    Job,
    Ticket,
    User,
    as_utc,
    utcnow,
)
from factcheck.users import service as users

log = logging.getLogger(__name__)

MAX_TEXT = 2_000


def claim_context(article: Article, claim: Ticket | ExtractedClaim, ticket_id: int | None = None) -> ClaimContext:
    """What a drafter may see: the claim and its paragraph, not the whole article."""
    return ClaimContext(
        claim=claim.claim,
        quote=claim.quote,
        kind=ClaimKind(claim.kind),
        speaker=claim.speaker,
        reported_by=claim.reported_by,
        context=surroundings(article.text, claim.start, claim.end),
        article_title=article.title,
        outlet=article.outlet,
        published=article.published,
        article_hash=article.content_hash,
        ticket_id=ticket_id,
    )


def store(session: Session, *, ticket: Ticket, drafts: Drafts) -> list[DraftItem]:
    """Save an engine's drafts for a ticket and mark its drafting done."""
    prov = drafts.provenance
    machine = {
        "status": DraftStatus.proposed,
        "engine": prov.engine,
        "model": prov.model,
        "prompt_name": prov.prompt_name,
        "prompt_hash": prov.prompt_hash,
    }
    items = [
        DraftItem(
            ticket_id=ticket.id, kind=DraftKind.question, text=q.text[:MAX_TEXT], rationale=q.rationale, **machine
        )
        for q in drafts.questions
    ] + [
        DraftItem(
            ticket_id=ticket.id,
            kind=DraftKind.source,
            text=s.name[:MAX_TEXT],
            rationale=s.rationale,
            source_kind=s.source_kind,
            url=found_url(s.url),
            search_query=s.search_query[:500],
            **machine,
        )
        for s in drafts.sources
    ]
    session.add_all(items)
    ticket.drafting_status = DraftingStatus.done
    ticket.drafting_error = None
    session.add(ticket)
    session.flush()
    emit(
        session,
        DraftsStored(
            by=prov.engine,
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            questions=len(drafts.questions),
            sources=len(drafts.sources),
            model=prov.model,
            prompt=prov.prompt_name,
            dropped=drafts.dropped or None,
        ),
    )
    return items


def discard_unreviewed(session: Session, *, ticket: Ticket) -> int:
    """Delete a ticket's machine drafts nobody has reviewed yet (before drafting it again)."""
    stale = session.exec(
        select(DraftItem).where(
            DraftItem.ticket_id == ticket.id,
            DraftItem.status == DraftStatus.proposed,
            col(DraftItem.created_by_id).is_(None),
        )
    ).all()
    for item in stale:
        session.delete(item)
    session.flush()
    return len(stale)


DRAFT = "draft"


def enqueue_drafting(session: Session, tickets: list[Ticket], *, reason: str, actor: Actor | None) -> None:
    """Queue a drafting job per ticket (one already queued is done now instead) and mark them pending."""
    for ticket in tickets:
        ticket.drafting_status = DraftingStatus.pending
        ticket.drafting_error = None
        session.add(ticket)
        jobs.enqueue(
            session,
            DRAFT,
            subject_id=ticket.id,
            group=f"article:{ticket.article_id}",
            dedupe=f"{DRAFT}:{ticket.id}",
            reason=reason,
            requested_by_id=actor.id if actor else None,
        )


def record_failure(session: Session, *, engine: str, ticket: Ticket, message: str) -> None:
    """Drafting was given up: the ticket says why (it is kept either way)."""
    ticket.drafting_status = DraftingStatus.failed
    ticket.drafting_error = f"drafting failed: {message}"[:2000]
    session.add(ticket)
    emit(session, DraftingFailed(by=engine, ticket_id=ticket.id, article_id=ticket.article_id, reason=message))
    log.warning("drafting failed for ticket %s: %s", ticket.id, message)


def record_waiting(session: Session, *, ticket: Ticket, error: RetryableError, next_try: datetime) -> None:
    ticket.drafting_error = jobs.waiting(error, next_try)[:2000]
    session.add(ticket)


def latest_job(session: Session, ticket_id: int) -> Job | None:
    """The ticket's latest drafting job: why it is waiting, and when it tries next."""
    return jobs.latest(session, DRAFT, ticket_id)


def get_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"No ticket with id {ticket_id}.")
    return ticket


def for_ticket(session: Session, ticket_id: int) -> list[DraftPublic]:
    """A ticket's drafts, questions first, each with who reviewed it."""
    get_ticket(session, ticket_id)
    stmt = select(DraftItem).where(DraftItem.ticket_id == ticket_id).order_by(DraftItem.kind, DraftItem.id)
    items = list(session.exec(stmt))
    names = users.names(session, {i.reviewed_by_id for i in items if i.reviewed_by_id})
    return [public(item, names) for item in items]


def public(item: DraftItem, names: dict[int, str]) -> DraftPublic:
    out = DraftPublic.model_validate(item)
    out.reviewed_by = names.get(item.reviewed_by_id) if item.reviewed_by_id else None
    return out


def mark_stale(session: Session, *, ticket_id: int) -> int:
    """The ticket's claim was corrected: its drafts (not the rejected ones) were written for the
    claim as it was. How many were marked."""
    return int(
        session.execute(
            sa.update(DraftItem)
            .where(DraftItem.ticket_id == ticket_id, DraftItem.status != DraftStatus.rejected)
            .values(stale=True, version=DraftItem.version + 1)
            .execution_options(synchronize_session=False)
        ).rowcount
    )


def get(session: Session, item_id: int) -> DraftItem:
    item = session.get(DraftItem, item_id)
    if item is None:
        raise NotFound(f"No draft item with id {item_id}.")
    return item


def _review(
    session: Session,
    item: DraftItem,
    reviewer: User,
    status: DraftStatus,
    expected_version: int,
    values: dict | None = None,
    detail: dict | None = None,
) -> DraftPublic:
    """Record a review, if nobody reviewed the draft since ``expected_version``: the check and the
    write are one UPDATE, so of two concurrent reviews exactly one wins, and the audit log says
    what the draft was before it."""
    refuse_if_published(session, session.get(Ticket, item.ticket_id))
    before = item.status
    changed = session.execute(
        sa.update(DraftItem)
        .where(DraftItem.id == item.id, DraftItem.version == expected_version)
        .values(
            status=status.value,
            reviewed_by_id=reviewer.id,
            reviewed_at=utcnow(),
            version=expected_version + 1,
            stale=False,  # a person looked at it again, on the claim as it stands
            **(values or {}),
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        _raise_stale(session, item, expected_version)
    session.refresh(item)
    ticket = session.get(Ticket, item.ticket_id)
    emit(
        session,
        DraftReviewed(
            **by(reviewer),
            ticket_id=item.ticket_id,
            article_id=ticket.article_id if ticket else None,
            status=status,
            draft_id=item.id,
            kind=item.kind,
            before=before,
            detail=detail,
        ),
    )
    session.flush()
    return public(item, {reviewer.id: reviewer.name})


def _raise_stale(session: Session, item: DraftItem, expected_version: int) -> None:
    session.refresh(item)
    events = session.exec(
        select(Event)
        .where(Event.ticket_id == item.ticket_id, col(Event.action).like("draft.%"))
        .order_by(col(Event.id).desc())
        .limit(200)
    )
    last = next((e for e in events if e.detail and json.loads(e.detail).get("draft_id") == item.id), None)
    who = f" by {last.actor_name} at {as_utc(last.created_at):%Y-%m-%d %H:%M} UTC" if last else ""
    raise StaleDraft(
        f"This draft was changed{who} after you opened it (you saw version {expected_version}, it is now "
        f"version {item.version}, {item.status}). Reload it and try again.",
        details={"current_version": item.version, "status": item.status},
    )


class StaleDraft(Conflict):
    code = "stale_version"


def approve(session: Session, *, actor: Actor, item_id: int, expected_version: int) -> DraftPublic:
    """A reviewer accepts a suggestion as it stands."""
    reviewer = require_person(actor, Action.review_drafts)
    return _review(session, get(session, item_id), reviewer, DraftStatus.approved, expected_version)


def reject(session: Session, *, actor: Actor, item_id: int, expected_version: int) -> DraftPublic:
    """A reviewer discards a suggestion; it stays in the history, out of reports."""
    reviewer = require_person(actor, Action.review_drafts)
    return _review(session, get(session, item_id), reviewer, DraftStatus.rejected, expected_version)


def edit(
    session: Session,
    *,
    actor: Actor,
    item_id: int,
    expected_version: int,
    text: str,
    url: str | None = None,
    search_query: str | None = None,
    answer: str | None = None,
) -> DraftPublic:
    """A reviewer rewrites a suggestion; the machine's wording is kept as ``original_text``."""
    reviewer = require_person(actor, Action.review_drafts)
    item = get(session, item_id)
    text = _clean_text(text)
    values = {"text": text}
    if item.original_text is None and item.created_by_id is None:
        values["original_text"] = item.text
    if item.kind == DraftKind.source:
        values["url"] = clean_url(url)
        values["search_query"] = (search_query or "").strip()[:500] or None
    if answer is not None:
        values["answer"] = answer.strip()[: MAX_TEXT * 5] or None
    return _review(
        session, item, reviewer, DraftStatus.edited, expected_version, values, {"changed": {"text": text != item.text}}
    )


def add_manual(
    session: Session,
    *,
    actor: Actor,
    ticket_id: int,
    kind: str,
    text: str,
    url: str | None = None,
    search_query: str | None = None,
) -> DraftPublic:
    """A reviewer's own question or source: approved by its author from the start."""
    author = require_person(actor, Action.review_drafts)
    ticket = get_ticket(session, ticket_id)
    refuse_if_published(session, ticket)
    if kind not in DraftKind.__members__:
        raise InvalidInput("Choose whether this is a question or a source.")
    is_source = kind == DraftKind.source
    item = DraftItem(
        ticket_id=ticket.id,
        kind=kind,
        text=_clean_text(text),
        url=clean_url(url) if is_source else None,
        search_query=((search_query or "").strip()[:500] or None) if is_source else None,
        status=DraftStatus.approved,
        engine="human",
        created_by_id=author.id,
        reviewed_by_id=author.id,
        reviewed_at=utcnow(),
    )
    session.add(item)
    session.flush()
    emit(
        session,
        DraftAdded(**by(author), ticket_id=ticket.id, article_id=ticket.article_id, draft_id=item.id, kind=kind),
    )
    return public(item, {author.id: author.name})


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput("The text cannot be empty.")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Keep it under {MAX_TEXT} characters.")
    return text
