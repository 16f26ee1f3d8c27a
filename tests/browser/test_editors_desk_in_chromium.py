"""The editor's desk in Chromium: publish a verdict, find it locked, reopen it with a correction,
publish it again, and see the correction in the HTML and Markdown reports and in ClaimReview; the
export form's article choice is the report's selection."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.browser.conftest import axe_violations, ingest, log_in

FIRST = """Tram line extension opens

The Halden tram extension cost 86 million euros, according to the city's transport office.

Mayor Liv Sandvik said the new line carried 12,000 passengers in its first week.
"""
SECOND = """Library hours cut

The Halden city library will close on Sundays from May 2025, the library board said on Tuesday.
"""
WHY = "The transport office's annual report puts the cost at 91 million euros."
FIX = "We read the 2023 budget, not the final accounts: the final cost was 86 million euros."


def submit(page, press) -> None:
    with page.expect_navigation(wait_until="load"):
        press()


def test_publish_lock_correct_and_republish_with_the_correction_in_every_report(page, desk):
    log_in(page, desk.user("edna", "editor"))
    article = ingest(page, FIRST, "Tram line extension opens")
    page.goto(f"/articles/{article}")
    page.locator("a.claim-link, .claims a[href^='/tickets/']").filter(has_text="86 million").first.click()
    page.wait_for_url(re.compile(r"/tickets/\d+"))
    ticket = page.url.split("?")[0].rsplit("/", 1)[1]

    page.get_by_label("disputed").check()
    page.get_by_label("Rating (published with the verdict)").select_option("Misleading")
    page.get_by_label("Rationale (what the evidence shows)").fill(WHY)
    submit(page, lambda: page.get_by_role("button", name="Save verdict").click())
    assert "rated Misleading" in page.locator("#verdict-summary").inner_text()
    submit(page, lambda: page.get_by_role("button", name="Publish this verdict").click())
    assert "Locked: to change the verdict, write a correction." in page.content()
    assert axe_violations(page) == []

    # A change without a correction is refused, and what was typed is kept.
    form = page.locator("#to-corroborated")
    form.get_by_label("Why it is corroborated after all").fill(WHY)
    form.get_by_label("Correction note (published: what was wrong)").evaluate("e => e.removeAttribute('required')")
    submit(page, lambda: form.get_by_role("button", name="Change to corroborated").click())
    assert "needs a correction note" in page.locator("#problem").inner_text()
    form = page.locator("#to-corroborated")
    assert form.get_by_label("Why it is corroborated after all").input_value() == WHY
    form.get_by_label("Correction note (published: what was wrong)").fill(FIX)
    form.get_by_label("Rating").select_option("True")
    submit(page, lambda: form.get_by_role("button", name="Change to corroborated").click())
    assert "Corrections" in page.locator("#verdict-summary").inner_text()
    submit(page, lambda: page.get_by_role("button", name="Publish this verdict").click())
    assert "first published" in page.content()

    html = page.request.get(f"/exports/download?format=html&article={article}").text()
    md = page.request.get(f"/exports/download?format=md&article={article}").text()
    review = json.loads(page.request.get(f"/exports/download?format=claimreview&article={article}").text())
    assert FIX in html and FIX in md and "was disputed (Misleading)" in md
    [r] = [x for x in review if f"/factchecks/{ticket}-" in x["url"]]
    assert r["reviewRating"]["alternateName"] == "True" and FIX in r["reviewBody"] and r["dateModified"]

    page.goto("/corrections")  # public, and it lists this one
    assert FIX in page.content()


def test_the_export_forms_article_choice_is_the_reports_selection(page, desk):
    log_in(page, desk.user("edgar", "editor"))
    first = ingest(page, FIRST.replace("Tram", "Ferry"), "Ferry line extension opens")
    ingest(page, SECOND, "Library hours cut")
    page.goto("/exports")
    page.get_by_label("Format").select_option("json")
    page.get_by_label("Articles (none selected: all)").select_option(str(first))
    page.get_by_label("List open (unverified) tickets too").check()
    with page.expect_download() as done:
        page.get_by_role("button", name="Download").click()
    data = json.loads(Path(done.value.path()).read_text(encoding="utf-8"))
    assert data["tickets"] and {t["article"]["id"] for t in data["tickets"]} == {first}
