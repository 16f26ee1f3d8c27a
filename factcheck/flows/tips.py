"""A reader's claim becomes the desk's work: a ticket on the claim as the reader wrote it, or the
page they saw it on, ingested like any article. Every tip of the group follows, so each reader's
status link tells them what became of it."""

from __future__ import annotations

from sqlmodel import Session, select

from factcheck.articles import service as articles
from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput
from factcheck.engines.base import Engine
from factcheck.flows import claims
from factcheck.flows.ingest import ingest
from factcheck.models import Article, Ticket, TipDecision
from factcheck.tips import service as tips

READERS = "Sent by readers"


def make_ticket(
    session: Session, *, actor: Actor, engine: Engine, settings: Settings, tip_id: int, expected_version: int
) -> Ticket:
    """A ticket on the claim as the first reader wrote it (an article of its own, so the ticket
    has its sentence and span like every other), matched and drafted like the rest."""
    person = require_person(actor, Action.triage_tips)
    members = tips.group_of(session, tip_id, expected_version)
    first = min(members, key=lambda t: t.id or 0)
    req = articles.IngestRequest(
        text=first.claim, title=f"Reader's claim: {first.claim[:120]}", outlet=READERS, url=first.seen_url
    )
    prepared = articles.prepare(session, settings=settings, actor=person, req=req, engine_name="human")
    article = prepared.existing or articles.store(
        session, article=prepared.article, actor=person, kind=prepared.kind, queued=False
    )
    start, end = _bounds(article.text)
    ticket = _whole_text_ticket(session, article) or claims.add_claim(
        session, actor=person, engine=engine, article_id=article.id, start=start, end=end, settings=settings
    )
    tips.decide(
        session, actor=person, tips=members, decision=TipDecision.ticket, ticket_id=ticket.id, article_id=article.id
    )
    return ticket


def _bounds(text: str) -> tuple[int, int]:
    return len(text) - len(text.lstrip()), len(text.rstrip())


def _whole_text_ticket(session: Session, article: Article) -> Ticket | None:
    """The ticket already made on the same reader's claim (the same words sent again)."""
    start, end = _bounds(article.text)
    return session.exec(
        select(Ticket).where(Ticket.article_id == article.id, Ticket.start == start, Ticket.end == end)
    ).first()


def ingest_page(
    session: Session, *, actor: Actor, engine: Engine, settings: Settings, tip_id: int, expected_version: int
) -> Article:
    """Ingest the page the reader saw the claim on: its claims are found like any article's."""
    person = require_person(actor, Action.triage_tips)
    members = tips.group_of(session, tip_id, expected_version)
    url = next((t.seen_url for t in sorted(members, key=lambda t: t.id or 0) if t.seen_url), None)
    if url is None:
        raise InvalidInput("No reader gave a link to where they saw this claim: make it a ticket instead.")
    result = ingest(
        session, engine=engine, settings=settings, actor=person, req=articles.IngestRequest(url=url, fetch_url=True)
    )
    tips.decide(session, actor=person, tips=members, decision=TipDecision.article, article_id=result.article.id)
    return result.article
