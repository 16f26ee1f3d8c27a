"""The ticket page's and the queue page's data, built once: pages render it, the API serves it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from factcheck.audit import service as audit
from factcheck.audit.schemas import EventPublic
from factcheck.core.text import span_context
from factcheck.drafts import service as drafts
from factcheck.jobs.schemas import JobPublic
from factcheck.matching import service as matching
from factcheck.matching.schemas import MatchPublic
from factcheck.models import Article, DraftKind, Proposal, User, verdict_of
from factcheck.search import service as search
from factcheck.tickets import publishing, ratings
from factcheck.tickets import service as tickets
from factcheck.tickets.publishing_schemas import CorrectionOfTicket, RatingPublic
from factcheck.tickets.queue import QueueFilter, QueuePage, neighbours, queue
from factcheck.tickets.schemas import (
    ArticleRef,
    ClaimInContext,
    ProposalPublic,
    TicketPage,
    TicketPublic,
    UserRef,
    VerdictPublic,
)
from factcheck.tickets.states import allowed_targets
from factcheck.tickets.tally import counts_by_state
from factcheck.tickets.verdicts import open_proposals
from factcheck.users import service as users


def ticket_page(session: Session, ticket_id: int, view: QueueFilter | None = None) -> TicketPage:
    ticket = tickets.get(session, ticket_id)
    article = session.get(Article, ticket.article_id)
    items = drafts.for_ticket(session, ticket_id)
    ctx = span_context(article.text, ticket.start, ticket.end)
    previous, following = neighbours(session, ticket, view)
    proposal = open_proposals(session, [ticket.id]).get(ticket.id)
    job = drafts.latest_job(session, ticket_id)
    return TicketPage(
        ticket=TicketPublic.model_validate(ticket),
        matches=[MatchPublic.model_validate(m) for m in matching.for_ticket(session, ticket_id)],
        rating_scale=[RatingPublic.model_validate(r) for r in ratings.scale(session)],
        corrections=[
            CorrectionOfTicket.model_validate(c)
            for c in publishing.corrections_for(session, [ticket_id]).get(ticket_id, [])
        ],
        article=ArticleRef.model_validate(article),
        context=ClaimInContext(before=ctx.before, quote=ctx.quote, after=ctx.after),
        questions=[d for d in items if d.kind == DraftKind.question],
        sources=[d for d in items if d.kind == DraftKind.source],
        notes=tickets.notes(session, ticket_id),
        history=[EventPublic.model_validate(e) for e in audit.ticket_history(session, ticket_id)],
        targets=allowed_targets(ticket.state),
        verdict=VerdictPublic.model_validate(verdict) if (verdict := verdict_of(ticket)) else None,
        proposal=ProposalPublic.model_validate(proposal) if proposal else None,
        previous=previous,
        following=following,
        drafting_job=JobPublic.model_validate(job) if job else None,
        search_job=JobPublic.model_validate(searching)
        if (searching := search.latest_job(session, ticket_id))
        else None,
        assignable=[UserRef.model_validate(u) for u in users.directory(session)],
    )


@dataclass
class QueueView:
    """The queue page: a page of tickets with what its filters and bulk bar offer."""

    result: QueuePage
    counts: dict[str, int]
    proposals: dict[int, Proposal]
    assignable: list[User]
    articles: list[tuple[int, str]]


def queue_view(session: Session, f: QueueFilter) -> QueueView:
    result = queue(session, f)
    return QueueView(
        result=result,
        counts=counts_by_state(session),
        proposals=open_proposals(session, [t.id for t, _, _ in result.rows]),
        assignable=users.directory(session),
        articles=article_titles(session),
    )


def article_titles(session: Session, limit: int = 200) -> list[tuple[int, str]]:
    """The newest articles' ids and titles, for the queue's article picker."""
    return list(session.exec(select(Article.id, Article.title).order_by(col(Article.id).desc()).limit(limit)))
