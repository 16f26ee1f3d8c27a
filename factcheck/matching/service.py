"""Previously checked: each new ticket matched against the desk's earlier tickets and imported
fact-checks, and what reviewers decide about each match.

The similarity index (similarity.py) lives in this process's memory, one per database, and is
topped up from committed rows whenever it is used, so every app and worker process sees what the
others stored. Rows created by the running transaction are searched but not indexed until they are
committed (a rollback must not leave a claim in the index under an id that may be reused).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import Conflict, NotFound
from factcheck.events import by, emit
from factcheck.events.matching import MatchFound, MatchReviewed
from factcheck.matching import similarity
from factcheck.models import (
    ClaimMatch,
    FactCheck,
    MatchKind,
    MatchStatus,
    Ticket,
    TicketState,
    Verdict,
    as_utc,
    utcnow,
    verdict_of,
)

# A row committed this many ids behind the newest one already indexed is still picked up
# (PostgreSQL hands out ids before commit, so they can commit out of order).
_LATE_COMMITS = 2_000
_FINAL_STATES = (TicketState.corroborated.value, TicketState.disputed.value)


@dataclass
class _DeskIndex:
    index: similarity.Index = field(default_factory=similarity.Index)
    seen: dict[str, set[int]] = field(default_factory=lambda: {MatchKind.ticket: set(), MatchKind.factcheck: set()})
    lock: threading.Lock = field(default_factory=threading.Lock)


_INDEXES: dict[str, _DeskIndex] = {}
_INDEXES_LOCK = threading.Lock()


def _desk_index(session: Session, *, uncommitted: dict[str, set[int]]) -> _DeskIndex:
    """This database's index, topped up with every row it has not seen, except ``uncommitted``."""
    url = session.get_bind().url.render_as_string(hide_password=False)
    with _INDEXES_LOCK:
        desk = _INDEXES.setdefault(url, _DeskIndex())
    with desk.lock:
        for kind, model, text in (
            (MatchKind.ticket, Ticket, Ticket.claim),
            (MatchKind.factcheck, FactCheck, FactCheck.claim),
        ):
            seen, skip = desk.seen[kind], uncommitted.get(kind, set())
            floor = max(seen, default=0) - _LATE_COMMITS
            ids = [
                i
                for i in session.execute(select(model.id).where(model.id > floor)).scalars()
                if i not in seen and i not in skip
            ]
            for start in range(0, len(ids), 5_000):  # texts only for what is new, a chunk at a time
                chunk = ids[start : start + 5_000]
                rows = session.execute(select(model.id, text).where(model.id.in_(chunk)).order_by(model.id)).all()
                desk.index.add(((kind.value, row[0]), row[1]) for row in rows)
                seen.update(row[0] for row in rows)
    return desk


def reset_indexes() -> None:
    """Forget every in-memory index (tests that empty the database between runs)."""
    with _INDEXES_LOCK:
        _INDEXES.clear()


def thresholds(settings: Settings) -> tuple[float, float]:
    """(suggest, link): the settings', or the ones measured with the fitted model."""
    suggest, link = similarity.thresholds()
    suggest = settings.match_suggest if settings.match_suggest is not None else suggest
    link = settings.match_link if settings.match_link is not None else link
    return suggest, max(link, suggest)


def _long_enough(claim: str, settings: Settings) -> bool:
    return (
        len(similarity.terms(claim)) >= settings.match_min_words - 2 and len(claim.split()) >= settings.match_min_words
    )


def match_new_tickets(session: Session, *, tickets: list[Ticket], settings: Settings | None = None) -> list[ClaimMatch]:
    """Compare tickets just created with every earlier ticket (not dismissed, from other articles)
    and every imported fact-check; store a match for each candidate over the suggestion threshold.
    ``settings`` default to the environment's (workers make tickets with no request at hand)."""
    settings = settings or get_settings()
    tickets = [t for t in tickets if t.id is not None and _long_enough(t.claim, settings)]
    if not tickets:
        return []
    suggest, link = thresholds(settings)
    desk = _desk_index(session, uncommitted={MatchKind.ticket: {t.id for t in tickets}})
    with desk.lock:
        found = {t.id: desk.index.search(t.claim, k=8) for t in tickets}
    wanted = {c.key for cands in found.values() for c in cands if c.score >= suggest}
    targets = _live_targets(session, wanted, settings)
    matches = []
    for ticket in tickets:
        for c in found[ticket.id]:
            kind, target_id = c.key
            target = targets.get(c.key)
            if c.score < suggest or target is None:
                continue
            if kind == MatchKind.ticket and (target_id == ticket.id or target.article_id == ticket.article_id):
                continue
            matches.append(_store(session, ticket, kind, target_id, c.score, link))
    return [m for m in matches if m is not None]


def match_new_fact_checks(session: Session, *, fact_checks: list[FactCheck], settings: Settings) -> list[ClaimMatch]:
    """The other direction of time: a fact-check imported today, matched with yesterday's tickets."""
    fact_checks = [f for f in fact_checks if _long_enough(f.claim, settings)]
    if not fact_checks:
        return []
    suggest, link = thresholds(settings)
    desk = _desk_index(session, uncommitted={MatchKind.factcheck: {f.id for f in fact_checks}})
    with desk.lock:
        found = {f.id: desk.index.search(f.claim, k=20) for f in fact_checks}
    wanted = {c.key for cands in found.values() for c in cands if c.score >= suggest and c.key[0] == MatchKind.ticket}
    targets = _live_targets(session, wanted, settings)
    matches = []
    for fc in fact_checks:
        for c in found[fc.id]:
            ticket = targets.get(c.key)
            if ticket is not None and c.score >= suggest:
                matches.append(_store(session, ticket, MatchKind.factcheck, fc.id, c.score, link))
    return [m for m in matches if m is not None]


def _live_targets(session: Session, keys: set[tuple[str, int]], settings: Settings) -> dict[tuple[str, int], Any]:
    """The candidates that still exist and count: no dismissed ticket, nothing older than the window."""
    since = utcnow() - timedelta(days=settings.match_within_days) if settings.match_within_days else None
    out: dict[tuple[str, int], Any] = {}
    ticket_ids = [i for k, i in keys if k == MatchKind.ticket]
    if ticket_ids:
        stmt = select(Ticket).where(col(Ticket.id).in_(ticket_ids), col(Ticket.dismissed_reason).is_(None))
        if since:
            stmt = stmt.where(Ticket.created_at >= since)
        out.update(((MatchKind.ticket.value, t.id), t) for t in session.exec(stmt))
    fc_ids = [i for k, i in keys if k == MatchKind.factcheck]
    if fc_ids:
        stmt = select(FactCheck).where(col(FactCheck.id).in_(fc_ids), col(FactCheck.withdrawn_at).is_(None))
        if since:
            stmt = stmt.where(sa.or_(col(FactCheck.reviewed_on).is_(None), FactCheck.reviewed_on >= since.date()))
        out.update(((MatchKind.factcheck.value, f.id), f) for f in session.exec(stmt))
    return out


def _store(session: Session, ticket: Ticket, kind: str, target_id: int, score: float, link: float) -> ClaimMatch | None:
    column = ClaimMatch.target_ticket_id if kind == MatchKind.ticket else ClaimMatch.fact_check_id
    if session.exec(select(ClaimMatch.id).where(ClaimMatch.ticket_id == ticket.id, column == target_id)).first():
        return None
    status = MatchStatus.linked if score >= link else MatchStatus.suggested
    match = ClaimMatch(
        ticket_id=ticket.id,
        kind=kind,
        score=round(score, 4),
        method=similarity.METHOD,
        status=status.value,
        **({"target_ticket_id": target_id} if kind == MatchKind.ticket else {"fact_check_id": target_id}),
    )
    session.add(match)
    session.flush()
    emit(
        session,
        MatchFound(
            by="matching",
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            status=status,
            match_id=match.id,
            kind=kind,
            target_id=target_id,
            score=match.score,
            method=match.method,
        ),
    )
    return match


# What a reviewer sees and decides


@dataclass
class MatchView:
    """A match as the ticket ``seen_from`` shows it: the other side's claim and what became of it."""

    id: int
    kind: str
    target_id: int
    score: float
    status: str
    version: int
    method: str
    claim: str
    earlier: bool  # the other claim was there first
    verdict: Verdict | None = None  # of the other ticket
    rating: str | None = None
    publisher: str | None = None
    url: str | None = None
    reviewed_on: date | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    imported: str | None = None  # for a fact-check: who imported it, from where, when


def for_ticket(session: Session, ticket_id: int, *, include_rejected: bool = True) -> list[MatchView]:
    """Every match touching the ticket, in both directions of time, best first."""
    stmt = select(ClaimMatch).where(sa.or_(ClaimMatch.ticket_id == ticket_id, ClaimMatch.target_ticket_id == ticket_id))
    if not include_rejected:
        stmt = stmt.where(ClaimMatch.status != MatchStatus.rejected)
    matches = list(session.exec(stmt))
    if not matches:
        return []
    other_ids = {
        m.target_ticket_id if m.ticket_id == ticket_id else m.ticket_id for m in matches if m.kind == MatchKind.ticket
    }
    tickets = {t.id: t for t in session.exec(select(Ticket).where(col(Ticket.id).in_(other_ids)))} if other_ids else {}
    fcs = {
        f.id: f
        for f in session.exec(
            select(FactCheck).where(
                col(FactCheck.id).in_([m.fact_check_id for m in matches if m.fact_check_id]),
                col(FactCheck.withdrawn_at).is_(None),
            )
        )
    }
    views = []
    for m in matches:
        if m.kind == MatchKind.ticket:
            other = tickets[m.target_ticket_id if m.ticket_id == ticket_id else m.ticket_id]
            views.append(_ticket_view(m, other, earlier=m.ticket_id == ticket_id))
        elif (fc := fcs.get(m.fact_check_id)) is not None:  # else withdrawn by an editor
            views.append(_fact_check_view(m, fc))
    order = {MatchStatus.confirmed: 0, MatchStatus.linked: 1, MatchStatus.suggested: 2, MatchStatus.rejected: 3}
    return sorted(views, key=lambda v: (order[MatchStatus(v.status)], -v.score))


def _common(m: ClaimMatch) -> dict[str, Any]:
    return dict(
        id=m.id,
        kind=m.kind,
        score=m.score,
        status=m.status,
        version=m.version,
        method=m.method,
        decided_by=m.decided_by,
        decided_at=m.decided_at,
    )


def _ticket_view(m: ClaimMatch, other: Ticket, *, earlier: bool) -> MatchView:
    return MatchView(**_common(m), target_id=other.id, claim=other.claim, earlier=earlier, verdict=verdict_of(other))


def _fact_check_view(m: ClaimMatch, fc: FactCheck) -> MatchView:
    return MatchView(
        **_common(m),
        target_id=fc.id,
        claim=fc.claim,
        earlier=True,
        rating=fc.rating,
        publisher=fc.publisher,
        url=fc.url,
        reviewed_on=fc.reviewed_on,
        imported=imported_note(fc),
    )


def imported_note(fc: FactCheck) -> str:
    """Who imported a fact-check, when, and from where."""
    where = f" from {fc.source}" if fc.source else ""
    return f"imported by {fc.imported_by} on {as_utc(fc.imported_at):%Y-%m-%d}{where}"


class StaleMatch(Conflict):
    code = "stale_version"


def get(session: Session, match_id: int) -> ClaimMatch:
    match = session.get(ClaimMatch, match_id)
    if match is None:
        raise NotFound(f"No match with id {match_id}.")
    return match


def decide(session: Session, *, actor: Actor, match_id: int, confirm: bool, expected_version: int) -> ClaimMatch:
    """A reviewer says the two claims are the same claim (confirm) or not (reject); either can be
    changed later, from the version they saw."""
    person = require_person(actor, Action.review_drafts)
    match = get(session, match_id)
    status = MatchStatus.confirmed if confirm else MatchStatus.rejected
    before = match.status
    changed = session.execute(
        sa.update(ClaimMatch)
        .where(ClaimMatch.id == match.id, ClaimMatch.version == expected_version)
        .values(status=status.value, version=expected_version + 1, decided_by=person.name, decided_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(match)
    if changed != 1:
        who = f" by {match.decided_by}" if match.decided_by else ""
        raise StaleMatch(
            f"This match was changed{who} after you opened it (you saw version {expected_version}, "
            f"it is now version {match.version}, {match.status}). Reload and try again.",
            details={"current_version": match.version, "status": match.status},
        )
    ticket = session.get(Ticket, match.ticket_id)
    emit(
        session,
        MatchReviewed(
            **by(person),
            ticket_id=match.ticket_id,
            article_id=ticket.article_id if ticket else None,
            before=before,
            status=status,
            match_id=match.id,
            kind=match.kind,
            target_id=match.target_ticket_id or match.fact_check_id,
        ),
    )
    session.flush()
    return match


def previously_checked_filter() -> Any:
    """SQL condition: the ticket has a linked or confirmed match, in either direction."""
    live = col(ClaimMatch.status).in_([MatchStatus.linked.value, MatchStatus.confirmed.value])
    return sa.or_(
        col(Ticket.id).in_(select(ClaimMatch.ticket_id).where(live)),
        col(Ticket.id).in_(
            select(ClaimMatch.target_ticket_id).where(live, col(ClaimMatch.target_ticket_id).is_not(None))
        ),
    )


# Importing published fact-checks


def view(session: Session, match: ClaimMatch) -> MatchView:
    """The match as its later ticket shows it."""
    return next(v for v in for_ticket(session, match.ticket_id) if v.id == match.id)


@dataclass
class Recurrent:
    ticket_id: int
    claim: str
    state: str
    times: int  # other tickets and fact-checks making the same claim


def most_recurrent(session: Session, *, limit: int = 10) -> list[Recurrent]:
    """The claims that come back most: tickets with the most matches not rejected, either way round."""
    live = ClaimMatch.status != MatchStatus.rejected
    ends = sa.union_all(
        select(col(ClaimMatch.ticket_id).label("tid")).where(live),
        select(col(ClaimMatch.target_ticket_id).label("tid")).where(
            live, col(ClaimMatch.target_ticket_id).is_not(None)
        ),
    ).subquery()
    counted = (
        select(ends.c.tid, sa.func.count().label("n"))
        .group_by(ends.c.tid)
        .order_by(sa.func.count().desc(), ends.c.tid)
        .limit(limit)
    ).subquery()
    rows = session.execute(
        select(Ticket.id, Ticket.claim, Ticket.state, counted.c.n)
        .join(counted, counted.c.tid == Ticket.id)
        .where(col(Ticket.dismissed_reason).is_(None))
        .order_by(counted.c.n.desc(), Ticket.id)
    ).all()
    return [Recurrent(r[0], r[1], r[2], r[3]) for r in rows]
