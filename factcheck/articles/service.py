"""Ingest: an article in, its check-worthy claims out as tickets with drafts."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, func, select

from factcheck.articles import sources
from factcheck.audit import service as audit
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.config import Settings
from factcheck.core.db import fresh_snapshot
from factcheck.core.errors import Conflict, InvalidInput, NotFound, TooLarge, TooManyRequests
from factcheck.core.urls import clean_url
from factcheck.drafts import service as drafts
from factcheck.drafts.pipeline import store_result
from factcheck.engines.base import ArticleInput, Engine, Extraction
from factcheck.jobs import service as jobs
from factcheck.matching import service as matching
from factcheck.models import Article, ExtractionStatus, Ticket, User, as_utc, utcnow
from factcheck.tickets import service as tickets

MIN_CHARS = 20
RATE_WINDOW = timedelta(minutes=1)


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
    raise InvalidInput("Paste the article's text or give its URL.")


def _title_from(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    return first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"


def check_rate(session: Session, *, actor: Actor, settings: Settings) -> None:
    """At most ``FACTCHECK_INGEST_PER_MINUTE`` new articles a minute per user: it stops a runaway
    script. Counted from the articles themselves, so it holds across app processes and machines."""
    if not isinstance(actor, User):
        return
    since = utcnow() - RATE_WINDOW
    recent = session.exec(
        select(Article.created_at)
        .where(Article.created_by_id == actor.id, Article.created_at > since)
        .order_by(Article.created_at)
    ).all()
    if len(recent) >= settings.ingest_per_minute:
        wait = max(1, math.ceil((as_utc(recent[-settings.ingest_per_minute]) - since).total_seconds()))
        raise TooManyRequests(
            f"Too many articles ingested: at most {settings.ingest_per_minute} a minute. Try again in {wait} s.",
            details={"retry_after_seconds": wait},
        )


def ingest(session: Session, *, engine: Engine, settings: Settings, actor: Actor, req: IngestRequest) -> IngestResult:
    """Store an article and its claims as tickets; the same text twice returns the first article.

    With the offline engine the tickets (and their drafts) are made here; with a model the article
    is stored with its extraction pending and a worker makes them (``IngestResult.tickets`` is empty).
    """
    require(actor, Action.ingest)
    check_rate(session, actor=actor, settings=settings)
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
        url=clean_url(req.url) if req.url else None,
        published=req.published or extracted.published,
        text=text,
        content_hash=digest,
        source_kind=kind,
        engine=engine.name,
        created_by_id=actor.id,
    )
    if not engine.inline:
        # A model takes seconds to minutes: the article is stored now and a worker finds its claims
        # (then drafts them). The request returns at once; the article page shows the progress.
        article.extraction_status = ExtractionStatus.pending
        session.add(article)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="ingest",
            article_id=article.id,
            detail={"source": kind, "chars": len(text), "extraction": "queued"},
        )
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
    audit.record(
        session, actor=actor, action="ingest", article_id=article.id, detail={"source": kind, "chars": len(text)}
    )
    created = store_extraction(
        session, engine=engine, article=article, extraction=extraction, actor=actor, settings=settings
    )
    for ticket, result in zip(created, drafted, strict=True):
        store_result(session, engine=engine, ticket=ticket, result=result, settings=settings)
    return IngestResult(article, created, created=True)


def _by_hash(session: Session, digest: str) -> Article | None:
    return session.exec(select(Article).where(Article.content_hash == digest)).first()


def article_input(article: Article) -> ArticleInput:
    return ArticleInput(
        text=article.text,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        article_hash=article.content_hash,
    )


def store_extraction(
    session: Session,
    *,
    engine: Engine,
    article: Article,
    extraction: Extraction,
    actor: Actor | None,
    settings: Settings | None = None,
) -> list[Ticket]:
    """The engine's claims become the article's tickets (a span that already has one keeps it: a
    second extraction never duplicates a ticket); with a model, each new one is queued for
    drafting. What the engine refused is kept on the article, with why."""
    for refused in extraction.rejected:
        audit.record(
            session,
            actor=None,
            actor_name=engine.name,
            action="claim.rejected",
            article_id=article.id,
            rationale=refused.get("reason"),
            detail=refused,
        )
    existing = tickets.for_article(session, article.id)
    taken = {(t.start, t.end) for t in existing}
    fresh_claims = [c for c in extraction.claims if (c.start, c.end) not in taken]
    created = tickets.create_from_claims(
        session,
        article=article,
        claims=fresh_claims,
        provenance=extraction.provenance,
        actor=actor,
        first_position=max((t.position for t in existing), default=-1) + 1,
    )
    matching.match_new_tickets(session, tickets=created, settings=settings)
    article.extraction_status = ExtractionStatus.done
    article.extraction_error = None
    article.extraction_notes = json.dumps(
        {
            "sentences": extraction.sentences,
            "claims": len(extraction.claims),
            "new": len(created),
            "rejected": extraction.rejected[:200],
            "stopped": extraction.stopped,
        },
        ensure_ascii=False,
    )
    session.add(article)
    if not engine.inline:
        jobs.enqueue_drafting(session, created, reason="ingest", actor=actor)
    return created


def extraction_failed(session: Session, *, engine: Engine, article: Article, message: str) -> None:
    """Finding claims was given up: the article says why, and a person can try again."""
    article.extraction_status = ExtractionStatus.failed
    article.extraction_error = f"finding claims failed: {message}"[:2000]
    session.add(article)
    audit.record(
        session,
        actor=None,
        actor_name=engine.name,
        action="extract.failed",
        article_id=article.id,
        rationale=message[:2000],
    )


def retry_extraction(session: Session, *, engine: Engine, actor: Actor, article_id: int) -> Article:
    """Find an article's claims again, asking the engine afresh: after a failure, or to look again.

    Tickets already made stay as they are (a person may have worked on them); claims on spans that
    already have a ticket are not added twice. Refused while a worker is finding them.
    """
    require(actor, Action.ingest)
    article = get(session, article_id)
    if jobs.extraction_running(session, article.id):
        raise Conflict("The claims of this article are being found right now; wait for that to finish.")
    if engine.inline:
        created = store_extraction(
            session,
            engine=engine,
            article=article,
            extraction=engine.extract(article_input(article), fresh=True),
            actor=actor,
        )
        contexts = [drafts.claim_context(article, t) for t in created]
        for ticket, result in zip(created, engine.draft_many(contexts), strict=True):
            store_result(session, engine=engine, ticket=ticket, result=result)
    else:
        jobs.enqueue_extraction(session, article, reason="retry", actor=actor)
    audit.record(session, actor=actor, action="extract.retry", article_id=article.id)
    session.flush()
    return article


def get(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    return article


def recent(session: Session, limit: int = 50, offset: int = 0) -> list[tuple[Article, int]]:
    """Articles, newest first, with their ticket counts (counted for this page only)."""
    page = list(
        session.exec(
            # Ids grow with time: ordering by the primary key needs no sort and no index of its own.
            select(Article).order_by(Article.id.desc()).limit(limit).offset(offset)
        )
    )
    counts = (
        dict(
            session.exec(
                select(Ticket.article_id, func.count())
                .where(Ticket.article_id.in_([a.id for a in page]))
                .group_by(Ticket.article_id)
            ).all()
        )
        if page
        else {}
    )
    return [(a, counts.get(a.id, 0)) for a in page]
