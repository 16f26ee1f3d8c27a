"""An article in, its check-worthy claims out as tickets: stored, matched with earlier claims,
drafted and searched. With an engine that needs no queue every step runs in the request (one
transaction: all of it is stored, or none); with a model the article is stored at once and a
worker does the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from factcheck.articles import service as articles
from factcheck.articles.service import IngestRequest
from factcheck.auth.permissions import Actor
from factcheck.core.config import Settings
from factcheck.core.db import fresh_snapshot
from factcheck.core.errors import RetryableError
from factcheck.engines.base import ArticleInput, Engine, Extraction
from factcheck.events import by, emit
from factcheck.events.articles import ExtractionRetried
from factcheck.flows import drafting
from factcheck.flows.modelwork import ModelWork, clear_waiting
from factcheck.jobs import service as jobs
from factcheck.jobs.tasks import Work
from factcheck.matching import finding as matching
from factcheck.models import Article, Ticket, User
from factcheck.tickets import service as tickets

__all__ = ["ExtractClaims", "IngestRequest", "IngestResult", "ingest", "retry_extraction"]


@dataclass
class IngestResult:
    article: Article
    tickets: list[Ticket]
    created: bool


@dataclass(frozen=True)
class Loaded:
    source: ArticleInput
    fresh: bool  # a person asked again: ask the model again, not its cache


class ExtractClaims(ModelWork):
    """Find an article's claims and make them its tickets: matched, then drafted."""

    kind = articles.EXTRACT

    def __init__(self, engine: Engine, settings: Settings | None = None) -> None:
        self.engine = engine
        self.settings = settings  # for matching and searching the new tickets; None: the environment's

    def load(self, session: Session, work: Work) -> Loaded | None:
        article = session.get(Article, work.subject_id)
        return Loaded(articles.article_input(article), fresh=work.reason != "ingest") if article else None

    def started(self, session: Session, work: Work) -> None:
        article = session.get(Article, work.subject_id)
        if clear_waiting(article, "extraction_error"):
            session.add(article)

    def run(self, loaded: Loaded) -> Extraction:
        return self.engine.extract(loaded.source, fresh=loaded.fresh)

    def apply(self, session: Session, work: Work, result: Extraction) -> None:
        actor = session.get(User, work.requested_by_id) if work.requested_by_id else None
        self.store(session, article=session.get(Article, work.subject_id), extraction=result, actor=actor)

    def failed(self, session: Session, work: Work, error: RetryableError, next_try: datetime | None) -> None:
        article = session.get(Article, work.subject_id)
        if article is None:
            return
        if next_try is not None:
            article.extraction_error = jobs.waiting(error, next_try)[:2000]
            session.add(article)
        else:
            articles.extraction_failed(session, engine=self.engine.name, article=article, message=error.message)

    def store(self, session: Session, *, article: Article, extraction: Extraction, actor: Actor | None) -> list[Ticket]:
        """The engine's claims become the article's tickets (a span that already has one keeps it: a
        second extraction never duplicates a ticket), matched with earlier claims, then drafted."""
        existing = tickets.for_article(session, article.id)
        taken = {(t.start, t.end) for t in existing}
        created = tickets.create_from_claims(
            session,
            article=article,
            claims=[c for c in extraction.claims if (c.start, c.end) not in taken],
            provenance=extraction.provenance,
            actor=actor,
            first_position=max((t.position for t in existing), default=-1) + 1,
        )
        articles.record_extraction(
            session, article=article, extraction=extraction, engine=self.engine.name, new=len(created)
        )
        matching.match_new_tickets(session, tickets=created, settings=self.settings)
        drafting.schedule(
            session, engine=self.engine, settings=self.settings, tickets=created, reason="ingest", actor=actor
        )
        return created


def ingest(session: Session, *, engine: Engine, settings: Settings, actor: Actor, req: IngestRequest) -> IngestResult:
    """Store an article and its claims as tickets; the same text twice returns the first article.

    With an engine that needs no queue the tickets (and their drafts) are made here; with a model
    the article is stored with its extraction pending and a worker makes them
    (``IngestResult.tickets`` is empty).
    """
    prepared = articles.prepare(session, settings=settings, actor=actor, req=req, engine_name=engine.name)
    if prepared.existing is not None:
        return IngestResult(prepared.existing, tickets.for_article(session, prepared.existing.id), created=False)
    article = prepared.article
    if not engine.inline:
        # A model takes seconds to minutes: the article is stored now and a worker finds its claims
        # (then drafts them). The request returns at once; the article page shows the progress.
        articles.store(session, article=article, actor=actor, kind=prepared.kind, queued=True)
        articles.enqueue_extraction(session, article, reason="ingest", actor=actor)
        return IngestResult(article, [], created=True)
    # The engine works before anything is written: a failed extraction stores nothing.
    task = ExtractClaims(engine, settings)
    extraction = task.run(Loaded(articles.article_input(article), fresh=False))
    fresh_snapshot(session)
    existing = articles.by_hash(session, article.content_hash)
    if existing:
        # Someone ingested the same text while the engine was working: theirs stands.
        return IngestResult(existing, tickets.for_article(session, existing.id), created=False)
    articles.store(session, article=article, actor=actor, kind=prepared.kind, queued=False)
    created = task.store(session, article=article, extraction=extraction, actor=actor)
    return IngestResult(article, created, created=True)


def retry_extraction(
    session: Session, *, engine: Engine, actor: Actor, article_id: int, settings: Settings | None = None
) -> Article:
    """Find an article's claims again, asking the engine afresh: after a failure, or to look again.

    Tickets already made stay as they are (a person may have worked on them); claims on spans that
    already have a ticket are not added twice. Refused while a worker is finding them.
    """
    article = articles.check_retry(session, actor=actor, article_id=article_id)
    if engine.inline:
        task = ExtractClaims(engine, settings)
        extraction = task.run(Loaded(articles.article_input(article), fresh=True))
        task.store(session, article=article, extraction=extraction, actor=actor)
    else:
        articles.enqueue_extraction(session, article, reason="retry", actor=actor)
    emit(session, ExtractionRetried(**by(actor), article_id=article.id))
    session.flush()
    return article
