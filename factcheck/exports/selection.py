"""What a report covers: a selection of tickets, read in streamed batches with what people approved."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.core.errors import InvalidInput
from factcheck.core.schemas import INT_MAX
from factcheck.models import (
    Article,
    Correction,
    DraftItem,
    DraftKind,
    DraftStatus,
    Event,
    Note,
    Ticket,
    TicketState,
    User,
    Verdict,
    verdict_of,
)
from factcheck.models.columns import table_of


@dataclass
class Selection:
    article_ids: list[int] = field(default_factory=list)
    state: str | None = None
    since: date | None = None
    until: date | None = None
    reviewer_id: int | None = None
    include_open: bool = False


@dataclass
class ReportItem:
    """One ticket in a report. Its parts are read-only database rows (attribute access like the
    models, without ORM bookkeeping: a 10,000-ticket export would spend most of its time on it)."""

    ticket: Any
    article: Any
    questions: list[tuple[Any, str | None]]
    sources: list[tuple[Any, str | None]]
    notes: list[tuple[Any, str]]
    verdict: Verdict | None
    corrections: list[Any] = field(default_factory=list)  # of a published verdict, oldest first


def validate(sel: Selection) -> None:
    """Refuse a selection that cannot mean anything, saying why."""
    if sel.state and sel.state not in TicketState.__members__:
        raise InvalidInput(f"Unknown state {sel.state!r}.")
    if sel.since and sel.until and sel.since > sel.until:
        raise InvalidInput("'since' is after 'until'.")


_T, _A, _D, _N, _E, _C = (table_of(m) for m in (Ticket, Article, DraftItem, Note, Event, Correction))
# The article's text is not in any report; everything else about it is.
_ARTICLE_COLUMNS = [c for c in _A.c if c.name != "text"]


def selection_query(sel: Selection) -> sa.Select:
    """The tickets a selection covers, in report order (article by article, as they appear).
    Dismissed tickets are never reported: nobody checked them."""
    stmt = sa.select(*_T.c).where(_T.c.dismissed_reason.is_(None))
    if sel.article_ids:
        stmt = stmt.where(_T.c.article_id.in_(sel.article_ids))
    if sel.state:
        stmt = stmt.where(_T.c.state == sel.state)
    elif not sel.include_open:
        stmt = stmt.where(_T.c.state != TicketState.unverified)
    if sel.since:
        stmt = stmt.where(_T.c.updated_at >= datetime.combine(sel.since, time.min, UTC))
    if sel.until:
        stmt = stmt.where(_T.c.updated_at <= datetime.combine(sel.until, time.max, UTC))
    if sel.reviewer_id:
        stmt = stmt.where(_T.c.id.in_(sa.select(_E.c.ticket_id).where(_E.c.actor_id == sel.reviewer_id)))
    return stmt.order_by(_T.c.article_id, _T.c.position, _T.c.id)


def select_items(session: Session, sel: Selection, batch: int = 500) -> Iterator[ReportItem]:
    """Tickets in the selection, article by article, each with what people approved.

    One streamed query over the tickets, and a few queries per batch of 500 for their drafts,
    notes, verdicts and articles: a 10,000-ticket export runs in constant memory, and reads
    one consistent view of the desk even while reviewers keep working.
    """
    validate(sel)
    users = {row.id: row.name for row in session.execute(sa.select(User.id, User.name))}
    articles: dict[int, Any] = {}
    result = session.execute(selection_query(sel).execution_options(yield_per=batch))
    for rows in result.partitions():
        ids = [t.id for t in rows]
        drafts: dict[int, list[Any]] = defaultdict(list)
        for d in session.execute(
            sa.select(_D)
            .where(_D.c.ticket_id.in_(ids), _D.c.status.in_([DraftStatus.approved, DraftStatus.edited]))
            # Written for the claim before its correction: not in a report until approved again.
            .where(_D.c.stale.is_(False))
            .order_by(_D.c.id)
        ):
            drafts[d.ticket_id].append(d)
        notes: dict[int, list[Any]] = defaultdict(list)
        for n in session.execute(sa.select(_N).where(_N.c.ticket_id.in_(ids)).order_by(_N.c.id)):
            notes[n.ticket_id].append(n)
        fixes: dict[int, list[Any]] = defaultdict(list)
        for c in session.execute(sa.select(_C).where(_C.c.ticket_id.in_(ids)).order_by(_C.c.id)):
            fixes[c.ticket_id].append(c)
        missing = {t.article_id for t in rows} - articles.keys()
        if missing:
            # Only the current batch's articles are kept: the ones before are done with.
            articles = {a: articles[a] for a in {t.article_id for t in rows} if a in articles}
            articles.update(
                (a.id, a) for a in session.execute(sa.select(*_ARTICLE_COLUMNS).where(_A.c.id.in_(missing)))
            )
        for ticket in rows:
            mine = drafts[ticket.id]
            yield ReportItem(
                ticket=ticket,
                article=articles[ticket.article_id],
                questions=[(d, users.get(d.reviewed_by_id)) for d in mine if d.kind == DraftKind.question],
                sources=[(d, users.get(d.reviewed_by_id)) for d in mine if d.kind == DraftKind.source],
                notes=[(n, users.get(n.author_id, "?")) for n in notes[ticket.id]],
                verdict=verdict_of(ticket),
                corrections=fixes[ticket.id],
            )


def parse(
    article: Iterable[str] = (),
    state: str = "",
    since: str = "",
    until: str = "",
    reviewer: str = "",
    include_open: str = "",
) -> Selection:
    """A selection from query-string values (the API and the export form), refused whole with a
    reason when any part is not what it should be."""

    def _date(value: str, name: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(f"'{name}' must be a date like 2025-11-24.") from None

    sel = Selection(
        article_ids=[_id(part, "article") for value in article for part in value.split(",") if part.strip()],
        state=state or None,
        since=_date(since, "since"),
        until=_date(until, "until"),
        reviewer_id=_id(reviewer, "reviewer") if reviewer else None,
        include_open=include_open in ("1", "true", "yes", "on"),
    )
    validate(sel)
    return sel


def _id(value: str, name: str) -> int:
    value = value.strip()
    # isdigit() alone accepts "²"; ids are ASCII digits within the database's integers.
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= INT_MAX:
        raise InvalidInput(f"'{name}' takes ids (whole numbers from 1 to {INT_MAX:,}), not {value!r}.")
    return int(value)
