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
from factcheck.core.db import fresh_snapshot
from factcheck.core.errors import Conflict, InvalidInput, NotFound, TooLarge
from factcheck.drafts import service as drafts
from factcheck.engines.base import ArticleInput, Drafts, Engine, EngineError, Extraction
from factcheck.jobs import service as jobs
from factcheck.models import Article, DraftingStatus, ExtractionStatus, LlmCall, Ticket, User
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
    """Store an article and its claims as tickets; the same text twice returns the first article.

    With the offline engine the tickets (and their drafts) are made here; with a model the article
    is stored with its extraction pending and a worker makes them (``IngestResult.tickets`` is empty).
    """
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
    existing = _by_hash(session, digest)
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
    if not engine.inline:
        # A model takes seconds to minutes: the article is stored now and a worker finds its claims
        # (then drafts them). The request returns at once; the article page shows the progress.
        article.extraction_status = ExtractionStatus.pending
        session.add(article)
        session.flush()
        audit.record(session, actor=actor, action="ingest", article_id=article.id,
                     detail={"source": kind, "chars": len(text), "extraction": "queued"})
        jobs.enqueue_extraction(session, article, reason="ingest", actor=actor)
        return IngestResult(article, [], created=True)

    # The offline engine works before anything is written: a failed extraction stores nothing.
    extraction = engine.extract(article_input(article))
    drafted = engine.draft_many([drafts.claim_context(article, c) for c in extraction.claims])

    fresh_snapshot(session)
    existing = _by_hash(session, digest)
    if existing:
        # Someone ingested the same text while the engine was working: theirs stands.
        return IngestResult(existing, tickets.for_article(session, existing.id), created=False)
    session.add(article)
    session.flush()
    audit.record(session, actor=actor, action="ingest", article_id=article.id,
                 detail={"source": kind, "chars": len(text)})
    created = store_extraction(session, engine=engine, article=article, extraction=extraction, actor=actor)
    for ticket, result in zip(created, drafted):
        _store_drafts(session, engine=engine, ticket=ticket, result=result)
    return IngestResult(article, created, created=True)


def _by_hash(session: Session, digest: str) -> Article | None:
    return session.exec(select(Article).where(Article.content_hash == digest)).first()


def article_input(article: Article) -> ArticleInput:
    return ArticleInput(text=article.text, title=article.title, outlet=article.outlet, url=article.url,
                        published=article.published, article_hash=article.content_hash)


def store_extraction(session: Session, *, engine: Engine, article: Article, extraction: Extraction,
                     actor: User | None) -> list[Ticket]:
    """The engine's claims become the article's tickets; with a model, each is queued for drafting."""
    for refused in extraction.rejected:
        audit.record(session, actor=None, actor_name=engine.name, action="claim.rejected",
                     article_id=article.id, rationale=refused.get("reason"), detail=refused)
    created = tickets.create_from_claims(
        session, article=article, claims=extraction.claims, provenance=extraction.provenance, actor=actor,
    )
    article.extraction_status = ExtractionStatus.done
    article.extraction_error = None
    session.add(article)
    if not engine.inline:
        jobs.enqueue_drafting(session, created, reason="ingest", actor=actor)
    return created


def extraction_failed(session: Session, *, engine: Engine, article: Article, message: str) -> None:
    """The worker gave up finding claims: the article says why, and a person can try again."""
    article.extraction_status = ExtractionStatus.failed
    article.extraction_error = f"finding claims failed: {message}"[:2000]
    session.add(article)
    audit.record(session, actor=None, actor_name=engine.name, action="extract.failed", article_id=article.id,
                 rationale=message[:2000])


def retry_extraction(session: Session, *, engine: Engine, article: Article, actor: User | None) -> Article:
    """Queue finding an article's claims again after it failed."""
    if actor is not None:
        require(actor, Action.ingest)
    if article.extraction_status != ExtractionStatus.failed:
        raise Conflict("This article's claims were not lost: only a failed extraction can be tried again.")
    if engine.inline:
        created = store_extraction(session, engine=engine, article=article,
                                   extraction=engine.extract(article_input(article)), actor=actor)
        for ticket, result in zip(created, engine.draft_many([drafts.claim_context(article, t) for t in created])):
            _store_drafts(session, engine=engine, ticket=ticket, result=result)
    else:
        jobs.enqueue_extraction(session, article, reason="retry", actor=actor)
    audit.record(session, actor=actor, action="extract.retry", article_id=article.id)
    session.flush()
    return article


def _store_drafts(session: Session, *, engine: Engine, ticket: Ticket, result: Drafts | EngineError) -> None:
    """Store a ticket's drafts, or record why drafting failed: the ticket is kept either way."""
    if isinstance(result, EngineError):
        ticket.drafting_status = DraftingStatus.failed
        ticket.drafting_error = f"drafting failed: {result.message}"[:2000]
        audit.record(session, actor=None, actor_name=engine.name, action="draft.failed",
                     ticket_id=ticket.id, article_id=ticket.article_id, rationale=result.message[:2000])
        log.warning("drafting failed for ticket %s: %s", ticket.id, result.message)
    else:
        drafts.store(session, ticket=ticket, drafts=result)


def redraft(session: Session, *, engine: Engine, ticket: Ticket, actor: User | None) -> Ticket:
    """Draft a ticket again: unreviewed machine drafts are replaced, reviewed ones are kept."""
    if actor is not None:
        require(actor, Action.review_drafts)
    article = get(session, ticket.article_id)
    if not engine.inline:
        # The worker replaces the unreviewed drafts when the new ones are ready.
        jobs.enqueue_drafting(session, [ticket], reason="redraft", actor=actor)
        audit.record(session, actor=actor, action="redraft.queued", ticket_id=ticket.id, article_id=article.id)
        return ticket
    # As in ingest: ask the engine first, write afterwards.
    result = engine.draft_many([drafts.claim_context(article, ticket, ticket_id=ticket.id)])[0]
    fresh_snapshot(session)
    session.refresh(ticket)
    removed = drafts.discard_unreviewed(session, ticket=ticket)
    audit.record(session, actor=actor, actor_name=engine.name, action="redraft", ticket_id=ticket.id,
                 article_id=article.id, detail={"discarded": removed})
    _store_drafts(session, engine=engine, ticket=ticket, result=result)
    session.flush()
    return ticket


def get(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    return article


def recent(session: Session, limit: int = 50, offset: int = 0) -> list[tuple[Article, int]]:
    """Articles, newest first, with their ticket counts (counted for this page only)."""
    page = list(session.exec(
        # Ids grow with time: ordering by the primary key needs no sort and no index of its own.
        select(Article).order_by(Article.id.desc()).limit(limit).offset(offset)))
    counts = dict(session.exec(
        select(Ticket.article_id, func.count()).where(Ticket.article_id.in_([a.id for a in page]))
        .group_by(Ticket.article_id)).all()) if page else {}
    return [(a, counts.get(a.id, 0)) for a in page]


def titles(session: Session, limit: int = 200) -> list[tuple[int, str]]:
    """The newest articles' ids and titles, for pickers."""
    stmt = select(Article.id, Article.title).order_by(Article.id.desc()).limit(limit)
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


@dataclass
class LlmUsage:
    calls: int
    cached: int
    failed: int
    tokens_in: int
    tokens_out: int
    seconds: float


def llm_usage(session: Session, article_id: int) -> LlmUsage | None:
    """What the language model cost for an article: calls, tokens and time (None if it used none)."""
    article = get(session, article_id)
    rows = session.exec(select(LlmCall).where(LlmCall.article_hash == article.content_hash)).all()
    if not rows:
        return None
    return LlmUsage(
        calls=sum(r.outcome != "cached" for r in rows),
        cached=sum(r.outcome == "cached" for r in rows),
        failed=sum(r.outcome not in ("ok", "cached", "repaired") for r in rows),
        tokens_in=sum(r.tokens_in for r in rows),
        tokens_out=sum(r.tokens_out for r in rows),
        seconds=sum(r.latency_ms for r in rows) / 1000,
    )
