"""What happens to drafts: made by an engine, reviewed, added by a person, archived, searched for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.events import DomainEvent, Record


@dataclass(frozen=True, kw_only=True)
class DraftsStored(DomainEvent):
    """An engine drafted a ticket's questions and sources (``by`` is the engine)."""

    action = "draft"
    questions: int
    sources: int
    model: str
    prompt: str
    dropped: Any = None  # what the desk refused of the engine's answer, and why

    def record(self) -> Record:
        detail = {
            "questions": self.questions,
            "sources": self.sources,
            "engine": self.by,
            "model": self.model,
            "prompt": self.prompt,
        }
        return Record(detail=detail | ({"dropped": self.dropped} if self.dropped else {}))


@dataclass(frozen=True, kw_only=True)
class DraftingFailed(DomainEvent):
    action = "draft.failed"
    reason: str

    def record(self) -> Record:
        return Record(rationale=self.reason[:2000])


@dataclass(frozen=True, kw_only=True)
class DraftsSkipped(DomainEvent):
    """The ticket was published before its drafts arrived: they were not added."""

    action = "drafts.skipped"

    def record(self) -> Record:
        return Record(rationale="The ticket was published before its drafts arrived; they were not added.")


@dataclass(frozen=True, kw_only=True)
class Redrafted(DomainEvent):
    action = "redraft"
    discarded: int
    job_id: int | None = None

    def record(self) -> Record:
        return Record(detail={"discarded": self.discarded} | ({"job": self.job_id} if self.job_id else {}))


@dataclass(frozen=True, kw_only=True)
class RedraftQueued(DomainEvent):
    action = "redraft.queued"


@dataclass(frozen=True, kw_only=True)
class DraftReviewed(DomainEvent):
    """A person approved, edited or rejected a draft."""

    status: str  # approved | edited | rejected
    draft_id: int
    kind: str
    before: str | None
    detail: dict[str, Any] | None = None

    @property
    def action(self) -> str:  # type: ignore[override]
        return f"draft.{self.status}"

    def record(self) -> Record:
        return Record(
            from_value=self.before,
            to_value=self.status,
            detail={"draft_id": self.draft_id, "kind": self.kind, **(self.detail or {})},
        )


@dataclass(frozen=True, kw_only=True)
class DraftAdded(DomainEvent):
    """A person added a question or source of their own."""

    action = "draft.added"
    draft_id: int
    kind: str

    def record(self) -> Record:
        return Record(detail={"draft_id": self.draft_id, "kind": self.kind})


@dataclass(frozen=True, kw_only=True)
class SourceArchived(DomainEvent):
    action = "draft.archived"
    draft_id: int
    sha256: str
    chars: int

    def record(self) -> Record:
        return Record(detail={"draft_id": self.draft_id, "sha256": self.sha256, "chars": self.chars})


@dataclass(frozen=True, kw_only=True)
class SearchQueued(DomainEvent):
    action = "search.queued"


@dataclass(frozen=True, kw_only=True)
class SearchDone(DomainEvent):
    action = "search.done"
    stored: int
    failures: list[str]

    def record(self) -> Record:
        return Record(to_value=str(self.stored), rationale="; ".join(self.failures)[:2000] or None)


@dataclass(frozen=True, kw_only=True)
class SearchSkipped(DomainEvent):
    action = "search.skipped"

    def record(self) -> Record:
        return Record(rationale="The ticket was published while the search ran; its results were not added.")
