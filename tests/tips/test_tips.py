"""Readers' claims: the public form keeps people's claims and refuses programs, with the reason;
tips that say the same thing are grouped; a reader learns at once when the desk already published
a fact-check of their claim, and follows theirs by a private link."""

from __future__ import annotations

import re
import time

import pytest
from sqlmodel import select

from factcheck.models import Tip, TipDecision
from factcheck.tickets import publishing, states
from factcheck.tips import abuse
from factcheck.tips import service as tips
from factcheck.tips.service import Submission
from tests.factories import ingest, make_token, make_user
from tests.helpers import login

CLAIM = "The Riverton City Council voted 7-2 on March 3, 2025 to close the library."
SAME = "Riverton's city council voted 7 to 2 on March 3, 2025 to close its library."


def _stamp(client, seconds_ago: float = 10) -> str:
    return abuse.form_stamp(client.app.state.cookie_secret, now=time.time() - seconds_ago)


def _send(client, claim=CLAIM, **fields):
    data = {"claim": claim, "seen_where": "", "contact": "", "stamp": _stamp(client), "website": ""} | fields
    return client.post("/tips", data=data, follow_redirects=False)


def _status_path(answer) -> str:
    assert answer.status_code == 303, answer.text
    return answer.headers["location"]


def test_a_reader_sends_a_claim_and_follows_it_by_a_private_link(client, session):
    form = client.get("/tips/new")
    assert form.status_code == 200 and 'name="stamp"' in form.text and "Leave this empty" in form.text
    where = _status_path(_send(client, seen_where="https://social.example/post/1"))
    assert re.fullmatch(r"/tips/status/[A-Za-z0-9_-]{32}\?sent=1", where)
    page = client.get(where)
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "Thank you: we received your claim." in page.text and CLAIM in page.text
    assert "https://checks.desk.example/tips/status/" in page.text
    [tip] = session.exec(select(Tip)).all()
    # The desk keeps the link's digest, never the link.
    assert where.split("/")[-1].split("?")[0] not in repr(tip.model_dump())
    assert tip.seen_url == "https://social.example/post/1" and tip.channel == "form"
    assert client.get("/tips/status/not-a-real-token").status_code == 404


@pytest.mark.parametrize(
    ("fields", "status", "reason"),
    [
        ({"website": "https://spam.example"}, 422, "A field people cannot see"),
        ({"stamp": "forged"}, 422, "not sent as the desk served it"),
        ({"claim": "Too short"}, 422, "at least 10 characters"),
        ({"contact": "reader@example.com"}, 422, "tick the box"),
        ({"contact": "not an address", "consent": "1"}, 422, "must be an email address"),
        ({"claim": "BUY CHEAP VIAGRA AND CASINO CHIPS NOW http://a.example http://b.example"}, 422, "advertising"),
    ],
)
def test_what_is_refused_says_why_and_keeps_what_was_typed(client, session, fields, status, reason):
    refused = _send(client, **fields)
    assert refused.status_code == status and reason in refused.text
    assert (fields.get("claim") or CLAIM).split()[0] in refused.text  # the form comes back filled
    assert session.exec(select(Tip)).all() == []


def test_a_form_sent_back_at_once_is_refused(client):
    refused = _send(client, stamp=_stamp(client, seconds_ago=0))
    assert refused.status_code == 422 and "faster than a person reads it" in refused.text


def test_one_address_sends_at_most_five_claims_in_ten_minutes(client):
    for n in range(abuse.PER_TEN_MINUTES):
        assert _send(client, claim=f"{CLAIM} Claim number {n}.").status_code == 303
    refused = _send(client, claim=f"{CLAIM} One more.")
    assert refused.status_code == 429 and "at most 5 claims in 10 minutes" in refused.text


def test_a_middling_spam_score_is_kept_and_flagged_for_reviewers(session, settings):
    sent = tips.submit(
        session, settings=settings, submission=Submission("SEE THE VIDEO AT HTTP://A.EXAMPLE: THE MAYOR RESIGNED TODAY")
    )
    assert 0.5 <= sent.tip.spam_score < 1 and "capitals" in sent.tip.spam_reasons


def test_tips_saying_the_same_are_grouped_and_the_inbox_counts_readers(client, session, settings):
    first = tips.submit(session, settings=settings, submission=Submission(CLAIM))
    second = tips.submit(session, settings=settings, submission=Submission(SAME))
    other = tips.submit(
        session, settings=settings, submission=Submission("The new bridge in Millbrook cost $40 million.")
    )
    session.commit()
    assert second.tip.group_id == first.tip.id and other.tip.group_id is None
    [group, single] = tips.inbox(session)
    assert group.leader.id == first.tip.id and group.count == 2 and single.count == 1
    make_user(session, "rita")
    login(client, "rita")
    page = client.get("/tips").text
    assert "2 readers sent it" in page and "Make a ticket" in page


def _publish_claim(session, settings):
    ticket = ingest(session, settings).tickets[0]
    ed = make_user(session, "ed", "editor")
    ticket = states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="disputed",
        rationale="The minutes say 6-3.",
        expected_version=ticket.version,
        rating="False",
    )
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    return ticket, ed


def test_a_claim_already_published_is_answered_on_the_spot(client, session, settings):
    ticket, _ = _publish_claim(session, settings)
    page = client.get(_status_path(_send(client, claim=ticket.claim)))
    assert "We had already checked this claim." in page.text
    assert f'href="/factchecks/{ticket.id}-' in page.text and "False: " in page.text


def test_a_tip_becomes_a_ticket_then_a_published_fact_check_and_its_link_says_so(client, session, settings):
    status = _status_path(_send(client, claim="Millbrook's new bridge cost $40 million, twice its budget."))
    _status_path(_send(client, claim="The new Millbrook bridge cost 40 million dollars, double its budget."))
    ed = make_user(session, "ed", "editor")
    csrf = login(client, "ed")
    [entry] = tips.inbox(session)
    made = client.post(
        f"/tips/{entry.leader.id}/ticket",
        data={"csrf_token": csrf, "version": entry.leader.version},
        follow_redirects=False,
    )
    assert made.status_code == 303 and made.headers["location"].startswith("/tickets/")
    ticket_id = int(made.headers["location"].rsplit("/", 1)[1])
    assert "A reviewer is checking it now." in client.get(status).text
    # The second click on the same version is told who decided first.
    again = client.post(
        f"/tips/{entry.leader.id}/ticket",
        data={"csrf_token": csrf, "version": entry.leader.version},
        follow_redirects=True,
    )
    assert "This tip was decided by ed" in again.text
    session.expire_all()
    assert [t.decision for t in session.exec(select(Tip))] == [TipDecision.ticket] * 2
    ticket = states.transition(
        session,
        actor=ed,
        ticket_id=ticket_id,
        to="disputed",
        rationale="The budget was $30 million.",
        expected_version=1,
        rating="Misleading",
    )
    publishing.publish(session, actor=ed, ticket_id=ticket_id, expected_version=ticket.version)
    session.commit()
    page = client.get(status).text
    assert "<strong>Published.</strong>" in page and f'href="/factchecks/{ticket_id}-' in page


def test_a_dismissed_tip_tells_the_reader_without_the_reviewers_note(client, session, settings):
    status = _status_path(_send(client))
    rita = make_user(session, "rita")
    [entry] = tips.inbox(session)
    tips.dismiss(session, actor=rita, tip_id=entry.leader.id, expected_version=entry.leader.version, note="Satire site")
    session.commit()
    page = client.get(status).text
    assert "decided not to check it" in page and "Satire" not in page and "rita" not in page


def test_a_newsroom_bot_posts_tips_with_a_token(client, session):
    bot = make_user(session, "whatsapp-bot")
    auth = {"Authorization": f"Bearer {make_token(session, bot)}"}
    assert client.post("/api/v1/tips", json={"claim": CLAIM}).status_code == 401
    sent = client.post("/api/v1/tips", headers=auth, json={"claim": CLAIM, "channel": "whatsapp"})
    assert sent.status_code == 201, sent.text
    body = sent.json()
    assert body["status"] == "received" and body["status_url"].startswith("https://checks.desk.example/tips/status/")
    refused = client.post("/api/v1/tips", headers=auth, json={"claim": CLAIM, "contact": "a@b.example"})
    assert refused.status_code == 422 and "tick the box" in refused.text
    [group] = client.get("/api/v1/tips", headers=auth).json()
    assert group["leader"]["channel"] == "api whatsapp-bot (whatsapp)" and group["count"] == 1
