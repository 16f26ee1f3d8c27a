"""A worker: takes jobs, asks the engine with no transaction open, and writes the results once,
while it still holds the job's lease.

What a kind of job reads and writes belongs to its domain (finding claims to articles, drafting to
drafts): each supplies a ``Handler``, and the worker only runs the steps in order and deals with
failure the same way for all of them.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Mapping
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.engines.base import Engine, EngineError
from factcheck.jobs import service as jobs
from factcheck.models import Job, JobStatus

log = logging.getLogger(__name__)


class Handler(Protocol):
    """One kind of job."""

    kind: str

    def load(self, session: Session, job: Job) -> Any | None:
        """What the engine needs, read before the call; None when the subject is gone."""

    def run(self, engine: Engine, loaded: Any) -> Any:
        """The slow part, with no transaction open; raises EngineError when it cannot be done."""

    def apply(self, session: Session, job: Job, engine: Engine, result: Any) -> None:
        """Write the result, in the transaction that marks the job done under its lease."""

    def failed(self, session: Session, job: Job, engine: Engine, error: EngineError, *, retrying: bool) -> None:
        """Say on the job's subject why it waits (``retrying``) or why it gave up."""


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    def __init__(self, db: sa.Engine, engine: Engine, handlers: Mapping[str, Handler], *,
                 lease_seconds: float = 300.0, poll_seconds: float = 2.0, name: str | None = None,
                 max_attempts: int = jobs.MAX_ATTEMPTS, backoff_start: float = jobs.BACKOFF_START) -> None:
        self.db = db
        self.engine = engine
        self.handlers = handlers
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.name = name or worker_name()
        self.max_attempts = max_attempts
        self.backoff_start = backoff_start

    def run_one(self) -> bool:
        """Do one job if one is ready; False when there was nothing to do."""
        with Session(self.db, expire_on_commit=False) as session:
            job = jobs.claim(session, self.name, self.lease_seconds)
        if job is None:
            return False
        handler = self.handlers[job.kind]
        try:
            self._run(job, handler)
        except Exception as exc:
            # A bug or a database hiccup: it counts as an attempt, so a job that always crashes ends
            # as failed, with its reason on the article or ticket, instead of being retried for ever.
            log.exception("job %s (%s) failed unexpectedly", job.id, job.kind)
            self._fail(job, handler, EngineError(f"internal error: {type(exc).__name__}: {exc}"))
        return True

    def _run(self, job: Job, handler: Handler) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            loaded = handler.load(session, job)
        if loaded is None:  # the article or ticket is gone: nothing to do
            self._drop(job)
            return
        try:
            result = handler.run(self.engine, loaded)
        except EngineError as error:
            self._fail(job, handler, error)
            return
        with Session(self.db, expire_on_commit=False) as session:
            if not jobs.complete_if_leased(session, job, self.name):
                session.rollback()
                log.warning("job %s: lease lost before its results were written; another worker has it", job.id)
                return
            handler.apply(session, job, self.engine, result)
            session.commit()

    def _fail(self, job: Job, handler: Handler, error: EngineError) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            again = jobs.retry_later(session, job, self.name, error.message, transient=error.transient,
                                     max_attempts=self.max_attempts, backoff_start=self.backoff_start)
            if not again:
                status = session.execute(sa.select(Job.status).where(Job.id == job.id)).scalar_one()
                if status != JobStatus.failed:  # the lease was lost: the job is someone else's now
                    session.rollback()
                    return
            log.warning("job %s (%s): %s%s", job.id, job.kind, error.message,
                        "; will try again" if again else "; gave up")
            handler.failed(session, job, self.engine, error, retrying=again)
            session.commit()

    def _drop(self, job: Job) -> None:
        with Session(self.db) as session:
            jobs.complete_if_leased(session, job, self.name)
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


def start_in_process(db: sa.Engine, engine: Engine, handlers: Mapping[str, Handler], *, lease_seconds: float,
                     poll_seconds: float) -> tuple[threading.Thread, threading.Event]:
    """The worker `factcheck serve` runs beside the web app (one per process)."""
    stop = threading.Event()
    worker = Worker(db, engine, handlers, lease_seconds=lease_seconds, poll_seconds=poll_seconds)
    thread = threading.Thread(target=worker.run_forever, args=(stop,), name="factcheck-worker", daemon=True)
    thread.start()
    return thread, stop
