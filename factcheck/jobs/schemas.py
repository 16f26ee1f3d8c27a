"""Where queued work stands, as pages and the API show it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, computed_field

from factcheck.core.schemas import Public
from factcheck.models import ExtractionStatus, JobStatus


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


class Progress(BaseModel):
    """An article's work: its claims being found, then its tickets being drafted."""

    total: int
    pending: int
    failed: int
    extraction: ExtractionStatus = ExtractionStatus.done
    extraction_error: str | None = None

    @computed_field
    @property
    def done(self) -> int:
        return self.total - self.pending - self.failed

    @computed_field
    @property
    def busy(self) -> bool:
        return self.extraction == ExtractionStatus.pending or self.pending > 0
