"""The search job: a ticket's queries against the external connectors, the results chosen (by the
model when there is one, else by likeness to the claim) and stored as source drafts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlmodel import Session

from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import RetryableError
from factcheck.core.locks import is_published
from factcheck.engines.base import Engine, EngineError
from factcheck.events import emit
from factcheck.events.drafts import SearchDone, SearchSkipped
from factcheck.jobs.tasks import Work
from factcheck.models import Ticket
from factcheck.search.connectors import THROTTLE, ConnectorError, Internal, Result, external
from factcheck.search.service import MAX_SOURCES, PER_QUERY, SEARCH, queries_for, rank, store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    claim: str
    queries: list[str]


@dataclass
class Searched:
    results: list[Result] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class SearchTicket:
    """The job that runs a ticket's queries against the external connectors."""

    kind = SEARCH

    def __init__(self, engine: Engine, settings: Settings | None = None):
        self.engine = engine  # a model may choose among the results
        self.settings = settings

    def load(self, session: Session, work: Work) -> Loaded | None:
        ticket = session.get(Ticket, work.subject_id)
        if ticket is None or ticket.published_at is not None:
            return None
        return Loaded(ticket.claim, queries_for(session, ticket))

    def run(self, loaded: Loaded) -> Searched:
        settings = self.settings or get_settings()
        claim, queries = loaded.claim, loaded.queries
        out = Searched()
        transient = []
        try:
            connectors = external(settings)
        except ConnectorError as exc:
            raise RetryableError(f"search: {exc}") from None
        for connector in connectors:
            for query in queries:
                try:
                    out.results += THROTTLE.search(connector, query, PER_QUERY, settings)
                except ConnectorError as exc:
                    out.failures.append(str(exc))
                    transient.append(exc.transient)
                    break  # one failure is enough to know this connector is not answering now
        if out.failures and not out.results:
            raise RetryableError("search failed: " + "; ".join(out.failures), transient=all(transient))
        out.results = self._choose(claim, out)
        return out

    def _choose(self, claim: str, out: Searched) -> list[Result]:
        """With a model: one call picks the results that bear on the claim and says why (it may cite
        only what it was given). Offline, or if that call fails: the similarity ranking."""
        shortlist = rank(claim, out.results, limit=12)
        if not shortlist:
            return []
        try:
            chosen = self.engine.pick_sources(claim, [r.__dict__ for r in shortlist])
        except EngineError as exc:
            out.failures.append(f"choosing with the model: {exc.message}; ranked by similarity instead")
            return shortlist[:MAX_SOURCES]
        if chosen is None:  # an engine with no judgement of its own (offline): the ranking stands
            return shortlist[:MAX_SOURCES]
        return [replace(shortlist[i], why=why) for i, why in chosen][:MAX_SOURCES]

    def apply(self, session: Session, work: Work, result: Searched) -> None:
        ticket = session.get(Ticket, work.subject_id)
        if is_published(session, ticket.id):
            # Published while the search ran: the verdict's sources are closed.
            emit(session, SearchSkipped(by="search", ticket_id=ticket.id, article_id=ticket.article_id))
            return
        internal = [r for q in queries_for(session, ticket) for r in Internal(session, ticket.id).search(q, PER_QUERY)]
        chosen = result.results if any(r.why for r in result.results) else rank(ticket.claim, result.results)
        made = store(session, ticket=ticket, results=(rank(ticket.claim, internal, limit=2) + chosen)[:MAX_SOURCES])
        emit(
            session,
            SearchDone(
                by="search",
                ticket_id=ticket.id,
                article_id=ticket.article_id,
                stored=len(made),
                failures=list(result.failures),
            ),
        )

    def failed(self, session: Session, work: Work, error: RetryableError, next_try: datetime | None) -> None:
        log.warning("search for ticket %s: %s", work.subject_id, error.message)
