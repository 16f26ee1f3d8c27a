"""Admins manage users in the web desk: roles, switching off and on, temporary passwords (changed at
the next login), API tokens listed and revoked one by one; every change audited."""

from __future__ import annotations

from sqlmodel import select

from factcheck.models import ApiToken, Event, User
from tests.conftest import PASSWORD, login, make_token, make_user

NEW = "harbor-lantern-orchid-42"
TEMP = "copper-meadow-violin-17"


def test_an_admin_changes_a_role_switches_a_user_off_and_on(client, session):
    make_user(session, "ada", "admin")
    rita = make_user(session, "rita")
    csrf = login(client, "ada")
    assert client.post(f"/users/{rita.id}/role", data={"csrf_token": csrf, "role": "editor"},
                       follow_redirects=False).status_code == 303
    client.post(f"/users/{rita.id}/active", data={"csrf_token": csrf, "active": "0"})
    session.expire_all()
    rita = session.get(User, rita.id)
    assert (rita.role, rita.active) == ("editor", False)
    assert "switched off" in client.get("/users").text
    client.post(f"/users/{rita.id}/active", data={"csrf_token": csrf, "active": "1"})
    session.expire_all()
    assert session.get(User, rita.id).active
    actions = [e.action for e in session.exec(select(Event).where(Event.action == "user.update"))]
    assert len(actions) == 3
    # An admin cannot switch themselves off from the page either: the refusal comes back on it.
    me = session.exec(select(User).where(User.name == "ada")).one()
    refused = client.post(f"/users/{me.id}/active", data={"csrf_token": csrf, "active": "0"})
    assert refused.status_code == 409 and "cannot demote or switch off your own account" in refused.text


def test_a_temporary_password_must_be_replaced_at_the_next_login(client, session, app):
    make_user(session, "ada", "admin")
    rita = make_user(session, "rita")
    csrf = login(client, "ada")
    weak = client.post(f"/users/{rita.id}/temporary-password", data={"csrf_token": csrf, "password": "password123"})
    assert weak.status_code == 422 and "too easy to guess" in weak.text
    client.post(f"/users/{rita.id}/temporary-password", data={"csrf_token": csrf, "password": TEMP})

    from fastapi.testclient import TestClient

    with TestClient(app) as browser:
        token = login(browser, "rita", TEMP)
        sent = browser.get("/", follow_redirects=False)
        assert sent.status_code == 303 and sent.headers["location"] == "/account"
        assert "Choose your own password first" in browser.get("/account").text
        browser.post("/account/password", data={"csrf_token": token, "current_password": TEMP,
                                                "new_password": NEW, "repeat_password": NEW})
        login(browser, "rita", NEW)
        assert browser.get("/", follow_redirects=False).status_code == 200
    assert session.exec(select(Event).where(Event.action == "user.temporary_password")).first()


def test_tokens_are_listed_without_their_secret_and_revoked_one_at_a_time(client, session):
    make_user(session, "ada", "admin")
    rita = make_user(session, "rita")
    first, second = make_token(session, rita), make_token(session, rita)
    csrf = login(client, "ada")
    page = client.get("/users").text
    assert first not in page and second not in page and page.count("Revoke</button>") == 2
    token_id = session.exec(select(ApiToken.id).where(ApiToken.user_id == rita.id).order_by(ApiToken.id)).first()
    client.post(f"/users/tokens/{token_id}/revoke", data={"csrf_token": csrf})
    assert client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {first}"}).status_code == 401
    assert client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {second}"}).status_code == 200


def test_only_admins_see_and_use_the_user_pages(client, session):
    rita = make_user(session, "rita")
    make_user(session, "ed", "editor")
    csrf = login(client, "ed", PASSWORD)
    assert client.get("/users").status_code == 403
    assert client.post(f"/users/{rita.id}/role", data={"csrf_token": csrf, "role": "admin"}).status_code == 403
