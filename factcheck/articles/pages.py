"""The article page's data, built once: the HTML page renders it and the API serves it as JSON."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from factcheck.articles import service as articles
from factcheck.articles.schemas import ArticleDetail, ArticlePage, ArticlePublic, LlmUsage, RejectedClaim, Segment
from factcheck.engines.llm import usage
from factcheck.jobs.schemas import JobPublic
from factcheck.models import Article, LlmCall, Ticket, as_utc
from factcheck.tickets import service as tickets
from factcheck.tickets.schemas import TicketPublic


def detail(session: Session, article_id: int, *, created: bool = False) -> ArticleDetail:
    article = articles.get(session, article_id)
    return ArticleDetail(**_detail_fields(session, article, tickets.for_article(session, article.id), created))


def page(session: Session, article_id: int) -> ArticlePage:
    article = articles.get(session, article_id)
    found = tickets.for_article(session, article.id)
    return ArticlePage(
        **_detail_fields(session, article, found, False), paragraphs=annotated_paragraphs(article, found)
    )


def _detail_fields(session: Session, article: Article, found: list[Ticket], created: bool) -> dict:
    job = articles.latest_extraction(session, article.id)
    notes = json.loads(article.extraction_notes) if article.extraction_notes else {}
    rejected = [RejectedClaim(**r) for r in notes.get("rejected", [])]
    return {
        "article_id": article.id,
        "created": created,
        "article": ArticlePublic.model_validate(article),
        "tickets": [TicketPublic.model_validate(t) for t in found],
        "progress": articles.progress(session, article),
        "usage": llm_usage(session, article),
        "extraction_job": JobPublic.model_validate(job) if job else None,
        "extraction_summary": _summary(notes, rejected) if notes else None,
        "rejected_claims": rejected,
        "extraction_stopped": notes.get("stopped"),
    }


def _summary(notes: dict, rejected: list[RejectedClaim]) -> str:
    read = f"read {notes['sentences']} sentences and " if notes.get("sentences") is not None else ""
    found = notes.get("claims", 0)
    if not found and not rejected:
        return f"The engine {read}found no check-worthy claims in them."
    refused = f"; {len(rejected)} more were refused (listed below, with why)" if rejected else ""
    added = notes.get("new", found)
    again = f", {found - added} of them already tickets" if found != added else ""
    return f"The engine {read}found {found} claims{again}{refused}."


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
                segments.append(Segment(text=text[cursor : t.start], start=cursor))
            segments.append(
                Segment(
                    text=text[t.start : t.end],
                    start=t.start,
                    ticket_id=t.id,
                    state="dismissed" if t.dismissed_reason else t.state,
                    claim=t.claim,
                )
            )
            cursor = t.end
        if cursor < p_end:
            segments.append(Segment(text=text[cursor:p_end], start=cursor))
        paragraphs.append(segments)
    return paragraphs


def llm_usage(session: Session, article: Article) -> LlmUsage | None:
    """What the language model cost for an article: requests, tokens and time (None if it used none)."""
    rows = session.exec(select(LlmCall).where(LlmCall.article_hash == article.content_hash)).all()
    if not rows:
        return None
    return LlmUsage(**usage.of(rows, since=as_utc(article.created_at)))
