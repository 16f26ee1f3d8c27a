"""What the sentence encoder must get right at the desk, in sentences of our own: the same quote
again, or the same claim reworded, is linked; another claim about the same place is not even
suggested; a claim whose figures differ is never linked; the same claim twice in one article is
offered for a merge; a large import is encoded and matched by the embedding job."""

from __future__ import annotations

import pytest
from sqlmodel import select

from factcheck.auth.permissions import CONSOLE
from factcheck.encoders import minilm
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.flows.tasks import registry
from factcheck.jobs.worker import Worker
from factcheck.matching import claimreview, factchecks, finding, vectors
from factcheck.matching import service as matching
from factcheck.models import ClaimMatch, ClaimVector, Ticket
from tests.factories import ingest, make_article, make_ticket, make_user
from tests.helpers import login

pytestmark = pytest.mark.skipif(
    not minilm.available(), reason="the sentence encoder's weights are not installed (scripts/install does it)"
)

QUOTE = (
    'Governor Dana Whitfield said on May 2, 2025: "Our state has added 41,000 manufacturing jobs since I took office."'
)
REWORDED = (
    "Since taking office, Governor Dana Whitfield said on May 2, 2025, the state gained 41,000 jobs in manufacturing."
)
UNRELATED = "The state's fishing licence fee will rise to $38 on July 1, 2025, the wildlife agency said."
OTHER_FIGURES = (
    'Governor Dana Whitfield said on May 2, 2025: "Our state has added 14,000 manufacturing jobs since I took office."'
)


def matched(session, settings, earlier: str, later: str) -> list[ClaimMatch]:
    first = make_ticket(session, earlier)
    finding.match_new_tickets(session, tickets=[first], settings=settings)
    second = make_ticket(session, later, article=make_article(session, f"{later}\n", title="Later"))
    finding.match_new_tickets(session, tickets=[second], settings=settings)
    session.commit()
    return list(session.exec(select(ClaimMatch).where(ClaimMatch.ticket_id == second.id)))


def test_the_same_quote_again_is_linked_with_a_score_near_certain(session, settings):
    [match] = matched(session, settings, QUOTE, QUOTE)
    _, link = finding.thresholds(settings)
    assert match.status == "linked" and match.score >= max(link, 0.95)


def test_the_same_claim_reworded_is_linked(session, settings):
    [match] = matched(session, settings, QUOTE, REWORDED)
    assert match.status == "linked"


def test_another_claim_is_not_even_suggested(session, settings):
    assert matched(session, settings, QUOTE, UNRELATED) == []


def test_a_claim_whose_figures_differ_is_at_most_suggested_never_linked(session, settings):
    found = matched(session, settings, QUOTE, OTHER_FIGURES)
    assert found, "so alike a sentence is worth showing"
    assert {m.status for m in found} == {"suggested"}
    assert finding.same_figures(QUOTE, REWORDED) and not finding.same_figures(QUOTE, OTHER_FIGURES)
    # A figure only one side states (here the date) is no disagreement.
    assert finding.same_figures(QUOTE, "Our state has added 41,000 manufacturing jobs, Dana Whitfield said.")


def test_the_same_claim_made_twice_in_one_article_is_offered_for_a_merge(session, settings, client):
    text = (
        "Harbour budget approved\n\n"
        "The Lakeport Harbour Authority approved a budget of $62 million for 2026 on November 12, 2025.\n\n"
        "Dock workers asked for more cranes.\n\n"
        "The harbour authority's board approved a $62 million budget for 2026 on November 12, 2025, "
        "its chair Ines Baptiste said.\n"
    )
    ingest(session, settings, text=text)
    first = session.exec(select(Ticket).where(Ticket.quote.contains("approved a budget"))).one()
    again = session.exec(select(Ticket).where(Ticket.quote.contains("board approved"))).one()
    [view] = matching.for_ticket(session, again.id)
    assert view.same_article and view.earlier and view.target_id == first.id

    login(client, make_user(session, "rita", "reviewer").name)
    page = client.get(f"/tickets/{again.id}").text
    assert "the same claim again in this article" in page and f"Merge into ticket {first.id}" in page


def test_a_large_import_is_encoded_and_matched_by_the_embedding_job(session, settings, monkeypatch):
    ingest(session, settings, text=f"Jobs\n\n{QUOTE}\n")
    monkeypatch.setattr(factchecks, "MATCH_AT_ONCE", 2)
    reviews = [
        {
            "@type": "ClaimReview",
            "url": f"https://checks.example.org/{n}",
            "claimReviewed": claim,
            "datePublished": "2025-05-09",
            "author": {"@type": "Organization", "name": "State Fact Check"},
            "reviewRating": {"@type": "Rating", "alternateName": "Mostly true"},
        }
        for n, claim in enumerate(
            [REWORDED, UNRELATED, "Ferry fares doubled on the Lakeport line in 2024, riders said."]
        )
    ]
    result = factchecks.import_reviews(
        session,
        actor=CONSOLE,
        reading=claimreview.read(reviews),
        settings=settings,
    )
    session.commit()
    assert result.matching_later and result.matches == 0
    encoder = vectors.encoder_for(settings)
    assert len(vectors.missing(session, encoder.name, 10)) == 3

    Worker(session.get_bind(), registry(OfflineEngine(), settings), max_attempts=1, backoff_start=0).run_until_idle()
    session.expire_all()

    assert vectors.missing(session, encoder.name, 10) == []
    ticket = session.exec(select(Ticket).where(Ticket.quote.contains("41,000"))).one()
    [view] = matching.for_ticket(session, ticket.id)
    assert (view.kind, view.claim, view.status) == ("factcheck", REWORDED, "linked")
    # Each claim's vector is kept once, whoever encoded it.
    kept = session.exec(select(ClaimVector.kind, ClaimVector.subject_id)).all()
    assert len(kept) == len(set(kept))
