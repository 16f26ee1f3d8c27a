"""Tickets: one check-worthy claim each. Creation, the triage queue, assignment, notes, context."""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import datetime
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, func, select

from factcheck.audit import service as audit
from factcheck.core.errors import InvalidInput, NotFound
from factcheck.engines.base import ExtractedClaim, Provenance
from factcheck.models import Article, DraftingStatus, Note, Ticket, TicketState, User, UTCDateTime
from factcheck.tickets.states import bump_version
from factcheck.tickets.tally import add_to_tally, counts_by_state
from factcheck.users.permissions import Action, require


def create_from_claims(
    session: Session, *, article: Article, claims: list[ExtractedClaim], provenance: Provenance,
    actor: User | None,
) -> list[Ticket]:
    """One ticket per claim, each anchored to the exact span of the article it came from."""
    tickets = []
    for position, claim in enumerate(claims):
        if article.text[claim.start:claim.end] != claim.quote:
            # An engine bug must never store a quote the article does not contain.
            raise InvalidInput(
                f"Claim {position} quotes text that is not at {claim.start}:{claim.end} in the article."
            )
        ticket = Ticket(
            article_id=article.id,
            position=position,
            claim=claim.claim,
            quote=claim.quote,
            start=claim.start,
            end=claim.end,
            speaker=claim.speaker,
            reported_by=claim.reported_by,
            attribution=claim.attribution,
            kind=claim.kind.value,
            score=max(0.0, min(1.0, claim.score)),
            needs_human=claim.needs_human,
            flag_reason=claim.flag_reason,
            state=TicketState.unverified,
            drafting_status=DraftingStatus.pending,
            engine=provenance.engine,
            model=provenance.model,
            prompt_name=provenance.prompt_name,
            prompt_hash=provenance.prompt_hash,
        )
        session.add(ticket)
        tickets.append(ticket)
    session.flush()
    add_to_tally(session, {TicketState.unverified.value: len(tickets)})
    for ticket in tickets:
        audit.record(
            session, actor=actor, actor_name=provenance.engine, action="create",
            ticket_id=ticket.id, article_id=article.id, to_value=TicketState.unverified.value,
            detail={"engine": provenance.engine, "model": provenance.model},
        )
    return tickets


def get(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"No ticket with id {ticket_id}.")
    return ticket


@dataclass
class QueueFilter:
    state: str | None = None
    article_id: int | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    drafting_failed: bool = False
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
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        direction, cursor_sort, value, ticket_id = json.loads(raw)
        if direction not in ("after", "before") or cursor_sort != sort or not isinstance(ticket_id, int):
            raise ValueError
        column, _ = SORTS[sort]
        if isinstance(column.type, (sa.DateTime, UTCDateTime)):
            value = datetime.fromisoformat(value)
        elif not isinstance(value, (int, float)):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
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
    if f.state and f.state not in TicketState.__members__:
        raise InvalidInput(f"Unknown state {f.state!r}.")
    if f.sort not in SORTS:
        raise InvalidInput(f"Unknown sort {f.sort!r}; choose one of {', '.join(SORTS)}.")
    conditions = []
    if f.state:
        conditions.append(Ticket.state == f.state)
    if f.article_id:
        conditions.append(Ticket.article_id == f.article_id)
    if f.assignee_id:
        conditions.append(Ticket.assignee_id == f.assignee_id)
    if f.unassigned:
        conditions.append(Ticket.assignee_id.is_(None))
    if f.drafting_failed:
        conditions.append(Ticket.drafting_status == DraftingStatus.failed)
    if f.q:
        for word in f.q.split()[:8]:
            conditions.append(Ticket.claim.ilike(f"%{_escape_like(word)}%", escape="\\"))
    per_page = max(1, min(f.per_page, 200))
    only_state = not (f.article_id or f.assignee_id or f.unassigned or f.drafting_failed or f.q)
    if only_state:
        counts = counts_by_state(session)
        total = counts[f.state] if f.state else sum(counts.values())
    else:
        total = session.exec(select(func.count()).select_from(Ticket).where(*conditions)).one()

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
    ordering = (column.desc(), Ticket.id.desc()) if descending else (column.asc(), Ticket.id.asc())
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
    has_next = more if not reverse else True
    has_prev = bool(f.cursor) and (more if reverse else True)
    return QueuePage(
        rows=rows, total=total, per_page=per_page,
        next_cursor=_encode_cursor("after", f.sort, rows[-1][0]) if rows and has_next else None,
        prev_cursor=_encode_cursor("before", f.sort, rows[0][0]) if rows and has_prev else None,
    )


def _escape_like(word: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", word)


def neighbours(session: Session, ticket: Ticket) -> tuple[int | None, int | None]:
    """The tickets before and after this one in the default queue order (most check-worthy
    first), so a reviewer can walk the queue from ticket to ticket."""
    before = session.exec(
        select(Ticket.id).where(sa.or_(Ticket.score > ticket.score,
                                       sa.and_(Ticket.score == ticket.score, Ticket.id > ticket.id)))
        .order_by(Ticket.score.asc(), Ticket.id.asc()).limit(1)).first()
    after = session.exec(
        select(Ticket.id).where(sa.or_(Ticket.score < ticket.score,
                                       sa.and_(Ticket.score == ticket.score, Ticket.id < ticket.id)))
        .order_by(Ticket.score.desc(), Ticket.id.desc()).limit(1)).first()
    return before, after


def for_article(session: Session, article_id: int) -> list[Ticket]:
    stmt = select(Ticket).where(Ticket.article_id == article_id).order_by(Ticket.position)
    return list(session.exec(stmt))


def assign(
    session: Session, *, ticket: Ticket, assignee: User | None, actor: User, expected_version: int
) -> Ticket:
    """Give a ticket to a reviewer (or to nobody)."""
    require(actor, Action.assign)
    before = ticket.assignee_id
    bump_version(session, ticket=ticket, expected_version=expected_version,
                 values={"assignee_id": assignee.id if assignee else None})
    audit.record(
        session, actor=actor, action="assign", ticket_id=ticket.id, article_id=ticket.article_id,
        from_value=str(before) if before else None, to_value=assignee.name if assignee else None,
    )
    return ticket


def bulk_assign(
    session: Session, *, tickets: list[tuple[Ticket, int]], assignee: User | None, actor: User
) -> list[Ticket]:
    """Assign several tickets at the versions the actor saw; all or nothing."""
    from factcheck.core.errors import Conflict

    if not tickets:
        raise InvalidInput("Select at least one ticket.")
    done = []
    for ticket, version in tickets:
        try:
            done.append(assign(session, ticket=ticket, assignee=assignee, actor=actor, expected_version=version))
        except Conflict as exc:
            raise type(exc)(f"Ticket {ticket.id}: {exc.message} Nothing was changed.",
                            details=exc.details) from None
    return done


def parse_selected(session: Session, values: list[str]) -> list[tuple[Ticket, int]]:
    """Checked queue rows, each "ticket_id:version", as tickets with the version the user saw."""
    if len(values) > 500:
        raise InvalidInput("Select at most 500 tickets at a time.")
    out = []
    for value in values:
        tid, _, version = value.partition(":")
        if not (tid.isdigit() and version.isdigit()):
            raise InvalidInput(f"{value!r} is not a ticket selection (expected id:version).")
        out.append((get(session, int(tid)), int(version)))
    return out


def add_note(session: Session, *, ticket: Ticket, actor: User, text: str, url: str | None) -> Note:
    """An evidence note: what a checker found, with an optional link."""
    from factcheck.drafts.service import clean_url

    require(actor, Action.add_notes)
    text = (text or "").strip()
    if not text:
        raise InvalidInput("A note needs some text.")
    if len(text) > 20_000:
        raise InvalidInput("A note is limited to 20,000 characters.")
    note = Note(ticket_id=ticket.id, author_id=actor.id, text=text, url=clean_url(url))
    session.add(note)
    session.flush()
    audit.record(session, actor=actor, action="note", ticket_id=ticket.id,
                 article_id=ticket.article_id, detail={"note_id": note.id})
    return note


def notes(session: Session, ticket_id: int) -> list[tuple[Note, User]]:
    stmt = (
        select(Note, User).join(User, User.id == Note.author_id)
        .where(Note.ticket_id == ticket_id).order_by(Note.created_at, Note.id)
    )
    return list(session.exec(stmt))


@dataclass
class Context:
    before: str
    quote: str
    after: str


def context(article: Article, ticket: Ticket) -> Context:
    """The paragraph around a claim, split so the quote can be highlighted exactly."""
    return span_context(article.text, ticket.start, ticket.end)


def span_context(text: str, start: int, end: int) -> Context:
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    return Context(text[para_start:start], text[start:end], text[end:para_end])
