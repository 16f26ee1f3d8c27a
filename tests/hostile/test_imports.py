"""Imports cost time in proportion to their size, are capped, and are rate-limited per person, as
is archiving a source's page."""

from __future__ import annotations

import contextlib
import json
import time

from sqlmodel import func, select

from factcheck.matching import claimreview
from factcheck.models import DraftItem, DraftKind, FactCheck
from tests.factories import ingest, make_token, make_user


def _review(i: int) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/2025/{i:05d}/ferry-fares-and-bridge-tolls",
        "claimReviewed": f"The harbour authority raised ferry fares by {i % 90 + 5} percent in 2024, "
        "more than any other year since the bridge opened.",
        "datePublished": "2025-03-14",
        "author": {"@type": "Organization", "name": "Harbor Checks"},
        "reviewRating": {"@type": "Rating", "ratingValue": "2", "bestRating": "5", "alternateName": "Misleading"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Dana Whitlock"}},
    }


def test_reading_a_huge_flat_array_takes_time_in_proportion_to_its_size():
    body = json.dumps([1] * 430_000).encode()  # 1.3 MB of items that are not reviews
    began = time.process_time()
    with contextlib.suppress(claimreview.InvalidInput):
        claimreview.read_bytes(body)
    # 17.8 s of CPU when items were taken off the front of a list one by one (quadratic).
    assert time.process_time() - began < 1.0


def test_json_nested_beyond_reason_is_refused_not_a_server_error(client, session):
    token = make_token(session, make_user(session, "rita", "reviewer"))
    deep = "[" * 100_000 + "]" * 100_000
    resp = client.post(
        "/api/v1/factchecks/import",
        content=deep,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert resp.status_code in (400, 422), resp.text
    assert resp.json()["error"]["message"]


def test_a_one_megabyte_import_is_taken_and_a_larger_one_than_the_cap_refused(client, session, settings):
    token = make_token(session, make_user(session, "rita", "reviewer"))
    auth = {"Authorization": f"Bearer {token}"}
    reviews = [_review(i) for i in range(2_400)]
    body = json.dumps(reviews)
    assert 1_000_000 < len(body) < settings.import_max_bytes
    resp = client.post("/api/v1/factchecks/import", content=body, headers={**auth, "Content-Type": "application/json"})
    assert resp.status_code == 201, resp.text[:300]
    assert len(resp.json()["imported"]) == 2_400
    too_big = json.dumps([_review(i) for i in range(5_000)])
    assert len(too_big) > settings.import_max_bytes
    refused = client.post(
        "/api/v1/factchecks/import", content=too_big, headers={**auth, "Content-Type": "application/json"}
    )
    assert refused.status_code == 413 and f"{settings.import_max_bytes:,} bytes" in refused.json()["error"]["message"]
    assert session.exec(select(func.count()).select_from(FactCheck)).one() == 2_400  # nothing of the refused one


def test_imports_are_rate_limited_per_person_with_the_wait(client, session, settings):
    token = make_token(session, make_user(session, "rita", "reviewer"))
    auth = {"Authorization": f"Bearer {token}"}
    codes = [
        client.post("/api/v1/factchecks/import", json=[_review(i)], headers=auth).status_code
        for i in range(settings.import_per_minute + 1)
    ]
    assert codes == [201] * settings.import_per_minute + [429]
    refused = client.post("/api/v1/factchecks/import", json=[_review(999)], headers=auth)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    other = make_token(session, make_user(session, "kim", "reviewer"))
    assert (
        client.post(
            "/api/v1/factchecks/import", json=[_review(1000)], headers={"Authorization": f"Bearer {other}"}
        ).status_code
        == 201
    )


def test_archiving_is_rate_limited_per_person(client, session, settings):
    ticket = ingest(session, settings).tickets[0]
    item = session.exec(
        select(DraftItem).where(DraftItem.ticket_id == ticket.id, DraftItem.kind == DraftKind.source)
    ).first()
    item.url = "http://127.0.0.1:9/minutes.pdf"  # refused by the fetcher: no network needed
    session.add(item)
    session.commit()
    token = make_token(session, make_user(session, "rita", "reviewer"))
    client.app.state.settings = settings.model_copy(update={"archive_per_minute": 2})
    codes = [
        client.post(f"/api/v1/drafts/{item.id}/archive", headers={"Authorization": f"Bearer {token}"}).status_code
        for _ in range(3)
    ]
    assert codes == [422, 422, 429]  # each try counts, fetched or not
