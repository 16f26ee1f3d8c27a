"""Articles: checked in, stored, their claims found (the steps across domains are in flows.ingest)."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, func, select

from factcheck.articles.schemas import Progress
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core import webpages as sources
from factcheck.core.config import Settings
from factcheck.core.errors import Conflict, InvalidInput, NotFound, TooLarge, TooManyRequests
from factcheck.core.urls import clean_url
from factcheck.engines.base import ArticleInput, Extraction
from factcheck.events import by, emit
from factcheck.events.articles import ArticleIngested, ClaimRejected, ExtractionFailed
from factcheck.jobs import service as jobs
from factcheck.models import Article, DraftingStatus, ExtractionStatus, Job, Ticket, User, as_utc, utcnow

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


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


MAX_TITLE, MAX_OUTLET = 500, 200
# What a file's first bytes say when a binary file was pasted or uploaded as an article's text.
_BINARY_STARTS = ("PK\x03\x04", "%PDF-", "\x7fELF", "\xd0\xcf\x11\xe0", "GIF8", "\x89PNG")


def _check_fields(req: IngestRequest) -> None:
    """Refuse, saying the limit, what the article's row cannot hold or no page can show."""
    for name, value, limit in (("title", req.title, MAX_TITLE), ("outlet", req.outlet, MAX_OUTLET)):
        if value and len(value) > limit:
            raise InvalidInput(f"The {name} has {len(value):,} characters; at most {limit} are kept. Shorten it.")
    if req.text is not None and looks_binary(req.text):
        raise InvalidInput(
            "This looks like a file's raw bytes (a Word document, a PDF, a zip…), not an article's text: "
            "open it and paste its text instead."
        )


def looks_binary(text: str) -> bool:
    head = text[:4096]
    if head.startswith(_BINARY_STARTS):
        return True
    # A stray control character is dropped from an article; a file's bytes are full of them.
    controls = sum(1 for c in head if (ord(c) < 32 and c not in "\n\r\t") or c == "\ufffd")
    return controls > max(8, len(head) // 50)


def _prepare(req: IngestRequest, settings: Settings) -> tuple[sources.Extracted, str]:
    _check_fields(req)
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


def title_from(text: str) -> str:
    """The first line that reads like a title: not a newsletter box, a byline or a caption."""
    from factcheck.engines.offline.segment import is_chrome, is_furniture

    lines = [line.strip() for line in text.split("\n", 12)[:12] if line.strip()]
    first = next((line for line in lines if not is_chrome(line) and not is_furniture(line)), lines[0] if lines else "")
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


@dataclass
class Prepared:
    """An article checked and ready to store, or the one already stored with the same text."""

    article: Article
    existing: Article | None
    kind: str


def prepare(session: Session, *, settings: Settings, actor: Actor, req: IngestRequest, engine_name: str) -> Prepared:
    """Check an article in (rights, rate, size, text) and build its row, not yet stored; the same
    text as an article already stored gives that one."""
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
    article = Article(
        title=(req.title or extracted.title or title_from(text))[:500],
        outlet=(req.outlet or extracted.outlet or None),
        url=clean_url(req.url) if req.url else None,
        published=req.published or extracted.published,
        text=text,
        content_hash=digest,
        source_kind=kind,
        engine=engine_name,
        created_by_id=actor.id,
    )
    return Prepared(article, by_hash(session, digest), kind)


def store(session: Session, *, article: Article, actor: Actor, kind: str, queued: bool) -> Article:
    """Store a prepared article; its claims are found now (``queued`` False) or by a job."""
    if queued:
        article.extraction_status = ExtractionStatus.pending
    session.add(article)
    session.flush()
    emit(
        session,
        ArticleIngested(**by(actor), article_id=article.id, source=kind, chars=len(article.text), queued=queued),
    )
    return article


def by_hash(session: Session, digest: str) -> Article | None:
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


def record_extraction(session: Session, *, article: Article, extraction: Extraction, engine: str, new: int) -> None:
    """The claims are found: what the engine read and refused is kept on the article, with why."""
    for refused in extraction.rejected:
        emit(session, ClaimRejected(by=engine, article_id=article.id, refused=refused))
    article.extraction_status = ExtractionStatus.done
    article.extraction_error = None
    article.extraction_notes = json.dumps(
        {
            "sentences": extraction.sentences,
            "claims": len(extraction.claims),
            "new": new,
            "rejected": extraction.rejected[:200],
            "stopped": extraction.stopped,
        },
        ensure_ascii=False,
    )
    session.add(article)


def extraction_failed(session: Session, *, engine: str, article: Article, message: str) -> None:
    """Finding claims was given up: the article says why, and a person can try again."""
    article.extraction_status = ExtractionStatus.failed
    article.extraction_error = f"finding claims failed: {message}"[:2000]
    session.add(article)
    emit(session, ExtractionFailed(by=engine, article_id=article.id, reason=message))


EXTRACT = "extract"


def group(article_id: int) -> str:
    """The job group of an article's work (finding its claims, drafting and searching its tickets)."""
    return f"article:{article_id}"


def enqueue_extraction(session: Session, article: Article, *, reason: str, actor: Actor | None) -> None:
    """Queue finding the article's claims (or, when that is already queued, do it now) and mark the
    article pending."""
    article.extraction_status = ExtractionStatus.pending
    article.extraction_error = None
    session.add(article)
    jobs.enqueue(
        session,
        EXTRACT,
        subject_id=article.id,
        group=group(article.id),
        dedupe=f"{EXTRACT}:{article.id}",
        reason=reason,
        requested_by_id=actor.id if actor else None,
    )


def check_retry(session: Session, *, actor: Actor, article_id: int) -> Article:
    """May the claims be found again now: refused while a worker is finding them."""
    require(actor, Action.ingest)
    article = get(session, article_id)
    if jobs.running(session, EXTRACT, article.id):
        raise Conflict("The claims of this article are being found right now; wait for that to finish.")
    return article


def progress(session: Session, article: Article) -> Progress:
    """An article's work: its claims being found, then its tickets being drafted."""
    rows = dict(
        session.exec(
            select(Ticket.drafting_status, func.count())
            .where(Ticket.article_id == article.id)
            .group_by(Ticket.drafting_status)
        ).all()
    )
    return Progress(
        total=sum(rows.values()),
        pending=rows.get(DraftingStatus.pending, 0),
        failed=rows.get(DraftingStatus.failed, 0),
        extraction=article.extraction_status,
        extraction_error=article.extraction_error,
    )


def latest_extraction(session: Session, article_id: int) -> Job | None:
    return jobs.latest(session, EXTRACT, article_id)


def get(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    return article


def recent(session: Session, limit: int = 50, offset: int = 0, *, archived: bool = False) -> list[tuple[Article, int]]:
    """Articles, newest first, with their ticket counts (counted for this page only); the archived
    ones instead with ``archived``."""
    kept = col(Article.archived_at).is_not(None) if archived else col(Article.archived_at).is_(None)
    page = list(
        session.exec(
            # Ids grow with time: ordering by the primary key needs no sort and no index of its own.
            select(Article).where(kept).order_by(col(Article.id).desc()).limit(limit).offset(offset)
        )
    )
    counts = (
        dict(
            session.exec(
                select(Ticket.article_id, func.count())
                .where(col(Ticket.article_id).in_([a.id for a in page]))
                .group_by(Ticket.article_id)
            ).all()
        )
        if page
        else {}
    )
    return [(a, counts.get(a.id, 0)) for a in page]
