"""schema.org ClaimReview for published verdicts: what search engines and fact-check aggregators
read. A review is published only when every field Google requires is filled."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput
from factcheck.core.urls import factcheck_path
from factcheck.exports.selection import ReportItem
from factcheck.models import RATING_BEST, RATING_WORST, TicketState, as_utc

VERDICT_NAMES = {TicketState.corroborated: "Corroborated", TicketState.disputed: "Disputed"}
# ClaimReview ratings on a 1–5 scale: disputed at the bottom, corroborated at the top.
RATINGS = {TicketState.corroborated: 5, TicketState.disputed: 1}


@dataclass(frozen=True)
class Reviewed:
    """What a ClaimReview says, whether it is read from a live ticket (the desk's exports) or from
    a publication (the public pages, which show only what was published)."""

    url: str
    claim: str
    who: str | None
    person: bool  # the claim is a quote of a person (else an organisation reported it)
    state: TicketState
    rating: str | None
    rating_value: int | None
    rationale: str | None
    first_published: datetime
    article_title: str
    article_url: str | None
    article_published: date | None
    corrections: list[tuple[datetime, str]]


def review_problems(claim: str, rationale: str | None, settings: Settings) -> list[str]:
    """Why a verdict cannot be published as ClaimReview (Google's required fields), or nothing."""
    problems = []
    if not claim.strip():
        problems.append("claimReviewed would be empty")
    if not rationale:
        problems.append("the verdict has no recorded rationale")
    if not settings.org_url.startswith(("http://", "https://")) or "example.org" in settings.org_url:
        problems.append("author needs the publisher's site: set FACTCHECK_ORG_URL to your site's address")
    if not settings.org_name.strip():
        problems.append("author needs the publisher's name: set FACTCHECK_ORG_NAME")
    if not settings.public_url:
        problems.append("url needs the address readers reach the desk's pages at: set FACTCHECK_PUBLIC_URL")
    return problems


def claimreview_problems(item: ReportItem, settings: Settings) -> list[str]:
    if item.verdict is None:
        return ["it has no verdict yet (it is unverified)"]
    return review_problems(item.ticket.claim, item.verdict.rationale, settings)


def review_document(r: Reviewed, settings: Settings) -> dict:
    """schema.org ClaimReview: dated by first publication, modified when corrected; the rating is
    the one the editor chose from the desk's scale; corrections are in the review's text."""
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": r.url,
        "claimReviewed": r.claim,
        "datePublished": r.first_published.date().isoformat(),
        "author": {"@type": "Organization", "name": settings.org_name, "url": settings.org_url},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": r.rating_value or RATINGS[r.state],
            "bestRating": RATING_BEST,
            "worstRating": RATING_WORST,
            "alternateName": r.rating or VERDICT_NAMES[r.state],
        },
    }
    if r.corrections:
        review["dateModified"] = as_utc(r.corrections[-1][0]).date().isoformat()
    body = [r.rationale or ""] + [f"Correction ({as_utc(at):%Y-%m-%d}): {note}" for at, note in r.corrections]
    if any(body):
        review["reviewBody"] = "\n\n".join(b for b in body if b)
    claim: dict = {"@type": "Claim"}
    if r.who:
        claim["author"] = {"@type": "Person" if r.person else "Organization", "name": r.who[:1].upper() + r.who[1:]}
    if r.article_published:
        claim["datePublished"] = r.article_published.isoformat()
    appearance = {"@type": "CreativeWork", "headline": r.article_title}
    if r.article_url:
        appearance["url"] = r.article_url
    claim["appearance"] = [appearance]
    review["itemReviewed"] = claim
    return review


def claim_review(item: ReportItem, settings: Settings) -> dict | None:
    """schema.org ClaimReview for a ticket with a final verdict; None for open tickets. Its url is
    the ticket's public page (factcheck/public)."""
    if item.verdict is None:
        return None
    t = item.ticket
    return review_document(
        Reviewed(
            url=settings.site_url + factcheck_path(t.id, t.claim),
            claim=t.claim,
            who=t.speaker or t.reported_by,
            person=t.kind == "quote",
            state=TicketState(t.state),
            rating=t.rating,
            rating_value=t.rating_value,
            rationale=item.verdict.rationale,
            first_published=as_utc(t.first_published_at) or item.verdict.at or as_utc(t.updated_at),
            article_title=item.article.title,
            article_url=item.article.url,
            article_published=item.article.published,
            corrections=[(c.created_at, c.note) for c in item.corrections],
        ),
        settings,
    )


class NotPublishable(InvalidInput):
    code = "not_publishable"


def to_claimreview(items: Iterator[ReportItem], settings: Settings) -> Iterator[str]:
    """ClaimReview for every ticket with a verdict; refused whole if one lacks a required field."""
    # Kept as encoded text, not dicts: the whole array is held until every ticket has passed.
    # One review per line, compact: json's C encoder is skipped whenever indent is set.
    reviews: list[str] = []
    refused: list[str] = []
    for item in items:
        if item.verdict is None or item.ticket.published_at is None:
            continue  # only published verdicts go to search engines
        problems = claimreview_problems(item, settings)
        if problems:
            refused.append(f"ticket {item.ticket.id}: {'; '.join(problems)}")
        elif not refused:
            reviews.append(json.dumps(claim_review(item, settings), ensure_ascii=False))
    if refused:
        raise NotPublishable("Cannot publish ClaimReview: " + " | ".join(refused[:20]), details={"refused": refused})
    yield "[\n" + ",\n".join(reviews) + "\n]\n"


def publishable_review(item: ReportItem, settings: Settings) -> dict | None:
    """The ClaimReview to embed in a page: published verdicts whose every required field is filled."""
    if item.ticket.published_at is None or claimreview_problems(item, settings):
        return None
    return claim_review(item, settings)


def jsonld_for_html(review: dict) -> str:
    """JSON for a <script> element: '<' escaped so no text can close the element early."""
    return json.dumps(review, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
