"""What a kind of job is: a ``Task`` a domain writes and registers (``flows.tasks``), and the unit
of work it is given (``Work``), from a queued job or done at once.

The queue and its workers know tasks only by this protocol: load what the work needs, run the
slow part with no transaction open, apply the result in the transaction that marks the job done
(under its lease), or say on the subject why it waits or gave up. The same task runs at once, in
the caller's transaction, for an engine that needs no queue (``run_now``): one code path either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlmodel import Session

from factcheck.core.errors import RetryableError
from factcheck.models import Job


@dataclass(frozen=True)
class Work:
    kind: str
    subject_id: int | None
    reason: str = "ingest"
    payload: dict[str, Any] = field(default_factory=dict)
    requested_by_id: int | None = None
    job_id: int | None = None  # None: done at once, not queued

    @classmethod
    def of(cls, job: Job) -> Work:
        return cls(
            kind=job.kind,
            subject_id=job.subject_id,
            reason=job.reason,
            payload=json.loads(job.payload) if job.payload else {},
            requested_by_id=job.requested_by_id,
            job_id=job.id,
        )


class Task(Protocol):
    """One kind of job."""

    kind: str

    def load(self, session: Session, work: Work) -> Any | None:
        """What ``run`` needs, read before it; None when the subject is gone (nothing to do)."""

    def run(self, loaded: Any) -> Any:
        """The slow part, with no transaction open; raises ``RetryableError`` when it cannot be done."""

    def apply(self, session: Session, work: Work, result: Any) -> None:
        """Write the result, in the transaction that marks the job done under its lease."""

    def failed(self, session: Session, work: Work, error: RetryableError, next_try: datetime | None) -> None:
        """Say on the subject why it waits until ``next_try``, or (None) why it was given up."""


def run_now(session: Session, task: Task, work: Work) -> None:
    """Do the task at once, in the caller's transaction. A task that cannot be done is recorded as
    given up on its subject (there is no queue to wait in), as a job that ran out of tries is."""
    loaded = task.load(session, work)
    if loaded is None:
        return
    try:
        result = task.run(loaded)
    except RetryableError as error:
        task.failed(session, work, error, None)
        return
    task.apply(session, work, result)
