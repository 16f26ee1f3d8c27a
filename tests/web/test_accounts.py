"""Accounts as an attacker would test them: a cookie copied before logout, a forged cookie, a
desk with no configured secret, rotating X-Forwarded-For to dodge throttling, locking an editor
out, weak passwords and look-alike names."""

from __future__ import annotations

import time

import itsdangerous
import pytest
from fastapi.testclient import TestClient
from sqlmodel import func, select

from factcheck.auth.passwords import check_policy
from factcheck.auth.permissions import CONSOLE
from factcheck.auth.throttle import LoginThrottle
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.core.instance import cookie_secret
from factcheck.models import InstanceSecret, LoginSession
from factcheck.users import service as users
from tests.factories import PASSWORD, make_token, make_user
from tests.helpers import csrf_from, login

NEW_PASSWORD = "lantern-orchard-velvet"


def logged_in(client: TestClient) -> bool:
    return client.get("/", follow_redirects=False).status_code == 200


def copy_of(client: TestClient, app) -> TestClient:
    """A second browser holding a copy of this one's cookie (stolen, or synced elsewhere)."""
    other = TestClient(app)
    other.cookies.set("factcheck_session", client.cookies["factcheck_session"])
    return other


# Sessions live on the server


def test_logging_out_ends_every_copy_of_the_cookie(app, client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    thief = copy_of(client, app)
    assert logged_in(thief)
    client.post("/logout", data={"csrf_token": token})
    assert not logged_in(thief) and not logged_in(client)


def test_the_login_key_changes_at_each_login(app, client, session):
    make_user(session, "rita")
    before = TestClient(app)
    before.get("/login")  # a visitor's cookie, before logging in (one an attacker could have planted)
    planted = before.cookies["factcheck_session"]
    login(before, "rita")
    assert before.cookies["factcheck_session"] != planted
    login(client, "rita")
    assert session.exec(select(func.count()).select_from(LoginSession)).one() == 2  # two browsers, two logins


def test_logging_in_again_in_the_same_browser_ends_the_login_it_held(app, client, session):
    make_user(session, "rita")
    make_user(session, "ed", "editor")
    login(client, "rita")
    copy = copy_of(client, app)  # rita's login, copied before someone else logs in at her desk
    login(client, "ed")
    assert not logged_in(copy)
    assert session.exec(select(func.count()).select_from(LoginSession)).one() == 1


def test_a_new_password_ends_every_login_of_that_user(app, client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    laptop = copy_of(client, app)
    resp = client.post(
        "/account/password",
        data={
            "csrf_token": token,
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "repeat_password": NEW_PASSWORD,
        },
    )
    assert resp.status_code == 200 and "Your password is changed" in resp.text  # the login page, after the redirect
    assert not logged_in(laptop) and not logged_in(client)
    login(client, "rita", NEW_PASSWORD)


def test_switching_a_user_off_and_log_out_everywhere_end_their_logins(app, client, session):
    rita = make_user(session, "rita")
    token = login(client, "rita")
    phone = copy_of(client, app)
    client.post("/account/logout-everywhere", data={"csrf_token": token})
    assert not logged_in(phone) and not logged_in(client)
    login(client, "rita")
    users.update_user(session, actor=CONSOLE, user_id=rita.id, active=False)
    session.commit()
    assert not logged_in(client)


def test_the_account_page_refuses_a_wrong_current_password_or_a_weak_new_one_and_keeps_the_old(client, session):
    make_user(session, "rita")
    token = login(client, "rita")
    for current, new, says in (
        (f"{PASSWORD}x", NEW_PASSWORD, "current password is not right"),
        (PASSWORD, "password123", "too easy to guess"),
        (PASSWORD, "rita-rita-rita", "too easy to guess"),
    ):
        resp = client.post(
            "/account/password",
            data={"csrf_token": token, "current_password": current, "new_password": new, "repeat_password": new},
        )
        assert resp.status_code == 422 and says in resp.text, resp.text
    assert logged_in(client)


def test_a_cookie_signed_with_a_guessed_key_logs_nobody_in(app, client, session):
    make_user(session, "admin", "admin")
    # The old desk signed {"user_id": 1} with a key printed in its source; now the cookie names a
    # login, and the database decides whose it is.
    forged = (
        itsdangerous.TimestampSigner("factcheck-development-secret-change-me").sign(b"eyJ1c2VyX2lkIjogMX0=").decode()
    )
    client.cookies.set("factcheck_session", forged)
    assert not logged_in(client)


# The desk's own secret


def test_without_a_configured_secret_the_desk_makes_one_and_keeps_it(app, client, settings, db, session):
    assert settings.secret_key is None
    client.get("/login")
    made = session.exec(select(InstanceSecret.value).where(InstanceSecret.name == "cookie-signing")).one()
    assert len(made) >= 60 and cookie_secret(db, settings) == made  # the next start finds the same one


def test_a_short_configured_secret_is_refused(settings):
    with pytest.raises(ValueError, match="at least 32 characters"):
        type(settings)(**{**settings.model_dump(), "secret_key": "too-short"})


# Throttling


@pytest.fixture
def quick_throttle(app, client):  # the client has started the app
    """The desk's throttle with waits of 50 ms, doubling, at most 200 ms (30 s in the desk)."""
    app.state.login_throttle = LoginThrottle(base_delay=0.05, max_delay=0.2, storage=app.state.limits.storage)
    return app.state.login_throttle


def attempt(client: TestClient, password: str, **headers) -> tuple[int, float]:
    token = csrf_from(client.get("/login").text)
    began = time.monotonic()
    resp = client.post(
        "/login",
        data={"name": "rita", "password": password, "csrf_token": token},
        headers=headers,
        follow_redirects=False,
    )
    return resp.status_code, time.monotonic() - began


def test_failures_make_the_next_attempts_wait_longer_but_the_right_password_still_works(app, session, quick_throttle):
    make_user(session, "rita", "editor")
    client = TestClient(app)
    owed, waited = [], []
    for _ in range(6):
        owed.append(quick_throttle.delay("RITA"))  # counted by the name, whatever its case
        waited.append(attempt(client, "not-her-password")[1])
    assert owed == [0, 0, 0, 0.05, 0.1, 0.2]  # three free, then doubling up to the cap
    assert all(w >= o for w, o in zip(waited, owed, strict=True))
    status, waited = attempt(client, PASSWORD)
    assert status == 303 and waited >= 0.2  # delayed (capped), never locked out
    assert quick_throttle.delay("rita") == 0  # and the count starts again


def test_an_address_that_keeps_failing_is_refused_but_the_owner_elsewhere_gets_in(app, client, session):
    make_user(session, "rita", "editor")
    # Only the address's count matters here.
    app.state.login_throttle = LoginThrottle(base_delay=0.0, storage=app.state.limits.storage)
    attacker = TestClient(app, client=("203.0.113.9", 4000))
    codes = [attempt(attacker, f"guess-{i}", **{"X-Forwarded-For": f"198.51.100.{i}"})[0] for i in range(31)]
    assert codes[:30] == [401] * 30 and codes[30] == 429  # the header was not believed: one address
    page = attacker.post(
        "/login", data={"name": "rita", "password": PASSWORD, "csrf_token": csrf_from(attacker.get("/login").text)}
    )
    assert page.status_code == 429 and int(page.headers["retry-after"]) > 0
    assert "Too many failed logins from your network" in page.text
    owner = TestClient(app, client=("192.0.2.44", 5000))
    assert attempt(owner, PASSWORD)[0] == 303


def test_a_trusted_proxy_is_believed_about_the_client(settings, session):
    from factcheck.app import create_app

    make_user(session, "rita", "editor")
    app = create_app(settings.model_copy(update={"trusted_proxies": "10.0.0.5"}))
    with TestClient(app, client=("10.0.0.5", 4000)) as proxy:
        app.state.login_throttle = LoginThrottle(base_delay=0.0, max_delay=0.0, storage=app.state.limits.storage)
        codes = [attempt(proxy, f"guess-{i}", **{"X-Forwarded-For": f"198.51.100.{i}"})[0] for i in range(31)]
    assert codes == [401] * 31  # 31 clients behind the proxy, none over its limit


# Passwords and names


@pytest.mark.parametrize(
    "weak", ["password", "12345678", "password123", "qwertyuiop", "factcheck2025", "ritarita1", "short"]
)
def test_weak_passwords_are_refused_with_advice(weak):
    with pytest.raises(InvalidInput) as refused:
        check_policy(weak, related=("rita",))
    assert "password" in refused.value.message.lower()


def test_the_password_policy_holds_for_the_api_the_cli_and_the_pages_alike(client, session):
    token = make_token(session, make_user(session, "adm", "admin"))
    resp = client.post(
        "/api/v1/users",
        json={"name": "kim", "role": "reviewer", "password": "1234567890"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert resp.status_code == 422 and "too easy to guess" in resp.json()["error"]["message"]
    with pytest.raises(InvalidInput):
        users.create_user(session, actor=CONSOLE, name="kim", role="reviewer", password="1234567890")


@pytest.mark.parametrize("name", ["аdmin", "rіta", "Ζeus-x"])  # Cyrillic а, Ukrainian і, Greek Ζ among Latin
def test_a_name_that_mixes_scripts_is_refused(session, name):
    with pytest.raises(InvalidInput, match="one script"):
        users.create_user(session, actor=CONSOLE, name=name, role="reviewer", password=PASSWORD)


def test_names_are_stored_in_nfkc_and_unique_whatever_their_case(session):
    full_width = users.create_user(session, actor=CONSOLE, name="ｒｉｔａ", role="reviewer", password=PASSWORD)
    assert full_width.name == "rita"
    with pytest.raises(Conflict, match="'rita' already exists"):
        users.create_user(session, actor=CONSOLE, name="RITA", role="reviewer", password=PASSWORD)
    for name in ("админ", "山田たろう", "María.López"):  # one script (or the Japanese mix) is fine
        assert users.create_user(session, actor=CONSOLE, name=name, role="reviewer", password=PASSWORD).name == name


def test_a_name_logs_in_whatever_its_case_or_width(client, session):
    make_user(session, "rita")
    login(client, "Ｒita")


def test_an_admin_told_a_password_is_too_weak_keeps_the_name_and_role_typed(client, session):
    make_user(session, "ada", "admin")
    csrf = login(client, "ada")
    page = client.post(
        "/users", data={"csrf_token": csrf, "name": "maria", "role": "editor", "password": "password123"}
    )
    assert page.status_code == 422 and "too easy to guess" in page.text
    assert 'value="maria"' in page.text and "<option selected>editor</option>" in page.text
    assert "password123" not in page.text  # a password is never sent back
