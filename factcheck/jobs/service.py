"""Durable jobs (finding an article's claims, drafting a ticket): queued in the database, taken
under a lease, finished exactly once.

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

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, func, select

from factcheck.auth.permissions import Actor
from factcheck.core.backoff import backoff_seconds
from factcheck.engines.base import EngineError
from factcheck.jobs.doorbell import queued
from factcheck.jobs.schemas import Progress
from factcheck.models import (
    Article,
    DraftingStatus,
    ExtractionStatus,
    Job,
    JobStatus,
    Ticket,
    WorkerBeat,
    as_utc,
    utcnow,
)

# A worker renews its heartbeat every third of a lease; one unseen for this long has stopped.
BEAT_FORGOTTEN = timedelta(days=1)

log = logging.getLogger(__name__)

EXTRACT = "extract"
DRAFT = "draft"
# Failures of the answer (not of the endpoint) are tried this many times before a person is asked.
MAX_ATTEMPTS = 3
# Waits between tries: 2 s, 4 s, 8 s … up to 5 minutes while an endpoint is down (core.backoff).
BACKOFF_START = 2.0


def _bring_forward(session: Session, waiting: list[int], reason: str) -> None:
    """A person asked for work that is already queued (waiting out a backoff, say): do it now."""
    if waiting:
        session.execute(
            sa.update(Job)
            .where(Job.id.in_(waiting), Job.status == JobStatus.queued)
            .values(run_after=utcnow(), reason=reason)
            .execution_options(synchronize_session=False)
        )
        queued(session)


def enqueue_extraction(session: Session, article: Article, *, reason: str, actor: Actor | None) -> Job | None:
    """Queue finding the article's claims (or, when that is already queued, do it now) and mark the
    article pending."""
    article.extraction_status = ExtractionStatus.pending
    article.extraction_error = None
    session.add(article)
    waiting = list(
        session.exec(
            select(Job.id).where(
                Job.article_id == article.id, Job.kind == EXTRACT, Job.status.in_([JobStatus.queued, JobStatus.running])
            )
        )
    )
    if waiting:
        _bring_forward(session, waiting, reason)
        return None
    job = Job(kind=EXTRACT, article_id=article.id, reason=reason, requested_by_id=actor.id if actor else None)
    session.add(job)
    session.flush()
    queued(session)
    return job


def enqueue_drafting(session: Session, tickets: list[Ticket], *, reason: str, actor: Actor | None) -> list[Job]:
    """Queue a drafting job per ticket (one already queued is done now instead) and mark them pending."""
    rows = session.exec(
        select(Job.id, Job.ticket_id).where(
            Job.ticket_id.in_([t.id for t in tickets]),
            Job.kind == DRAFT,
            Job.status.in_([JobStatus.queued, JobStatus.running]),
        )
    ).all()
    waiting = {ticket_id for _, ticket_id in rows}
    _bring_forward(session, [job_id for job_id, _ in rows], reason)
    jobs = []
    for ticket in tickets:
        ticket.drafting_status = DraftingStatus.pending
        ticket.drafting_error = None
        session.add(ticket)
        if ticket.id in waiting:
            continue
        job = Job(
            kind=DRAFT,
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            reason=reason,
            requested_by_id=actor.id if actor else None,
        )
        session.add(job)
        jobs.append(job)
    session.flush()
    if jobs:
        queued(session)
    return jobs


def claim(
    session: Session,
    worker: str,
    lease_seconds: float,
    *,
    limit: int = 1,
    article_id: int | None = None,
    exclude: frozenset[int] = frozenset(),
    now: datetime | None = None,
) -> list[Job]:
    """Take up to ``limit`` of the oldest ready jobs (of one article, if given; none of
    ``exclude``) for ``worker``, in one committed statement.

    One statement, WITH picked AS (SELECT … LIMIT n) UPDATE … FROM picked RETURNING id: it takes
    the write lock from its start (a read that later writes fails at once on SQLite when another
    worker committed in between); on PostgreSQL the SELECT skips rows other workers are claiming,
    and being a CTE it runs once (as a subquery in IN (…) PostgreSQL may run it again per row and
    take more than n jobs).
    """
    now = now or utcnow()
    ready = sa.or_(
        sa.and_(Job.status == JobStatus.queued, Job.run_after <= now),
        # A running job whose lease ran out: its worker died or stalled.
        sa.and_(Job.status == JobStatus.running, Job.lease_expires_at < now),
    )
    if article_id is not None:
        ready = sa.and_(ready, Job.article_id == article_id)
    if exclude:
        ready = sa.and_(ready, Job.id.notin_(exclude))
    candidates = sa.select(Job.id).where(ready).order_by(Job.run_after, Job.id).limit(max(1, limit))
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    picked = candidates.cte("picked")
    ids = list(
        session.execute(
            sa.update(Job)
            .where(Job.id == picked.c.id, ready)
            .values(
                status=JobStatus.running,
                lease_owner=worker,
                attempts=Job.attempts + 1,
                lease_expires_at=now + timedelta(seconds=lease_seconds),
                updated_at=now,
            )
            .returning(Job.id)
            .execution_options(synchronize_session=False)
        ).scalars()
    )
    session.commit()
    if not ids:
        return []
    return list(session.exec(select(Job).where(Job.id.in_(ids)).order_by(Job.run_after, Job.id)))


def _held_by(job: Job, worker: str):
    return sa.and_(Job.id == job.id, Job.status == JobStatus.running, Job.lease_owner == worker)


def renew_leases(session: Session, job_ids: list[int], worker: str, lease_seconds: float) -> int:
    """Push the leases' end out while the work goes on (only those still ``worker``'s); how many."""
    now = utcnow()
    return session.execute(
        sa.update(Job)
        .where(
            Job.id.in_(job_ids), Job.status == JobStatus.running, Job.lease_owner == worker, Job.lease_expires_at >= now
        )
        .values(lease_expires_at=now + timedelta(seconds=lease_seconds))
        .execution_options(synchronize_session=False)
    ).rowcount


def complete_if_leased(session: Session, job: Job, worker: str) -> bool:
    """Mark the job done if ``worker`` still holds its lease; part of the caller's transaction.

    The caller writes the job's results in the same transaction and commits only when this
    returns True, so results and "done" land together, once.
    """
    now = utcnow()
    return (
        session.execute(
            sa.update(Job)
            .where(_held_by(job, worker), Job.lease_expires_at >= now)
            .values(status=JobStatus.done, finished_at=now, updated_at=now, last_error=None)
            .execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )


def waiting(error: EngineError, next_try: datetime) -> str:
    """What a waiting article or ticket says: until when, and why."""
    when = f"{next_try.astimezone(UTC):%H:%M:%S} UTC"
    if error.transient:
        return f"waiting for the model endpoint until {when} ({error.message})"
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
    error: EngineError,
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
            values.update(attempts=Job.attempts - 1, transient_failures=failures)
        else:
            failures = job.attempts
        wait = backoff_seconds(failures, start=backoff_start, retry_after=error.retry_after)
        next_try = now + timedelta(seconds=wait)
        values.update(status=JobStatus.queued, run_after=next_try)
    held = (
        session.execute(
            sa.update(Job).where(_held_by(job, worker)).values(**values).execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )
    return Retry(held, next_try if held else None)


def article_progress(session: Session, article: Article) -> Progress:
    rows = dict(
        session.exec(
            select(Ticket.drafting_status, func.count())
            .where(Ticket.article_id == article.id)
            .group_by(Ticket.drafting_status)
        ).all()
    )
    return Progress(
        total=sum(rows.values()),
        pending=rows.get(DraftingStatus.pending, 0),
        failed=rows.get(DraftingStatus.failed, 0),
        extraction=article.extraction_status,
        extraction_error=article.extraction_error,
    )


def extraction_running(session: Session, article_id: int) -> bool:
    """Whether a worker holds an extraction job of this article right now."""
    return (
        session.exec(
            select(Job.id).where(Job.article_id == article_id, Job.kind == EXTRACT, Job.status == JobStatus.running)
        ).first()
        is not None
    )


def latest_extraction(session: Session, article_id: int) -> Job | None:
    return session.exec(
        select(Job).where(Job.article_id == article_id, Job.kind == EXTRACT).order_by(Job.id.desc()).limit(1)
    ).first()


def latest_for(session: Session, ticket_id: int) -> Job | None:
    """The ticket's latest drafting job: why it is waiting, and when it tries next."""
    return session.exec(
        select(Job).where(Job.ticket_id == ticket_id, Job.kind == DRAFT).order_by(Job.id.desc()).limit(1)
    ).first()


def next_try(session: Session, article_id: int) -> datetime | None:
    """When the next of an article's queued jobs runs (None when none is queued)."""
    return as_utc(
        session.exec(
            select(func.min(Job.run_after)).where(Job.article_id == article_id, Job.status == JobStatus.queued)
        ).one()
    )


def counts(session: Session) -> dict[str, int]:
    rows = dict(session.exec(select(Job.status, func.count()).group_by(Job.status)).all())
    return {s.value: rows.get(s.value, 0) for s in JobStatus}


def beat(session: Session, name: str, started: datetime) -> None:
    """Record that worker ``name`` is alive now (and forget workers gone for a day)."""
    now = utcnow()
    updated = session.execute(sa.update(WorkerBeat).where(WorkerBeat.name == name).values(seen_at=now))
    if updated.rowcount == 0:
        session.add(WorkerBeat(name=name, started_at=started, seen_at=now))
    session.execute(sa.delete(WorkerBeat).where(WorkerBeat.seen_at < now - BEAT_FORGOTTEN))


def workers_seen(session: Session, within: timedelta) -> list[WorkerBeat]:
    """The workers that gave a sign of life within ``within``, most recent first."""
    return list(
        session.exec(
            select(WorkerBeat).where(WorkerBeat.seen_at >= utcnow() - within).order_by(WorkerBeat.seen_at.desc())
        )
    )


def ready_jobs_waiting(session: Session, older_than: timedelta) -> int:
    """Queued jobs that could have run for ``older_than`` already: work no worker is taking."""
    return session.exec(
        select(func.count())
        .select_from(Job)
        .where(Job.status == JobStatus.queued, Job.run_after <= utcnow() - older_than)
    ).one()
