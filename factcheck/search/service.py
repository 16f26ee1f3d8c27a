"""Grounded sources: the drafted queries (and the claim) run against the search connectors, the
results ranked against the claim and stored as candidate sources a reviewer approves or rejects.
Retrieval never decides a verdict: a result is a suggestion like any draft.

External connectors run as a job (a network call never holds a transaction open); the desk's own
tickets are searched at once, in the same transaction as the drafts.
"""

from __future__ import annotations

import logging

import numpy as np
from sqlmodel import Session, col, select

from factcheck import encoders
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import NotFound
from factcheck.core.locks import refuse_if_published
from factcheck.encoders import Encoder
from factcheck.engines.offline import drafting
from factcheck.events import by, emit
from factcheck.events.drafts import SearchQueued
from factcheck.jobs import service as jobs
from factcheck.models import DraftItem, DraftKind, DraftStatus, Job, Ticket, utcnow
from factcheck.search.connectors import Internal, Result

log = logging.getLogger(__name__)

SEARCH = "search"
MAX_SOURCES = 5
MAX_QUERIES = 3
PER_QUERY = 5


def queries_for(session: Session, ticket: Ticket) -> list[str]:
    """The claim's key terms first, then the drafted sources' queries; at most three, no repeats."""
    drafted = session.exec(
        select(DraftItem.search_query).where(
            DraftItem.ticket_id == ticket.id,
            DraftItem.kind == DraftKind.source,
            col(DraftItem.connector).is_(None),
            DraftItem.status != DraftStatus.rejected,
            col(DraftItem.search_query).is_not(None),
        )
    )
    out: list[str] = []
    for q in [drafting.key_terms(drafting.core_claim(ticket.claim)), *drafted]:
        q = " ".join((q or "").replace('"', " ").split())[:200]
        # site: scopes and quoted phrases are for a person's search box, not an API's.
        q = " ".join(w for w in q.split() if not w.startswith("site:"))
        if q and q.lower() not in {o.lower() for o in out}:
            out.append(q)
    return out[:MAX_QUERIES]


def rank(claim: str, results: list[Result], limit: int = MAX_SOURCES, encoder: Encoder | None = None) -> list[Result]:
    """The results that bear most on the claim: one per URL, by similarity of their title and
    snippet to the claim (the desk's sentence encoder, and shared words); published fact-checks
    first among equals."""
    unique: dict[str, Result] = {}
    for r in results:
        unique.setdefault(r.url.rstrip("/"), r)
    items = list(unique.values())
    if not items:
        return []
    encoder = encoder or encoders.get(encoders.chosen(get_settings().encoder), get_settings())
    vectors = encoder.encode([claim] + [f"{r.title}. {r.snippet}" for r in items])
    words = set(w.lower() for w in claim.split() if len(w) > 3)
    scores = []
    for r, v in zip(items, vectors[1:], strict=True):
        shared = len(words & set(w.lower() for w in f"{r.title} {r.snippet}".split())) / max(len(words), 1)
        scores.append(float(np.dot(vectors[0], v)) + 0.5 * shared + (0.1 if r.rating else 0.0))
    order = sorted(range(len(items)), key=lambda i: -scores[i])
    return [items[i] for i in order[:limit]]


def store(session: Session, *, ticket: Ticket, results: list[Result]) -> list[DraftItem]:
    """Replace the unreviewed search results with these; a reviewed one stays, and a URL the ticket
    already has is not added again."""
    for old in session.exec(
        select(DraftItem).where(
            DraftItem.ticket_id == ticket.id,
            col(DraftItem.connector).is_not(None),
            DraftItem.status == DraftStatus.proposed,
        )
    ):
        session.delete(old)
    session.flush()
    have = {u.rstrip("/") for u in session.exec(select(DraftItem.url).where(DraftItem.ticket_id == ticket.id)) if u}
    now, made = utcnow(), []
    for r in results:
        if r.url.rstrip("/") in have:
            continue
        item = DraftItem(
            ticket_id=ticket.id,
            kind=DraftKind.source,
            text=r.title or r.url,
            url=r.url,
            search_query=r.query,
            source_kind="fact-check" if r.rating else "search result",
            status=DraftStatus.proposed,
            rationale=(
                f"Chosen by the model from the {r.connector} results for “{r.query}”: {r.why}"
                if r.why
                else f"Found by {r.connector} for “{r.query}”; ranked by likeness to the claim."
            ),
            engine="search",
            model=r.connector,
            connector=r.connector,
            snippet=r.snippet or None,
            publisher=r.publisher,
            published=r.published,
            rating=r.rating,
            retrieved_at=now,
        )
        session.add(item)
        made.append(item)
        have.add(r.url.rstrip("/"))
    session.flush()
    return made


def after_drafting(session: Session, ticket: Ticket, settings: Settings | None = None) -> None:
    """Search for a freshly drafted ticket: the desk's own verdicts now, the external connectors
    as a job when any is configured."""
    settings = settings or get_settings()
    internal = [r for q in queries_for(session, ticket) for r in Internal(session, ticket.id).search(q, PER_QUERY)]
    if internal:
        store(session, ticket=ticket, results=rank(ticket.claim, internal))
    if settings.search_connectors.strip():
        enqueue(session, [ticket])


def enqueue(session: Session, tickets: list[Ticket]) -> None:
    """Queue a search per ticket (one already waiting for a ticket is done now instead)."""
    for t in tickets:
        jobs.enqueue(
            session,
            SEARCH,
            subject_id=t.id,
            group=f"article:{t.article_id}",
            dedupe=f"{SEARCH}:{t.id}",
            reason="search",
        )


def search_again(session: Session, *, actor: Actor, ticket_id: int, settings: Settings | None = None) -> Ticket:
    """A reviewer asks for the search to be run again (after a connector failed, say)."""
    require(actor, Action.review_drafts)
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"No ticket with id {ticket_id}.")
    refuse_if_published(session, ticket)
    after_drafting(session, ticket, settings)
    emit(session, SearchQueued(**by(actor), ticket_id=ticket.id, article_id=ticket.article_id))
    return ticket


def latest_job(session: Session, ticket_id: int) -> Job | None:
    return jobs.latest(session, SEARCH, ticket_id)
