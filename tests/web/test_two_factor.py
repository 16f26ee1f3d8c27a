"""Two-factor sign-in: set up from the account page with an authenticator app, then a login needs
the password and a current code (or a recovery code, once each); admins can require it per role
and reset it for a lost phone."""

from __future__ import annotations

import re
import time

import pyotp
from fastapi.testclient import TestClient
from sqlmodel import select

from factcheck.models import Event, TwoFactor
from tests.factories import PASSWORD, make_token, make_user
from tests.helpers import csrf_from, login


def _set_up(client: TestClient, csrf: str) -> tuple[str, list[str]]:
    """What a person does on their account page: start, scan (here: read the key), type a code."""
    page = client.post("/account/two-factor/start", data={"csrf_token": csrf}).text
    key = re.search(r'id="two-factor-key">([A-Z2-7]+)<', page).group(1)
    assert 'src="data:image/svg+xml' in page  # the QR code, drawn by the desk itself
    done = client.post("/account/two-factor/confirm", data={"csrf_token": csrf, "code": pyotp.TOTP(key).now()})
    assert done.status_code == 200 and "shown this once" in done.text
    assert done.headers["cache-control"] == "no-store"
    return key, re.findall(r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code></li>", done.text)


def _next_code(key: str) -> str:
    """The code the app shows in the next 30 s: the current one was used to confirm the set-up, and
    a code is never accepted twice (a step either side of now is accepted, for clocks that drift)."""
    return pyotp.TOTP(key).at(time.time() + 30)


def _password_step(client: TestClient, name: str, password: str = PASSWORD):
    token = csrf_from(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token}, follow_redirects=False)


def _code_step(client: TestClient, code: str):
    token = csrf_from(client.get("/login/code").text)
    return client.post("/login/code", data={"code": code, "csrf_token": token}, follow_redirects=False)


def test_with_a_second_factor_a_password_alone_opens_nothing(client, session, app):
    make_user(session, "rita")
    key, codes = _set_up(client, login(client, "rita"))
    assert len(codes) == 10

    with TestClient(app) as thief:  # knows the password, not the phone
        sent = _password_step(thief, "rita")
        assert sent.status_code == 303 and sent.headers["location"] == "/login/code"
        assert thief.get("/", follow_redirects=False).headers["location"].startswith("/login")
        assert thief.get("/api/v1/users/me").status_code == 401
        wrong = _code_step(thief, "000000")
        assert wrong.status_code == 401 and "not right" in wrong.text

    with TestClient(app) as owner:
        _password_step(owner, "rita")
        ok = _code_step(owner, _next_code(key))
        assert ok.status_code == 303 and owner.get("/", follow_redirects=False).status_code == 200


def test_a_code_is_accepted_once_and_a_recovery_code_once(client, session, app):
    make_user(session, "rita")
    key, codes = _set_up(client, login(client, "rita"))
    with TestClient(app) as first, TestClient(app) as second:
        _password_step(first, "rita")
        _password_step(second, "rita")
        code = _next_code(key)
        assert _code_step(first, code).status_code == 303
        # The same code again (seen over a shoulder, or replayed): refused.
        refused = _code_step(second, code)
        assert refused.status_code == 401 and "used already" in refused.text
    with TestClient(app) as phoneless:
        _password_step(phoneless, "rita")
        assert _code_step(phoneless, codes[0].upper()).status_code == 303
    with TestClient(app) as again:
        _password_step(again, "rita")
        assert _code_step(again, codes[0]).status_code == 401
    factor = session.exec(select(TwoFactor)).one()
    session.refresh(factor)
    assert len(__import__("json").loads(factor.recovery_hashes)) == 9


def test_the_code_must_follow_the_password_within_five_minutes(client, session, app, monkeypatch):
    make_user(session, "rita")
    key, _ = _set_up(client, login(client, "rita"))
    with TestClient(app) as late:
        _password_step(late, "rita")
        real = time.time
        monkeypatch.setattr("factcheck.users.login_views.time.time", lambda: real() + 301)
        page = late.get("/login/code")
        assert "Log in again" in page.text


def test_a_role_can_be_required_to_use_it_and_its_members_must_set_it_up_first(client, session, app):
    ada = make_user(session, "ada", "admin")
    ed = make_user(session, "ed", "editor")
    token = make_token(session, ada)
    admin = {"Authorization": f"Bearer {token}"}
    # An admin without a second factor cannot require it of their own role (they would be locked out).
    refused = client.put("/api/v1/users/two-factor-roles", headers=admin, json={"roles": ["admin", "editor"]})
    assert refused.status_code == 409
    assert client.put("/api/v1/users/two-factor-roles", headers=admin, json={"roles": ["editor"]}).json() == {
        "roles": ["editor"]
    }
    with TestClient(app) as editor:
        csrf = login(editor, "ed")
        sent = editor.get("/", follow_redirects=False)
        assert sent.status_code == 303 and sent.headers["location"] == "/account#two-factor"
        assert "must sign in with a second factor" in editor.get("/account").text
        assert (
            editor.get("/api/v1/tickets", headers={"X-CSRF-Token": csrf}).json()["error"]["code"]
            == "two_factor_required"
        )
        _set_up(editor, csrf)
        assert editor.get("/", follow_redirects=False).status_code == 200
        # Required of editors: it cannot be turned off.
        off = editor.post("/account/two-factor/off", data={"csrf_token": csrf, "password": PASSWORD, "code": "1"})
        assert off.status_code == 409 and "required for editors" in off.text
    reset = client.post(f"/api/v1/users/{ed.id}/two-factor/reset", headers=admin)
    assert reset.status_code == 200
    assert session.exec(select(TwoFactor).where(TwoFactor.user_id == ed.id)).first() is None
    actions = {e.action for e in session.exec(select(Event))}
    assert {"desk.two_factor_roles", "user.two_factor_on", "user.two_factor_reset"} <= actions


def test_it_is_turned_off_with_the_password_and_a_code(client, session):
    make_user(session, "rita")
    csrf = login(client, "rita")
    key, codes = _set_up(client, csrf)
    wrong = client.post("/account/two-factor/off", data={"csrf_token": csrf, "password": "not-it", "code": codes[0]})
    assert wrong.status_code == 403
    done = client.post("/account/two-factor/off", data={"csrf_token": csrf, "password": PASSWORD, "code": codes[1]})
    assert "Two-factor sign-in is off." in done.text
    assert session.exec(select(TwoFactor)).first() is None
