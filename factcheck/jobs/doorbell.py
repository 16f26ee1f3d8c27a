"""Waking workers as soon as work is queued, and never before it can be seen.

Queuing a job flags the session; the doorbell rings only when that session *commits*, so a worker
woken by it always finds the job (ringing at enqueue time woke workers before the commit, they
found nothing and slept a whole poll interval). On PostgreSQL the queuing transaction also sends
a NOTIFY, which the database delivers on commit to every listening worker process.
"""

from __future__ import annotations

import logging
import threading

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession

log = logging.getLogger(__name__)
CHANNEL = "factcheck_jobs"


class Doorbell:
    """A counter of rings that threads wait on: a ring after a thread looked is never missed."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._rings = 0

    def ring(self) -> None:
        with self._cond:
            self._rings += 1
            self._cond.notify_all()

    def rings(self) -> int:
        with self._cond:
            return self._rings

    def wait(self, seen: int, timeout: float) -> None:
        """Until a ring after ``seen`` (a value of ``rings()`` taken before looking for work)."""
        with self._cond:
            self._cond.wait_for(lambda: self._rings != seen, timeout)


DOORBELL = Doorbell()


def queued(session: OrmSession) -> None:
    """Call in the transaction that queues work: workers are woken when it commits."""
    session.info["jobs_queued"] = True
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text(f"SELECT pg_notify('{CHANNEL}', '')"))


def ring_after_commit(session: OrmSession) -> None:
    if session.info.pop("jobs_queued", False):
        DOORBELL.ring()


def forget_after_rollback(session: OrmSession) -> None:
    session.info.pop("jobs_queued", None)


def listen(db: sa.Engine, stop: threading.Event, doorbell: Doorbell = DOORBELL) -> threading.Thread | None:
    """On PostgreSQL, a thread that rings ``doorbell`` whenever another process queues work."""
    if db.dialect.name != "postgresql":
        return None
    import psycopg

    conninfo = db.url.set(drivername="postgresql").render_as_string(hide_password=False)

    def run() -> None:
        while not stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            doorbell.ring()
            except psycopg.Error as exc:  # the database restarted: listen again shortly
                log.warning("job notifications interrupted (%s); listening again", exc)
                stop.wait(1.0)

    thread = threading.Thread(target=run, name="factcheck-job-listener", daemon=True)
    thread.start()
    return thread
