"""A worker: takes jobs, asks the engine with no transaction open, and writes the results once,
while it still holds the job's lease.

What a kind of job reads and writes belongs to its domain (finding claims to articles, drafting to
drafts): each supplies a ``Handler``, and the worker only runs the steps in order and deals with
failure the same way for all of them. A worker runs up to ``concurrency`` jobs at once, each in
its own thread under its own lease, renewed while the job runs.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.engines.base import Engine, EngineError
from factcheck.jobs import service as jobs
from factcheck.jobs.doorbell import DOORBELL, Doorbell, listen
from factcheck.models import Job

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

    def failed(self, session: Session, job: Job, engine: Engine, error: EngineError,
               next_try: datetime | None) -> None:
        """Say on the job's subject why it waits until ``next_try``, or (None) why it gave up."""


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    def __init__(self, db: sa.Engine, engine: Engine, handlers: Mapping[str, Handler], *, concurrency: int = 1,
                 lease_seconds: float = 30.0, poll_seconds: float = 1.0, name: str | None = None,
                 max_attempts: int = jobs.MAX_ATTEMPTS, backoff_start: float = jobs.BACKOFF_START,
                 doorbell: Doorbell = DOORBELL) -> None:
        self.db = db
        self.engine = engine
        self.handlers = handlers
        self.concurrency = max(1, concurrency)
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.name = name or worker_name()
        self.max_attempts = max_attempts
        self.backoff_start = backoff_start
        self.doorbell = doorbell

    def run_one(self, article_id: int | None = None, exclude: frozenset[int] = frozenset()) -> Job | None:
        """Do one ready job (of one article, if given; none of ``exclude``) in this thread: the job
        done (or given back to wait), or None when there was none."""
        job = self._take(article_id, exclude)
        if job is not None:
            self._do(job)
        return job

    def _take(self, article_id: int | None, exclude: frozenset[int]) -> Job | None:
        with Session(self.db, expire_on_commit=False) as session:
            return jobs.claim(session, self.name, self.lease_seconds, article_id=article_id, exclude=exclude)

    def _do(self, job: Job) -> None:
        handler = self.handlers[job.kind]
        try:
            self._run(job, handler)
        except Exception as exc:
            # A bug or a database hiccup: it counts as an attempt, so a job that always crashes ends
            # as failed, with its reason on the article or ticket, instead of being retried for ever.
            log.exception("job %s (%s) failed unexpectedly", job.id, job.kind)
            self._fail(job, handler, EngineError(f"internal error: {type(exc).__name__}: {exc}"))

    def _run(self, job: Job, handler: Handler) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            loaded = handler.load(session, job)
        if loaded is None:  # the article or ticket is gone: nothing to do
            self._drop(job)
            return
        try:
            with self._renewing(job):
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

    @contextmanager
    def _renewing(self, job: Job) -> Iterator[None]:
        """Keep the lease while the job runs: a short lease is then safe for a long model call,
        and a job whose worker died is taken over within about one lease."""
        done = threading.Event()

        def renew() -> None:
            while not done.wait(self.lease_seconds / 3):
                with Session(self.db) as session:
                    held = jobs.renew_lease(session, job, self.name, self.lease_seconds)
                    session.commit()
                if not held:
                    return

        renewer = threading.Thread(target=renew, name=f"lease-{job.id}", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            done.set()
            renewer.join()

    def _fail(self, job: Job, handler: Handler, error: EngineError) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            retry = jobs.retry_later(session, job, self.name, error, max_attempts=self.max_attempts,
                                     backoff_start=self.backoff_start)
            if not retry.lease_held:  # the job is someone else's now
                session.rollback()
                return
            log.warning("job %s (%s): %s%s", job.id, job.kind, error.message,
                        f"; next try at {retry.next_try:%H:%M:%S}" if retry.next_try else "; gave up")
            handler.failed(session, job, self.engine, error, retry.next_try)
            session.commit()

    def _drop(self, job: Job) -> None:
        with Session(self.db) as session:
            jobs.complete_if_leased(session, job, self.name)
            session.commit()

    def run_until_idle(self, limit: int | None = None, article_id: int | None = None) -> int:
        """Do ready jobs, up to ``concurrency`` at once, until none is ready and none is running
        (a running one may queue more: finding claims queues their drafting), or ``limit`` are
        taken; only one article's jobs if ``article_id`` is given. Each job is taken once: one that
        fails and waits to try again is left to the workers. How many were taken."""
        state = {"taken": 0, "running": 0, "finished": 0}
        taken: set[int] = set()
        cond = threading.Condition()

        def take_turn() -> bool:
            with cond:
                if limit is not None and state["taken"] >= limit:
                    return False
                state["taken"] += 1  # this thread's claim on the limit, given back if it finds nothing
                finished, exclude = state["finished"], frozenset(taken)
            job = self._take(article_id, exclude)
            with cond:
                if job is None:
                    state["taken"] -= 1
                    if state["finished"] != finished:
                        return True  # a job finished meanwhile and may have queued more: look again
                    if state["running"] == 0:
                        return False
                    cond.wait()  # until a running job finishes
                    return True
                taken.add(job.id)
                state["running"] += 1
            try:
                self._do(job)
            finally:
                with cond:
                    state["running"] -= 1
                    state["finished"] += 1
                    cond.notify_all()
            return True

        def loop() -> None:
            while take_turn():
                pass

        self._in_threads(loop)
        return state["taken"]

    def run_forever(self, stop: threading.Event) -> None:
        log.info("worker %s started (%d at a time)", self.name, self.concurrency)
        listener = listen(self.db, stop, self.doorbell)

        def loop() -> None:
            while not stop.is_set():
                seen = self.doorbell.rings()
                try:
                    busy = self.run_one()
                except Exception:  # a database hiccup must not kill the worker
                    log.exception("worker %s: job failed unexpectedly", self.name)
                    busy = False
                if not busy:
                    self.doorbell.wait(seen, self.poll_seconds)

        self._in_threads(loop)
        if listener is not None:
            listener.join(timeout=5)
        log.info("worker %s stopped", self.name)

    def _in_threads(self, loop) -> None:
        if self.concurrency == 1:
            loop()
            return
        threads = [threading.Thread(target=loop, name=f"{self.name}-{i}", daemon=True)
                   for i in range(self.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def start_in_process(db: sa.Engine, engine: Engine, handlers: Mapping[str, Handler], *, concurrency: int,
                     lease_seconds: float, poll_seconds: float) -> tuple[threading.Thread, threading.Event]:
    """The worker `factcheck serve` runs beside the web app (one per process)."""
    stop = threading.Event()
    worker = Worker(db, engine, handlers, concurrency=concurrency, lease_seconds=lease_seconds,
                    poll_seconds=poll_seconds)
    thread = threading.Thread(target=worker.run_forever, args=(stop,), name="factcheck-worker", daemon=True)
    thread.start()
    return thread, stop


def stop_in_process(thread: threading.Thread, stop: threading.Event, doorbell: Doorbell = DOORBELL) -> None:
    stop.set()
    doorbell.ring()
    # A job cut short here is not lost: its lease runs out and the next worker takes it.
    thread.join(timeout=10)
