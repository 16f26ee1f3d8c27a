"""schema.org ClaimReview for published verdicts: what search engines and fact-check aggregators
read. A review is published only when every field Google requires is filled."""

from __future__ import annotations

import json
from collections.abc import Iterator

from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput
from factcheck.exports.selection import ReportItem
from factcheck.models import RATING_BEST, RATING_WORST, TicketState, as_utc

VERDICT_NAMES = {TicketState.corroborated: "Corroborated", TicketState.disputed: "Disputed"}
# ClaimReview ratings on a 1–5 scale: disputed at the bottom, corroborated at the top.
RATINGS = {TicketState.corroborated: 5, TicketState.disputed: 1}


def claimreview_problems(item: ReportItem, settings: Settings) -> list[str]:
    """Why a ticket cannot be published as ClaimReview (Google's required fields), or nothing."""
    problems = []
    if item.verdict is None:
        problems.append("it has no verdict yet (it is unverified)")
        return problems
    if not item.ticket.claim.strip():
        problems.append("claimReviewed would be empty")
    if not item.verdict.rationale:
        problems.append("the verdict has no recorded rationale")
    if not settings.org_url.startswith(("http://", "https://")) or "example.org" in settings.org_url:
        problems.append("url needs the publisher's site: set FACTCHECK_ORG_URL to your site's address")
    if not settings.org_name.strip():
        problems.append("author needs the publisher's name: set FACTCHECK_ORG_NAME")
    return problems


def claim_review(item: ReportItem, settings: Settings) -> dict | None:
    """schema.org ClaimReview for a ticket with a final verdict; None for open tickets.

    Dated by first publication (the verdict's date before that), modified when corrected; the
    rating is the one the editor chose from the desk's scale; corrections are in the review's text.
    """
    if item.verdict is None:
        return None
    t = item.ticket
    state = TicketState(t.state)
    first = as_utc(t.first_published_at) or item.verdict.at or as_utc(t.updated_at)
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{settings.org_url.rstrip('/')}/claims/{t.id}",
        "claimReviewed": t.claim,
        "datePublished": first.date().isoformat(),
        "author": {"@type": "Organization", "name": settings.org_name, "url": settings.org_url},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": t.rating_value or RATINGS[state],
            "bestRating": RATING_BEST,
            "worstRating": RATING_WORST,
            "alternateName": t.rating or VERDICT_NAMES[state],
        },
    }
    if item.corrections:
        review["dateModified"] = as_utc(item.corrections[-1].created_at).date().isoformat()
    body = [item.verdict.rationale or ""] + [
        f"Correction ({as_utc(c.created_at):%Y-%m-%d}): {c.note}" for c in item.corrections
    ]
    if any(body):
        review["reviewBody"] = "\n\n".join(b for b in body if b)
    claim: dict = {"@type": "Claim"}
    who = item.ticket.speaker or item.ticket.reported_by
    if who:
        claim["author"] = {
            "@type": "Person" if item.ticket.kind == "quote" else "Organization",
            "name": who[:1].upper() + who[1:],
        }
    if item.article.published:
        claim["datePublished"] = item.article.published.isoformat()
    appearance = {"@type": "CreativeWork", "headline": item.article.title}
    if item.article.url:
        appearance["url"] = item.article.url
    claim["appearance"] = [appearance]
    review["itemReviewed"] = claim
    return review


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
