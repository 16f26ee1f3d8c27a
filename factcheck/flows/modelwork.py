"""What the jobs that wait for a model endpoint share (finding claims, drafting): the worker asks
them whether the endpoint answers again, and they clear "waiting for …" once they run."""

from __future__ import annotations

from typing import Any

from factcheck.engines.base import Engine
from factcheck.jobs import service as jobs


class ModelWork:
    engine: Engine

    def probe(self) -> bool:
        """Whether the endpoint this work waits for answers again (engines without one: never asked)."""
        probe = getattr(self.engine, "probe", None)
        return bool(probe and probe())


def clear_waiting(row: Any, field: str) -> bool:
    """The job runs again: a "waiting for …" message on its subject is no longer true. Whether
    there was one to clear (a failure's reason is kept)."""
    if row is None or not (getattr(row, field) or "").startswith(jobs.WAITING):
        return False
    setattr(row, field, None)
    return True
