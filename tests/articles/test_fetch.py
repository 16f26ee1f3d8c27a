"""URL ingest is a server-side fetch: public http(s) only, checked on every hop, limited in time,
size and type, and each refusal says why."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from factcheck.articles import sources
from factcheck.core.errors import FactcheckError, FetchError, TooLarge, UnsupportedMedia

PAGE = b"""<html><head><title>Harbor report</title></head><body><nav>Home | Sports | Sign up</nav>
<article><h1>Harbor report</h1><p>The Port of Marlow handled 2.1 million containers in 2024, the
harbor authority said on Tuesday.</p><p>Truck traffic rose 14 percent in 2024.</p></article></body></html>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        routes = {
            "/article": (200, "text/html; charset=utf-8", PAGE),
            "/pdf": (200, "application/pdf", b"%PDF-1.4 not an article"),
            "/big": (200, "text/html", b"<p>" + b"x" * 50_000 + b"</p>"),
            "/binary": (200, "text/plain", b"\x00\x01\x02 binary"),
            "/latin1": (200, "text/plain", "Caf\xe9 owners said prices rose 4 percent in 2024.".encode("latin-1")),
        }
        if self.path == "/slow":
            time.sleep(2)
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?to=", 1)[1])
            self.end_headers()
            return
        status, ctype, body = routes.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def open_settings(settings):
    """Loopback allowed, so the test site can be reached at all."""
    return settings.model_copy(update={"allow_private_urls": True, "fetch_max_bytes": 20_000, "fetch_timeout": 0.5})


def test_a_page_is_fetched_and_reduced_to_its_article(site, open_settings):
    extracted = sources.fetch(f"{site}/article", open_settings)
    assert "2.1 million containers" in extracted.text and "Sign up" not in extracted.text


@pytest.mark.parametrize(("path", "error", "says"), [
    ("/pdf", UnsupportedMedia, "application/pdf"),
    ("/big", TooLarge, "larger than 20,000 bytes"),
    ("/binary", UnsupportedMedia, "binary"),
    ("/latin1", UnsupportedMedia, "not valid UTF-8"),
    ("/slow", FetchError, "did not answer within 0.5 seconds"),
    ("/missing", FetchError, "HTTP 404"),
])
def test_each_bad_page_is_refused_with_its_reason(site, open_settings, path, error, says):
    with pytest.raises(error, match=says):
        sources.fetch(f"{site}{path}", open_settings)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://100.64.0.1/", "http://0.0.0.0/",
])
def test_local_private_and_metadata_addresses_are_refused(settings, url):
    with pytest.raises(FetchError, match="private or local address"):
        sources.fetch(url, settings)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)", "gopher://x/"])
def test_only_http_and_https_are_fetched(settings, url):
    with pytest.raises(FetchError, match="Only http:// and https://"):
        sources.fetch(url, settings)


def test_a_redirect_is_checked_again_before_it_is_followed(site, settings, monkeypatch):
    # Treat the test site as a public host; the address it redirects to is the cloud metadata service.
    monkeypatch.setattr(sources, "is_public", lambda ip: str(ip) == "127.0.0.1")
    with pytest.raises(FetchError, match="169.254.169.254"):
        sources.fetch(f"{site}/redirect?to=http://169.254.169.254/latest/meta-data/", settings)
    assert "2.1 million" in sources.fetch(f"{site}/redirect?to=/article", settings).text


def test_the_fetch_connects_to_the_address_that_was_checked(site, settings, monkeypatch):
    # A name that resolves to a public address at check time and to loopback later (DNS rebinding)
    # must be fetched from the checked address: here, the only one that answers.
    port = int(site.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1"] + ["10.9.9.9"] * 10)
    real = sources.socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host == "news.example":
            return [(2, 1, 6, "", (next(answers), port))]
        return real(host, *args, **kwargs)  # an address literal resolves to itself

    monkeypatch.setattr(sources.socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(sources, "is_public", lambda ip: True)
    assert "2.1 million" in sources.fetch(f"http://news.example:{port}/article", settings).text


def test_url_ingest_through_the_api_stores_nothing_when_refused(client, session, settings):
    from sqlmodel import func, select

    from factcheck.models import Article
    from tests.conftest import make_token, make_user

    token = make_token(session, make_user(session, "bot", "reviewer"))
    session.commit()
    resp = client.post("/api/v1/articles", json={"url": "http://169.254.169.254/latest/meta-data/"},
                       headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 422 and "private or local address" in resp.json()["error"]["message"]
    assert session.exec(select(func.count()).select_from(Article)).one() == 0
    assert isinstance(FetchError("x"), FactcheckError)
