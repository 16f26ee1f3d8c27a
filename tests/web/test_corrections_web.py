"""Corrections through the API and the ticket page: the shapes automation relies on, and a page
that never loses what a reviewer typed when someone else changed the ticket first."""

from __future__ import annotations

import re
import threading
from collections import Counter

import httpx
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlmodel import select

from factcheck.models import DraftItem, Event, Ticket
from tests.factories import ingest, make_token, make_user
from tests.helpers import login


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def soup(resp):
    return BeautifulSoup(resp.text, "html.parser")


@pytest.fixture
def api(client, session, settings):
    result = ingest(session, settings)
    tokens = {
        name: make_token(session, make_user(session, name, role))
        for name, role in (("rita", "reviewer"), ("ed", "editor"))
    }
    return client, result, tokens


def test_a_claim_is_corrected_with_patch_and_a_stale_or_bad_one_is_refused(api):
    client, result, tokens = api
    tid = result.tickets[0].id
    body = {
        "claim": "The Riverton City Council voted 7-2 on March 3, 2025 to raise water rates.",
        "speaker": "the Riverton City Council",
        "kind": "event",
        "expected_version": 1,
    }
    done = client.patch(f"/api/v1/tickets/{tid}", json=body, headers=auth(tokens["rita"]))
    assert done.status_code == 200, done.text
    assert (done.json()["claim"], done.json()["kind"], done.json()["version"]) == (body["claim"], "event", 2)
    stale = client.patch(f"/api/v1/tickets/{tid}", json=body, headers=auth(tokens["rita"]))
    assert stale.status_code == 409 and stale.json()["error"]["details"]["current_version"] == 2
    cleared = client.patch(
        f"/api/v1/tickets/{tid}", json={"speaker": None, "expected_version": 2}, headers=auth(tokens["rita"])
    )
    assert cleared.status_code == 200 and cleared.json()["speaker"] is None
    for bad in (
        {"claim": "", "expected_version": 3},
        {"claim": "x" * 1501, "expected_version": 3},
        {"kind": "rumour", "expected_version": 3},
    ):
        assert client.patch(f"/api/v1/tickets/{tid}", json=bad, headers=auth(tokens["rita"])).status_code == 422


def test_a_dismissed_ticket_says_so_leaves_the_queue_and_comes_back(api):
    client, result, tokens = api
    tid = result.tickets[0].id
    out = client.post(
        f"/api/v1/tickets/{tid}/dismiss",
        json={"reason": "opinion", "note": "A view.", "expected_version": 1},
        headers=auth(tokens["rita"]),
    )
    assert out.status_code == 200 and out.json()["dismissed"] is True
    dismissal = out.json()["dismissal"]
    assert (dismissal["reason"], dismissal["note"], dismissal["by"]) == ("opinion", "A view.", "rita")
    queue = client.get("/api/v1/tickets", headers=auth(tokens["rita"])).json()
    assert tid not in [t["id"] for t in queue["tickets"]] and queue["total"] == len(result.tickets) - 1
    only = client.get("/api/v1/tickets?dismissed=1", headers=auth(tokens["rita"])).json()
    assert [t["id"] for t in only["tickets"]] == [tid] and only["total"] == 1
    back = client.post(f"/api/v1/tickets/{tid}/restore", json={"expected_version": 2}, headers=auth(tokens["rita"]))
    assert back.status_code == 200 and back.json()["dismissal"] is None


def test_a_missed_claim_is_added_by_offsets(api):
    client, result, tokens = api
    text = result.article.text
    end = text.index("\n")
    made = client.post(
        f"/api/v1/articles/{result.article.id}/tickets", json={"start": 0, "end": end}, headers=auth(tokens["rita"])
    )
    assert made.status_code == 201, made.text
    assert made.json()["quote"] == text[0:end] and made.json()["drafting_status"] == "done"
    again = client.post(
        f"/api/v1/articles/{result.article.id}/tickets", json={"start": 0, "end": end}, headers=auth(tokens["rita"])
    )
    assert again.status_code == 409 and again.json()["error"]["details"]["ticket_id"] == made.json()["id"]
    for bad in ({"start": 3, "end": 3}, {"start": 0, "end": len(text) + 5}, {"start": -1, "end": 4}):
        resp = client.post(f"/api/v1/articles/{result.article.id}/tickets", json=bad, headers=auth(tokens["rita"]))
        assert resp.status_code == 422, bad


def test_merge_returns_the_surviving_ticket(api):
    client, result, tokens = api
    survivor, duplicate = result.tickets[:2]
    resp = client.post(
        f"/api/v1/tickets/{duplicate.id}/merge",
        json={"into": survivor.id, "expected_version": 1},
        headers=auth(tokens["rita"]),
    )
    assert resp.status_code == 200 and resp.json()["id"] == survivor.id
    gone = client.get(f"/api/v1/tickets/{duplicate.id}", headers=auth(tokens["rita"])).json()
    assert gone["merged_into_id"] == survivor.id and gone["dismissal"]["reason"] == "duplicate"


def test_draft_reviews_name_the_version_they_saw(api):
    client, result, tokens = api
    draft = client.get(f"/api/v1/tickets/{result.tickets[0].id}/drafts", headers=auth(tokens["rita"])).json()[0]
    assert draft["version"] == 1
    first = client.post(
        f"/api/v1/drafts/{draft['id']}/reject", json={"expected_version": 1}, headers=auth(tokens["rita"])
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    late = client.post(
        f"/api/v1/drafts/{draft['id']}/approve", json={"expected_version": 1}, headers=auth(tokens["ed"])
    )
    assert late.status_code == 409 and "changed by rita" in late.json()["error"]["message"]
    assert (
        client.post(f"/api/v1/drafts/{draft['id']}/approve", json={}, headers=auth(tokens["ed"])).status_code == 422
    )  # a review without a version is refused


def test_labels_come_as_json_or_as_the_tuners_tsv(api):
    client, result, tokens = api
    client.post(
        f"/api/v1/tickets/{result.tickets[0].id}/dismiss",
        json={"reason": "not a claim", "expected_version": 1},
        headers=auth(tokens["rita"]),
    )
    assert client.get("/api/v1/labels", headers=auth(tokens["rita"])).status_code == 403
    rows = client.get("/api/v1/labels", headers=auth(tokens["ed"])).json()
    assert [(r["ticket_id"], r["label"]) for r in rows] == [(result.tickets[0].id, "No")]
    tsv = client.get("/api/v1/labels?format=tsv", headers=auth(tokens["ed"]))
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert tsv.text.splitlines()[0] == "ticket_id\tarticle_id\tarticle\treason\ttext\tlabel"


def test_twenty_api_clients_reviewing_one_draft_one_wins_and_the_log_matches(live_desk, session, settings):
    ticket = ingest(session, settings).tickets[0]
    draft_id = session.exec(select(DraftItem.id).where(DraftItem.ticket_id == ticket.id)).first()
    tokens = [make_token(session, make_user(session, f"rev{i}", "reviewer")) for i in range(20)]
    barrier, statuses, lock = threading.Barrier(20), [], threading.Lock()

    def review(i):
        verb = ("approve", "reject", "edit")[i % 3]
        body = {"expected_version": 1, **({"text": f"Did the council vote 7-2? ({i})"} if verb == "edit" else {})}
        with httpx.Client(base_url=live_desk, headers=auth(tokens[i]), timeout=60) as c:
            barrier.wait()
            status = c.post(f"/api/v1/drafts/{draft_id}/{verb}", json=body).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=review, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert Counter(statuses) == {200: 1, 409: 19}
    session.expire_all()
    final = session.get(DraftItem, draft_id)
    events = session.exec(select(Event).where(Event.action.like("draft.%"), Event.actor_name.like("rev%"))).all()
    assert len(events) == 1 and (events[0].from_value, events[0].to_value) == ("proposed", final.status)


# --- the ticket page ----------------------------------------------------------------------------


def two_browsers(app, session):
    make_user(session, "rita")
    make_user(session, "kim")
    first, second = TestClient(app).__enter__(), TestClient(app).__enter__()
    return (first, login(first, "rita")), (second, login(second, "kim"))


def test_a_draft_edit_that_lost_the_race_comes_back_with_its_text(app, session, settings):
    ticket = ingest(session, settings).tickets[0]
    draft = session.exec(select(DraftItem).where(DraftItem.ticket_id == ticket.id)).first()
    (rita, rita_csrf), (kim, kim_csrf) = two_browsers(app, session)
    rita.post(f"/drafts/{draft.id}/approve", data={"csrf_token": rita_csrf, "version": 1})
    mine = "Did the Riverton council record the 7-2 vote in its minutes of March 3, 2025?"
    resp = kim.post(
        f"/drafts/{draft.id}/edit",
        data={"csrf_token": kim_csrf, "version": 1, "text": mine, "answer": "Page 4 of the minutes."},
    )
    assert resp.status_code == 409
    page = soup(resp)
    assert "changed by rita" in page.select_one("#problem").text
    box = page.select_one(f"#draft-{draft.id}")
    assert box.select_one("details").has_attr("open") and box.select_one("textarea[name=text]").text == mine
    assert box.select_one("textarea[name=answer]").text == "Page 4 of the minutes."
    session.expire_all()
    assert session.get(DraftItem, draft.id).status == "approved"  # rita's review stands


def test_a_verdict_that_lost_the_race_comes_back_with_its_rationale(app, session, settings):
    ticket = ingest(session, settings).tickets[0]
    make_user(session, "ed", "editor")
    make_user(session, "eve", "editor")
    with TestClient(app) as ed, TestClient(app) as eve:
        ed_csrf, eve_csrf = login(ed, "ed"), login(eve, "eve")
        ed.post(
            f"/tickets/{ticket.id}/state",
            data={
                "csrf_token": ed_csrf,
                "to": "corroborated",
                "version": 1,
                "rationale": "The minutes record the vote.",
            },
        )
        mine = "The roll call on page 4 shows 6 votes in favour, not 7."
        resp = eve.post(
            f"/tickets/{ticket.id}/state",
            data={"csrf_token": eve_csrf, "to": "disputed", "version": 1, "rationale": mine},
        )
    assert resp.status_code == 409
    page = soup(resp)
    assert "changed by ed" in page.select_one("#problem").text
    assert page.select_one("#rationale-disputed").text == mine  # in the form that now fits: "Change to disputed"
    assert page.select_one("#verdict-summary").text.count("Corroborated by ed") == 1


def test_the_ticket_page_shows_the_verdict_first_and_reopening_is_a_button_of_its_own(client, session, settings):
    ticket = ingest(session, settings).tickets[0]
    make_user(session, "ed", "editor")
    csrf = login(client, "ed")
    client.post(
        f"/tickets/{ticket.id}/state",
        data={"csrf_token": csrf, "to": "disputed", "version": 1, "rationale": "The minutes record 6-3."},
    )
    page = soup(client.get(f"/tickets/{ticket.id}"))
    summary = page.select_one("#verdict-summary")
    assert summary.find_next("h1") is not None  # above the claim
    assert "Disputed by ed" in summary.text and "The minutes record 6-3." in summary.text
    reopen = page.select_one("form#to-unverified")
    assert reopen.find("button").text.strip() == "Reopen" and reopen.select_one("textarea[name=rationale]")
    switch = page.select_one("form#to-corroborated")
    assert switch.find("button").text.strip() == "Change to corroborated"
    resp = client.post(
        f"/tickets/{ticket.id}/state",
        data={"csrf_token": csrf, "to": "corroborated", "version": 2, "rationale": "The corrected minutes say 7-2."},
    )
    assert resp.status_code == 200 and "Corroborated by ed" in soup(resp).select_one("#verdict-summary").text


def test_correcting_a_claim_from_its_page(client, session, settings):
    result = ingest(session, settings)
    ticket = result.tickets[0]
    ticket.needs_human, ticket.flag_reason = True, "“It” does not name what it refers to."
    session.commit()
    make_user(session, "rita")
    csrf = login(client, "rita")
    page = soup(client.get(f"/tickets/{ticket.id}"))
    flag = page.select_one(".flag-box")
    assert [a["href"] for a in flag.find_all("a")] == ["#edit-claim", "#dismiss"]
    assert page.select_one("details#edit-claim") and page.select_one("details#dismiss")
    claim = "The Riverton City Council voted 7-2 on March 3, 2025 to raise water rates by 12 percent."
    resp = client.post(
        f"/tickets/{ticket.id}/claim",
        data={"csrf_token": csrf, "version": 1, "claim": claim, "speaker": "", "reported_by": "", "kind": "event"},
    )
    page = soup(resp)
    assert page.select_one("h1.claim").text == claim and not page.select_one(".flag-box")
    resp = client.post(
        f"/tickets/{ticket.id}/dismiss",
        data={"csrf_token": csrf, "version": 2, "reason": "out of scope", "note": "Not our city."},
    )
    page = soup(resp)
    assert "Dismissed as out of scope by rita" in page.select_one("#verdict-summary").text
    assert page.find("button", string="Restore to the queue")
    resp = client.post(f"/tickets/{ticket.id}/restore", data={"csrf_token": csrf, "version": 3})
    assert "Not yet verified" in soup(resp).select_one("#verdict-summary").text


def test_a_missed_claim_is_added_from_the_article_page(client, session, settings):
    result = ingest(session, settings)
    make_user(session, "rita")
    csrf = login(client, "rita")
    page = soup(client.get(f"/articles/{result.article.id}"))
    runs = page.select("#article-text [data-start]")
    assert runs and all(result.article.text[int(r["data-start"]) :].startswith(r.text) for r in runs)
    typed = client.post(
        f"/articles/{result.article.id}/tickets",
        data={"csrf_token": csrf, "quote": "the largest increase since 2009", "claim": "", "kind": "statement"},
    )
    assert typed.status_code == 200 and "Your claim is a ticket now" in typed.text
    refused = client.post(
        f"/articles/{result.article.id}/tickets",
        data={"csrf_token": csrf, "quote": "water", "claim": "Water is wet, said nobody."},
    )
    assert refused.status_code == 422
    again = soup(refused)
    assert "more than once" in again.select_one("#problem").text
    assert again.select_one("#add-claim-text").text == "Water is wet, said nobody."  # kept


def test_merging_from_the_page_leads_to_the_survivor(client, session, settings):
    survivor, duplicate = ingest(session, settings).tickets[:2]
    make_user(session, "rita")
    csrf = login(client, "rita")
    bad = client.post(f"/tickets/{duplicate.id}/merge", data={"csrf_token": csrf, "version": 1, "into": "soon"})
    assert bad.status_code == 422 and soup(bad).select_one("#merge-into")["value"] == "soon"
    resp = client.post(
        f"/tickets/{duplicate.id}/merge",
        data={"csrf_token": csrf, "version": 1, "into": f"#{survivor.id}"},
        follow_redirects=False,
    )
    assert resp.headers["location"] == f"/tickets/{survivor.id}"
    session.expire_all()
    assert session.get(Ticket, duplicate.id).merged_into_id == survivor.id
    assert re.search(
        rf"Merged into\s+ticket {survivor.id}",
        soup(client.get(f"/tickets/{duplicate.id}")).select_one("#verdict-summary").text,
    )
