"""Many people at once, over real HTTP: bulk and single verdicts on the same tickets from 30
clients, each with a token it has never used. Every answer is a success or a 409 that names the
ticket; never a 5xx, a deadlock or a stall; and the counts by state agree with the tickets."""

from __future__ import annotations

import random
import threading
from collections import Counter

import httpx
from sqlmodel import func, select

from factcheck.models import Event, Ticket
from factcheck.tickets.tally import counts_by_state, recount
from tests.factories import ingest, make_token, make_user

CLIENTS = 30
ROUNDS = 4
FACTS = [
    "The Marlow council voted {n}-2 on May {d}, 2025 to close the Elm Street library branch.",
    "Marlow's bus ridership rose {n} percent in {y}, the transit agency said.",
    "The county recorded {n} road deaths in {y}, according to the state police.",
]


def _articles(session, settings) -> list[int]:
    ids = []
    for i in range(4):
        text = (
            f"Marlow roundup {i}\n\n"
            + "\n\n".join(fact.format(n=3 + i + j, d=5 + i, y=2020 + j) for j, fact in enumerate(FACTS))
            + "\n"
        )
        ids += [t.id for t in ingest(session, settings, text=text).tickets]
    return ids


def test_thirty_clients_changing_verdicts_in_bulk_and_one_by_one_never_get_a_server_error(live_desk, session, settings):
    ticket_ids = _articles(session, settings)
    assert len(ticket_ids) >= 8
    tokens = [make_token(session, make_user(session, f"ed{i}", "editor")) for i in range(CLIENTS)]
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def work(i: int) -> None:
        rng = random.Random(i)
        with httpx.Client(base_url=live_desk, headers={"Authorization": f"Bearer {tokens[i]}"}, timeout=60) as c:
            start.wait()  # every client's first request (with a token not yet used) at once
            for _ in range(ROUNDS):
                chosen = rng.sample(ticket_ids, rng.randint(2, 6) if i % 2 else 1)
                seen = {t["id"]: t for t in (c.get(f"/api/v1/tickets/{tid}").json() for tid in chosen)}
                to = rng.choice(["corroborated", "disputed", "unverified"])
                rationale = f"Client {i} read the minutes."
                if len(chosen) == 1:
                    t = seen[chosen[0]]
                    resp = c.post(
                        f"/api/v1/tickets/{t['id']}/state",
                        json={"to": to, "rationale": rationale, "expected_version": t["version"]},
                    )
                else:
                    rng.shuffle(chosen)  # clients name tickets in any order
                    resp = c.post(
                        "/api/v1/tickets/bulk",
                        json={
                            "action": "state",
                            "to": to,
                            "rationale": rationale,
                            "tickets": [{"id": tid, "expected_version": seen[tid]["version"]} for tid in chosen],
                        },
                    )
                with lock:
                    statuses[resp.status_code] += 1
                    if resp.status_code not in (200, 409, 422):
                        failures.append(f"{resp.status_code}: {resp.text[:300]}")
                    elif resp.status_code != 200:
                        assert resp.json()["error"]["message"]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a client is still waiting: the server stalled"
    assert not failures, failures[:5]
    assert statuses[200] > 0 and sum(statuses.values()) == CLIENTS * ROUNDS, statuses

    session.expire_all()
    # The tally moved with every change that landed, and only with those.
    kept = counts_by_state(session)
    assert kept == recount(session)
    session.rollback()
    by_state = dict(session.exec(select(Ticket.state, func.count()).group_by(Ticket.state)).all())
    assert {s: n for s, n in kept.items() if n} == {s: n for s, n in by_state.items() if n}
    # Every version step is one audited transition.
    versions = sum(v - 1 for v in session.exec(select(Ticket.version)).all())
    transitions = session.exec(
        select(func.count()).select_from(Event).where(Event.action.in_(["corroborate", "dispute", "reopen"]))
    ).one()
    assert versions == transitions
