"""Finding matches for claims as they arrive: each new ticket against the desk's earlier tickets,
imported fact-checks and the other new tickets of its article; each newly imported fact-check
against the tickets. A candidate over the suggestion threshold is stored as a match (``ClaimMatch``);
over the link threshold, and agreeing on its figures, it is linked."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import RetryableError
from factcheck.encoders import Encoder
from factcheck.events import emit
from factcheck.events.matching import MatchFound
from factcheck.matching import index, similarity, vectors
from factcheck.models import ClaimMatch, FactCheck, MatchKind, MatchStatus, Ticket, utcnow

log = logging.getLogger(__name__)


def thresholds(settings: Settings) -> tuple[float, float]:
    """(suggest, link): the settings', or the ones measured with the encoder's fitted model."""
    suggest, link = similarity.thresholds(vectors.encoder_for(settings))
    suggest = settings.match_suggest if settings.match_suggest is not None else suggest
    link = settings.match_link if settings.match_link is not None else link
    return suggest, max(link, suggest)


def _long_enough(claim: str, settings: Settings) -> bool:
    return (
        len(similarity.terms(claim)) >= settings.match_min_words - 2 and len(claim.split()) >= settings.match_min_words
    )


def _worth_matching(claims: list[Any], unit: np.ndarray | None, settings: Settings) -> tuple[list[Any], Any]:
    """The claims (tickets or fact-checks) long enough to match, with their vectors if given."""
    kept = [n for n, c in enumerate(claims) if c.id is not None and _long_enough(c.claim, settings)]
    return [claims[n] for n in kept], (unit[kept] if unit is not None else None)


def _encoded(session: Session, encoder: Encoder, kind: MatchKind, claims: list[tuple[int, str]]) -> np.ndarray | None:
    """The claims' vectors, made and kept now; None when the encoder cannot make them now (an
    embedding endpoint down): the embedding job makes them later and matches the claims then."""
    try:
        return vectors.keep(session, encoder, kind, claims)
    except RetryableError as exc:
        log.warning("matching %d new claims later: %s", len(claims), exc.message)
        vectors.schedule(session, reason="encoder failed")
        return None


def match_new_tickets(
    session: Session, *, tickets: list[Ticket], settings: Settings | None = None, unit: np.ndarray | None = None
) -> list[ClaimMatch]:
    """Compare tickets just created with every earlier ticket (not dismissed) and every imported
    fact-check, and with each other (the same claim made twice in one article); store a match for
    each candidate over the suggestion threshold. ``settings`` default to the environment's
    (workers make tickets with no request at hand); ``unit``: the tickets' vectors, when already
    made and kept."""
    settings = settings or get_settings()
    tickets, unit = _worth_matching(tickets, unit, settings)
    if not tickets:
        return []
    suggest, link = thresholds(settings)
    encoder = vectors.encoder_for(settings)
    if unit is None:
        unit = _encoded(session, encoder, MatchKind.ticket, [(t.id, t.claim) for t in tickets])
        if unit is None:
            return []
    desk = index.desk_index(session, encoder, uncommitted={(MatchKind.ticket.value, t.id) for t in tickets})
    with desk.lock:
        found = {t.id: desk.index.search(t.claim, k=8, unit=unit[n]) for n, t in enumerate(tickets)}
    for ticket, earlier in _among_themselves(tickets, unit, desk.index).items():
        found[ticket] = found[ticket] + earlier
    wanted = {c.key for cands in found.values() for c in cands if c.score >= suggest}
    targets = _live_targets(session, wanted, settings)
    matches = []
    for ticket in tickets:
        for c in found[ticket.id]:
            kind, target_id = c.key
            target = targets.get(c.key)
            if c.score < suggest or target is None or (kind == MatchKind.ticket and target_id == ticket.id):
                continue
            sure = c.score >= link and same_figures(ticket.claim, target.claim)
            matches.append(_store(session, ticket, kind, target_id, c.score, sure, similarity.method(encoder)))
    return [m for m in matches if m is not None]


def _among_themselves(
    tickets: list[Ticket], unit: np.ndarray, desk: similarity.Index
) -> dict[int, list[similarity.Candidate]]:
    """Each new ticket against the ones made before it in the same batch (one article's claims):
    the same claim made twice is offered for a merge."""
    out: dict[int, list[similarity.Candidate]] = {t.id: [] for t in tickets if t.id is not None}
    if len(tickets) < 2:
        return out
    batch = similarity.Index(desk.encoder, desk.weights)
    batch.add([((MatchKind.ticket.value, t.id), t.claim) for t in tickets], unit=unit)
    for n, ticket in enumerate(tickets[1:], start=1):
        earlier = {(MatchKind.ticket.value, t.id) for t in tickets[:n]}
        found = batch.search(ticket.claim, k=len(tickets), unit=unit[n])
        out[ticket.id] = [c for c in found if c.key in earlier]
    return out


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def same_figures(a: str, b: str) -> bool:
    """Whether two claims agree on their figures: "voted 7-2" and "voted 6-3" are not the same claim,
    however alike their words; such a pair is at most suggested, never linked. One claim may state
    a figure the other leaves out (a date, a year): only a figure on each side that the other lacks
    is a disagreement."""
    mine, theirs = set(_FIGURE.findall(a)), set(_FIGURE.findall(b))
    return not (mine - theirs and theirs - mine)


def match_new_fact_checks(
    session: Session, *, fact_checks: list[FactCheck], settings: Settings, unit: np.ndarray | None = None
) -> list[ClaimMatch] | None:
    """The other direction of time: a fact-check imported today, matched with yesterday's tickets
    (``unit``: their vectors, when already made and kept); None when they cannot be encoded now
    and the embedding job will match them."""
    fact_checks, unit = _worth_matching(fact_checks, unit, settings)
    if not fact_checks:
        return []
    suggest, link = thresholds(settings)
    encoder = vectors.encoder_for(settings)
    if unit is None:
        unit = _encoded(session, encoder, MatchKind.factcheck, [(f.id, f.claim) for f in fact_checks])
        if unit is None:
            return None
    desk = index.desk_index(session, encoder, uncommitted={(MatchKind.factcheck.value, f.id) for f in fact_checks})
    with desk.lock:
        found = {f.id: desk.index.search(f.claim, k=20, unit=unit[n]) for n, f in enumerate(fact_checks)}
    wanted = {c.key for cands in found.values() for c in cands if c.score >= suggest and c.key[0] == MatchKind.ticket}
    targets = _live_targets(session, wanted, settings)
    matches = []
    for fc in fact_checks:
        for c in found[fc.id]:
            ticket = targets.get(c.key)
            if ticket is not None and c.score >= suggest:
                sure = c.score >= link and same_figures(ticket.claim, fc.claim)
                matches.append(
                    _store(session, ticket, MatchKind.factcheck, fc.id, c.score, sure, similarity.method(encoder))
                )
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


def _store(
    session: Session, ticket: Ticket, kind: str, target_id: int, score: float, sure: bool, method: str
) -> ClaimMatch | None:
    column = ClaimMatch.target_ticket_id if kind == MatchKind.ticket else ClaimMatch.fact_check_id
    if session.exec(select(ClaimMatch.id).where(ClaimMatch.ticket_id == ticket.id, column == target_id)).first():
        return None
    status = MatchStatus.linked if sure else MatchStatus.suggested
    match = ClaimMatch(
        ticket_id=ticket.id,
        kind=kind,
        score=round(score, 4),
        method=method,
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
