"""What happens to matches between tickets and known fact-checks, and to the imported fact-checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.events import DomainEvent, Record


@dataclass(frozen=True, kw_only=True)
class MatchFound(DomainEvent):
    """The matcher found that a ticket repeats another ticket or a published fact-check."""

    status: str  # suggested, or confirmed when it is certain
    match_id: int
    kind: str
    target_id: int
    score: float
    method: str

    @property
    def action(self) -> str:  # type: ignore[override]
        return f"match.{self.status}"

    def record(self) -> Record:
        return Record(
            to_value=f"{self.kind} {self.target_id}",
            detail={"match_id": self.match_id, "score": self.score, "method": self.method},
        )


@dataclass(frozen=True, kw_only=True)
class MatchReviewed(DomainEvent):
    """A person confirmed or rejected a match."""

    before: str
    status: str
    match_id: int
    kind: str
    target_id: int | None

    @property
    def action(self) -> str:  # type: ignore[override]
        return f"match.{self.status}"

    def record(self) -> Record:
        return Record(
            from_value=self.before,
            to_value=self.status,
            detail={"match_id": self.match_id, "kind": self.kind, "target": self.target_id},
        )


@dataclass(frozen=True, kw_only=True)
class FactChecksImported(DomainEvent):
    action = "factchecks.import"
    imported: int
    detail: dict[str, Any]

    def record(self) -> Record:
        return Record(to_value=str(self.imported), detail={"imported": self.imported, **self.detail})


@dataclass(frozen=True, kw_only=True)
class FactCheckWithdrawn(DomainEvent):
    action = "factcheck.withdraw"
    fact_check_id: int
    url: str
    imported_by: str | None
    note: str

    def record(self) -> Record:
        return Record(
            to_value="withdrawn",
            rationale=self.note[:2000],
            detail={"fact_check_id": self.fact_check_id, "url": self.url, "imported_by": self.imported_by},
        )
