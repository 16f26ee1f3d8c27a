"""Admins manage users in the web desk: roles, switching off and on, temporary passwords (changed at
the next login), API tokens listed and revoked one by one; every change audited."""

from __future__ import annotations

from sqlmodel import select

from factcheck.models import ApiToken, Event, User
from tests.factories import PASSWORD, make_token, make_user
from tests.helpers import csrf_from, login

NEW = "harbor-lantern-orchid-42"
TEMP = "copper-meadow-violin-17"


def test_an_admin_changes_a_role_switches_a_user_off_and_on(client, session):
    make_user(session, "ada", "admin")
    rita = make_user(session, "rita")
    csrf = login(client, "ada")
    assert (
        client.post(
            f"/users/{rita.id}/role", data={"csrf_token": csrf, "role": "editor"}, follow_redirects=False
        ).status_code
        == 303
    )
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
        browser.post(
            "/account/password",
            data={"csrf_token": token, "current_password": TEMP, "new_password": NEW, "repeat_password": NEW},
        )
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


def test_two_admins_demoting_each_other_at_once_leave_one_admin(live_desk, session):
    """Every round, two admins each demote the other at the same instant: one wins, the other is
    told it is no longer an admin (or that the other is the last one); the desk keeps an admin."""
    import threading

    import httpx
    from sqlmodel import select

    from factcheck.models import User
    from tests.factories import make_token, make_user

    for round_ in range(5):
        a, b = make_user(session, f"ada{round_}", "admin"), make_user(session, f"bea{round_}", "admin")
        for other in session.exec(select(User).where(User.role == "admin", User.id.not_in([a.id, b.id]))):
            other.role = "editor"  # only these two are admins this round
            session.add(other)
        session.commit()
        tokens = {a.id: make_token(session, a), b.id: make_token(session, b)}
        start, answers = threading.Barrier(2), {}

        def demote(actor: int, target: int, start=start, answers=answers, tokens=tokens) -> None:
            with httpx.Client(base_url=live_desk, timeout=60) as c:
                start.wait()
                answers[actor] = c.patch(
                    f"/api/v1/users/{target}",
                    json={"role": "editor"},
                    headers={"Authorization": f"Bearer {tokens[actor]}"},
                )

        threads = [
            threading.Thread(target=demote, args=(a.id, b.id)),
            threading.Thread(target=demote, args=(b.id, a.id)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        codes = sorted(r.status_code for r in answers.values())
        assert codes[0] == 200 and codes[1] in (403, 409), [r.text for r in answers.values()]
        session.expire_all()
        assert len(session.exec(select(User).where(User.role == "admin", User.active.is_(True))).all()) == 1


def test_a_temporary_password_opens_nothing_but_the_password_change_pages_or_api(client, session, app):
    from fastapi.testclient import TestClient

    make_user(session, "ada", "admin")
    rita = make_user(session, "rita")
    older = make_token(session, rita)
    csrf = login(client, "ada")
    client.post(f"/users/{rita.id}/temporary-password", data={"csrf_token": csrf, "password": TEMP})
    # Resetting an account ends what its holder had: the token made before no longer works.
    assert client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {older}"}).status_code == 401

    with TestClient(app) as browser:
        token = login(browser, "rita", TEMP)
        api = {"X-CSRF-Token": token}
        for method, path, body in [
            ("get", "/api/v1/tickets", None),
            ("get", "/api/v1/articles", None),
            ("post", f"/api/v1/users/{rita.id}/tokens", {"label": "keep-me"}),
            ("post", "/api/v1/articles", {"text": "A claim of 2025."}),
        ]:
            answer = getattr(browser, method)(path, headers=api, **({"json": body} if body else {}))
            assert answer.status_code == 403, (path, answer.text)
            assert answer.json()["error"]["code"] == "password_change_required"
        assert browser.get("/api/v1/users/me", headers=api).json()["name"] == "rita"
        changed = browser.post(
            f"/api/v1/users/{rita.id}/password", headers=api, json={"current_password": TEMP, "new_password": NEW}
        )
        assert changed.status_code == 200
    assert session.exec(select(ApiToken).where(ApiToken.user_id == rita.id, ApiToken.revoked_at.is_(None))).all() == []


def test_your_account_lists_your_tokens_and_ending_logins_can_end_them_too(client, session):
    rita = make_user(session, "rita")
    kept, gone = make_token(session, rita), make_token(session, rita)
    csrf = login(client, "rita")
    page = client.get("/account").text
    assert page.count("/account/tokens/") == 2 and "Also revoke my 2 API tokens" in page
    first = session.exec(select(ApiToken).where(ApiToken.user_id == rita.id).order_by(ApiToken.id)).first()
    client.post(f"/account/tokens/{first.id}/revoke", data={"csrf_token": csrf})
    assert client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {kept}"}).status_code == 401
    assert client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {gone}"}).status_code == 200
    done = client.post("/account/logout-everywhere", data={"csrf_token": csrf, "revoke_tokens": "true"})
    assert "1 API token revoked" in done.text
    assert client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {gone}"}).status_code == 401


def test_changing_your_password_can_revoke_your_tokens(client, session):
    rita = make_user(session, "rita")
    token = make_token(session, rita)
    csrf = login(client, "rita")
    client.post(
        "/account/password",
        data={
            "csrf_token": csrf,
            "current_password": PASSWORD,
            "new_password": NEW,
            "repeat_password": NEW,
            "revoke_tokens": "true",
        },
    )
    assert client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_an_admin_invites_someone_who_chooses_their_own_password(client, session):
    """The link is shown once, works once, expires, and the invited person logs in with the
    password they chose (no admin ever typed it)."""
    import re as _re
    from datetime import timedelta

    from factcheck.models import User
    from factcheck.models.columns import utcnow

    make_user(session, "ada", "admin")
    csrf = login(client, "ada")
    made = client.post("/users/invite", data={"csrf_token": csrf, "name": "Noor", "role": "editor"})
    assert made.status_code == 200 and made.headers["cache-control"] == "no-store"
    link = _re.search(r"https://checks\.desk\.example(/invite/[\w-]+)", made.text).group(1)
    assert link not in client.get("/users").text and "invited, link works until" in client.get("/users").text
    client.post("/logout", data={"csrf_token": csrf})
    form = client.get(link)
    assert form.status_code == 200 and "You are invited to the desk as <strong>Noor</strong> (editor)" in form.text
    token_csrf = csrf_from(form.text)
    weak = client.post(link, data={"csrf_token": token_csrf, "password": "password123", "again": "password123"})
    assert weak.status_code == 422 and "Noor" in weak.text  # refused with why, the form still there
    differ = client.post(link, data={"csrf_token": token_csrf, "password": PASSWORD, "again": PASSWORD + "x"})
    assert differ.status_code == 422 and "not the same" in differ.text
    done = client.post(
        link, data={"csrf_token": token_csrf, "password": PASSWORD, "again": PASSWORD}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"].startswith("/login")
    assert client.get(link).status_code == 404  # once only
    login(client, "Noor")
    assert client.get("/").status_code == 200
    # A link past its time is refused, saying so.
    other = client.post("/logout", data={"csrf_token": csrf_from(client.get("/").text)})
    assert other.status_code in (200, 303)
    csrf = login(client, "ada")
    made = client.post("/users/invite", data={"csrf_token": csrf, "name": "Sam", "role": "reviewer"})
    late = _re.search(r"https://checks\.desk\.example(/invite/[\w-]+)", made.text).group(1)
    sam = session.exec(select(User).where(User.name == "Sam")).one()
    sam.invite_expires_at = utcnow() - timedelta(minutes=1)
    session.add(sam)
    session.commit()
    expired = client.get(late)
    assert expired.status_code == 422 and "has expired: ask an admin for a new one" in expired.text
