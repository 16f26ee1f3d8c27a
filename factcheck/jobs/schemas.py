"""Where queued work stands, as pages and the API show it."""

from __future__ import annotations

from datetime import datetime

from factcheck.core.schemas import Public
from factcheck.models import JobStatus


class JobPublic(Public):
    id: int
    kind: str
    status: JobStatus
    attempts: int
    reason: str
    run_after: datetime
    last_error: str | None
    updated_at: datetime
    finished_at: datetime | None
