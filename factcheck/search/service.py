"""Grounded sources: the drafted queries (and the claim) run against the search connectors, the
results ranked against the claim and stored as candidate sources a reviewer approves or rejects.
Retrieval never decides a verdict: a result is a suggestion like any draft.

External connectors run as a job (a network call never holds a transaction open); the desk's own
tickets are searched at once, in the same transaction as the drafts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime

import numpy as np
from sqlmodel import Session, select

from factcheck.audit import service as audit
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import NotFound
from factcheck.core.locks import is_published, refuse_if_published
from factcheck.engines.base import Engine, EngineError
from factcheck.engines.offline import drafting, embedding
from factcheck.jobs.doorbell import queued
from factcheck.models import DraftItem, DraftKind, DraftStatus, Job, JobStatus, Ticket, utcnow
from factcheck.search.connectors import THROTTLE, ConnectorError, Internal, Result, external

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
            DraftItem.connector.is_(None),
            DraftItem.status != DraftStatus.rejected,
            DraftItem.search_query.is_not(None),
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


def rank(claim: str, results: list[Result], limit: int = MAX_SOURCES) -> list[Result]:
    """The results that bear most on the claim: one per URL, by similarity of their title and
    snippet to the claim (word vectors and shared words); published fact-checks first among equals."""
    unique: dict[str, Result] = {}
    for r in results:
        unique.setdefault(r.url.rstrip("/"), r)
    items = list(unique.values())
    if not items:
        return []
    vectors = embedding.embed([claim] + [f"{r.title}. {r.snippet}" for r in items])
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
            DraftItem.ticket_id == ticket.id, DraftItem.connector.is_not(None), DraftItem.status == DraftStatus.proposed
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


def enqueue(session: Session, tickets: list[Ticket]) -> list[Job]:
    waiting = set(
        session.exec(
            select(Job.ticket_id).where(
                Job.ticket_id.in_([t.id for t in tickets]),
                Job.kind == SEARCH,
                Job.status.in_([JobStatus.queued, JobStatus.running]),
            )
        )
    )
    made = [
        Job(kind=SEARCH, ticket_id=t.id, article_id=t.article_id, reason="search")
        for t in tickets
        if t.id not in waiting
    ]
    session.add_all(made)
    session.flush()
    if made:
        queued(session)
    return made


def search_again(session: Session, *, actor: Actor, ticket_id: int, settings: Settings | None = None) -> Ticket:
    """A reviewer asks for the search to be run again (after a connector failed, say)."""
    require(actor, Action.review_drafts)
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"No ticket with id {ticket_id}.")
    refuse_if_published(session, ticket)
    after_drafting(session, ticket, settings)
    audit.record(
        session,
        actor=actor if getattr(actor, "id", None) else None,
        actor_name=actor.name,
        action="search.queued",
        ticket_id=ticket.id,
        article_id=ticket.article_id,
    )
    return ticket


def latest_job(session: Session, ticket_id: int) -> Job | None:
    return session.exec(
        select(Job).where(Job.ticket_id == ticket_id, Job.kind == SEARCH).order_by(Job.id.desc()).limit(1)
    ).first()


@dataclass
class Searched:
    results: list[Result] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class SearchTicket:
    """The job that runs a ticket's queries against the external connectors."""

    kind = SEARCH

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def load(self, session: Session, job: Job) -> tuple[str, list[str]] | None:
        ticket = session.get(Ticket, job.ticket_id)
        if ticket is None or ticket.published_at is not None:
            return None
        return ticket.claim, queries_for(session, ticket)

    def run(self, engine: Engine, loaded: tuple[str, list[str]]) -> Searched:
        settings = self.settings or get_settings()
        claim, queries = loaded
        out = Searched()
        transient = []
        try:
            connectors = external(settings)
        except ConnectorError as exc:
            raise EngineError(f"search: {exc}") from None
        for connector in connectors:
            for query in queries:
                try:
                    out.results += THROTTLE.search(connector, query, PER_QUERY, settings)
                except ConnectorError as exc:
                    out.failures.append(str(exc))
                    transient.append(exc.transient)
                    break  # one failure is enough to know this connector is not answering now
        if out.failures and not out.results:
            raise EngineError("search failed: " + "; ".join(out.failures), transient=all(transient))
        out.results = self._choose(engine, claim, out)
        return out

    @staticmethod
    def _choose(engine: Engine, claim: str, out: Searched) -> list[Result]:
        """With a model: one call picks the results that bear on the claim and says why (it may cite
        only what it was given). Offline, or if that call fails: the similarity ranking."""
        shortlist = rank(claim, out.results, limit=12)
        pick = getattr(engine, "pick_sources", None)
        if pick is None or not shortlist:
            return shortlist[:MAX_SOURCES]
        try:
            chosen = pick(claim, [r.__dict__ for r in shortlist])
        except EngineError as exc:
            out.failures.append(f"choosing with the model: {exc.message}; ranked by similarity instead")
            return shortlist[:MAX_SOURCES]
        return [replace(shortlist[i], why=why) for i, why in chosen][:MAX_SOURCES]

    def apply(self, session: Session, job: Job, engine: Engine, result: Searched) -> None:
        ticket = session.get(Ticket, job.ticket_id)
        if is_published(session, ticket.id):
            # Published while the search ran: the verdict's sources are closed.
            audit.record(
                session,
                actor=None,
                actor_name="search",
                action="search.skipped",
                ticket_id=ticket.id,
                article_id=ticket.article_id,
                rationale="The ticket was published while the search ran; its results were not added.",
            )
            return
        internal = [r for q in queries_for(session, ticket) for r in Internal(session, ticket.id).search(q, PER_QUERY)]
        chosen = result.results if any(r.why for r in result.results) else rank(ticket.claim, result.results)
        made = store(session, ticket=ticket, results=(rank(ticket.claim, internal, limit=2) + chosen)[:MAX_SOURCES])
        audit.record(
            session,
            actor=None,
            actor_name="search",
            action="search.done",
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            to_value=str(len(made)),
            rationale="; ".join(result.failures)[:2000] or None,
        )

    def failed(self, session: Session, job: Job, engine: Engine, error: EngineError, next_try: datetime | None) -> None:
        log.warning("search for ticket %s: %s", job.ticket_id, error.message)
