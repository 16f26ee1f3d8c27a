"""A worker: takes jobs, does their slow part with no transaction open, and writes the results once,
while it still holds the job's lease.

What a kind of job reads and writes belongs to its domain (finding claims to articles, drafting to
drafts): each registers a ``Task`` (``jobs.tasks``), and the worker only runs the steps in order and
deals with failure the same way for all of them. A worker claims as many ready jobs as it has free threads
(``concurrency``), in one transaction, does each in a thread under its own lease, and renews the
leases while the jobs run.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.core.errors import RetryableError
from factcheck.jobs import service as jobs
from factcheck.jobs.doorbell import DOORBELL, Doorbell, listen
from factcheck.jobs.tasks import Task, Work
from factcheck.models import Job, utcnow

log = logging.getLogger(__name__)


def _id(job: Job) -> int:
    assert job.id is not None, "a claimed job has its id"
    return job.id


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class _Leases:
    """Keeps the leases of the jobs a worker is doing: one thread renews them all every third of
    a lease, so a short lease is safe for a long model call and a job whose worker died is taken
    over within about one lease."""

    def __init__(self, worker: Worker) -> None:
        self.worker = worker
        self.ids: set[int] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._renew, name=f"{worker.name}-leases", daemon=True)

    def __enter__(self) -> _Leases:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def add(self, job_id: int) -> None:
        with self.lock:
            self.ids.add(job_id)

    def discard(self, job_id: int) -> None:
        with self.lock:
            self.ids.discard(job_id)

    def _renew(self) -> None:
        self._beat()
        while not self.stop.wait(self.worker.lease_seconds / 3):
            self._beat()
            with self.lock:
                ids = sorted(self.ids)
            if not ids:
                continue
            try:
                with Session(self.worker.db) as session:
                    jobs.renew_leases(session, ids, self.worker.name, self.worker.lease_seconds)
                    session.commit()
            except sa.exc.SQLAlchemyError:  # the database is away: the next round tries again
                log.warning("worker %s could not renew its leases", self.worker.name, exc_info=True)

    def _beat(self) -> None:
        try:
            with Session(self.worker.db) as session:
                jobs.beat(session, self.worker.name, self.worker.started)
                session.commit()
        except sa.exc.SQLAlchemyError:
            log.warning("worker %s could not record its heartbeat", self.worker.name, exc_info=True)


class Worker:
    def __init__(
        self,
        db: sa.Engine,
        handlers: Mapping[str, Task],
        *,
        concurrency: int = 1,
        lease_seconds: float = 30.0,
        poll_seconds: float = 1.0,
        name: str | None = None,
        max_attempts: int = jobs.MAX_ATTEMPTS,
        backoff_start: float = jobs.BACKOFF_START,
        doorbell: Doorbell = DOORBELL,
        probe_seconds: float = 5.0,
    ) -> None:
        self.db = db
        self.handlers = handlers
        self.concurrency = max(1, concurrency)
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.name = name or worker_name()
        self.max_attempts = max_attempts
        self.backoff_start = backoff_start
        self.doorbell = doorbell
        self.probe_seconds = probe_seconds
        self.started = utcnow()
        # When the dispatch loop last went round (time.monotonic()): a stuck worker stops moving it.
        self.beat: float | None = None

    def run_one(self, group: str | None = None) -> Job | None:
        """Do one ready job (of one group, if given) in this thread: the job done (or given back
        to wait), or None when there was none."""
        with _Leases(self) as leases:
            taken = self._claim(1, group, frozenset())
            for job in taken:
                leases.add(_id(job))
                self._do(job)
        return taken[0] if taken else None

    def run_until_idle(self, limit: int | None = None, group: str | None = None) -> int:
        """Do ready jobs, up to ``concurrency`` at once, until none is ready and none is running
        (a running one may queue more: finding claims queues their drafting), or ``limit`` are
        taken; only one group's jobs if ``group`` is given. Each job is taken once: one that
        fails and waits to try again is left to the workers. How many were taken."""
        return self._dispatch(until_idle=True, limit=limit, group=group)

    def run_forever(self, stop: threading.Event) -> None:
        log.info("worker %s started (%d at a time)", self.name, self.concurrency)
        listener = listen(self.db, stop, self.doorbell)
        prober = threading.Thread(target=self._probe, args=(stop,), name=f"{self.name}-probe", daemon=True)
        prober.start()
        self._dispatch(until_idle=False, stop=stop)
        if listener is not None:
            listener.join(timeout=5)
        prober.join(timeout=5)
        log.info("worker %s stopped", self.name)

    def _probe(self, stop: threading.Event) -> None:
        """While jobs wait out a failing endpoint, ask it cheaply every ``probe_seconds`` whether it
        answers again (a task's ``probe``), and run them as soon as it does instead of at the end
        of their backoff."""
        while not stop.wait(self.probe_seconds):
            try:
                self.probe_once()
            except Exception:  # a probe must never stop the worker
                log.warning("worker %s: probing a waiting endpoint failed", self.name, exc_info=True)

    def probe_once(self) -> int:
        """Probe the endpoints that waiting jobs wait for; how many jobs were brought forward."""
        with Session(self.db) as session:
            kinds = jobs.waiting_for_outside(session)
        back = [k for k in kinds if (probe := getattr(self.handlers.get(k), "probe", None)) is not None and probe()]
        if not back:
            return 0
        with Session(self.db) as session:
            moved = jobs.bring_forward_waiting(session, back)
            session.commit()
        if moved:
            log.info("worker %s: the endpoint answers again; %d waiting jobs run now", self.name, moved)
            self.doorbell.ring()
        return moved

    def _when_done(self, leases: _Leases, job_id: int) -> Callable[[Future[None]], None]:
        def done(_: Future[None]) -> None:
            leases.discard(job_id)
            self.doorbell.ring()  # a finished job may have queued more: look again at once

        return done

    def _dispatch(
        self,
        *,
        until_idle: bool,
        stop: threading.Event | None = None,
        limit: int | None = None,
        group: str | None = None,
    ) -> int:
        """Claim as many ready jobs as there are free threads, in one transaction, and do them in
        a pool; when none is ready, wait to be woken (work queued, a job finished) or to poll."""
        taken: set[int] = set()
        running: set[Future[None]] = set()
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix=self.name) as pool, _Leases(self) as leases:
            while not (stop and stop.is_set()):
                self.beat = time.monotonic()
                seen = self.doorbell.rings()
                running = {f for f in running if not f.done()}
                free = self.concurrency - len(running)
                if limit is not None:
                    free = min(free, limit - len(taken))
                got = self._claim(free, group, frozenset(taken) if until_idle else frozenset()) if free > 0 else []
                for job in got:
                    taken.add(_id(job))
                    leases.add(_id(job))
                    future = pool.submit(self._do, job)
                    future.add_done_callback(self._when_done(leases, _id(job)))
                    running.add(future)
                if got:
                    continue
                if until_idle and not running:
                    break
                self.doorbell.wait(seen, self.poll_seconds)
        return len(taken)

    def _claim(self, limit: int, group: str | None, exclude: frozenset[int]) -> list[Job]:
        try:
            with Session(self.db, expire_on_commit=False) as session:
                return jobs.claim(session, self.name, self.lease_seconds, limit=limit, group=group, exclude=exclude)
        except sa.exc.DBAPIError:  # a database hiccup (a restart, a lock, a schema being migrated): look again later
            log.warning("worker %s could not claim jobs", self.name, exc_info=True)
            return []

    def _do(self, job: Job) -> None:
        task = self.handlers[job.kind]
        try:
            self._run(job, task)
        except Exception as exc:
            # A bug or a database hiccup: it counts as an attempt, so a job that always crashes ends
            # as failed, with its reason on the article or ticket, instead of being retried for ever.
            log.exception("job %s (%s) failed unexpectedly", job.id, job.kind)
            self._fail(job, task, RetryableError(f"internal error: {type(exc).__name__}: {exc}"))

    def _run(self, job: Job, task: Task) -> None:
        work = Work.of(job)
        with Session(self.db, expire_on_commit=False) as session:
            loaded = task.load(session, work)
            started = getattr(task, "started", None)
            if loaded is not None and started is not None:
                started(session, work)  # "waiting for …" is no longer true once it runs
                session.commit()
        if loaded is None:  # the article or ticket is gone: nothing to do
            self._drop(job)
            return
        try:
            result = task.run(loaded)
        except RetryableError as error:
            self._fail(job, task, error)
            return
        with Session(self.db, expire_on_commit=False) as session:
            if not jobs.complete_if_leased(session, job, self.name):
                session.rollback()
                log.warning("job %s: lease lost before its results were written; another worker has it", job.id)
                return
            task.apply(session, work, result)
            session.commit()

    def _fail(self, job: Job, task: Task, error: RetryableError) -> None:
        with Session(self.db, expire_on_commit=False) as session:
            retry = jobs.retry_later(
                session, job, self.name, error, max_attempts=self.max_attempts, backoff_start=self.backoff_start
            )
            if not retry.lease_held:  # the job is someone else's now
                session.rollback()
                return
            log.warning(
                "job %s (%s): %s%s",
                job.id,
                job.kind,
                error.message,
                f"; next try at {retry.next_try:%H:%M:%S}" if retry.next_try else "; gave up",
            )
            task.failed(session, Work.of(job), error, retry.next_try)
            session.commit()

    def _drop(self, job: Job) -> None:
        with Session(self.db) as session:
            jobs.complete_if_leased(session, job, self.name)
            session.commit()


@dataclass
class InProcess:
    """The worker `factcheck serve` runs beside the web app (one per process)."""

    worker: Worker
    thread: threading.Thread
    stop: threading.Event

    def alive(self, stale_after: float) -> bool:
        """Running, and its loop went round within ``stale_after`` seconds."""
        beat = self.worker.beat
        return self.thread.is_alive() and beat is not None and time.monotonic() - beat < stale_after


def start_in_process(
    db: sa.Engine,
    handlers: Mapping[str, Task],
    *,
    concurrency: int,
    lease_seconds: float,
    poll_seconds: float,
    backoff_start: float,
) -> InProcess:
    stop = threading.Event()
    worker = Worker(
        db,
        handlers,
        concurrency=concurrency,
        lease_seconds=lease_seconds,
        poll_seconds=poll_seconds,
        backoff_start=backoff_start,
    )
    thread = threading.Thread(target=worker.run_forever, args=(stop,), name="factcheck-worker", daemon=True)
    thread.start()
    return InProcess(worker, thread, stop)


def stop_in_process(running: InProcess, doorbell: Doorbell = DOORBELL) -> None:
    running.stop.set()
    doorbell.ring()
    # A job cut short here is not lost: its lease runs out and the next worker takes it.
    running.thread.join(timeout=10)
