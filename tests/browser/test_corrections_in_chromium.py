"""Correcting claims in Chromium: select words to add a missed claim, edit, dismiss and restore,
and a reviewer who loses a race keeps what they typed; each of these by keyboard too."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from factcheck.models import Article, DraftItem, Ticket
from tests.browser.conftest import axe_violations, ingest, log_in

ARTICLE = """Ferry service doubles its crossings

The Lake Orra ferry made 12,400 crossings in 2024, twice as many as in 2022, the county transit office said.

Transit director Paolo Brandt said the county would buy two electric ferries for $31 million by 2026.

Riders welcomed the new timetable.
"""


def submit(page, press) -> None:
    """Do ``press`` (a click or a key) and wait for the page the server answers with."""
    with page.expect_navigation(wait_until="load"):
        press()


def article_text(desk, article_id: int) -> str:
    with Session(desk.engine) as s:
        return s.get(Article, article_id).text


def test_selecting_words_in_the_article_adds_them_as_a_claim(page, desk):
    log_in(page, desk.user("sofia", "reviewer"))
    article_id = ingest(page, ARTICLE, "Ferry crossings")
    runs = page.locator("#article-text span[data-start]")
    welcome = runs.filter(has_text="Riders welcomed the new timetable.")
    welcome.select_text()
    page.locator("#article-text").dispatch_event("mouseup")
    form = page.locator("#add-claim")
    assert page.locator("#add-claim-box").get_attribute("open") is not None
    start = int(form.locator("input[name=start]").input_value())
    end = int(form.locator("input[name=end]").input_value())
    assert article_text(desk, article_id)[start:end].strip() == "Riders welcomed the new timetable."
    form.get_by_label("The claim, standing on its own").fill("Lake Orra ferry riders praised the 2024 timetable.")
    submit(page, lambda: form.get_by_role("button", name="Add the claim").click())
    assert page.locator("h1.claim").inner_text() == "Lake Orra ferry riders praised the 2024 timetable."
    assert page.locator("blockquote.context mark").inner_text() == "Riders welcomed the new timetable."
    assert page.locator("article.draft").count() >= 3  # drafted like the others


def test_part_of_a_sentence_dragged_over_with_the_mouse_keeps_its_exact_place(page, desk):
    log_in(page, desk.user("sofia", "reviewer"))
    article_id = ingest(page, ARTICLE.replace("Orra", "Wren"), "Wren ferry")
    run = page.locator("#article-text span[data-start]").filter(has_text="Riders welcomed")
    box = run.bounding_box()
    # From the left edge of "Riders" to the middle of the run, as a person drags.
    page.mouse.move(box["x"] + 1, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    form = page.locator("#add-claim")
    start = int(form.locator("input[name=start]").input_value())
    end = int(form.locator("input[name=end]").input_value())
    selected = form.locator("textarea[name=quote]").input_value()
    assert selected.startswith("Riders") and 0 < len(selected) < len("Riders welcomed the new timetable.")
    assert article_text(desk, article_id)[start:end] == selected


def test_a_missed_claim_can_be_added_with_the_keyboard_alone(page, desk):
    log_in(page, desk.user("sofia", "reviewer"))
    article_id = ingest(page, ARTICLE.replace("Orra", "Vessa"), "Vessa ferry")
    page.locator("#add-claim-box summary").focus()
    page.keyboard.press("Enter")  # unfolds the form
    page.keyboard.press("Tab")
    page.keyboard.type("twice as many as in 2022")  # the words, as they appear in the article
    page.keyboard.press("Tab")
    page.keyboard.type("The Lake Vessa ferry made twice as many crossings in 2024 as in 2022.")
    page.keyboard.press("Tab")  # the kind
    page.keyboard.press("Tab")  # the button
    submit(page, lambda: page.keyboard.press("Enter"))
    assert re.search(r"/tickets/\d+$", page.url)
    with Session(desk.engine) as s:
        added = s.exec(select(Ticket).where(Ticket.article_id == article_id, Ticket.engine == "human")).one()
    assert (
        added.quote == "twice as many as in 2022"
        and article_text(desk, article_id)[added.start : added.end] == added.quote
    )


def test_a_claim_is_edited_dismissed_and_restored_with_the_keyboard(page, desk):
    log_in(page, desk.user("sofia", "reviewer"))
    article_id = ingest(page, ARTICLE.replace("Orra", "Tamsin"), "Tamsin ferry")
    with Session(desk.engine) as s:
        ticket_id = s.exec(select(Ticket.id).where(Ticket.article_id == article_id).order_by(Ticket.position)).first()
    page.goto(f"/tickets/{ticket_id}")
    page.locator("#edit-claim summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the claim
    page.keyboard.press("Control+A")
    page.keyboard.type("The Lake Tamsin ferry made 12,400 crossings in 2024, the county transit office said.")
    for _ in range(4):  # speaker, reported by, kind, the button
        page.keyboard.press("Tab")
    submit(page, lambda: page.keyboard.press("Enter"))
    assert page.locator("h1.claim").inner_text().startswith("The Lake Tamsin ferry made 12,400 crossings")

    page.locator("#dismiss summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the reason
    page.locator("#dismiss-reason").select_option("out of scope")
    page.keyboard.press("Tab")  # the note
    page.keyboard.type("Another county's ferry.")
    page.keyboard.press("Tab")
    submit(page, lambda: page.keyboard.press("Enter"))
    summary = page.locator("#verdict-summary").inner_text()
    assert "Dismissed as out of scope by sofia" in summary and "Another county's ferry." in summary
    page.goto("/?dismissed=1")
    assert page.locator("table.queue").inner_text().count("Lake Tamsin") == 1

    page.goto(f"/tickets/{ticket_id}")
    page.get_by_role("button", name="Restore to the queue").focus()
    submit(page, lambda: page.keyboard.press("Enter"))
    assert "Not yet verified" in page.locator("#verdict-summary").inner_text()


def test_the_second_of_two_reviewers_editing_one_draft_gets_the_conflict_and_keeps_their_text(browser, desk):
    desk.user("rita", "reviewer")
    desk.user("kim", "reviewer")
    first = browser.new_context(base_url=desk.url)
    second = browser.new_context(base_url=desk.url)
    try:
        rita, kim = first.new_page(), second.new_page()
        log_in(rita, "rita")
        log_in(kim, "kim")
        article_id = ingest(rita, ARTICLE.replace("Orra", "Pell"), "Pell ferry")
        with Session(desk.engine) as s:
            ticket_id = s.exec(select(Ticket.id).where(Ticket.article_id == article_id)).first()
            draft_id = s.exec(select(DraftItem.id).where(DraftItem.ticket_id == ticket_id)).first()
        rita.goto(f"/tickets/{ticket_id}")
        kim.goto(f"/tickets/{ticket_id}")  # both have version 1 of the draft open
        box = kim.locator(f"#draft-{draft_id}")
        box.locator("summary", has_text="Edit").click()
        mine = "Did the Lake Pell ferry make 12,400 crossings in 2024, by the transit office's own count?"
        box.get_by_label("Text").fill(mine)
        submit(rita, lambda: rita.locator(f"#draft-{draft_id}").get_by_role("button", name="Reject").click())
        submit(kim, lambda: box.get_by_role("button", name="Save edit").click())
        assert "changed by rita" in kim.locator("#problem").inner_text()
        kept = kim.locator(f"#draft-{draft_id}")
        assert kept.locator("details").get_attribute("open") is not None
        assert kept.get_by_label("Text").input_value() == mine
        assert "Rejected by rita" in kept.inner_text()
        # Kim decides with the draft as it is now: saving again works.
        submit(kim, lambda: kept.get_by_role("button", name="Save edit").click())
        assert "Edited and approved by kim" in kim.locator(f"#draft-{draft_id}").inner_text()
    finally:
        first.close()
        second.close()


def test_the_pages_with_corrections_have_no_serious_accessibility_violations(page, desk):
    log_in(page, desk.user("sofia", "reviewer"))
    article_id = ingest(page, ARTICLE.replace("Orra", "Quill"), "Quill ferry")
    page.locator("#add-claim-box summary").click()
    assert axe_violations(page) == []
    with Session(desk.engine) as s:
        ticket_id = s.exec(select(Ticket.id).where(Ticket.article_id == article_id)).first()
    page.goto(f"/tickets/{ticket_id}")
    for section in ("#edit-claim", "#dismiss", "#merge"):
        page.locator(f"{section} summary").click()
    assert axe_violations(page) == []
