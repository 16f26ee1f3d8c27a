"""Drafting a ticket: in the request with the offline engine, as a job with a model, and again on request."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session

from factcheck.audit import service as audit
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.config import Settings
from factcheck.core.db import fresh_snapshot
from factcheck.core.locks import is_published, refuse_if_published
from factcheck.drafts import service as drafts
from factcheck.engines.base import ClaimContext, Drafts, Engine, EngineError
from factcheck.jobs import service as jobs
from factcheck.models import Article, DraftingStatus, Job, Ticket
from factcheck.search import service as search

log = logging.getLogger(__name__)


def store_result(
    session: Session, *, engine: Engine, ticket: Ticket, result: Drafts | EngineError, settings: Settings | None = None
) -> None:
    """Store a ticket's drafts, or record why drafting failed: the ticket is kept either way."""
    if isinstance(result, EngineError):
        record_failure(session, engine=engine, ticket=ticket, message=result.message)
    else:
        drafts.store(session, ticket=ticket, drafts=result)
        search.after_drafting(session, ticket, settings)


def record_failure(session: Session, *, engine: Engine, ticket: Ticket, message: str) -> None:
    ticket.drafting_status = DraftingStatus.failed
    ticket.drafting_error = f"drafting failed: {message}"[:2000]
    session.add(ticket)
    audit.record(
        session,
        actor=None,
        actor_name=engine.name,
        action="draft.failed",
        ticket_id=ticket.id,
        article_id=ticket.article_id,
        rationale=message[:2000],
    )
    log.warning("drafting failed for ticket %s: %s", ticket.id, message)


def redraft(session: Session, *, engine: Engine, actor: Actor, ticket_id: int) -> Ticket:
    """Draft a ticket again: unreviewed machine drafts are replaced, reviewed ones are kept."""
    require(actor, Action.review_drafts)
    ticket = drafts.get_ticket(session, ticket_id)
    refuse_if_published(session, ticket)
    if not engine.inline:
        # The worker replaces the unreviewed drafts when the new ones are ready.
        jobs.enqueue_drafting(session, [ticket], reason="redraft", actor=actor)
        audit.record(session, actor=actor, action="redraft.queued", ticket_id=ticket.id, article_id=ticket.article_id)
        return ticket
    article = session.get(Article, ticket.article_id)
    # Ask the engine first, write afterwards: no write transaction is open while it works.
    result = engine.draft_many([drafts.claim_context(article, ticket, ticket_id=ticket.id)], fresh=True)[0]
    fresh_snapshot(session)
    session.refresh(ticket)
    removed = drafts.discard_unreviewed(session, ticket=ticket)
    audit.record(
        session,
        actor=actor,
        actor_name=engine.name,
        action="redraft",
        ticket_id=ticket.id,
        article_id=ticket.article_id,
        detail={"discarded": removed},
    )
    store_result(session, engine=engine, ticket=ticket, result=result)
    session.flush()
    return ticket


class DraftTicket:
    """The job that drafts one ticket's questions and sources with a model."""

    kind = jobs.DRAFT

    def __init__(self, settings: Settings | None = None):
        self.settings = settings  # which search connectors follow drafting; None: the environment's

    def load(self, session: Session, job: Job) -> tuple[ClaimContext, bool] | None:
        ticket = session.get(Ticket, job.ticket_id)
        if ticket is None:
            return None
        context = drafts.claim_context(session.get(Article, ticket.article_id), ticket, ticket_id=ticket.id)
        # A person asking again means asking the model again, not reading its last answer back.
        return context, job.reason != "ingest"

    def run(self, engine: Engine, loaded: tuple[ClaimContext, bool]) -> Drafts:
        context, fresh = loaded
        result = engine.draft_many([context], fresh=fresh)[0]
        if isinstance(result, EngineError):
            raise result
        return result

    def apply(self, session: Session, job: Job, engine: Engine, result: Drafts) -> None:
        ticket = session.get(Ticket, job.ticket_id)
        if is_published(session, ticket.id):
            # Published while the model drafted (a verdict can be given without drafts): locked.
            audit.record(
                session,
                actor=None,
                actor_name=engine.name,
                action="drafts.skipped",
                ticket_id=ticket.id,
                article_id=ticket.article_id,
                rationale="The ticket was published before its drafts arrived; they were not added.",
            )
            ticket.drafting_status = DraftingStatus.done  # nothing is on its way any more
            session.add(ticket)
            return
        if job.reason != "ingest":
            removed = drafts.discard_unreviewed(session, ticket=ticket)
            audit.record(
                session,
                actor=None,
                actor_name=engine.name,
                action="redraft",
                ticket_id=ticket.id,
                article_id=ticket.article_id,
                detail={"discarded": removed, "job": job.id},
            )
        drafts.store(session, ticket=ticket, drafts=result)
        search.after_drafting(session, ticket, self.settings)

    def failed(self, session: Session, job: Job, engine: Engine, error: EngineError, next_try: datetime | None) -> None:
        ticket = session.get(Ticket, job.ticket_id)
        if ticket is None:
            return
        if next_try is not None:
            ticket.drafting_error = jobs.waiting(error, next_try)[:2000]
            session.add(ticket)
        else:
            record_failure(session, engine=engine, ticket=ticket, message=error.message)
