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
* ``finish`` writes the job's results in the same transaction as an UPDATE that succeeds only
  while the worker still holds the lease. A worker that stalled past its lease finds the job taken
  and writes nothing, so results land once.
* A worker that dies (kill -9, power cut) simply stops renewing: when the lease expires, any
  worker takes the job again.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, func, select

from factcheck.jobs.schemas import Progress
from factcheck.auth.permissions import Actor
from factcheck.models import Article, DraftingStatus, ExtractionStatus, Job, JobStatus, Ticket, utcnow

log = logging.getLogger(__name__)

EXTRACT = "extract"
DRAFT = "draft"
# Failures of the answer (not of the endpoint) are tried this many times before a person is asked.
MAX_ATTEMPTS = 3
# Waits between tries: 2 s, 4 s, 8 s … up to 5 minutes while an endpoint is down.
BACKOFF_START, BACKOFF_MAX = 2.0, 300.0

# Wakes the in-process worker as soon as work is queued, instead of at its next poll.
work_available = threading.Event()


def enqueue_extraction(session: Session, article: Article, *, reason: str, actor: Actor | None) -> Job | None:
    """Queue finding the article's claims (unless it is already waiting) and mark the article pending."""
    article.extraction_status = ExtractionStatus.pending
    article.extraction_error = None
    session.add(article)
    waiting = session.exec(select(Job.id).where(
        Job.article_id == article.id, Job.kind == EXTRACT,
        Job.status.in_([JobStatus.queued, JobStatus.running]))).first()
    if waiting is not None:
        return None
    job = Job(kind=EXTRACT, article_id=article.id, reason=reason, requested_by_id=actor.id if actor else None)
    session.add(job)
    session.flush()
    work_available.set()
    return job


def enqueue_drafting(session: Session, tickets: list[Ticket], *, reason: str, actor: Actor | None) -> list[Job]:
    """Queue a drafting job per ticket (unless one is already waiting) and mark them pending."""
    waiting = set(session.exec(select(Job.ticket_id).where(
        Job.ticket_id.in_([t.id for t in tickets]), Job.kind == DRAFT,
        Job.status.in_([JobStatus.queued, JobStatus.running]))))
    jobs = []
    for ticket in tickets:
        ticket.drafting_status = DraftingStatus.pending
        ticket.drafting_error = None
        session.add(ticket)
        if ticket.id in waiting:
            continue
        job = Job(kind=DRAFT, ticket_id=ticket.id, article_id=ticket.article_id, reason=reason,
                  requested_by_id=actor.id if actor else None)
        session.add(job)
        jobs.append(job)
    session.flush()
    work_available.set()
    return jobs


def claim(session: Session, worker: str, lease_seconds: float, now: datetime | None = None) -> Job | None:
    """Take the oldest ready job for ``worker`` (committed), or None when there is nothing to do."""
    now = now or utcnow()
    ready = sa.or_(
        sa.and_(Job.status == JobStatus.queued, Job.run_after <= now),
        # A running job whose lease ran out: its worker died or stalled.
        sa.and_(Job.status == JobStatus.running, Job.lease_expires_at < now),
    )
    for _ in range(5):
        stmt = select(Job.id).where(ready).order_by(Job.run_after, Job.id).limit(1)
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        job_id = session.exec(stmt).first()
        if job_id is None:
            session.commit()
            return None
        taken = session.execute(
            sa.update(Job).where(Job.id == job_id, ready).values(
                status=JobStatus.running, lease_owner=worker, attempts=Job.attempts + 1,
                lease_expires_at=now + timedelta(seconds=lease_seconds), updated_at=now,
            ).execution_options(synchronize_session=False)
        ).rowcount
        session.commit()
        if taken == 1:
            job = session.get(Job, job_id)
            session.refresh(job)
            return job
        # Another worker took it between our read and our write: look again.
    return None


def complete_if_leased(session: Session, job: Job, worker: str) -> bool:
    """Mark the job done if ``worker`` still holds its lease; part of the caller's transaction.

    The caller writes the job's results in the same transaction and commits only when this
    returns True, so results and "done" land together, once.
    """
    now = utcnow()
    return session.execute(
        sa.update(Job).where(Job.id == job.id, Job.status == JobStatus.running, Job.lease_owner == worker,
                             Job.lease_expires_at >= now)
        .values(status=JobStatus.done, finished_at=now, updated_at=now, last_error=None)
        .execution_options(synchronize_session=False)
    ).rowcount == 1


def retry_later(session: Session, job: Job, worker: str, error: str, *, transient: bool,
                max_attempts: int = MAX_ATTEMPTS, backoff_start: float = BACKOFF_START) -> bool:
    """Put the job back with a growing wait; True if it will run again, False if it gave up.

    Endpoint failures (unreachable, timed out, overloaded) never use up the attempts: the job
    waits for the endpoint however long it is down. Bad answers get ``max_attempts`` tries.
    """
    now = utcnow()
    gives_up = not transient and job.attempts >= max_attempts
    wait = min(BACKOFF_MAX, backoff_start * 2 ** max(0, job.attempts - 1))
    values = {"last_error": error[:2000], "updated_at": now, "lease_owner": None, "lease_expires_at": None}
    if gives_up:
        values.update(status=JobStatus.failed, finished_at=now)
    else:
        values.update(status=JobStatus.queued, run_after=now + timedelta(seconds=wait))
        if transient:
            # Not the answer's fault: keep the attempts for answers.
            values["attempts"] = Job.attempts - 1
    ok = session.execute(
        sa.update(Job).where(Job.id == job.id, Job.status == JobStatus.running, Job.lease_owner == worker)
        .values(**values).execution_options(synchronize_session=False)
    ).rowcount == 1
    return ok and not gives_up


def article_progress(session: Session, article: Article) -> Progress:
    rows = dict(session.exec(select(Ticket.drafting_status, func.count()).where(Ticket.article_id == article.id)
                             .group_by(Ticket.drafting_status)).all())
    return Progress(total=sum(rows.values()), pending=rows.get(DraftingStatus.pending, 0),
                    failed=rows.get(DraftingStatus.failed, 0), extraction=article.extraction_status,
                    extraction_error=article.extraction_error)


def latest_extraction(session: Session, article_id: int) -> Job | None:
    return session.exec(select(Job).where(Job.article_id == article_id, Job.kind == EXTRACT)
                        .order_by(Job.id.desc()).limit(1)).first()


def latest_for(session: Session, ticket_id: int) -> Job | None:
    """The ticket's latest drafting job: why it is waiting, and when it tries next."""
    return session.exec(select(Job).where(Job.ticket_id == ticket_id, Job.kind == DRAFT)
                        .order_by(Job.id.desc()).limit(1)).first()


def counts(session: Session) -> dict[str, int]:
    rows = dict(session.exec(select(Job.status, func.count()).group_by(Job.status)).all())
    return {s.value: rows.get(s.value, 0) for s in JobStatus}
