"""Finding an article's claims as a job (with a model), and the table of every job kind's handler."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from factcheck.articles import service as articles
from factcheck.core.config import Settings
from factcheck.drafts.pipeline import DraftTicket
from factcheck.engines.base import ArticleInput, Engine, EngineError, Extraction
from factcheck.jobs import service as jobs
from factcheck.jobs.worker import Handler
from factcheck.models import Article, Job, User
from factcheck.search.service import SearchTicket
from factcheck.webhooks.delivery import Deliver


class FindClaims:
    """The job that finds an article's claims with a model and stores them as tickets."""

    kind = jobs.EXTRACT

    def __init__(self, settings: Settings | None = None):
        self.settings = settings  # for matching the new tickets; None: the environment's

    def load(self, session: Session, job: Job) -> tuple[ArticleInput, bool] | None:
        article = session.get(Article, job.article_id)
        # A person asking again means asking the model again, not reading its last answer back.
        return (articles.article_input(article), job.reason != "ingest") if article else None

    def run(self, engine: Engine, loaded: tuple[ArticleInput, bool]) -> Extraction:
        source, fresh = loaded
        return engine.extract(source, fresh=fresh)

    def apply(self, session: Session, job: Job, engine: Engine, result: Extraction) -> None:
        article = session.get(Article, job.article_id)
        actor = session.get(User, job.requested_by_id) if job.requested_by_id else None
        articles.store_extraction(
            session, engine=engine, article=article, extraction=result, actor=actor, settings=self.settings
        )

    def failed(self, session: Session, job: Job, engine: Engine, error: EngineError, next_try: datetime | None) -> None:
        article = session.get(Article, job.article_id)
        if article is None:
            return
        if next_try is not None:
            article.extraction_error = jobs.waiting(error, next_try)[:2000]
            session.add(article)
        else:
            articles.extraction_failed(session, engine=engine, article=article, message=error.message)


def job_handlers(settings: Settings | None = None) -> dict[str, Handler]:
    """What a worker runs, by job kind: an article's claims are found, then each ticket drafted."""
    return {
        handler.kind: handler
        for handler in (FindClaims(settings), DraftTicket(settings), Deliver(settings), SearchTicket(settings))
    }
