"""The desk's rating scale: names newsrooms publish ("Mostly true", "Missing context"), each mapped
to a verdict and to a ClaimReview ratingValue between RATING_WORST and RATING_BEST."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.errors import InvalidInput
from factcheck.events import by, emit
from factcheck.events.tickets import RatingsReplaced
from factcheck.models import RATING_BEST, RATING_WORST, Rating, TicketState

VERDICTS = (TicketState.corroborated.value, TicketState.disputed.value)


def scale(session: Session, *, include_inactive: bool = False) -> list[Rating]:
    stmt = select(Rating).order_by(Rating.position, Rating.id)
    if not include_inactive:
        stmt = stmt.where(Rating.active)
    return list(session.exec(stmt))


def exists(session: Session, name: str, state: str) -> bool:
    return (
        session.exec(select(Rating.id).where(Rating.name == name, Rating.state == state, Rating.active)).first()
        is not None
    )


def for_verdict(session: Session, name: str | None, state: str) -> Rating | None:
    """The rating an editor chose for a verdict, refused if it is not on the scale for that verdict."""
    if name is None or not name.strip():
        return None
    rating = session.exec(
        select(Rating).where(sa.func.lower(Rating.name) == name.strip().lower(), Rating.active)
    ).first()
    fitting = [r.name for r in scale(session) if r.state == state]
    if rating is None or rating.state != state:
        raise InvalidInput(f"{name!r} is not a rating for {state}; choose one of: {', '.join(fitting) or 'none'}.")
    return rating


@dataclass
class Step:
    name: str
    state: str
    value: int


def replace_scale(session: Session, *, actor: Actor, steps: list[Step]) -> list[Rating]:
    """Admins set the whole scale at once, in order. A rating no longer listed is retired, not
    deleted: verdicts given with it keep its name and value."""
    require(actor, Action.manage_ratings)
    names = [s.name.strip() for s in steps]
    if not steps:
        raise InvalidInput("The scale needs at least one rating.")
    if any(not n or len(n) > 80 for n in names):
        raise InvalidInput("Each rating needs a name of 1 to 80 characters.")
    if len({n.lower() for n in names}) != len(names):
        raise InvalidInput("Two ratings have the same name.")
    values = [s.value for s in steps]
    if len(set(values)) != len(values):
        twice = sorted({v for v in values if values.count(v) > 1})
        raise InvalidInput(
            f"Two ratings have the same value ({', '.join(map(str, twice))}): ClaimReview readers would "
            "not tell them apart. Give each its own place on the scale."
        )
    for s in steps:
        if s.state not in VERDICTS:
            raise InvalidInput(f"{s.name!r}: a rating belongs to corroborated or disputed, not {s.state!r}.")
        if not RATING_WORST <= s.value <= RATING_BEST:
            raise InvalidInput(f"{s.name!r}: the value must be between {RATING_WORST} and {RATING_BEST}.")
    for state in VERDICTS:
        if not any(s.state == state for s in steps):
            raise InvalidInput(f"The scale needs at least one rating for {state}.")
    existing = {r.name.lower(): r for r in scale(session, include_inactive=True)}
    for position, (name, s) in enumerate(zip(names, steps, strict=True)):
        row = existing.pop(name.lower(), None) or Rating(name=name, state=s.state, value=s.value)
        row.name, row.state, row.value, row.position, row.active = name, s.state, s.value, position, True
        session.add(row)
    for retired in existing.values():
        retired.active = False
        session.add(retired)
    session.flush()
    emit(session, RatingsReplaced(**by(actor), names=list(names)))
    return scale(session)
