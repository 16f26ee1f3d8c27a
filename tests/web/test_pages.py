"""The desk in HTML: log in, ingest, review drafts, change state, see history, export."""

import re

from bs4 import BeautifulSoup
from sqlmodel import select

from factcheck.models import Article, DraftItem, Ticket
from tests.factories import ARTICLE, make_user
from tests.helpers import csrf_from, login


def soup(resp):
    return BeautifulSoup(resp.text, "html.parser")


def ingest_via_form(client, token, text=ARTICLE):
    resp = client.post(
        "/articles", data={"text": text, "csrf_token": token, "published": "2025-03-04"}, follow_redirects=False
    )
    assert resp.status_code == 303, resp.text
    return int(resp.headers["location"].rsplit("/", 1)[1])


def test_pages_require_login(client):
    resp = client.get("/tickets/1", follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"] == "/login?next=/tickets/1"


def test_wrong_password_is_refused_with_a_message(client, session):
    make_user(session, "rita")
    page = client.get("/login")
    resp = client.post("/login", data={"name": "rita", "password": "nope-nope", "csrf_token": csrf_from(page.text)})
    assert resp.status_code == 401
    assert "Wrong user name or password" in soup(resp).find(role="alert").text


def test_a_form_without_the_csrf_token_is_refused(client, session):
    make_user(session, "rita")
    login(client, "rita")
    resp = client.post("/articles", data={"text": ARTICLE})
    assert resp.status_code == 403
    assert session.exec(select(Article)).first() is None


def test_reviewer_works_a_ticket_end_to_end(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    article_id = ingest_via_form(client, token)

    article_page = soup(client.get(f"/articles/{article_id}"))
    highlights = article_page.select("a.hl")
    assert highlights, "claims are highlighted in the article text"
    ticket_id = int(highlights[0]["href"].rsplit("/", 1)[1])

    page = soup(client.get(f"/tickets/{ticket_id}"))
    assert page.select_one("blockquote.context mark").text == session.get(Ticket, ticket_id).quote
    assert "Suggested by the offline rule-based engine" in page.text
    first_draft = page.select_one("article.draft")
    draft_id = int(first_draft["id"].split("-")[1])

    client.post(f"/drafts/{draft_id}/approve", data={"csrf_token": token, "version": 1})
    # A reviewer proposes; the server refuses her a verdict even when she posts one directly.
    verdict = {
        "csrf_token": token,
        "to": "corroborated",
        "version": 1,
        "rationale": "The council's published minutes record the 7-2 vote.",
    }
    assert client.post(f"/tickets/{ticket_id}/state", data=verdict).status_code == 403
    resp = client.post(f"/tickets/{ticket_id}/propose", data=verdict)
    assert "Propose to an editor" in resp.text and "rita" in soup(resp).select_one("#verdict-summary").text

    client.post("/logout", data={"csrf_token": token})
    make_user(session, "ed", "editor")
    token = login(client, "ed")
    page = soup(client.get(f"/tickets/{ticket_id}"))
    assert page.select_one("#rationale").text == verdict["rationale"]  # the proposal, ready to accept
    version = page.select_one("form[action$='/state'] input[name=version]")["value"]
    assert version == "2"  # the proposal changed the ticket
    resp = client.post(f"/tickets/{ticket_id}/state", data={**verdict, "csrf_token": token, "version": version})
    assert resp.status_code == 200  # followed the redirect back to the ticket
    page = soup(resp)
    assert page.select_one("#verdict-summary .badge").text == "corroborated"
    assert "Approved by rita" in page.select_one(f"#draft-{draft_id}").text
    history = page.select_one("ol.history").text
    assert "propose" in history and "corroborate" in history and "published minutes" in history

    report = client.get(f"/exports/download?format=md&article={article_id}")
    assert report.status_code == 200
    assert "Corroborated" in report.text and "published minutes" in report.text
    approved = session.get(DraftItem, draft_id)
    assert approved.text.replace("[", "\\[") in report.text or approved.text in report.text


def test_a_stale_state_change_shows_a_message_in_the_page(client, session):
    make_user(session, "rita", "editor")
    token = login(client, "rita")
    ingest_via_form(client, token)
    ticket_id = session.exec(select(Ticket.id)).first()
    data = {"csrf_token": token, "to": "disputed", "version": 1, "rationale": "Contradicted by the minutes."}
    assert client.post(f"/tickets/{ticket_id}/state", data=data).status_code == 200
    resp = client.post(f"/tickets/{ticket_id}/state", data=data)
    assert resp.status_code == 409
    assert "changed by rita" in soup(resp).find(role="alert").text


def test_edit_keeps_the_machine_text_and_add_own_question(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    ingest_via_form(client, token)
    ticket_id = session.exec(select(Ticket.id)).first()
    draft = session.exec(select(DraftItem).where(DraftItem.ticket_id == ticket_id)).first()
    original = draft.text
    client.post(
        f"/drafts/{draft.id}/edit",
        data={
            "csrf_token": token,
            "version": 1,
            "text": "Did the council vote 7-2?",
            "answer": "Yes, per the minutes.",
        },
    )
    client.post(
        f"/tickets/{ticket_id}/drafts",
        data={"csrf_token": token, "kind": "question", "text": "Were two members absent?"},
    )
    session.expire_all()
    edited = session.get(DraftItem, draft.id)
    assert (edited.status, edited.text, edited.original_text) == ("edited", "Did the council vote 7-2?", original)
    own = session.exec(select(DraftItem).where(DraftItem.engine == "human")).one()
    assert own.status == "approved" and own.text == "Were two members absent?"


def test_reject_keeps_the_draft_out_of_reports(client, session):
    make_user(session, "rita", "editor")
    token = login(client, "rita")
    ingest_via_form(client, token)
    ticket_id = session.exec(select(Ticket.id)).first()
    draft = session.exec(select(DraftItem).where(DraftItem.ticket_id == ticket_id)).first()
    client.post(f"/drafts/{draft.id}/reject", data={"csrf_token": token, "version": 1})
    client.post(
        f"/tickets/{ticket_id}/state",
        data={"csrf_token": token, "to": "corroborated", "version": 1, "rationale": "Minutes confirm it."},
    )
    report = client.get("/exports/download?format=json").json()
    texts = [q["text"] for t in report["tickets"] for q in t["questions"] + t["sources"]]
    assert draft.text not in texts


def test_article_and_draft_text_is_escaped(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    hostile = (
        "The mayor said <script>alert(1)</script> the city spent $4 million on roads in 2024 "
        "<img src=x onerror=alert(2)>.\n\nAccording to <b>officials</b>, 30 roads were repaired in 2024."
    )
    article_id = ingest_via_form(client, token, text=hostile)
    page = client.get(f"/articles/{article_id}")
    assert "<script>alert(1)" not in page.text
    assert not soup(page).select("main img")
    ticket_id = session.exec(select(Ticket.id)).first()
    ticket_page = client.get(f"/tickets/{ticket_id}")
    assert "<script>alert" not in ticket_page.text
    assert "script-src 'self'" in ticket_page.headers["content-security-policy"]


def test_queue_filters_and_orders_by_check_worthiness(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    ingest_via_form(client, token)
    page = soup(client.get("/"))
    scores = [int(re.search(r"(\d+)%", s.text).group(1)) for s in page.select("table.queue .score")]
    assert scores and scores == sorted(scores, reverse=True)
    assert not soup(client.get("/?state=corroborated")).select("table.queue tbody tr")
    assert len(soup(client.get("/?q=million")).select("table.queue tbody tr")) == 1


def test_only_admins_manage_users(client, session):
    make_user(session, "rita")
    login(client, "rita")
    assert client.get("/users").status_code == 403


def test_an_unpublishable_claimreview_download_explains_itself_in_a_page(client, session, settings):
    make_user(session, "ed", "editor")
    token = login(client, "ed")
    ingest_via_form(client, token)
    ticket_id = session.exec(select(Ticket.id)).first()
    client.post(
        f"/tickets/{ticket_id}/state",
        data={"csrf_token": token, "to": "corroborated", "version": 1, "rationale": "Minutes, p. 4."},
    )
    client.post(f"/tickets/{ticket_id}/publish", data={"csrf_token": token, "version": 2})
    settings.org_url = "https://example.org/"
    resp = client.get("/exports/download?format=claimreview")
    assert resp.status_code == 422
    assert resp.headers["content-type"].startswith("text/html")
    assert "FACTCHECK_ORG_URL" in soup(resp).text


def test_bulk_assign_and_bulk_verdict_from_the_queue(client, session):
    make_user(session, "rita")
    ed = make_user(session, "ed", "editor")
    token = login(client, "ed")
    ingest_via_form(client, token)
    queue = soup(client.get("/"))
    checked = [box["value"] for box in queue.select('input[name="ticket"]')][:2]
    assert len(checked) == 2
    resp = client.post(
        "/tickets/bulk",
        data={"csrf_token": token, "action": "assign", "assignee": "me", "ticket": checked, "back": "/?sort=score"},
    )
    assert "2 tickets assigned to ed" in resp.text
    session.expire_all()
    ids = [int(v.split(":")[0]) for v in checked]
    assert [session.get(Ticket, i).assignee_id for i in ids] == [ed.id, ed.id]
    # The versions the page showed are now stale: the whole bulk change is refused.
    stale = client.post(
        "/tickets/bulk",
        data={
            "csrf_token": token,
            "action": "state",
            "to": "disputed",
            "rationale": "The minutes contradict both.",
            "ticket": checked,
        },
    )
    assert stale.status_code == 409 and "Nothing was changed" in stale.text
    fresh = [f"{i}:2" for i in ids]
    resp = client.post(
        "/tickets/bulk",
        data={
            "csrf_token": token,
            "action": "state",
            "to": "disputed",
            "rationale": "The minutes contradict both.",
            "ticket": fresh,
        },
    )
    assert "2 tickets marked disputed" in resp.text
    session.expire_all()
    assert {session.get(Ticket, i).state for i in ids} == {"disputed"}


def test_a_reviewer_cannot_reach_editor_actions_by_url(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    ingest_via_form(client, token)
    ticket_id = session.exec(select(Ticket.id)).first()
    bulk = client.post(
        "/tickets/bulk",
        data={
            "csrf_token": token,
            "action": "state",
            "to": "disputed",
            "rationale": "The minutes contradict it.",
            "ticket": [f"{ticket_id}:1"],
        },
    )
    assert bulk.status_code == 403
    assert client.get("/exports").status_code == 403
    assert client.get("/exports/download?format=csv").status_code == 403
    session.expire_all()
    assert session.get(Ticket, ticket_id).state == "unverified"


def test_a_number_too_large_for_the_database_is_a_clear_error(client, session):
    make_user(session, "rita")
    login(client, "rita")
    resp = client.get("/tickets/99999999999999999999999")
    assert resp.status_code == 422 and "out of range" in soup(resp).find(role="alert").text


def test_a_change_is_committed_before_its_response_is_sent(settings, db, session):
    """A browser follows the redirect at once: the next page must already see the change."""
    from fastapi.testclient import TestClient
    from sqlmodel import Session

    from factcheck.app import create_app
    from tests.factories import ingest

    ticket_id = ingest(session, settings).tickets[0].id
    make_user(session, "erin", "editor")
    app = create_app(settings)
    seen = []

    @app.middleware("http")
    async def look_when_the_response_starts(request, call_next):
        response = await call_next(request)
        if request.url.path.endswith("/state"):
            with Session(db) as other:  # another connection, as the next request would use
                seen.append(other.get(Ticket, ticket_id).state)
        return response

    with TestClient(app) as client:
        token = login(client, "erin")
        client.post(
            f"/tickets/{ticket_id}/state",
            follow_redirects=False,
            data={"csrf_token": token, "to": "disputed", "version": 1, "rationale": "The minutes say otherwise."},
        )
    assert seen == ["disputed"]


def test_a_stale_ticket_in_a_bulk_change_keeps_the_selection_and_offers_the_rest(client, session):
    """One ticket changed by someone else since the queue was opened: nothing changes, the page
    names who changed it and leaves it unchecked, the others stay checked with the rationale and
    rating as typed, and one click applies the change to them."""
    from factcheck.tickets import states

    make_user(session, "ed", "editor")
    edna = make_user(session, "edna", "editor")
    token = login(client, "ed")
    ingest_via_form(client, token)
    checked = [box["value"] for box in soup(client.get("/")).select('input[name="ticket"]')][:3]
    ids = [int(v.split(":")[0]) for v in checked]
    states.transition(
        session,
        actor=edna,
        ticket_id=ids[1],
        to="corroborated",
        rationale="The clerk confirmed it.",
        expected_version=1,
    )
    session.commit()
    why = "The minutes contradict all three."
    refused = client.post(
        "/tickets/bulk",
        data={
            "csrf_token": token,
            "action": "state",
            "to": "disputed",
            "rationale": why,
            "rating": "False",
            "ticket": checked,
            "back": "/?sort=score",
        },
    )
    assert refused.status_code == 409
    page = soup(refused)
    assert page.h1.text == "Nothing was changed" and f"Ticket {ids[1]}" in page.select_one("#problem").text
    boxes = {int(b["value"].split(":")[0]): b for b in page.select('input[name="ticket"]')}
    assert [i for i in ids if boxes[i].has_attr("checked")] == [ids[0], ids[2]]
    assert boxes[ids[1]]["value"] == f"{ids[1]}:2"  # checked again, it applies to the ticket as it is now
    assert "changed by edna" in page.text
    assert page.select_one('input[name="rationale"]')["value"] == why
    assert page.select_one('select[name="rating"] option[selected]')["value"] == "False"
    session.expire_all()
    assert [session.get(Ticket, i).state for i in ids] == ["unverified", "corroborated", "unverified"]
    again = {
        "csrf_token": token,
        "action": "state",
        "to": "disputed",
        "rationale": why,
        "rating": "False",
        "ticket": [b["value"] for b in page.select('input[name="ticket"][checked]')],
        "back": "/?sort=score",
    }
    done = client.post("/tickets/bulk", data=again)
    assert "2 tickets marked disputed, rated False." in done.text
    session.expire_all()
    assert [session.get(Ticket, i).state for i in ids] == ["disputed", "corroborated", "disputed"]


def test_a_reviewer_dismisses_several_tickets_at_once_from_the_queue(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    ingest_via_form(client, token)
    queue = soup(client.get("/"))
    assert queue.select_one('select[name="reason"]') is not None
    checked = [box["value"] for box in queue.select('input[name="ticket"]')][:2]
    done = client.post(
        "/tickets/bulk",
        data={
            "csrf_token": token,
            "action": "dismiss",
            "reason": "opinion",
            "note": "Columnist's view",
            "ticket": checked,
            "back": "/",
        },
    )
    assert "2 tickets dismissed (opinion)." in done.text
    session.expire_all()
    ids = [int(v.split(":")[0]) for v in checked]
    assert [session.get(Ticket, i).dismissed_reason for i in ids] == ["opinion", "opinion"]
    # A reason the desk does not know is refused for all, saying which reasons there are.
    more = [box["value"] for box in soup(client.get("/")).select('input[name="ticket"]')][:1]
    refused = client.post(
        "/tickets/bulk",
        data={"csrf_token": token, "action": "dismiss", "reason": "boring", "ticket": more, "back": "/"},
    )
    assert refused.status_code == 422 and "Say why: one of" in refused.text
