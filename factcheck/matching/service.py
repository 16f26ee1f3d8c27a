"""Previously checked: what reviewers see of the matches ``matching.finding`` stored, and what
they decide about each; the claims that keep coming back."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict, NotFound
from factcheck.events import by, emit
from factcheck.events.matching import MatchReviewed
from factcheck.matching import index
from factcheck.models import (
    ClaimMatch,
    FactCheck,
    MatchKind,
    MatchStatus,
    Ticket,
    Verdict,
    as_utc,
    utcnow,
    verdict_of,
)

log = logging.getLogger(__name__)


def reset_indexes() -> None:
    """Forget every in-memory index (tests that empty the database between runs)."""
    index.reset_indexes()


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
    same_article: bool = False  # the other ticket is in this ticket's article: the claim made twice


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
    own = session.get(Ticket, ticket_id)
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
            view = _ticket_view(m, other, earlier=m.ticket_id == ticket_id)
            view.same_article = own is not None and other.article_id == own.article_id
            views.append(view)
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
    """The claims that come back most: groups of tickets and fact-checks joined by links the desk
    made or a person confirmed (suggestions are not counted), each shown by its earliest open
    ticket, with how many others make the same claim."""
    sure = col(ClaimMatch.status).in_([MatchStatus.linked, MatchStatus.confirmed])
    edges = session.execute(
        select(ClaimMatch.ticket_id, ClaimMatch.target_ticket_id, ClaimMatch.fact_check_id).where(sure)
    )
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for ticket_id, target_id, fact_check_id in edges:
        other = ("t", target_id) if target_id is not None else ("f", fact_check_id)
        parent[root(("t", ticket_id))] = root(other)
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in list(parent):
        groups.setdefault(root(node), []).append(node)
    ids = [i for kind, i in parent if kind == "t"]
    live = select(Ticket).where(col(Ticket.id).in_(ids), col(Ticket.dismissed_reason).is_(None))
    tickets = {t.id: t for t in session.exec(live)}
    out = []
    for members in groups.values():
        shown = min((i for kind, i in members if kind == "t" and i in tickets), default=None)
        if shown is not None:
            out.append(Recurrent(shown, tickets[shown].claim, tickets[shown].state, len(members) - 1))
    return sorted(out, key=lambda r: (-r.times, r.ticket_id))[:limit]
