"""Each page's data is built once: the HTML page renders it, and the same data is served as JSON
at the address the page announces (a Link header and a <link rel="alternate">)."""

from bs4 import BeautifulSoup

from tests.factories import ARTICLE, ingest, make_token, make_user
from tests.helpers import login


def test_the_ticket_page_and_its_json_twin_show_the_same_ticket(client, session, settings):
    ticket = ingest(session, settings).tickets[0]
    make_user(session, "rita")
    login(client, "rita")
    page = client.get(f"/tickets/{ticket.id}")
    twin = f"/api/v1/tickets/{ticket.id}/page"
    assert page.headers["link"] == f'<{twin}>; rel="alternate"; type="application/json"'
    assert BeautifulSoup(page.text, "html.parser").find("link", rel="alternate")["href"] == twin
    data = client.get(twin).json()  # a logged-in browser may read the API
    assert data["ticket"]["id"] == ticket.id and data["ticket"]["claim"] == ticket.claim
    assert data["context"]["quote"] == ticket.quote
    shown = [d.text for d in BeautifulSoup(page.text, "html.parser").select("article.draft p.draft-text")]
    assert shown == [d["text"] for d in data["questions"] + data["sources"]]
    assert data["targets"] == ["corroborated", "disputed"]
    assert [u["name"] for u in data["assignable"]] == ["rita"]


def test_the_article_page_and_its_json_twin_show_the_same_claims(client, session, settings):
    result = ingest(session, settings)
    token = make_token(session, make_user(session, "bot"))
    make_user(session, "rita")
    login(client, "rita")
    page = client.get(f"/articles/{result.article.id}")
    assert page.headers["link"].startswith(f"</api/v1/articles/{result.article.id}/page>")
    data = client.get(f"/api/v1/articles/{result.article.id}/page", headers={"Authorization": f"Bearer {token}"}).json()
    marked = [s for para in data["paragraphs"] for s in para if s["ticket_id"]]
    highlighted = BeautifulSoup(page.text, "html.parser").select("a.hl")
    assert [a.text for a in highlighted] == [s["text"] for s in marked]
    assert "".join(s["text"] for para in data["paragraphs"] for s in para) == result.article.text.replace("\n\n", "")


def test_the_article_answer_carries_what_its_page_shows(client, session, settings):
    token = make_token(session, make_user(session, "bot"))
    created = client.post("/api/v1/articles", json={"text": ARTICLE}, headers={"Authorization": f"Bearer {token}"})
    body = client.get(
        f"/api/v1/articles/{created.json()['article_id']}", headers={"Authorization": f"Bearer {token}"}
    ).json()
    total = len(body["tickets"])
    assert body["progress"] == {
        "total": total,
        "pending": 0,
        "failed": 0,
        "done": total,
        "busy": False,
        "extraction": "done",
        "extraction_error": None,
    }
    assert body["usage"] is None  # the offline engine uses no model
    assert created.json()["progress"]["done"] == total


def test_the_queue_announces_the_api_call_with_the_same_filters(client, session, settings):
    ingest(session, settings)
    make_user(session, "rita")
    login(client, "rita")
    page = client.get("/?state=unverified&q=water")
    assert page.headers["link"].startswith("</api/v1/tickets?state=unverified&q=water&sort=score>")


def test_the_export_page_reports_on_the_articles_chosen_in_its_form(client, session, settings):
    first = ingest(session, settings)
    second = ingest(session, settings, text=ARTICLE.replace("214", "230"))
    make_user(session, "ed", "editor")
    login(client, "ed")
    form = BeautifulSoup(client.get("/exports").text, "html.parser").find("form", action="/exports/download")
    options = {o.text.split(" (")[0]: o["value"] for o in form.select("select[name=article] option")}
    assert options  # both articles are offered
    # What a browser sends for the form with one article chosen and open tickets included.
    resp = client.get(
        "/exports/download", params={"format": "json", "article": str(second.article.id), "include_open": "1"}
    )
    ids = {t["article"]["id"] for t in resp.json()["tickets"]}
    assert ids == {second.article.id} and first.article.id not in ids
    both = client.get(
        "/exports/download",
        params=[
            ("format", "json"),
            ("include_open", "1"),
            ("article", str(first.article.id)),
            ("article", str(second.article.id)),
        ],
    ).json()
    assert {t["article"]["id"] for t in both["tickets"]} == {first.article.id, second.article.id}
