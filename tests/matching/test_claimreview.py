"""Reading published fact-checks: every shape ClaimReview is published in, and a reason for each
review that cannot be used."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from factcheck.core.errors import InvalidInput
from factcheck.matching import claimreview

ONE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example.org/2025/03/bridge-cost",
    "claimReviewed": "The Elm Street bridge cost $48 million.",
    "datePublished": "2025-03-14T09:30:00Z",
    "author": {"@type": "Organization", "name": "Harbor Checks", "url": "https://checks.example.org/"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": "1",
        "bestRating": "5",
        "worstRating": "1",
        "alternateName": "False",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Dana Whitlock"},
        "datePublished": "2025-03-10",
    },
}


def test_a_single_review_gives_claim_claimant_rating_publisher_url_and_date():
    [r] = claimreview.read(ONE).reviews
    assert (r.claim, r.claimant, r.rating, r.publisher, r.url, str(r.reviewed_on)) == (
        "The Elm Street bridge cost $48 million.",
        "Dana Whitlock",
        "False",
        "Harbor Checks",
        "https://checks.example.org/2025/03/bridge-cost",
        "2025-03-14",
    )


def test_an_array_and_a_graph_are_read_and_other_nodes_skipped():
    second = {**ONE, "url": "https://checks.example.org/2025/04/ferry", "claimReviewed": "Ferry fares doubled."}
    assert len(claimreview.read([ONE, second]).reviews) == 2
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Our checks"},
            {"@type": "Organization", "name": "Harbor Checks"},
            {**ONE, "@context": None},
            second,
        ],
    }
    assert [r.url for r in claimreview.read(graph).reviews] == [ONE["url"], second["url"]]


def test_a_rating_without_a_name_reads_as_its_value_on_its_scale():
    review = {**ONE, "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5}}
    assert claimreview.read(review).reviews[0].rating == "2 of 5"


def test_this_desks_own_export_can_be_imported(session, settings):
    from factcheck.exports.claimreview import claim_review

    class Item:  # the fields ClaimReview export reads
        ticket = type(
            "T",
            (),
            {
                "id": 7,
                "claim": "The port handled 1.2 million containers in 2024.",
                "state": "corroborated",
                "speaker": None,
                "reported_by": "the port authority",
                "kind": "quantity",
                "updated_at": None,
                "rating": None,
                "rating_value": None,
                "first_published_at": None,
                "published_at": datetime(2025, 3, 1),
            },
        )()
        article = type("A", (), {"published": None, "title": "Port year", "url": None})()
        verdict = type("V", (), {"at": datetime(2025, 3, 1), "rationale": "The port's annual report, p. 3."})()
        corrections: list = []

    exported = claim_review(Item(), settings)
    [r] = claimreview.read(json.loads(json.dumps(exported))).reviews
    assert r.claim == Item.ticket.claim and r.rating == "Corroborated" and r.publisher == "Test Desk"


def test_reviews_without_a_claim_or_an_http_url_are_refused_with_the_reason_and_the_rest_kept():
    reading = claimreview.read(
        [ONE, {**ONE, "claimReviewed": "  "}, {**ONE, "url": "javascript:alert(1)", "claimReviewed": "Taxes fell."}]
    )
    assert len(reading.reviews) == 1
    assert reading.refused[0] == "review 2: claimReviewed is missing or empty"
    assert "review 3 (Taxes fell.)" in reading.refused[1] and "http(s)" in reading.refused[1]


@pytest.mark.parametrize(
    "data, reason",
    [
        ({"@type": "Article", "headline": "Not a review"}, "No ClaimReview found"),
        ([], "No ClaimReview found"),
        ("just a string", "No ClaimReview found"),
    ],
)
def test_a_document_with_no_claimreview_is_refused(data, reason):
    with pytest.raises(InvalidInput, match=reason):
        claimreview.read(data)


def test_bytes_that_are_not_json_are_refused_saying_where():
    with pytest.raises(InvalidInput, match="Not JSON: .* line 1"):
        claimreview.read_bytes(b'{"@type": "ClaimReview",')


def test_a_fact_checkers_page_is_read_from_its_json_ld_scripts():
    page = f"""<!doctype html><html><head><title>Bridge cost</title>
    <script type="application/ld+json">{{ not json }}</script>
    <script type="application/ld+json">{json.dumps(ONE)}</script></head><body><h1>False</h1></body></html>"""
    [r] = claimreview.read_bytes(page.encode(), "text/html; charset=utf-8").reviews
    assert r.url == ONE["url"]


def test_unstorable_characters_are_dropped_from_text():
    [r] = claimreview.read({**ONE, "claimReviewed": "The bridge\x00 cost \ud800$48 million."}).reviews
    assert r.claim == "The bridge cost $48 million."
