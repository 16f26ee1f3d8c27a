"""URL ingest is a server-side fetch: public http(s) only, checked on every hop, limited in time,
size and type, and each refusal says why."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from factcheck.core import netguard
from factcheck.core import webpages as sources
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
        if self.path == "/drip":  # a line every 0.2 s, for ever: each read is quick, the page never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"<p>The harbor handled 2.1 million containers.</p>\n")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                return
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


class Site(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up (the point of the slow pages) is not an error here


@pytest.fixture(scope="module")
def site():
    server = Site(("127.0.0.1", 0), Handler)
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


@pytest.mark.parametrize(
    ("path", "error", "says"),
    [
        ("/pdf", UnsupportedMedia, "application/pdf"),
        ("/big", TooLarge, "larger than 20,000 bytes"),
        ("/binary", UnsupportedMedia, "binary"),
        ("/latin1", UnsupportedMedia, "not valid UTF-8"),
        ("/slow", FetchError, "did not answer within 0.5 seconds"),
        ("/missing", FetchError, "HTTP 404"),
    ],
)
def test_each_bad_page_is_refused_with_its_reason(site, open_settings, path, error, says):
    with pytest.raises(error, match=says):
        sources.fetch(f"{site}{path}", open_settings)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
    ],
)
def test_local_private_and_metadata_addresses_are_refused(settings, url):
    with pytest.raises(FetchError, match="private or local network"):
        sources.fetch(url, settings)


def test_the_deadline_covers_the_whole_fetch_not_each_read(site, open_settings):
    began = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 0.5 seconds"):
        sources.fetch(f"{site}/drip", open_settings.model_copy(update={"fetch_max_bytes": 10_000_000}))
    assert time.monotonic() - began < 1.5


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of the cloud metadata service
        "64:ff9b:1::a00:1",  # local-use NAT64
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo whose client is 127.0.0.1
        "::7f00:1",  # IPv4-compatible 127.0.0.1
        "::ffff:a9fe:a9fe",  # IPv4-mapped metadata service
        "fec0::1",  # site-local (deprecated, still routed inside some networks)
        "fefe:1::2",
    ],
)
def test_ipv6_addresses_that_lead_to_private_ipv4_are_not_public(address):
    import ipaddress

    assert not netguard.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "2606:4700::1111", "8.8.8.8"])
def test_public_addresses_stay_public(address):
    import ipaddress

    assert netguard.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("url", ["http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/"])
def test_a_fetch_to_a_translated_private_address_is_refused_before_connecting(settings, url, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(netguard, "_once", no_connection)
    with pytest.raises(FetchError, match="private or local network"):
        sources.fetch(url, settings)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)", "gopher://x/"])
def test_only_http_and_https_are_fetched(settings, url):
    with pytest.raises(FetchError, match="Only http:// and https://"):
        sources.fetch(url, settings)


def test_a_redirect_is_checked_again_before_it_is_followed(site, settings, monkeypatch):
    # Treat the test site as a public host; the address it redirects to is the cloud metadata service.
    monkeypatch.setattr(netguard, "is_public", lambda ip: str(ip) == "127.0.0.1")
    with pytest.raises(FetchError, match="private or local network") as refused:
        sources.fetch(f"{site}/redirect?to=http://169.254.169.254/latest/meta-data/", settings)
    assert "169.254.169.254" in refused.value.message  # the host as given, which the user typed
    assert "2.1 million" in sources.fetch(f"{site}/redirect?to=/article", settings).text


def test_the_fetch_connects_to_the_address_that_was_checked(site, settings, monkeypatch):
    # A name that resolves to a public address at check time and to loopback later (DNS rebinding)
    # must be fetched from the checked address: here, the only one that answers.
    port = int(site.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1"] + ["10.9.9.9"] * 10)
    real = netguard.socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host == "news.example":
            return [(2, 1, 6, "", (next(answers), port))]
        return real(host, *args, **kwargs)  # an address literal resolves to itself

    monkeypatch.setattr(netguard.socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(netguard, "is_public", lambda ip: True)
    assert "2.1 million" in sources.fetch(f"http://news.example:{port}/article", settings).text


def test_url_ingest_through_the_api_stores_nothing_when_refused(client, session, settings):
    from sqlmodel import func, select

    from factcheck.models import Article
    from tests.factories import make_token, make_user

    token = make_token(session, make_user(session, "bot", "reviewer"))
    session.commit()
    resp = client.post(
        "/api/v1/articles",
        json={"url": "http://169.254.169.254/latest/meta-data/"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert resp.status_code == 422 and "private or local network" in resp.json()["error"]["message"]
    assert session.exec(select(func.count()).select_from(Article)).one() == 0
    assert isinstance(FetchError("x"), FactcheckError)


@pytest.mark.parametrize("url", ["http://localhost:9/", "http://metadata.internal.example/", "http://[::1]/"])
def test_a_refusal_never_says_which_address_a_name_led_to(settings, url, monkeypatch):
    # A reviewer must not be able to map the names and addresses of the desk's own network.
    real = netguard.socket.getaddrinfo

    def internal(host, *args, **kwargs):
        if host == "metadata.internal.example":
            return [(2, 1, 6, "", ("10.20.30.40", 80))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(netguard.socket, "getaddrinfo", internal)
    with pytest.raises(FetchError) as refused:
        sources.fetch(url, settings)
    message = refused.value.message
    assert "10.20.30.40" not in message and "127.0.0.1" not in message
    assert "not a public web address" in message


def test_a_name_that_does_not_resolve_gets_the_same_answer_as_one_that_leads_inward(settings):
    with pytest.raises(FetchError) as unknown:
        sources.fetch("http://no-such-host.invalid/", settings)
    with pytest.raises(FetchError) as inward:
        sources.fetch("http://localhost/", settings)
    assert unknown.value.message.replace("no-such-host.invalid", "H") == inward.value.message.replace("localhost", "H")


@pytest.mark.parametrize("url", ["http://[::1/", "http://[::1]x/", "https://host:99999/", "http://a:b/"])
def test_a_malformed_address_is_refused_with_a_reason(settings, url):
    with pytest.raises(FetchError, match="not a well-formed address|Only http|not a public"):
        sources.fetch(url, settings)
