"""A reader's claim in Chromium, from the public form on a phone to a published fact-check: the
reader sends it, an editor makes it a ticket and publishes a verdict, and the reader's status
link then says so and leads to the public page (readable at 400 px, no sideways scrolling)."""

from __future__ import annotations

import os
import re

from tests.browser.conftest import axe_violations, log_in

CLAIM = "A leaflet says the Halden ferry carried 2 million passengers last year, double the year before."
WHY = "The port authority's annual report counts 1.2 million passengers, up 9 percent."
PHONE = {"width": 400, "height": 850}


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_tip_goes_from_the_public_form_to_a_published_fact_check(browser, desk, page):
    reader = browser.new_context(base_url=desk.url, viewport=PHONE)
    phone = reader.new_page()
    phone.set_default_timeout(10_000)
    phone.goto("/factchecks")
    phone.get_by_role("link", name="Send us a claim").click()
    phone.wait_for_url("**/tips/new")
    assert _fits(phone) and axe_violations(phone) == []
    phone.get_by_label("The claim, in its own words").fill(CLAIM)
    phone.get_by_label("Where you saw it").fill("A leaflet at the ferry terminal")
    phone.wait_for_timeout(3_200)  # a person reads the form; the desk refuses one sent back at once
    phone.get_by_role("button", name="Send the claim").click()
    phone.wait_for_url(re.compile(r"/tips/status/[\w-]+\?sent=1"))
    status = phone.url.split("?")[0]
    assert "Thank you: we received your claim." in phone.content()
    assert _fits(phone) and axe_violations(phone) == []

    log_in(page, desk.user("edie", "editor"))
    page.get_by_role("link", name="Readers' claims").click()
    tip = page.locator("ol.tips li").filter(has_text="Halden ferry")
    assert "1 reader sent it" in tip.inner_text()
    with page.expect_navigation(wait_until="load"):
        tip.get_by_role("button", name="Make a ticket").click()
    assert re.search(r"/tickets/\d+$", page.url)
    phone.goto(status)
    assert "A reviewer is checking it now." in phone.content()

    page.get_by_label("disputed").check()
    page.get_by_label("Rating (published with the verdict)").select_option("Misleading")
    page.get_by_label("Rationale (what the evidence shows)").fill(WHY)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save verdict").click()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Publish this verdict").click()

    phone.goto(status)
    assert "Published." in phone.locator("main").inner_text()
    phone.get_by_role("link", name=re.compile("^Misleading: ")).click()
    phone.wait_for_url(re.compile(r"/factchecks/\d+-"))
    body = phone.locator("main").inner_text()
    assert "Halden ferry" in body and "Misleading" in body and WHY in body
    assert _fits(phone) and axe_violations(phone) == []
    shots = os.environ.get("FACTCHECK_SCREENSHOTS")
    if shots:  # README pictures: FACTCHECK_SCREENSHOTS=docs/screenshots scripts/test tests/browser
        phone.screenshot(path=f"{shots}/factcheck-phone.png", full_page=True)
        page.goto("/track-record")
        page.screenshot(path=f"{shots}/track-record.png", full_page=True)
    assert page.watch.foreign_requests == [] and page.watch.console_errors == []
    reader.close()
