"""A claim the engine missed, added by a person: a ticket like the others, matched and drafted."""

from __future__ import annotations

from sqlmodel import Session

from factcheck.auth.permissions import Actor
from factcheck.core.config import Settings
from factcheck.engines.base import Engine
from factcheck.flows import drafting
from factcheck.matching import finding as matching
from factcheck.models import Ticket
from factcheck.tickets import corrections


def add_claim(
    session: Session,
    *,
    actor: Actor,
    engine: Engine,
    article_id: int,
    quote: str | None = None,
    start: int | None = None,
    end: int | None = None,
    claim: str | None = None,
    kind: str | None = None,
    settings: Settings | None = None,
) -> Ticket:
    """Add the missed claim (``tickets.corrections.add_claim``), then match and draft it."""
    ticket = corrections.add_claim(
        session, actor=actor, article_id=article_id, quote=quote, start=start, end=end, claim=claim, kind=kind
    )
    matching.match_new_tickets(session, tickets=[ticket], settings=settings)
    drafting.schedule(session, engine=engine, settings=settings, tickets=[ticket], reason="ingest", actor=actor)
    return ticket
