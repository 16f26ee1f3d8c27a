"""Accounts in Chromium: a cookie copied to another browser dies with the logout, and the account
page (change the password, log out everywhere) works by keyboard and has no serious a11y faults."""

from __future__ import annotations

from tests.browser.conftest import PASSWORD, axe_violations, log_in, log_out


def test_a_copied_cookie_stops_working_when_its_owner_logs_out(browser, page, desk):
    log_in(page, desk.user("sofia", "reviewer"))
    other = browser.new_context(base_url=desk.url)
    try:
        other.add_cookies(page.context.cookies())
        thief = other.new_page()
        thief.goto("/")
        assert thief.get_by_role("button", name="Log out").count() == 1  # the copy works while the login lasts
        page.get_by_role("button", name="Log out").click()
        page.wait_for_url("**/login**")
        thief.goto("/")
        assert "/login" in thief.url
    finally:
        other.close()


def test_changing_the_password_by_keyboard_ends_the_login_and_the_new_one_works(page, desk):
    name = desk.user("omar", "reviewer")
    log_in(page, name)
    page.get_by_role("link", name="omar").click()
    assert axe_violations(page) == []
    page.get_by_label("Current password").focus()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type("quartz-meadow-lantern-9")
    page.keyboard.press("Tab")
    page.keyboard.type("quartz-meadow-lantern-9")
    page.keyboard.press("Enter")
    page.wait_for_url("**/login**")
    assert "log in with the new one" in page.locator(".flash").inner_text()
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill("quartz-meadow-lantern-9")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_two_factor_sign_in_is_set_up_and_used_from_the_login_page(page, desk):
    import time

    import pyotp

    name = desk.user("tanvi", "editor")
    log_in(page, name)
    page.goto("/account")
    page.get_by_role("button", name="Set up two-factor sign-in").click()
    page.wait_for_url("**/account#two-factor")
    assert page.locator("#two-factor-qr").is_visible()  # the QR code an app scans, drawn by the desk
    key = page.locator("#two-factor-key").inner_text()
    page.get_by_label("Code from your app").fill(pyotp.TOTP(key).now())
    page.get_by_role("button", name="Turn it on").click()
    page.locator("#recovery-codes").wait_for()
    recovery = page.locator("#recovery-codes code").all_inner_texts()
    assert len(recovery) == 10
    assert axe_violations(page) == []
    page.goto("/")
    log_out(page)

    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/login/code")
    page.get_by_label("Code").fill("123456")
    page.get_by_role("button", name="Log in").click()
    assert "not right" in page.get_by_role("alert").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Code").fill(pyotp.TOTP(key).at(time.time() + 30))  # the set-up used the current one
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    assert page.get_by_role("button", name="Log out").count() == 1
