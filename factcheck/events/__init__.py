"""Domain events: a service says what happened, as a typed event; listeners, registered in one place
(``flows.listeners``), do what follows from it in the same transaction: the audit log, the counts
by state, webhooks. A domain says what happened, not who cares.

Every event is audited: ``record()`` says what the audit log keeps of it (the event's own action
name, from, to, rationale and detail), so the log's vocabulary lives with the events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlmodel import Session

from factcheck.auth.permissions import Actor
from factcheck.models import User

SHORT = 200


@dataclass(frozen=True)
class Record:
    """What the audit log keeps of an event, beside who, when and on which ticket or article."""

    from_value: str | None = None
    to_value: str | None = None
    rationale: str | None = None
    detail: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        # The log's columns hold 200 characters; the whole value, when it matters, is in detail.
        for name in ("from_value", "to_value"):
            if (value := getattr(self, name)) is not None and len(value) > SHORT:
                object.__setattr__(self, name, shortened(value))


def shortened(value: str, limit: int = SHORT) -> str:
    """At most ``limit`` characters, cut at a word (a history that reads "the council vot…" misleads)."""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    action: ClassVar[str] = ""
    by: str  # a person's name, an engine's ("offline"), or "system"
    by_id: int | None = None  # the person's id, when a person did it
    ticket_id: int | None = None
    article_id: int | None = None

    def record(self) -> Record:
        return Record()


def by(actor: Actor | User | None, *, machine: str = "system") -> dict[str, Any]:
    """The ``by`` fields of an event: a person (or the console), or the machine that acted."""
    if actor is None:
        return {"by": machine, "by_id": None}
    return {"by": actor.name, "by_id": actor.id if isinstance(actor, User) else None}


Listener = Callable[[Session, Any], None]
_LISTENERS: dict[type[DomainEvent], list[Listener]] = {}


def listen(event_type: type[DomainEvent], listener: Listener) -> None:
    """Call ``listener(session, event)`` for every event of this type (or a subtype), in the
    transaction that emits it."""
    if listener not in _LISTENERS.setdefault(event_type, []):
        _LISTENERS[event_type].append(listener)


def emit(session: Session, event: DomainEvent) -> None:
    if not _LISTENERS:
        # Without listeners nothing would be audited, counted or sent: refuse rather than lose it.
        raise RuntimeError("No event listeners are installed: call factcheck.flows.listeners.install() first.")
    for kind in type(event).__mro__:
        for listener in _LISTENERS.get(kind, ()):
            listener(session, event)
