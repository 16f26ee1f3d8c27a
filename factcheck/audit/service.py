"""The audit log: every domain event writes one entry, in the transaction of the change."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from factcheck.models import Event


def write(
    session: Session,
    *,
    action: str,
    actor_id: int | None,
    actor_name: str,
    ticket_id: int | None = None,
    article_id: int | None = None,
    from_value: str | None = None,
    to_value: str | None = None,
    rationale: str | None = None,
    detail: dict | None = None,
) -> Event:
    """Write one audit entry. Only the domain events' listener calls it (``flows.listeners``):
    services emit events, and the log is written from them."""
    event = Event(
        ticket_id=ticket_id,
        article_id=article_id,
        actor_id=actor_id,
        actor_name=actor_name,
        action=action,
        from_value=from_value,
        to_value=to_value,
        rationale=rationale,
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else None,
    )
    session.add(event)
    return event


def ticket_history(session: Session, ticket_id: int) -> list[Event]:
    """A ticket's events, oldest first."""
    stmt = select(Event).where(Event.ticket_id == ticket_id).order_by(Event.created_at, Event.id)
    return list(session.exec(stmt))


def latest_change(session: Session, ticket_id: int) -> Event | None:
    stmt = select(Event).where(Event.ticket_id == ticket_id).order_by(col(Event.id).desc()).limit(1)
    return session.exec(stmt).first()


def latest_article_change(session: Session, article_id: int) -> Event | None:
    """The last change to an article's own details (not to its tickets)."""
    stmt = (
        select(Event)
        .where(Event.article_id == article_id, col(Event.ticket_id).is_(None), Event.action == "article.edit")
        .order_by(col(Event.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first()
