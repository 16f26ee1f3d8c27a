"""The desk on a phone (400 px): every page a reviewer works from fits the screen (no sideways
scrolling), the navigation stays reachable, and axe finds no serious or critical problem."""

from __future__ import annotations

import os
import re

import pytest

from tests.browser.conftest import axe_violations, ingest, log_in

ARTICLE = """Ferry fares rise

The Halden ferry carried 1.2 million passengers in 2024, the port authority said on Monday in a report that runs to ninety-four pages.

Ferry fares rose 12 percent in January, according to the operator's published tariff sheet, the largest rise since 2011.
"""
PHONE = {"width": 400, "height": 850}


def _overflow(page) -> list[str]:
    """What sticks out past the screen's right edge (empty when nothing does)."""
    return page.evaluate(
        """() => {
          const w = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= w) return [];
          return [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > w + 1)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className);
        }"""
    )


@pytest.fixture
def phone(browser, desk):
    context = browser.new_context(base_url=desk.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_the_pages_a_reviewer_works_from_fit_a_phone(phone, desk):
    log_in(phone, desk.user("ada", "admin"))
    article = ingest(phone, ARTICLE, "Ferry fares rise")
    phone.goto(f"/articles/{article}")
    ticket = phone.locator(".claims a[href^='/tickets/']").first.get_attribute("href")
    for path in ("/", ticket, f"/articles/{article}", "/dashboard", "/track-record", "/tips", "/articles"):
        phone.goto(path)
        assert _overflow(phone) == [], f"{path} scrolls sideways"
        assert axe_violations(phone) == [], path
    shots = os.environ.get("FACTCHECK_SCREENSHOTS")
    if shots:  # README pictures: FACTCHECK_SCREENSHOTS=docs/screenshots scripts/test tests/browser
        phone.goto("/")
        phone.screenshot(path=f"{shots}/queue-phone.png", full_page=True)
    # The navigation is reachable: every link of it can be brought into view and clicked.
    phone.goto("/")
    nav = phone.get_by_role("navigation", name="Main")
    link = nav.get_by_role("link", name="Dashboard")
    link.scroll_into_view_if_needed()
    link.click()
    phone.wait_for_url(re.compile(r"/dashboard$"))
