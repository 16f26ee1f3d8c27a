"""What happens to tickets: made, given a verdict, published and corrected, corrected as claims,
dismissed, merged, assigned, annotated."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.events import DomainEvent, Record
from factcheck.models import TicketState

# (from, to) -> the state change's name in the audit log.
STATE_ACTIONS: dict[tuple[TicketState, TicketState], str] = {
    (TicketState.unverified, TicketState.corroborated): "corroborate",
    (TicketState.unverified, TicketState.disputed): "dispute",
    (TicketState.corroborated, TicketState.unverified): "reopen",
    (TicketState.disputed, TicketState.unverified): "reopen",
}


@dataclass(frozen=True, kw_only=True)
class TicketCreated(DomainEvent):
    """A claim became a ticket (an engine's)."""

    action = "create"
    engine: str
    model: str

    def record(self) -> Record:
        return Record(to_value=TicketState.unverified.value, detail={"engine": self.engine, "model": self.model})


@dataclass(frozen=True, kw_only=True)
class ClaimAdded(TicketCreated):
    """A person added a claim the engine missed: a ticket like the others."""

    action = "claim.add"
    claim: str
    start: int
    end: int

    def record(self) -> Record:
        return Record(to_value=self.claim, detail={"start": self.start, "end": self.end})


@dataclass(frozen=True, kw_only=True)
class StateChanged(DomainEvent):
    """An editor gave a verdict (corroborated, disputed) or reopened one."""

    before: TicketState
    after: TicketState
    rationale: str
    rating: str | None = None

    @property
    def action(self) -> str:  # type: ignore[override]
        return STATE_ACTIONS[(self.before, self.after)]

    @property
    def is_verdict(self) -> bool:
        return self.after != TicketState.unverified

    def record(self) -> Record:
        return Record(
            from_value=self.before.value,
            to_value=self.after.value,
            rationale=self.rationale,
            detail={"rating": self.rating} if self.rating else None,
        )


@dataclass(frozen=True, kw_only=True)
class VerdictProposed(DomainEvent):
    """A reviewer proposed a verdict for an editor to decide."""

    action = "propose"
    before: TicketState
    after: TicketState
    rationale: str

    def record(self) -> Record:
        return Record(from_value=self.before.value, to_value=self.after.value, rationale=self.rationale)


@dataclass(frozen=True, kw_only=True)
class VerdictPublished(DomainEvent):
    action = "publish"
    state: TicketState
    rating: str | None

    def record(self) -> Record:
        return Record(to_value=self.state.value, detail={"rating": self.rating} if self.rating else None)


@dataclass(frozen=True, kw_only=True)
class VerdictCorrected(DomainEvent):
    """A published verdict was reopened with a correction note (made public)."""

    action = "correction"
    was_state: TicketState
    was_rating: str | None
    note: str

    def record(self) -> Record:
        return Record(from_value=self.was_state.value, rationale=self.note)


@dataclass(frozen=True, kw_only=True)
class ClaimEdited(DomainEvent):
    action = "claim.edit"
    before: dict[str, Any]
    after: dict[str, Any]  # only what changed

    def record(self) -> Record:
        return Record(
            from_value=str(self.before["claim"]),
            to_value=str(self.after.get("claim", self.before["claim"])),
            detail={"before": {k: self.before[k] for k in self.after}, "after": self.after},
        )


@dataclass(frozen=True, kw_only=True)
class TicketDismissed(DomainEvent):
    action = "dismiss"
    reason: str
    note: str | None

    def record(self) -> Record:
        return Record(to_value=self.reason, rationale=self.note)


@dataclass(frozen=True, kw_only=True)
class TicketRestored(DomainEvent):
    action = "restore"
    reason: str  # why it had been dismissed

    def record(self) -> Record:
        return Record(from_value=self.reason)


@dataclass(frozen=True, kw_only=True)
class TicketMerged(DomainEvent):
    """A duplicate (``ticket_id``) joined the ticket it repeats; it is dismissed as a duplicate."""

    action = "merge"
    survivor_id: int
    moved: dict[str, int] = field(default_factory=dict)

    def record(self) -> Record:
        return Record(to_value=f"#{self.survivor_id}", detail=self.moved)


@dataclass(frozen=True, kw_only=True)
class TicketAbsorbed(DomainEvent):
    """The survivor's side of a merge (``ticket_id`` is the survivor)."""

    action = "merge.absorbed"
    absorbed_id: int
    moved: dict[str, int] = field(default_factory=dict)

    def record(self) -> Record:
        return Record(from_value=f"#{self.absorbed_id}", detail=self.moved)


@dataclass(frozen=True, kw_only=True)
class TicketAssigned(DomainEvent):
    action = "assign"
    before_id: int | None
    assignee: str | None

    def record(self) -> Record:
        return Record(from_value=str(self.before_id) if self.before_id else None, to_value=self.assignee)


@dataclass(frozen=True, kw_only=True)
class NoteAdded(DomainEvent):
    action = "note"
    note_id: int

    def record(self) -> Record:
        return Record(detail={"note_id": self.note_id})


@dataclass(frozen=True, kw_only=True)
class RatingsReplaced(DomainEvent):
    action = "ratings.replace"
    names: list[str]

    def record(self) -> Record:
        return Record(to_value=", ".join(self.names)[:200])
