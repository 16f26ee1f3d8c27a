"""Many reviewers and many ingests at once, over real HTTP (on PostgreSQL in CI): every article
sharing a claim is matched with the others, a match decided by twenty people at once is decided
once, and nothing answers with a 5xx."""

from __future__ import annotations

import threading
from collections import Counter

import httpx
from sqlmodel import select

from factcheck.models import ClaimMatch, Event
from tests.factories import ingest, make_token, make_user
from tests.matching.test_matching import FIRST

CLIENTS = 20
# The same claim, told by eight outlets in their own words, each with a claim of its own.
WORDINGS = [
    "Riverton's council voted 7-2 on March 3, 2025 to raise residential water rates by 12 percent.",
    "Residential water rates in Riverton will rise 12 percent after a 7-2 council vote on March 3, 2025.",
    "On March 3, 2025, Riverton City Council members voted 7-2 for a 12 percent rise in residential water rates.",
    "A 12 percent increase in Riverton residential water rates passed the City Council 7-2 on March 3, 2025.",
    "The Riverton City Council approved 12 percent higher residential water rates in a 7-2 vote on March 3, 2025.",
    "Riverton households face water rates 12 percent higher after the council's 7-2 vote of March 3, 2025.",
    "By a 7-2 vote on March 3, 2025, Riverton's City Council raised residential water rates 12 percent.",
    "Riverton City Council voted 7-2 on March 3, 2025 for a 12 percent residential water rate increase.",
]


def test_articles_ingested_at_once_are_matched_and_a_match_is_decided_once(live_desk, session, settings):
    ingest(session, settings, text=FIRST)
    tokens = [make_token(session, make_user(session, f"r{i}")) for i in range(CLIENTS)]
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    start = threading.Barrier(len(WORDINGS))

    def ingest_one(i: int) -> None:
        text = f"Water story {i}\n\n{WORDINGS[i]}\n\nThe ferry to Lake Orra made {1000 + i} crossings in 2024.\n"
        with httpx.Client(base_url=live_desk, headers={"Authorization": f"Bearer {tokens[i]}"}, timeout=60) as c:
            start.wait()
            resp = c.post("/api/v1/articles", json={"text": text})
            with lock:
                statuses[resp.status_code] += 1

    threads = [threading.Thread(target=ingest_one, args=(i,)) for i in range(len(WORDINGS))]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert statuses == {201: len(WORDINGS)}, statuses
    matches = session.exec(select(ClaimMatch)).all()
    # Each wording found the first article's claim at least (the ones ingested at the same moment
    # may or may not see each other: they were not committed yet).
    assert len({m.ticket_id for m in matches if m.kind == "ticket"}) >= len(WORDINGS) - 1

    target, seen = matches[0], matches[0].version
    decided: Counter[int] = Counter()
    go = threading.Barrier(CLIENTS)

    def decide(i: int) -> None:
        with httpx.Client(base_url=live_desk, headers={"Authorization": f"Bearer {tokens[i]}"}, timeout=60) as c:
            go.wait()
            verb = "confirm" if i % 2 else "reject"
            resp = c.post(f"/api/v1/matches/{target.id}/{verb}", json={"expected_version": seen})
            with lock:
                decided[resp.status_code] += 1

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(CLIENTS)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert decided == {200: 1, 409: CLIENTS - 1}, decided
    session.expire_all()
    assert session.get(ClaimMatch, target.id).version == seen + 1
    events = session.exec(select(Event).where(Event.action.in_(["match.confirmed", "match.rejected"]))).all()
    assert len(events) == 1
