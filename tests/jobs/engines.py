"""Engines for the job tests: the offline rules, but run as jobs, optionally slowly."""

from __future__ import annotations

import time

from factcheck.engines.offline.engine import OfflineEngine


class QueuedOffline(OfflineEngine):
    """Offline rules with extraction and drafting queued as jobs, as with a language model, and an
    optional delay per call so that workers overlap (or so that one can be killed mid-job)."""

    inline = False

    def __init__(self, delay: float = 0.0) -> None:
        super().__init__()
        self.delay = delay

    def extract(self, article, *, fresh=False):
        time.sleep(self.delay)
        return super().extract(article)

    def draft_many(self, claims, *, fresh=False):
        time.sleep(self.delay)
        return super().draft_many(claims)


def run_slow_worker(database_url: str, lease_seconds: float) -> None:
    """A worker process that takes the next job and hangs in it (until it is killed)."""
    from factcheck.core.config import Settings
    from factcheck.core.db import make_engine
    from factcheck.flows.tasks import registry
    from factcheck.jobs.worker import Worker

    db = make_engine(Settings(database_url=database_url))
    Worker(db, registry(QueuedOffline(delay=600)), lease_seconds=lease_seconds, name="doomed").run_one()


if __name__ == "__main__":
    import sys

    run_slow_worker(sys.argv[1], float(sys.argv[2]))
