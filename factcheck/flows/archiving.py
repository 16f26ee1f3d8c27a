"""Archiving an article ingested by mistake (or of no use): editors. Nothing is deleted: its open
tickets are dismissed as out of scope, so they leave the queue and the counts of open work like
any dismissal; tickets with a verdict stay as they are (a published one stays public). Restoring
the article restores exactly the tickets its archiving dismissed."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.articles.service import get
from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict
from factcheck.events import by, emit
from factcheck.events.articles import ArticleArchived
from factcheck.models import Article, DismissReason, Ticket, TicketState, utcnow
from factcheck.tickets import corrections
from factcheck.tickets.versions import StaleVersion

NOTE = "The article was archived."


def _take(session: Session, article: Article, expected_version: int, **values) -> None:
    done = session.execute(
        sa.update(Article)
        .where(col(Article.id) == article.id, col(Article.version) == expected_version)
        .values(version=expected_version + 1, **values)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(article)
        raise StaleVersion(
            f"This article changed after you opened it (you saw version {expected_version}, it is now "
            f"version {article.version}). Reload it and try again.",
            details={"current_version": article.version},
        )
    session.refresh(article)


def archive(session: Session, *, actor: Actor, article_id: int, expected_version: int) -> int:
    """Archive the article; the number of its open tickets dismissed."""
    person = require_person(actor, Action.change_state)
    article = get(session, article_id)
    if article.archived_at is not None:
        raise Conflict(f"This article was archived already, by {article.archived_by}.")
    _take(session, article, expected_version, archived_at=utcnow(), archived_by=person.name)
    open_tickets = session.exec(
        select(Ticket)
        .where(
            Ticket.article_id == article.id,
            Ticket.state == TicketState.unverified,
            col(Ticket.dismissed_reason).is_(None),
        )
        .order_by(Ticket.id)
    ).all()
    for t in open_tickets:
        corrections.dismiss(
            session,
            actor=person,
            ticket_id=t.id,
            reason=DismissReason.out_of_scope.value,
            note=NOTE,
            expected_version=t.version,
        )
    emit(session, ArticleArchived(**by(person), article_id=article.id, archived=True, tickets=len(open_tickets)))
    return len(open_tickets)


def restore(session: Session, *, actor: Actor, article_id: int, expected_version: int) -> int:
    """Back on the list, with the tickets its archiving dismissed; the number restored."""
    person = require_person(actor, Action.change_state)
    article = get(session, article_id)
    if article.archived_at is None:
        raise Conflict("This article is not archived.")
    _take(session, article, expected_version, archived_at=None, archived_by=None)
    dismissed = session.exec(
        select(Ticket)
        .where(
            Ticket.article_id == article.id,
            Ticket.dismissal_note == NOTE,
            col(Ticket.merged_into_id).is_(None),
        )
        .order_by(Ticket.id)
    ).all()
    for t in dismissed:
        corrections.restore(session, actor=person, ticket_id=t.id, expected_version=t.version)
    emit(session, ArticleArchived(**by(person), article_id=article.id, archived=False, tickets=len(dismissed)))
    return len(dismissed)
