"""Plain-function factories for tests: each writes what the test names, and returns it.

``make_article``, ``make_ticket`` and ``make_draft`` write rows directly (no engine runs), so a
test says which claim it works on instead of picking one by extraction order; ``ingest`` runs the
offline engine, for tests about what it finds. ``make_user`` and ``make_token`` go through the
users service (a password must be hashed, a token shown once).
"""

from __future__ import annotations

from sqlmodel import Session

from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.core.config import Settings
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.flows import ingest as flows_ingest
from factcheck.models import (
    Article,
    ClaimKind,
    DraftItem,
    DraftKind,
    DraftStatus,
    Ticket,
    TicketState,
    User,
)
from factcheck.tickets import tally
from factcheck.users import service as users

PASSWORD = "correct-horse-battery"

ARTICLE = """Riverton council raises water rates

The Riverton City Council voted 7-2 on March 3, 2025 to raise residential water rates by 12 percent, the largest increase since 2009.

Mayor Elena Vasquez said the increase would raise about $18.4 million a year for pipe replacement.

According to the Public Works Department, the city recorded 214 water-main breaks in 2024.
"""


def ingest(session: Session, settings: Settings, text: str = ARTICLE, actor=CONSOLE, **kw):
    result = flows_ingest.ingest(
        session,
        engine=OfflineEngine(),
        settings=settings,
        actor=actor,
        req=articles.IngestRequest(text=text, **kw),
    )
    session.commit()
    return result


def make_user(session: Session, name: str = "rita", role: str = "reviewer") -> User:
    user = users.create_user(session, actor=CONSOLE, name=name, role=role, password=PASSWORD)
    session.commit()
    return user


def make_token(session: Session, user: User) -> str:
    token = users.issue_token(session, actor=CONSOLE, user_id=user.id, label="tests").token
    session.commit()
    return token


def make_article(
    session: Session, text: str = ARTICLE, *, title: str = "Riverton council raises water rates"
) -> Article:
    article = Article(
        title=title,
        text=text,
        content_hash=articles.content_hash(text),
        source_kind="text",
        engine="offline",
    )
    session.add(article)
    session.commit()
    return article


def make_ticket(
    session: Session,
    quote: str = "The Riverton City Council voted 7-2 on March 3, 2025",
    *,
    article: Article | None = None,
    claim: str | None = None,
    kind: ClaimKind = ClaimKind.event,
    score: float = 0.9,
    **columns: object,
) -> Ticket:
    """A ticket on ``quote``, which must be in the article's text (the ticket's span is found there,
    as the desk's invariant ``article.text[start:end] == quote`` requires)."""
    article = article or _article_with(session, quote)
    start = article.text.index(quote)
    ticket = Ticket(
        article_id=article.id,
        position=start,
        claim=claim or quote,
        quote=quote,
        start=start,
        end=start + len(quote),
        kind=kind,
        score=score,
        state=TicketState.unverified,
        engine="offline",
        model="test",
        prompt_name="test",
        prompt_hash="",
        **columns,
    )
    session.add(ticket)
    session.flush()
    tally.recount(session)  # written around the services: the counts by state follow
    session.commit()
    return ticket


def make_draft(
    session: Session,
    ticket: Ticket,
    text: str = "Do the council's minutes of March 3, 2025 record a 7-2 vote?",
    *,
    kind: DraftKind = DraftKind.question,
    status: DraftStatus = DraftStatus.proposed,
    **columns: object,
) -> DraftItem:
    draft = DraftItem(ticket_id=ticket.id, kind=kind, text=text, status=status, engine="offline", **columns)
    session.add(draft)
    session.commit()
    return draft


def _article_with(session: Session, quote: str) -> Article:
    from sqlmodel import select

    for article in session.exec(select(Article)):
        if quote in article.text:
            return article
    return make_article(session, ARTICLE if quote in ARTICLE else f"{quote}.\n")
