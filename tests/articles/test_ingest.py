"""Ingest: clean text, exact anchors, no duplicates, and nothing stored when input is bad."""

import pytest
from sqlmodel import func, select

from factcheck.core.errors import InvalidInput, TooLarge
from factcheck.models import Article, DraftItem, Event, Ticket
from tests.factories import ARTICLE, ingest

NEWS_PAGE = """<!doctype html><html><head><title>Port traffic rises | Harbor Times</title>
<meta property="og:site_name" content="Harbor Times"></head><body>
<nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav>
<div class="ad">Advertisement: Buy the new Phone X today for only $999!</div>
<article><h1>Port traffic rises</h1>
<p>The Port of Halden handled 1.2 million containers in 2024, up 8 percent from 2023, according to the port authority.</p>
<p>Harbor Master Ines Okafor said the new north terminal cost 240 million euros and employs 450 people.</p>
<p>The authority expects to handle 1.3 million containers in 2025, its annual report says.</p>
</article>
<aside class="newsletter"><h3>Newsletter</h3><p>Sign up for our newsletter and get 3 free issues every week.</p></aside>
<footer><p>Copyright 2025 Harbor Times. All rights reserved.</p></footer></body></html>"""


def count(session, model):
    return session.exec(select(func.count()).select_from(model)).one()


def test_ingest_creates_tickets_anchored_in_the_article(session, settings):
    result = ingest(session, settings)
    assert result.created and len(result.tickets) >= 3
    for t in result.tickets:
        assert result.article.text[t.start : t.end] == t.quote
        assert t.state == "unverified" and t.version == 1 and t.drafting_status == "done"
    drafts = session.exec(select(DraftItem).where(DraftItem.ticket_id == result.tickets[0].id)).all()
    assert 2 <= sum(d.kind == "question" for d in drafts) <= 5
    assert all(d.status == "proposed" and d.engine == "offline" for d in drafts)


def test_the_same_text_twice_returns_the_first_article(session, settings):
    first = ingest(session, settings)
    again = ingest(session, settings, text=ARTICLE + "\n\n")
    assert not again.created
    assert again.article.id == first.article.id
    assert count(session, Article) == 1
    assert count(session, Ticket) == len(first.tickets)


def test_html_goes_through_the_main_text_extractor(session, settings):
    result = ingest(session, settings, text=NEWS_PAGE)
    text = result.article.text
    assert "1.2 million containers" in text
    for chrome in ["Home", "Advertisement", "Phone X", "newsletter", "All rights reserved"]:
        assert chrome not in text
    assert result.article.source_kind == "html"
    assert result.article.outlet == "Harbor Times"
    assert all("Phone X" not in t.quote for t in result.tickets)


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\n\n\n"])
def test_empty_text_is_refused_and_nothing_is_stored(session, settings, text):
    with pytest.raises(InvalidInput, match="no text"):
        ingest(session, settings, text=text)
    session.rollback()
    assert count(session, Article) == 0 and count(session, Event) == 0


def test_an_oversized_article_is_refused(session, settings):
    settings.max_article_chars = 1000
    with pytest.raises(TooLarge, match="limit is 1,000"):
        ingest(session, settings, text="The council spent $4 million. " * 100)
    session.rollback()
    assert count(session, Article) == 0


def test_ingest_writes_audit_events_for_the_article_and_each_ticket(session, settings):
    result = ingest(session, settings)
    actions = [e.action for e in session.exec(select(Event).order_by(Event.id))]
    assert actions.count("ingest") == 1
    assert actions.count("create") == len(result.tickets)
    assert actions.count("draft") == len(result.tickets)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"title": "Harbour " * 100}, "The title has 800 characters; at most 500"),
        ({"outlet": "x" * 201}, "The outlet has 201 characters; at most 200"),
    ],
)
def test_a_title_or_outlet_too_long_to_keep_is_refused_saying_the_limit(session, settings, fields, words):
    with pytest.raises(InvalidInput, match=words):
        ingest(session, settings, **fields)
    session.rollback()
    assert count(session, Article) == 0


@pytest.mark.parametrize(
    "raw",
    [
        "PK\x03\x04\x14\x00\x06\x00word/document.xml" + "The council voted 7-2. " * 5,  # a .docx
        "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj" + " The council voted." * 5,
        "The council voted\x00\x00\x01\x02 7-2 on March 3." * 3,
    ],
)
def test_a_files_raw_bytes_pasted_as_an_article_are_refused(session, settings, raw):
    with pytest.raises(InvalidInput, match="raw bytes"):
        ingest(session, settings, text=raw)
    session.rollback()
    assert count(session, Article) == 0


def test_the_form_keeps_the_text_when_the_title_is_too_long(client, session, settings):
    from tests.factories import make_user
    from tests.helpers import login

    csrf = login(client, make_user(session, "rita", "reviewer").name)
    page = client.post(
        "/articles", data={"text": ARTICLE, "title": "T" * 600, "csrf_token": csrf}, follow_redirects=False
    )
    assert page.status_code == 422 and "at most 500" in page.text
    assert "214 water-main breaks" in page.text  # the pasted text comes back
    assert count(session, Article) == 0


def test_an_oversized_paste_comes_back_as_the_form_with_the_limit_named(client, session, settings):
    """Starlette refuses a form field over 1 MB on its own; the article form reads with room for a
    long paste, keeps what fits, and names the limit. Past 16 MB, it still answers as the form."""
    from tests.factories import make_user
    from tests.helpers import login

    csrf = login(client, make_user(session, "rita", "reviewer").name)
    paste = "The council met again. " * 220_000  # about 5 MB
    page = client.post("/articles", data={"text": paste, "title": "Minutes", "outlet": "Ledger", "csrf_token": csrf})
    assert page.status_code == 413 and f"The article has {len(paste):,} characters; the limit is 200,000" in page.text
    from bs4 import BeautifulSoup

    form = BeautifulSoup(page.text, "html.parser")
    assert form.find(id="text").string == paste[:200_000]  # what fits is kept, to be trimmed
    assert 'value="Minutes"' in page.text
    huge = client.post("/articles", data={"text": "x" * (17 * 1024 * 1024), "csrf_token": csrf})
    assert huge.status_code == 413 and "larger than 16 MB" in huge.text and 'id="text"' in huge.text
    # A forged form is refused as before, and nothing was stored.
    assert client.post("/articles", data={"text": ARTICLE, "csrf_token": "forged"}).status_code == 403
    assert count(session, Article) == 0
