"""Durable jobs: queued in the database, taken under a lease, finished exactly once. The queue knows
no domain: what a job does is the task its kind names (``jobs.tasks``), registered by the domains.

The queue is a table rather than a library: the well-kept Python job queues want Redis or a
broker, or support PostgreSQL only, and this one must run on a SQLite file with no set-up as well
as on PostgreSQL shared by several machines. It is small on purpose:

* ``claim`` takes one ready job with a conditional UPDATE (status and lease checked in the WHERE
  clause), so two workers can never both hold it. On PostgreSQL the candidate is found with
  ``FOR UPDATE SKIP LOCKED`` so workers do not queue up behind each other's row locks. On SQLite,
  writers are serialised by the database itself; one worker per database file is enough there
  (and is what ``factcheck serve`` runs).
* ``complete_if_leased`` marks the job done in the same transaction that writes its results, and
  succeeds only while the worker still holds the lease. A worker that stalled past its lease finds
  the job taken and writes nothing, so results land once.
* A worker renews the leases of the jobs it is running (``renew_lease``); one that dies (kill -9,
  power cut) stops renewing, and when the lease expires any worker takes the job again.
* A job that fails waits before its next try (``retry_later``): failures of the endpoint back
  off exponentially and never use up the attempts; bad answers get a few attempts.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, func, select

from factcheck.core.backoff import backoff_seconds
from factcheck.core.db import rowcount
from factcheck.core.errors import RetryableError
from factcheck.jobs.doorbell import queued
from factcheck.models import Job, JobStatus, WorkerBeat, as_utc, utcnow
from factcheck.models.columns import table_of

# The queue's statements are written against the tables (typed columns; no ORM bookkeeping).
JOBS, BEATS = table_of(Job), table_of(WorkerBeat)
J, B = JOBS.c, BEATS.c

# A worker renews its heartbeat every third of a lease; one unseen for this long has stopped.
BEAT_FORGOTTEN = timedelta(days=1)

log = logging.getLogger(__name__)

# Failures of the answer (not of the endpoint) are tried this many times before a person is asked.
MAX_ATTEMPTS = 3
# Waits between tries: 2 s, 4 s, 8 s … up to 5 minutes while an endpoint is down (core.backoff).
BACKOFF_START = 2.0
LIVE = (JobStatus.queued, JobStatus.running)


def enqueue(
    session: Session,
    kind: str,
    *,
    subject_id: int | None = None,
    group: str | None = None,
    payload: dict[str, Any] | None = None,
    dedupe: str | None = None,
    reason: str = "ingest",
    requested_by_id: int | None = None,
) -> Job | None:
    """Queue a job; woken workers see it once the session commits. With ``dedupe``, a job of that
    key already waiting is done now instead (a person asked for it again), and None is returned."""
    if dedupe is not None:
        waiting = list(session.exec(select(J.id).where(J.dedupe_key == dedupe, J.status.in_(LIVE))))
        if waiting:
            _bring_forward(session, waiting, reason)
            return None
    job = Job(
        kind=kind,
        subject_id=subject_id,
        group_key=group,
        payload=json.dumps(payload) if payload else None,
        dedupe_key=dedupe,
        reason=reason,
        requested_by_id=requested_by_id,
    )
    session.add(job)
    session.flush()
    queued(session)
    return job


def _bring_forward(session: Session, waiting: list[int], reason: str) -> None:
    """A person asked for work that is already queued (waiting out a backoff, say): do it now."""
    if waiting:
        session.execute(
            sa.update(JOBS)
            .where(J.id.in_(waiting), J.status == JobStatus.queued)
            .values(run_after=utcnow(), reason=reason)
            .execution_options(synchronize_session=False)
        )
        queued(session)


def live(session: Session, kind: str, subject_ids: list[int]) -> set[int]:
    """Which of these subjects have a job of ``kind`` waiting or running."""
    if not subject_ids:
        return set()
    return set(
        session.exec(select(J.subject_id).where(J.kind == kind, J.subject_id.in_(subject_ids), J.status.in_(LIVE)))
    )


def running(session: Session, kind: str, subject_id: int) -> bool:
    """Whether a worker holds a job of ``kind`` on this subject right now."""
    return (
        session.exec(
            select(J.id).where(J.kind == kind, J.subject_id == subject_id, J.status == JobStatus.running)
        ).first()
        is not None
    )


def latest(session: Session, kind: str, subject_id: int) -> Job | None:
    """The latest job of ``kind`` on the subject: why it waits, and when it tries next."""
    return session.exec(
        select(Job).where(J.kind == kind, J.subject_id == subject_id).order_by(J.id.desc()).limit(1)
    ).first()


def next_try(session: Session, group: str) -> datetime | None:
    """When the next of a group's queued jobs runs (None when none is queued)."""
    first: datetime | None = session.exec(
        select(func.min(J.run_after)).where(J.group_key == group, J.status == JobStatus.queued)
    ).one()
    return as_utc(first)


def cancel(session: Session, kind: str, subject_ids: list[int]) -> int:
    """Forget the waiting jobs of ``kind`` on these subjects (their subject is being removed)."""
    if not subject_ids:
        return 0
    return rowcount(
        session.execute(
            sa.delete(JOBS)
            .where(J.kind == kind, J.subject_id.in_(subject_ids))
            .execution_options(synchronize_session=False)
        )
    )


def claim(
    session: Session,
    worker: str,
    lease_seconds: float,
    *,
    limit: int = 1,
    group: str | None = None,
    exclude: frozenset[int] = frozenset(),
    now: datetime | None = None,
) -> list[Job]:
    """Take up to ``limit`` of the oldest ready jobs (of one group, if given; none of
    ``exclude``) for ``worker``, in one committed statement.

    One statement, WITH picked AS (SELECT … LIMIT n) UPDATE … FROM picked RETURNING id: it takes
    the write lock from its start (a read that later writes fails at once on SQLite when another
    worker committed in between); on PostgreSQL the SELECT skips rows other workers are claiming,
    and being a CTE it runs once (as a subquery in IN (…) PostgreSQL may run it again per row and
    take more than n jobs).
    """
    now = now or utcnow()
    ready = sa.or_(
        sa.and_(J.status == JobStatus.queued, J.run_after <= now),
        # A running job whose lease ran out: its worker died or stalled.
        sa.and_(J.status == JobStatus.running, J.lease_expires_at < now),
    )
    if group is not None:
        ready = sa.and_(ready, J.group_key == group)
    if exclude:
        ready = sa.and_(ready, J.id.notin_(exclude))
    candidates = sa.select(J.id).where(ready).order_by(J.run_after, J.id).limit(max(1, limit))
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    picked = candidates.cte("picked")
    ids = list(
        session.execute(
            sa.update(JOBS)
            .where(J.id == picked.c.id, ready)
            .values(
                status=JobStatus.running,
                lease_owner=worker,
                attempts=J.attempts + 1,
                lease_expires_at=now + timedelta(seconds=lease_seconds),
                updated_at=now,
            )
            .returning(J.id)
            .execution_options(synchronize_session=False)
        ).scalars()
    )
    session.commit()
    if not ids:
        return []
    return list(session.exec(select(Job).where(J.id.in_(ids)).order_by(J.run_after, J.id)))


def _held_by(job: Job, worker: str) -> sa.ColumnElement[bool]:
    return sa.and_(J.id == job.id, J.status == JobStatus.running, J.lease_owner == worker)


def renew_leases(session: Session, job_ids: list[int], worker: str, lease_seconds: float) -> int:
    """Push the leases' end out while the work goes on (only those still ``worker``'s); how many."""
    now = utcnow()
    return rowcount(
        session.execute(
            sa.update(JOBS)
            .where(
                J.id.in_(job_ids),
                J.status == JobStatus.running,
                J.lease_owner == worker,
                J.lease_expires_at >= now,
            )
            .values(lease_expires_at=now + timedelta(seconds=lease_seconds))
            .execution_options(synchronize_session=False)
        )
    )


def complete_if_leased(session: Session, job: Job, worker: str) -> bool:
    """Mark the job done if ``worker`` still holds its lease; part of the caller's transaction.

    The caller writes the job's results in the same transaction and commits only when this
    returns True, so results and "done" land together, once.
    """
    now = utcnow()
    return (
        rowcount(
            session.execute(
                sa.update(JOBS)
                .where(_held_by(job, worker), J.lease_expires_at >= now)
                .values(status=JobStatus.done, finished_at=now, updated_at=now, last_error=None)
                .execution_options(synchronize_session=False)
            )
        )
        == 1
    )


WAITING = "waiting "  # how every waiting message begins (a running job clears it)


def waiting(error: RetryableError, next_try: datetime, *, waiting_for: str = "the model endpoint") -> str:
    """What a waiting subject says: until when, and why."""
    when = f"{next_try.astimezone(UTC):%H:%M:%S} UTC"
    if error.transient:
        return f"waiting for {waiting_for} until {when} ({error.message})"
    return f"waiting to try again at {when}: {error.message}"


@dataclass(frozen=True)
class Retry:
    """What ``retry_later`` decided: the job runs again at ``next_try``, or (None) it gave up;
    ``lease_held`` False means another worker has the job and nothing was changed."""

    lease_held: bool
    next_try: datetime | None = None


def retry_later(
    session: Session,
    job: Job,
    worker: str,
    error: RetryableError,
    *,
    max_attempts: int = MAX_ATTEMPTS,
    backoff_start: float = BACKOFF_START,
) -> Retry:
    """Put the job back to wait for its next try, or give up on it.

    Failures of the endpoint (unreachable, timed out, overloaded, rate-limited) never use up the
    attempts: the job waits for the endpoint however long it is down, each wait longer than the
    last (counted across tries), and never shorter than the endpoint's Retry-After. Failures of
    the answer get ``max_attempts`` tries, then a person is asked.
    """
    now = utcnow()
    gives_up = not error.transient and job.attempts >= max_attempts
    values = {"last_error": error.message[:2000], "updated_at": now, "lease_owner": None, "lease_expires_at": None}
    next_try = None
    if gives_up:
        values.update(status=JobStatus.failed, finished_at=now)
    else:
        if error.transient:
            failures = job.transient_failures + 1
            # Not the answer's fault: keep the attempts for answers.
            values.update(attempts=J.attempts - 1, transient_failures=failures)
        else:
            failures = job.attempts
        wait = backoff_seconds(failures, start=backoff_start, retry_after=error.retry_after)
        next_try = now + timedelta(seconds=wait)
        values.update(status=JobStatus.queued, run_after=next_try)
    held = (
        rowcount(
            session.execute(
                sa.update(JOBS)
                .where(_held_by(job, worker))
                .values(**values)
                .execution_options(synchronize_session=False)
            )
        )
        == 1
    )
    return Retry(held, next_try if held else None)


def waiting_for_outside(session: Session) -> list[str]:
    """The kinds of queued jobs that wait out a failure outside (an endpoint down) for later."""
    stmt = (
        select(J.kind).where(J.status == JobStatus.queued, J.transient_failures > 0, J.run_after > utcnow()).distinct()
    )
    return list(session.exec(stmt))


def bring_forward_waiting(session: Session, kinds: list[str]) -> int:
    """What was waiting out an outside failure runs now: the outside answers again."""
    moved = rowcount(
        session.execute(
            sa.update(JOBS)
            .where(J.kind.in_(kinds), J.status == JobStatus.queued, J.transient_failures > 0, J.run_after > utcnow())
            .values(run_after=utcnow())
            .execution_options(synchronize_session=False)
        )
    )
    if moved:
        queued(session)
    return moved


def group_counts(session: Session, group: str) -> dict[str, int]:
    """One group's jobs by status (done, failed, queued, running)."""
    stmt = select(J.status, func.count()).where(J.group_key == group).group_by(J.status)
    rows: dict[str, int] = dict(session.exec(stmt).all())
    return {s.value: rows.get(s.value, 0) for s in JobStatus}


def counts(session: Session) -> dict[str, int]:
    rows: dict[str, int] = dict(session.exec(select(J.status, func.count()).group_by(J.status)).all())
    return {s.value: rows.get(s.value, 0) for s in JobStatus}


def beat(session: Session, name: str, started: datetime) -> None:
    """Record that worker ``name`` is alive now (and forget workers gone for a day)."""
    now = utcnow()
    updated = session.execute(sa.update(BEATS).where(B.name == name).values(seen_at=now))
    if rowcount(updated) == 0:
        session.add(WorkerBeat(name=name, started_at=started, seen_at=now))
    session.execute(sa.delete(BEATS).where(B.seen_at < now - BEAT_FORGOTTEN))


def workers_seen(session: Session, within: timedelta) -> list[WorkerBeat]:
    """The workers that gave a sign of life within ``within``, most recent first."""
    return list(session.exec(select(WorkerBeat).where(B.seen_at >= utcnow() - within).order_by(B.seen_at.desc())))


def ready_jobs_waiting(session: Session, older_than: timedelta) -> int:
    """Queued jobs that could have run for ``older_than`` already: work no worker is taking."""
    return session.exec(
        select(func.count()).select_from(Job).where(J.status == JobStatus.queued, J.run_after <= utcnow() - older_than)
    ).one()
