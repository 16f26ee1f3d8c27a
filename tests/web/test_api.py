"""The JSON API: token auth, ingest, state changes with versions, one error shape, exports."""

import pytest
from sqlmodel import func, select

from factcheck.auth.permissions import CONSOLE
from factcheck.models import Article
from factcheck.users import service as users
from tests.factories import ARTICLE, make_token, make_user
from tests.helpers import login


@pytest.fixture
def token(session):
    return make_token(session, make_user(session, "bot", "editor"))


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_api_needs_a_token(client):
    resp = client.get("/api/v1/tickets")
    assert resp.status_code == 401
    assert resp.json()["error"]["code"] == "not_authenticated"


def test_a_revoked_token_stops_working(client, session, token):
    users.revoke_tokens(session, actor=CONSOLE, user_id=users.by_name(session, "bot").id)
    session.commit()
    assert client.get("/api/v1/tickets", headers=auth(token)).status_code == 401


def test_post_article_returns_its_tickets(client, token):
    resp = client.post("/api/articles", json={"text": ARTICLE, "published": "2025-03-04"}, headers=auth(token))
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["created"] and body["tickets"]
    article = client.get(f"/api/v1/articles/{body['article_id']}", headers=auth(token)).json()
    assert [t["id"] for t in article["tickets"]] == [t["id"] for t in body["tickets"]]
    again = client.post("/api/articles", json={"text": ARTICLE}, headers=auth(token)).json()
    assert again["article_id"] == body["article_id"] and not again["created"]


@pytest.mark.parametrize("payload", [{"text": "   "}, {}, {"text": "x", "bogus": 1}])
def test_bad_articles_get_a_422_and_nothing_is_stored(client, session, token, payload):
    resp = client.post("/api/v1/articles", json=payload, headers=auth(token))
    assert resp.status_code == 422
    assert resp.json()["error"]["message"]
    assert session.exec(select(func.count()).select_from(Article)).one() == 0


def test_state_change_with_expected_version_and_409_when_stale(client, token):
    ticket = client.post("/api/articles", json={"text": ARTICLE}, headers=auth(token)).json()["tickets"][0]
    change = {"to": "disputed", "rationale": "The minutes show a 6-3 vote.", "expected_version": 1}
    resp = client.post(f"/api/v1/tickets/{ticket['id']}/state", json=change, headers=auth(token))
    assert resp.status_code == 200 and resp.json()["state"] == "disputed" and resp.json()["version"] == 2
    stale = client.post(f"/api/v1/tickets/{ticket['id']}/state", json=change, headers=auth(token))
    assert stale.status_code == 409
    assert stale.json()["error"]["details"]["current_version"] == 2
    events = client.get(f"/api/v1/tickets/{ticket['id']}/events", headers=auth(token)).json()
    assert [e["action"] for e in events].count("dispute") == 1


def test_drafts_review_and_notes_via_api(client, token):
    ticket = client.post("/api/articles", json={"text": ARTICLE}, headers=auth(token)).json()["tickets"][0]
    drafts = client.get(f"/api/v1/tickets/{ticket['id']}/drafts", headers=auth(token)).json()
    assert drafts and all(d["engine"] == "offline" and d["prompt_hash"] for d in drafts)
    approved = client.post(
        f"/api/v1/drafts/{drafts[0]['id']}/approve", json={"expected_version": 1}, headers=auth(token)
    ).json()
    assert approved["status"] == "approved" and approved["reviewed_by_id"]
    bad = client.post(
        f"/api/v1/tickets/{ticket['id']}/notes", json={"text": "x", "url": "javascript:alert(1)"}, headers=auth(token)
    )
    assert bad.status_code == 422 and "http" in bad.json()["error"]["message"]
    note = client.post(
        f"/api/v1/tickets/{ticket['id']}/notes",
        json={"text": "Minutes page 4.", "url": "https://example.org/minutes.pdf"},
        headers=auth(token),
    )
    assert note.status_code == 201


@pytest.mark.parametrize(
    ("fmt", "ctype", "ext"),
    [
        ("md", "text/markdown", "md"),
        ("html", "text/html", "html"),
        ("csv", "text/csv", "csv"),
        ("json", "application/json", "json"),
        ("claimreview", "application/ld+json", "jsonld"),
        ("pdf", "application/pdf", "pdf"),
    ],
)
def test_export_formats_have_content_types_and_file_names(client, token, fmt, ctype, ext):
    client.post("/api/articles", json={"text": ARTICLE}, headers=auth(token))
    resp = client.get(f"/api/export?format={fmt}&include_open=1", headers=auth(token))
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith(ctype)
    assert resp.headers["content-disposition"].endswith(f'.{ext}"')


def test_unknown_export_format_is_a_clear_error(client, token):
    resp = client.get("/api/export?format=docx", headers=auth(token))
    message = resp.json()["error"]["message"]
    assert resp.status_code == 422 and "'docx'" in message and "claimreview" in message


def test_browser_session_writes_need_the_csrf_header(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    assert client.post("/api/v1/articles", json={"text": ARTICLE}).status_code == 403
    resp = client.post("/api/v1/articles", json={"text": ARTICLE}, headers={"X-CSRF-Token": token})
    assert resp.status_code == 201


def test_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/articles" in paths and "/api/v1/tickets/{ticket_id}/state" in paths


def test_export_by_date_range_and_unpublishable_claimreview_say_why(client, token, settings):
    created = client.post("/api/articles", json={"text": ARTICLE}, headers=auth(token)).json()
    tid = created["tickets"][0]["id"]
    client.post(
        f"/api/v1/tickets/{tid}/state",
        headers=auth(token),
        json={"to": "corroborated", "rationale": "Minutes confirm it.", "expected_version": 1},
    )
    csv_rows = client.get("/api/export?format=csv&since=2000-01-01&until=2999-12-31", headers=auth(token)).text
    assert len(csv_rows.strip().splitlines()) == 2
    empty = client.get("/api/export?format=csv&until=2000-01-01", headers=auth(token)).text
    assert len(empty.strip().splitlines()) == 1
    bad = client.get("/api/export?format=csv&since=yesterday", headers=auth(token))
    assert bad.status_code == 422 and "since" in bad.json()["error"]["message"]
    # ClaimReview holds published verdicts only.
    assert client.get("/api/export?format=claimreview", headers=auth(token)).json() == []
    client.post(f"/api/v1/tickets/{tid}/publish", headers=auth(token), json={"expected_version": 2})
    settings.org_url = "https://example.org/"
    refused = client.get("/api/export?format=claimreview", headers=auth(token))
    assert refused.status_code == 422 and "FACTCHECK_ORG_URL" in refused.json()["error"]["message"]


def test_reviewers_propose_and_editors_bulk_decide_via_api(client, token, session):
    rita_token = make_token(session, make_user(session, "rita", "reviewer"))
    created = client.post("/api/articles", json={"text": ARTICLE}, headers=auth(token)).json()
    ids = [t["id"] for t in created["tickets"][:2]]
    change = {"to": "disputed", "rationale": "The minutes say otherwise.", "expected_version": 1}
    assert client.post(f"/api/v1/tickets/{ids[0]}/state", json=change, headers=auth(rita_token)).status_code == 403
    proposed = client.post(f"/api/v1/tickets/{ids[0]}/propose", json=change, headers=auth(rita_token))
    assert proposed.status_code == 201
    assert proposed.json() | {"id": 0, "created_at": 0} == {
        "id": 0,
        "ticket_id": ids[0],
        "from_state": "unverified",
        "to_state": "disputed",
        "rationale": change["rationale"],
        "rating": None,
        "by": "rita",
        "created_at": 0,
        "ticket_version": 2,
    }
    body = {
        "action": "state",
        "to": "disputed",
        "rationale": "The minutes say otherwise.",
        "tickets": [{"id": ids[0], "expected_version": 2}, {"id": ids[1], "expected_version": 1}],
    }
    assert client.post("/api/v1/tickets/bulk", json=body, headers=auth(rita_token)).status_code == 403
    done = client.post("/api/v1/tickets/bulk", json=body, headers=auth(token))
    assert done.status_code == 200 and [t["state"] for t in done.json()] == ["disputed", "disputed"]
    again = client.post("/api/v1/tickets/bulk", json=body, headers=auth(token))
    assert again.status_code == 409 and "Nothing was changed" in again.json()["error"]["message"]


def test_admins_manage_users_and_tokens_through_the_api(client, session):
    admin = make_user(session, "ada", "admin")
    admin_token = make_token(session, admin)
    rita_token = make_token(session, make_user(session, "rita", "reviewer"))
    assert client.get("/api/v1/users", headers=auth(rita_token)).status_code == 403
    made = client.post(
        "/api/v1/users", json={"name": "sam", "role": "editor", "password": "long-enough-pw"}, headers=auth(admin_token)
    )
    assert made.status_code == 201 and made.json()["role"] == "editor"
    assert (
        client.post(
            "/api/v1/users", json={"name": "sam", "password": "long-enough-pw"}, headers=auth(admin_token)
        ).status_code
        == 409
    )
    short = client.post("/api/v1/users", json={"name": "tim", "password": "short"}, headers=auth(admin_token))
    assert short.status_code == 422 and short.json()["error"]["message"]
    sam_id = made.json()["id"]
    issued = client.post(f"/api/v1/users/{sam_id}/tokens", json={"label": "cms"}, headers=auth(admin_token))
    sam_token = issued.json()["token"]
    assert client.get("/api/v1/users/me", headers=auth(sam_token)).json()["name"] == "sam"
    assert client.post(f"/api/v1/users/{sam_id}/tokens", json={}, headers=auth(rita_token)).status_code == 403
    off = client.patch(f"/api/v1/users/{sam_id}", json={"active": False}, headers=auth(admin_token))
    assert off.status_code == 200 and off.json()["active"] is False
    assert client.get("/api/v1/users/me", headers=auth(sam_token)).status_code == 401  # switched off: tokens too
    selfish = client.patch(f"/api/v1/users/{admin.id}", json={"role": "reviewer"}, headers=auth(admin_token))
    assert selfish.status_code == 409 and "your own account" in selfish.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "ctype", "status"),
    [
        (b"\xff\xfe\x00binary\x00", "application/json", 415),
        (b'{"text": "caf\xe9 prices rose 4 percent in 2024 says owner"}', "application/json", 415),
        (b'{"text": ', "application/json", 422),
        (b'["a list"]', "application/json", 422),
        (b"text=hello", "application/x-www-form-urlencoded", 415),
        (b"<xml/>", "application/xml", 415),
    ],
)
def test_hostile_bodies_are_refused_with_a_message_and_nothing_is_stored(client, session, token, body, ctype, status):
    resp = client.post("/api/v1/articles", content=body, headers={**auth(token), "Content-Type": ctype})
    assert resp.status_code == status, resp.text
    assert resp.json()["error"]["message"]
    assert session.exec(select(func.count()).select_from(Article)).one() == 0


def test_an_oversized_article_is_a_413(client, session, token, settings):
    settings.max_article_chars = 1_000
    resp = client.post("/api/v1/articles", json={"text": "The council met in 2024. " * 100}, headers=auth(token))
    assert resp.status_code == 413 and "limit is 1,000" in resp.json()["error"]["message"]
    assert session.exec(select(func.count()).select_from(Article)).one() == 0


def test_ingest_is_rate_limited_per_user_with_a_429(client, settings, token):
    settings.ingest_per_minute = 2
    for i in range(2):
        assert (
            client.post(
                "/api/v1/articles",
                json={"text": ARTICLE + f"\nItem {i}: 4 roads closed in 2024.\n"},
                headers=auth(token),
            ).status_code
            == 201
        )
    third = client.post("/api/v1/articles", json={"text": ARTICLE + "\nItem 3.\n"}, headers=auth(token))
    assert third.status_code == 429 and "at most 2 a minute" in third.json()["error"]["message"]
    assert third.json()["error"]["details"]["retry_after_seconds"] >= 1


def test_a_tokens_use_is_recorded_at_most_once_a_minute_without_a_second_connection(app, client, session, token):
    from datetime import timedelta

    import sqlalchemy as sa

    from factcheck.models import ApiToken, utcnow

    assert client.get("/api/v1/users/me", headers=auth(token)).status_code == 200
    session.expire_all()
    row = session.exec(select(ApiToken)).one()
    first = row.last_used_at
    assert first is not None and utcnow() - first < timedelta(seconds=30)
    client.get("/api/v1/users/me", headers=auth(token))
    session.expire_all()
    assert session.exec(select(ApiToken)).one().last_used_at == first  # within the minute: no write
    # A pool of one connection: recording the use through a second one would wait out the pool.
    app.state.db.dispose()
    app.state.db = sa.create_engine(app.state.db.url, pool_size=1, max_overflow=0, pool_timeout=2)
    row.last_used_at = first - timedelta(minutes=5)
    session.add(row)
    session.commit()
    assert client.get("/api/v1/tickets", headers=auth(token)).status_code == 200
    session.expire_all()
    assert session.exec(select(ApiToken)).one().last_used_at > first
