"""Ingest: an article in, its check-worthy claims out as tickets with drafts."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, func, select

from factcheck.articles import sources
from factcheck.audit import service as audit
from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput, NotFound, TooLarge
from factcheck.drafts import service as drafts
from factcheck.engines.base import ArticleInput, Engine, EngineError
from factcheck.models import Article, DraftingStatus, Ticket, User
from factcheck.tickets import service as tickets
from factcheck.users.permissions import Action, require

log = logging.getLogger(__name__)
MIN_CHARS = 20


@dataclass
class IngestRequest:
    text: str | None = None
    html: str | None = None
    url: str | None = None
    fetch_url: bool = False
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


@dataclass
class IngestResult:
    article: Article
    tickets: list[Ticket]
    created: bool


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _prepare(req: IngestRequest, settings: Settings) -> tuple[sources.Extracted, str]:
    if req.fetch_url:
        if not req.url:
            raise InvalidInput("Give a URL to fetch.")
        return sources.fetch(req.url, settings), "url"
    if req.html is not None:
        return sources.from_html(req.html, req.url), "html"
    if req.text is not None:
        if len(req.text) > settings.max_article_chars * 4:
            raise TooLarge(f"The article is longer than {settings.max_article_chars:,} characters.")
        extracted = sources.from_raw(req.text)
        return extracted, "html" if sources.looks_like_html(req.text) else "text"
    raise InvalidInput("Give the article's text, its HTML, or a URL.")


def _title_from(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    return first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"


def ingest(
    session: Session, *, engine: Engine, settings: Settings, req: IngestRequest, actor: User | None
) -> IngestResult:
    """Store an article and its claims as tickets; the same text twice returns the first article."""
    if actor is not None:
        require(actor, Action.ingest)
    extracted, kind = _prepare(req, settings)
    text = extracted.text
    if len(text.strip()) < MIN_CHARS:
        raise InvalidInput("The article has no text to check (it is empty or only whitespace).")
    if len(text) > settings.max_article_chars:
        raise TooLarge(
            f"The article has {len(text):,} characters; the limit is {settings.max_article_chars:,} "
            "(FACTCHECK_MAX_ARTICLE_CHARS)."
        )
    digest = content_hash(text)
    existing = session.exec(select(Article).where(Article.content_hash == digest)).first()
    if existing:
        return IngestResult(existing, tickets.for_article(session, existing.id), created=False)

    article = Article(
        title=(req.title or extracted.title or _title_from(text))[:500],
        outlet=(req.outlet or extracted.outlet or None),
        url=drafts.clean_url(req.url) if req.url else None,
        published=req.published or extracted.published,
        text=text,
        content_hash=digest,
        source_kind=kind,
        engine=engine.name,
        created_by_id=actor.id if actor else None,
    )
    session.add(article)
    session.flush()
    audit.record(session, actor=actor, action="ingest", article_id=article.id,
                 detail={"source": kind, "chars": len(text)})
    extraction = engine.extract(ArticleInput(
        text=text, title=article.title, outlet=article.outlet, url=article.url, published=article.published,
    ))
    created = tickets.create_from_claims(
        session, article=article, claims=extraction.claims, provenance=extraction.provenance, actor=actor,
    )
    for ticket in created:
        draft(session, engine=engine, article=article, ticket=ticket)
    return IngestResult(article, created, created=True)


def draft(session: Session, *, engine: Engine, article: Article, ticket: Ticket) -> None:
    """Draft one ticket; a failure is recorded on the ticket, never lost with it."""
    try:
        with session.begin_nested():
            drafts.draft_ticket(session, engine=engine, article=article, ticket=ticket)
    except EngineError as exc:
        ticket.drafting_status = DraftingStatus.failed
        ticket.drafting_error = str(exc)[:2000]
        audit.record(session, actor=None, actor_name=engine.name, action="draft.failed",
                     ticket_id=ticket.id, article_id=article.id, rationale=str(exc)[:2000])
        log.warning("drafting failed for ticket %s: %s", ticket.id, exc)


def get(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    return article


def recent(session: Session, limit: int = 50, offset: int = 0) -> list[tuple[Article, int]]:
    """Articles, newest first, with their ticket counts."""
    stmt = (
        select(Article, func.count(Ticket.id))
        .outerjoin(Ticket, Ticket.article_id == Article.id)
        .group_by(Article.id)
        .order_by(Article.created_at.desc(), Article.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(session.exec(stmt))


@dataclass
class Segment:
    text: str
    ticket: Ticket | None = None


def annotated_paragraphs(article: Article, article_tickets: list[Ticket]) -> list[list[Segment]]:
    """The article as paragraphs of plain and claim segments, for highlighting without markup in data."""
    spans = sorted(article_tickets, key=lambda t: (t.start, -t.end))
    paragraphs: list[list[Segment]] = []
    pos = 0
    text = article.text
    for para in text.split("\n\n"):
        p_start, p_end = pos, pos + len(para)
        pos = p_end + 2
        segments, cursor = [], p_start
        for t in spans:
            # Overlapping claims (clauses of one sentence) highlight once; each is still listed.
            if t.start < cursor or t.start >= p_end or t.end > p_end:
                continue
            if t.start > cursor:
                segments.append(Segment(text[cursor:t.start]))
            segments.append(Segment(text[t.start:t.end], t))
            cursor = t.end
        if cursor < p_end:
            segments.append(Segment(text[cursor:p_end]))
        paragraphs.append(segments)
    return paragraphs
