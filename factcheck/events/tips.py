"""What happens to readers' claims once a reviewer decides on them."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.events import DomainEvent, Record


@dataclass(frozen=True, kw_only=True)
class TipDecided(DomainEvent):
    """A reviewer made tips a ticket or an article, or decided not to check them."""

    action = "tip.decided"
    tip_ids: list[int] = field(default_factory=list)
    decision: str
    note: str | None = None

    def record(self) -> Record:
        return Record(to_value=self.decision, rationale=self.note, detail={"tips": self.tip_ids})
