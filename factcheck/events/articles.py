"""What happens to articles: ingested, their claims found (or refused, or not found)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.events import DomainEvent, Record


@dataclass(frozen=True, kw_only=True)
class ArticleIngested(DomainEvent):
    action = "ingest"
    source: str  # text, html or url
    chars: int
    queued: bool  # its claims are found by a job

    def record(self) -> Record:
        detail: dict[str, Any] = {"source": self.source, "chars": self.chars}
        return Record(detail=detail | ({"extraction": "queued"} if self.queued else {}))


@dataclass(frozen=True, kw_only=True)
class ClaimRejected(DomainEvent):
    """An engine proposed a claim the desk refused (kept on the article, with why)."""

    action = "claim.rejected"
    refused: dict[str, Any]

    def record(self) -> Record:
        return Record(rationale=self.refused.get("reason"), detail=self.refused)


@dataclass(frozen=True, kw_only=True)
class ExtractionFailed(DomainEvent):
    action = "extract.failed"
    reason: str

    def record(self) -> Record:
        return Record(rationale=self.reason[:2000])


@dataclass(frozen=True, kw_only=True)
class ExtractionRetried(DomainEvent):
    action = "extract.retry"


@dataclass(frozen=True, kw_only=True)
class ArticleEdited(DomainEvent):
    """An editor corrected an article's details (its text never changes)."""

    action = "article.edit"
    before: dict[str, Any]
    after: dict[str, Any]  # only what changed

    def record(self) -> Record:
        return Record(
            from_value=str(self.before.get("title", "")) or None,
            to_value=str(self.after.get("title", "")) or None,
            detail={"before": self.before, "after": self.after},
        )


@dataclass(frozen=True, kw_only=True)
class ArticleArchived(DomainEvent):
    """An editor archived an article (its open tickets dismissed), or restored it."""

    archived: bool
    tickets: int

    @property
    def action(self) -> str:  # type: ignore[override]
        return "article.archive" if self.archived else "article.restore"

    def record(self) -> Record:
        return Record(detail={"tickets": self.tickets})
