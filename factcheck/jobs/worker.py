"""A worker: takes jobs (find an article's claims, draft a ticket), asks the engine with no
transaction open, and writes the results once, while it still holds the job's lease."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.articles import service as articles
from factcheck.audit import service as audit
from factcheck.drafts import service as drafts
from factcheck.engines.base import Engine, EngineError
from factcheck.jobs import service as jobs
from factcheck.models import Article, DraftingStatus, Job, JobStatus, Ticket, User

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    def __init__(self, db: sa.Engine, engine: Engine, *, lease_seconds: float = 300.0,
                 poll_seconds: float = 2.0, name: str | None = None, max_attempts: int = jobs.MAX_ATTEMPTS,
                 backoff_start: float = jobs.BACKOFF_START) -> None:
        self.db = db
        self.max_attempts = max_attempts
        self.backoff_start = backoff_start
        self.engine = engine
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.name = name or worker_name()

    def run_one(self) -> bool:
        """Do one job if one is ready; False when there was nothing to do."""
        with Session(self.db, expire_on_commit=False) as session:
            job = jobs.claim(session, self.name, self.lease_seconds)
        if job is None:
            return False
        try:
            if job.kind == jobs.EXTRACT:
                self._extract(job)
            else:
                self._draft(job)
        except Exception as exc:
            # A bug or a database hiccup: it counts as an attempt, so a job that always crashes ends
            # as failed, with its reason on the article or ticket, instead of being retried for ever.
            log.exception("job %s (%s) failed unexpectedly", job.id, job.kind)
            error = EngineError(f"internal error: {type(exc).__name__}: {exc}")
            if job.kind == jobs.EXTRACT:
                self._extract_failed(job, error)
            else:
                with Session(self.db, expire_on_commit=False) as session:
                    self._failed(session, job, error)
        return True

    def _extract(self, job: Job) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            article = session.get(Article, job.article_id)
            source = articles.article_input(article) if article else None
        if source is None:  # the article is gone: nothing to do
            self._drop(job)
            return
        # As for drafts: the model reads the article with no transaction open.
        try:
            extraction = self.engine.extract(source)
        except EngineError as error:
            self._extract_failed(job, error)
            return
        with Session(self.db, expire_on_commit=False) as session:
            if not jobs.still_mine(session, job, self.name):
                session.rollback()
                log.warning("job %s: lease lost before the claims were written; another worker has it", job.id)
                return
            article = session.get(Article, job.article_id)
            actor = session.get(User, job.requested_by_id) if job.requested_by_id else None
            made = articles.store_extraction(session, engine=self.engine, article=article, extraction=extraction,
                                             actor=actor)
            session.commit()
        log.info("job %s: article %s has %d claims", job.id, job.article_id, len(made))

    def _extract_failed(self, job: Job, error: EngineError) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            again = self._retry(session, job, f"finding claims failed: {error.message}", error)
            if again is None:
                return
            article = session.get(Article, job.article_id)
            if again:
                article.extraction_error = f"waiting to try again: {error.message}"[:2000]
                session.add(article)
            else:
                articles.extraction_failed(session, engine=self.engine, article=article, message=error.message)
            session.commit()

    def _retry(self, session: Session, job: Job, message: str, error: EngineError) -> bool | None:
        """Put the job back or give up; None when the lease was lost (the job is someone else's)."""
        again = jobs.retry_later(session, job, self.name, message, transient=error.transient,
                                 max_attempts=self.max_attempts, backoff_start=self.backoff_start)
        if not again:
            status = session.execute(sa.select(Job.status).where(Job.id == job.id)).scalar_one()
            if status != JobStatus.failed:
                session.rollback()
                return None
        log.warning("job %s: %s%s", job.id, message, "; will try again" if again else "; gave up")
        return again

    def _drop(self, job: Job) -> None:
        with Session(self.db) as session:
            jobs.still_mine(session, job, self.name)
            session.commit()

    def _draft(self, job: Job) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            ticket = session.get(Ticket, job.ticket_id)
            article = session.get(Article, ticket.article_id) if ticket else None
            context = drafts.claim_context(article, ticket, ticket_id=ticket.id) if ticket else None
        if context is None:  # the ticket is gone: nothing to draft
            self._drop(job)
            return
        # The model is asked with no transaction open: a slow endpoint holds no lock.
        result = self.engine.draft_many([context])[0]
        with Session(self.db, expire_on_commit=False) as session:
            if isinstance(result, EngineError):
                self._failed(session, job, result)
            else:
                self._finished(session, job, result)

    def _finished(self, session: Session, job: Job, result) -> None:
        if not jobs.still_mine(session, job, self.name):
            session.rollback()
            log.warning("job %s: lease lost before the drafts were written; another worker has it", job.id)
            return
        ticket = session.get(Ticket, job.ticket_id)
        if job.reason != "ingest":
            removed = drafts.discard_unreviewed(session, ticket=ticket)
            audit.record(session, actor=None, actor_name=self.engine.name, action="redraft", ticket_id=ticket.id,
                         article_id=ticket.article_id, detail={"discarded": removed, "job": job.id})
        drafts.store(session, ticket=ticket, drafts=result)
        session.commit()

    def _failed(self, session: Session, job: Job, error: EngineError) -> None:
        message = f"drafting failed: {error.message}"
        again = self._retry(session, job, message, error)
        if again is None:
            return
        ticket = session.get(Ticket, job.ticket_id)
        if again:
            ticket.drafting_error = f"waiting to try again: {error.message}"[:2000]
        else:
            ticket.drafting_status = DraftingStatus.failed
            ticket.drafting_error = message[:2000]
            audit.record(session, actor=None, actor_name=self.engine.name, action="draft.failed",
                         ticket_id=ticket.id, article_id=ticket.article_id, rationale=error.message[:2000])
        session.add(ticket)
        session.commit()

    def run_until_idle(self, limit: int | None = None) -> int:
        """Do ready jobs until none is left (or ``limit`` are done); how many were done."""
        done = 0
        while (limit is None or done < limit) and self.run_one():
            done += 1
        return done

    def run_forever(self, stop: threading.Event) -> None:
        log.info("worker %s started", self.name)
        while not stop.is_set():
            try:
                busy = self.run_one()
            except Exception:  # a database hiccup must not kill the worker
                log.exception("worker %s: job failed unexpectedly", self.name)
                busy = False
            if not busy:
                jobs.work_available.wait(self.poll_seconds)
                jobs.work_available.clear()
        log.info("worker %s stopped", self.name)


def start_in_process(db: sa.Engine, engine: Engine, *, lease_seconds: float, poll_seconds: float
                     ) -> tuple[threading.Thread, threading.Event]:
    """The worker `factcheck serve` runs beside the web app (one per process)."""
    stop = threading.Event()
    worker = Worker(db, engine, lease_seconds=lease_seconds, poll_seconds=poll_seconds)
    thread = threading.Thread(target=worker.run_forever, args=(stop,), name="factcheck-worker", daemon=True)
    thread.start()
    return thread, stop
