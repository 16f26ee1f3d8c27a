"""The triage queue: filters, sorts, and pages found by keyset rather than offset."""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.core.errors import InvalidInput
from factcheck.core.schemas import INT_MAX
from factcheck.matching import service as matching
from factcheck.models import DISMISSED, Article, DraftingStatus, Ticket, TicketState, User, UTCDateTime
from factcheck.tickets import verdicts
from factcheck.tickets.tally import counts_by_state


@dataclass
class QueueFilter:
    state: str | None = None
    article_id: int | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    drafting_failed: bool = False
    # Only tickets with a linked or confirmed match: the same claim checked elsewhere.
    previously_checked: bool = False
    # Only tickets with a reviewer's proposal waiting for an editor's decision.
    proposed: bool = False
    # Only tickets the engine flagged for a person.
    needs_human: bool = False
    # Dismissed tickets are not in the queue unless asked for; then only they are.
    dismissed: bool = False
    q: str | None = None
    sort: str = "score"
    # Keyset pagination: an opaque cursor from a previous page ("next" or "previous").
    cursor: str | None = None
    per_page: int = 50


# Each sort: its column and direction; ties are broken by id in the same direction, so every
# ticket has one place in the order and a cursor (value, id) says exactly where a page ends.
SORTS = {
    "score": (Ticket.score, "desc"),
    "newest": (Ticket.created_at, "desc"),
    "oldest": (Ticket.created_at, "asc"),
    "updated": (Ticket.updated_at, "desc"),
}


@dataclass
class QueuePage:
    rows: list[tuple[Ticket, Article, User | None]]
    total: int
    per_page: int
    next_cursor: str | None
    prev_cursor: str | None


def _encode_cursor(direction: str, sort: str, ticket: Ticket) -> str:
    column, _ = SORTS[sort]
    value = getattr(ticket, column.key)
    raw = json.dumps([direction, sort, value.isoformat() if isinstance(value, datetime) else value, ticket.id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> tuple[str, object, int]:
    """The place a page link points at, checked as untrusted input: it came back from a browser."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        direction, cursor_sort, value, ticket_id = json.loads(raw)
        if (
            direction not in ("after", "before")
            or cursor_sort != sort
            or type(ticket_id) is not int
            or not 0 <= ticket_id <= INT_MAX
        ):
            raise ValueError
        column, _ = SORTS[sort]
        if isinstance(column.type, (sa.DateTime, UTCDateTime)):
            # In UTC, as stored: an offset at the calendar's edge fails here, not in the driver.
            value = datetime.fromisoformat(value).astimezone(UTC)
        elif type(value) not in (int, float) or not math.isfinite(value) or abs(value) > 1e15:
            raise ValueError  # booleans, NaN and numbers no sort column holds
    except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput(
            "That page link is not valid (or was made for another sort); start from the first page."
        ) from None
    return direction, value, ticket_id


def queue(session: Session, f: QueueFilter) -> QueuePage:
    """The triage queue: most check-worthy first unless another order is asked for.

    Pages are found by keyset (the last ticket's sort value and id), not by OFFSET, so page 2,000
    of 100,000 tickets costs what page 1 does; when at most the state is filtered, the total comes
    from the tally instead of a count.
    """
    if f.sort not in SORTS:
        raise InvalidInput(f"Unknown sort {f.sort!r}; choose one of {', '.join(SORTS)}.")
    conditions = _conditions(f)
    per_page = max(1, min(f.per_page, 200))
    direction, rows, more = _page(session, f, conditions, per_page)
    reverse = direction == "before"
    has_next = more if not reverse else True
    has_prev = bool(f.cursor) and (more if reverse else True)
    return QueuePage(
        rows=rows,
        total=_total(session, f, conditions),
        per_page=per_page,
        next_cursor=_encode_cursor("after", f.sort, rows[-1][0]) if rows and has_next else None,
        prev_cursor=_encode_cursor("before", f.sort, rows[0][0]) if rows and has_prev else None,
    )


def _conditions(f: QueueFilter) -> list:
    if f.state and f.state not in TicketState.__members__:
        raise InvalidInput(f"Unknown state {f.state!r}.")
    conditions = [col(Ticket.dismissed_reason).is_not(None) if f.dismissed else col(Ticket.dismissed_reason).is_(None)]
    if f.state:
        conditions.append(Ticket.state == f.state)
    if f.article_id:
        conditions.append(Ticket.article_id == f.article_id)
    if f.assignee_id:
        conditions.append(Ticket.assignee_id == f.assignee_id)
    if f.unassigned:
        conditions.append(col(Ticket.assignee_id).is_(None))
    if f.drafting_failed:
        conditions.append(Ticket.drafting_status == DraftingStatus.failed)
    if f.previously_checked:
        conditions.append(matching.previously_checked_filter())
    if f.proposed:
        conditions.append(verdicts.has_open_proposal())
    if f.needs_human:
        conditions.append(col(Ticket.needs_human).is_(True))
    if f.q:
        for word in f.q.split()[:8]:
            conditions.append(col(Ticket.claim).ilike(f"%{_escape_like(word)}%", escape="\\"))
    return conditions


def _total(session: Session, f: QueueFilter, conditions: list) -> int:
    if not (
        f.article_id
        or f.assignee_id
        or f.unassigned
        or f.drafting_failed
        or f.previously_checked
        or f.proposed
        or f.needs_human
        or f.q
    ):
        counts = counts_by_state(session)
        if f.dismissed:  # dismissed tickets are all unverified
            return counts[DISMISSED] if f.state in (None, TicketState.unverified) else 0
        return counts[f.state] if f.state else sum(counts[s.value] for s in TicketState)
    return session.exec(select(func.count()).select_from(Ticket).where(*conditions)).one()


def _page(
    session: Session, f: QueueFilter, conditions: list, per_page: int
) -> tuple[str, list[tuple[Ticket, Article, User | None]], bool]:
    """(direction, the page's rows in queue order, whether more lie beyond them)."""
    column, order = SORTS[f.sort]
    direction, page_conditions = "after", []
    if f.cursor:
        direction, value, ticket_id = _decode_cursor(f.cursor, f.sort)
        # "after" continues in the sort's order; "before" walks back against it.
        forward = (direction == "after") == (order == "desc")
        beyond = (column < value) if forward else (column > value)
        tie = (Ticket.id < ticket_id) if forward else (Ticket.id > ticket_id)
        page_conditions.append(sa.or_(beyond, sa.and_(column == value, tie)))
    reverse = direction == "before"
    descending = (order == "desc") != reverse
    ordering = (column.desc(), col(Ticket.id).desc()) if descending else (column.asc(), col(Ticket.id).asc())
    stmt = (
        select(Ticket, Article, User)
        .join(Article, Article.id == Ticket.article_id)
        .outerjoin(User, User.id == Ticket.assignee_id)
        .where(*conditions, *page_conditions)
        .order_by(*ordering)
        .limit(per_page + 1)
    )
    rows = list(session.exec(stmt))
    more = len(rows) > per_page
    rows = rows[:per_page]
    if reverse:
        rows.reverse()
    return direction, rows, more


def _escape_like(word: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", word)


def neighbours(session: Session, ticket: Ticket, f: QueueFilter | None = None) -> tuple[int | None, int | None]:
    """The tickets before and after this one in the queue view the reviewer came from (by default
    the whole queue, most check-worthy first), so `n`/`p` walk that view and no other."""
    f = f or QueueFilter()
    column, order = SORTS.get(f.sort, SORTS["score"])
    conditions = _conditions(f)
    value = getattr(ticket, column.key)
    ahead = sa.or_(column > value, sa.and_(column == value, Ticket.id > ticket.id))
    behind = sa.or_(column < value, sa.and_(column == value, Ticket.id < ticket.id))
    if order == "asc":
        ahead, behind = behind, ahead
    up, down = (column.asc(), col(Ticket.id).asc()), (column.desc(), col(Ticket.id).desc())
    if order == "asc":
        up, down = down, up
    before = session.exec(select(Ticket.id).where(*conditions, ahead).order_by(*up).limit(1)).first()
    after = session.exec(select(Ticket.id).where(*conditions, behind).order_by(*down).limit(1)).first()
    return before, after
