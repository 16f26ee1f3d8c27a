"""The article page's data, built once: the HTML page renders it and the API serves it as JSON."""

from __future__ import annotations

from sqlmodel import Session, select

from factcheck.articles import service as articles
from factcheck.articles.schemas import ArticleDetail, ArticlePage, ArticlePublic, LlmUsage, Segment
from factcheck.jobs import service as jobs
from factcheck.jobs.schemas import JobPublic
from factcheck.models import Article, LlmCall, Ticket
from factcheck.tickets import service as tickets
from factcheck.tickets.schemas import TicketPublic


def detail(session: Session, article_id: int, *, created: bool = False) -> ArticleDetail:
    article = articles.get(session, article_id)
    return ArticleDetail(**_detail_fields(session, article, tickets.for_article(session, article.id), created))


def page(session: Session, article_id: int) -> ArticlePage:
    article = articles.get(session, article_id)
    found = tickets.for_article(session, article.id)
    return ArticlePage(**_detail_fields(session, article, found, False),
                       paragraphs=annotated_paragraphs(article, found))


def _detail_fields(session: Session, article: Article, found: list[Ticket], created: bool) -> dict:
    job = jobs.latest_extraction(session, article.id)
    return {
        "article_id": article.id, "created": created, "article": ArticlePublic.model_validate(article),
        "tickets": [TicketPublic.model_validate(t) for t in found],
        "progress": jobs.article_progress(session, article), "usage": llm_usage(session, article),
        "extraction_job": JobPublic.model_validate(job) if job else None,
    }


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
                segments.append(Segment(text=text[cursor:t.start]))
            segments.append(Segment(text=text[t.start:t.end], ticket_id=t.id, state=t.state, claim=t.claim))
            cursor = t.end
        if cursor < p_end:
            segments.append(Segment(text=text[cursor:p_end]))
        paragraphs.append(segments)
    return paragraphs


def llm_usage(session: Session, article: Article) -> LlmUsage | None:
    """What the language model cost for an article: calls, tokens and time (None if it used none)."""
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
