"""The public face of published verdicts: what readers, search engines and fact-check aggregators
see without an account.

Everything here reads publications (the snapshot taken when an editor published), never the live
ticket: a ticket reopened with a correction keeps showing what was published, with the correction
that reopened it, until an editor publishes it again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.core.config import Settings
from factcheck.core.errors import NotFound
from factcheck.core.urls import slug
from factcheck.exports.claimreview import Reviewed, review_document, review_problems
from factcheck.models import Correction, DraftItem, Publication, TicketState, as_utc

PER_PAGE = 50
SEARCH_MAX = 200


@dataclass
class PublicCheck:
    """One published fact-check as readers see it."""

    pub: Publication
    first_published: datetime
    corrections: list[Correction] = field(default_factory=list)

    @property
    def ticket_id(self) -> int:
        return self.pub.ticket_id

    @property
    def slug(self) -> str:
        return slug(self.pub.claim)

    @property
    def under_review(self) -> bool:
        """Reopened by a correction and not published again yet."""
        return self.pub.superseded_at is not None

    @property
    def sources(self) -> list[dict]:
        return list(json.loads(self.pub.sources or "[]"))

    @property
    def questions(self) -> list[dict]:
        return list(json.loads(self.pub.questions or "[]"))

    @property
    def verdict(self) -> str:
        return self.pub.rating or ("Corroborated" if self.pub.state == TicketState.corroborated else "Disputed")

    @property
    def who(self) -> str | None:
        return self.pub.speaker or self.pub.reported_by

    @property
    def updated(self) -> datetime:
        return max([as_utc(self.pub.published_at)] + [as_utc(c.created_at) for c in self.corrections])


def _latest_ids():
    """The newest publication of each ticket (superseded or not): what its public page shows."""
    return select(func.max(Publication.id)).group_by(Publication.ticket_id)


def _firsts(session: Session, ticket_ids: list[int]) -> dict[int, datetime]:
    rows = session.exec(
        select(Publication.ticket_id, func.min(Publication.published_at))
        .where(col(Publication.ticket_id).in_(ticket_ids))
        .group_by(Publication.ticket_id)
    ).all()
    return {ticket_id: as_utc(first) for ticket_id, first in rows}


def _checks(session: Session, pubs: list[Publication]) -> list[PublicCheck]:
    ids = [p.ticket_id for p in pubs]
    firsts = _firsts(session, ids) if ids else {}
    fixes: dict[int, list[Correction]] = {}
    if ids:
        for c in session.exec(select(Correction).where(col(Correction.ticket_id).in_(ids)).order_by(Correction.id)):
            fixes.setdefault(c.ticket_id, []).append(c)
    return [PublicCheck(p, firsts.get(p.ticket_id, as_utc(p.published_at)), fixes.get(p.ticket_id, [])) for p in pubs]


def check(session: Session, ticket_id: int) -> PublicCheck:
    pub = session.exec(
        select(Publication).where(Publication.ticket_id == ticket_id).order_by(col(Publication.id).desc()).limit(1)
    ).first()
    if pub is None:
        raise NotFound(f"No published fact-check with number {ticket_id}.")
    return _checks(session, [pub])[0]


@dataclass
class Listing:
    checks: list[PublicCheck]
    total: int
    page: int
    pages: int
    ratings: list[str]


def listing(session: Session, *, rating: str | None = None, q: str | None = None, page: int = 1) -> Listing:
    """Published fact-checks, newest first: filtered by rating, searched in the claim, who said it
    and the article's title (every word must appear, case aside)."""
    where = [col(Publication.id).in_(_latest_ids())]
    if rating:
        where.append(Publication.rating == rating)
    for word in (q or "")[:SEARCH_MAX].split()[:10]:
        pattern = "%" + word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(
            sa.or_(
                *(
                    func.lower(column).like(pattern, escape="\\")
                    for column in (Publication.claim, Publication.speaker, Publication.article_title)
                )
            )
        )
    total = session.exec(select(func.count()).select_from(Publication).where(*where)).one()
    pages = max(1, -(-total // PER_PAGE))
    page = max(1, min(page, pages))
    pubs = session.exec(
        select(Publication)
        .where(*where)
        .order_by(col(Publication.published_at).desc(), col(Publication.id).desc())
        .offset((page - 1) * PER_PAGE)
        .limit(PER_PAGE)
    ).all()
    ratings = session.exec(
        select(Publication.rating)
        .where(col(Publication.id).in_(_latest_ids()), col(Publication.rating).is_not(None))
        .distinct()
        .order_by(Publication.rating)
    ).all()
    return Listing(_checks(session, list(pubs)), total, page, pages, [r for r in ratings if r])


def every_check(session: Session) -> list[PublicCheck]:
    """Every published fact-check, newest first (feeds, the sitemap, the static export)."""
    pubs = session.exec(
        select(Publication)
        .where(col(Publication.id).in_(_latest_ids()))
        .order_by(col(Publication.published_at).desc(), col(Publication.id).desc())
    ).all()
    return _checks(session, list(pubs))


def archived_copy(session: Session, found: PublicCheck, sha256: str) -> tuple[dict, str]:
    """A source's archived copy, as the desk fetched it when the source was checked: only for a
    source the publication lists, and only the very text whose digest it published."""
    source = next((s for s in found.sources if s.get("archived_sha256") == sha256), None)
    if source is None:
        raise NotFound("This fact-check lists no archived copy with that digest.")
    text = session.exec(
        select(DraftItem.archived_text).where(
            DraftItem.ticket_id == found.ticket_id, DraftItem.archived_sha256 == sha256
        )
    ).first()
    if text is None:
        raise NotFound("The archived copy is no longer kept.")
    return source, text


def claim_review(found: PublicCheck, url: str, settings: Settings) -> dict | None:
    """The page's ClaimReview, or None while a field Google requires is missing (the page is shown
    all the same; search engines are not told about it)."""
    pub = found.pub
    if review_problems(pub.claim, pub.rationale, settings):
        return None
    return review_document(
        Reviewed(
            url=url,
            claim=pub.claim,
            who=found.who,
            person=pub.kind == "quote" if pub.kind else bool(pub.speaker),
            state=TicketState(pub.state),
            rating=pub.rating,
            rating_value=pub.rating_value,
            rationale=pub.rationale,
            first_published=found.first_published,
            article_title=pub.article_title,
            article_url=pub.article_url,
            article_published=pub.article_published,
            corrections=[(c.created_at, c.note) for c in found.corrections],
        ),
        settings,
    )
