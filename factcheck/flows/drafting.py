"""Drafting a ticket's questions and sources, then searching for sources: at once with an engine
that needs no queue, as a job with a model, and again when a person asks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.config import Settings
from factcheck.core.errors import RetryableError
from factcheck.core.locks import is_published, refuse_if_published
from factcheck.drafts import service as drafts
from factcheck.engines.base import ClaimContext, Drafts, Engine, EngineError
from factcheck.events import by, emit
from factcheck.events.drafts import DraftsSkipped, Redrafted, RedraftQueued
from factcheck.flows.modelwork import ModelWork, clear_waiting
from factcheck.jobs.tasks import Work, run_now
from factcheck.models import Article, DraftingStatus, Ticket, User
from factcheck.search import service as search


@dataclass(frozen=True)
class Loaded:
    context: ClaimContext
    fresh: bool  # a person asked again: ask the model again, not its cache


class DraftTicket(ModelWork):
    """Draft one ticket's questions and sources, then search for sources."""

    kind = drafts.DRAFT

    def __init__(self, engine: Engine, settings: Settings | None = None) -> None:
        self.engine = engine
        self.settings = settings  # which search connectors follow drafting; None: the environment's

    def load(self, session: Session, work: Work) -> Loaded | None:
        ticket = session.get(Ticket, work.subject_id)
        if ticket is None:
            return None
        context = drafts.claim_context(session.get(Article, ticket.article_id), ticket, ticket_id=ticket.id)
        return Loaded(context, fresh=work.reason != "ingest")

    def started(self, session: Session, work: Work) -> None:
        ticket = session.get(Ticket, work.subject_id)
        if clear_waiting(ticket, "drafting_error"):
            session.add(ticket)

    def run(self, loaded: Loaded) -> Drafts:
        result = self.engine.draft_many([loaded.context], fresh=loaded.fresh)[0]
        if isinstance(result, EngineError):
            raise result
        return result

    def apply(self, session: Session, work: Work, result: Drafts) -> None:
        ticket = session.get(Ticket, work.subject_id)
        if is_published(session, ticket.id):
            # Published while the model drafted (a verdict can be given without drafts): locked.
            emit(session, DraftsSkipped(by=self.engine.name, ticket_id=ticket.id, article_id=ticket.article_id))
            ticket.drafting_status = DraftingStatus.done  # nothing is on its way any more
            session.add(ticket)
            return
        if work.reason != "ingest":
            removed = drafts.discard_unreviewed(session, ticket=ticket)
            # Done at once, it is the person's redraft; by a worker later, the engine's (the person's
            # request is recorded when it is queued).
            name = work.payload.get("by")
            person = session.get(User, work.requested_by_id) if name and work.requested_by_id else None
            emit(
                session,
                Redrafted(
                    by=person.name if person else (name or self.engine.name),
                    by_id=person.id if person else None,
                    ticket_id=ticket.id,
                    article_id=ticket.article_id,
                    discarded=removed,
                    job_id=work.job_id,
                ),
            )
        drafts.store(session, ticket=ticket, drafts=result)
        search.after_drafting(session, ticket, self.settings)

    def failed(self, session: Session, work: Work, error: RetryableError, next_try: datetime | None) -> None:
        ticket = session.get(Ticket, work.subject_id)
        if ticket is None:
            return
        if next_try is not None:
            drafts.record_waiting(session, ticket=ticket, error=error, next_try=next_try)
        else:
            drafts.record_failure(session, engine=self.engine.name, ticket=ticket, message=error.message)


def schedule(
    session: Session,
    *,
    engine: Engine,
    settings: Settings | None,
    tickets: list[Ticket],
    reason: str,
    actor: Actor | None,
) -> None:
    """Draft these tickets: at once with an engine that needs no queue, else queued for a worker."""
    if not engine.inline:
        drafts.enqueue_drafting(session, tickets, reason=reason, actor=actor)
        return
    task = DraftTicket(engine, settings)
    asked = {"by": actor.name} if actor is not None else {}
    for ticket in tickets:
        run_now(
            session,
            task,
            Work(
                drafts.DRAFT,
                ticket.id,
                reason=reason,
                payload=asked,
                requested_by_id=actor.id if actor is not None else None,
            ),
        )


def redraft(
    session: Session, *, engine: Engine, actor: Actor, ticket_id: int, settings: Settings | None = None
) -> Ticket:
    """Draft a ticket again: unreviewed machine drafts are replaced, reviewed ones are kept."""
    require(actor, Action.review_drafts)
    ticket = drafts.get_ticket(session, ticket_id)
    refuse_if_published(session, ticket)
    schedule(session, engine=engine, settings=settings, tickets=[ticket], reason="redraft", actor=actor)
    if not engine.inline:
        # The worker replaces the unreviewed drafts when the new ones are ready.
        emit(session, RedraftQueued(**by(actor), ticket_id=ticket.id, article_id=ticket.article_id))
    session.flush()
    return ticket
