"""A drafting worker: takes jobs, asks the engine with no transaction open, writes results once."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.audit import service as audit
from factcheck.drafts import service as drafts
from factcheck.engines.base import Engine, EngineError
from factcheck.jobs import service as jobs
from factcheck.models import Article, DraftingStatus, Job, JobStatus, Ticket

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
            ticket = session.get(Ticket, job.ticket_id)
            article = session.get(Article, ticket.article_id) if ticket else None
            context = drafts.claim_context(article, ticket, ticket_id=ticket.id) if ticket else None
        if context is None:  # the ticket is gone: nothing to draft
            with Session(self.db) as session:
                jobs.still_mine(session, job, self.name)
                session.commit()
            return True
        # The model is asked with no transaction open: a slow endpoint holds no lock.
        result = self.engine.draft_many([context])[0]
        with Session(self.db, expire_on_commit=False) as session:
            if isinstance(result, EngineError):
                self._failed(session, job, result)
            else:
                self._finished(session, job, result)
        return True

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
        again = jobs.retry_later(session, job, self.name, message, transient=error.transient,
                                 max_attempts=self.max_attempts, backoff_start=self.backoff_start)
        ticket = session.get(Ticket, job.ticket_id)
        if again:
            ticket.drafting_error = f"waiting to try again: {error.message}"[:2000]
        else:
            status = session.execute(sa.select(Job.status).where(Job.id == job.id)).scalar_one()
            if status != JobStatus.failed:  # the lease was lost: the job is someone else's now
                session.rollback()
                return
            ticket.drafting_status = DraftingStatus.failed
            ticket.drafting_error = message[:2000]
            audit.record(session, actor=None, actor_name=self.engine.name, action="draft.failed",
                         ticket_id=ticket.id, article_id=ticket.article_id, rationale=error.message[:2000])
        session.add(ticket)
        session.commit()
        log.warning("job %s (ticket %s): %s%s", job.id, ticket.id, error.message,
                    "; will try again" if again else "; gave up")

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
            except Exception:  # a bad job or a database hiccup must not kill the worker
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
