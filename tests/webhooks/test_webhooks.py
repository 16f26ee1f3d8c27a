"""Webhooks: an admin registers a receiver, the desk signs each delivery with HMAC-SHA256 and sends
it from its job queue, trying again while the receiver fails; a receiver on 127.0.0.1 checks the
signature as a real one would."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from factcheck.models import WebhookDelivery
from factcheck.webhooks.service import sign
from tests.conftest import make_token, make_user
from tests.factories import ingest

WHY = "The council minutes record a 6-3 vote, not 7-2."


class Receiver:
    """An HTTP server on a loopback port that keeps what it was sent, failing the first
    ``fail_first`` requests with a 503."""

    def __init__(self, fail_first: int = 0):
        self.received: list[tuple[dict, bytes]] = []
        self.fail_first = fail_first
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if outer.fail_first > 0:
                    outer.fail_first -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                outer.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, n: int, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while len(self.received) < n and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.received) >= n, f"received {len(self.received)} of {n}"


def eventually(check, seconds: float = 15):
    """The receiver has the request before the desk records that it was delivered: wait for that."""
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert check()


def verified(secret: str, headers: dict, body: bytes, tolerance: int = 300) -> bool:
    """What a receiver does: parse t and v1, recompute, compare in constant time, check freshness."""
    parts = dict(p.split("=", 1) for p in headers["factcheck-signature"].split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"]) and abs(time.time() - int(parts["t"])) < tolerance


@pytest.fixture
def desk(settings, db):
    from factcheck.app import create_app

    app = create_app(settings.model_copy(update={"allow_private_urls": True, "worker_poll_seconds": 0.1,
                                                 "job_retry_start": 0.2}))
    with TestClient(app) as client:
        yield client


def test_a_verdict_is_delivered_signed_to_the_receiver(desk, session, settings):
    receiver = Receiver()
    ticket = ingest(session, settings).tickets[0]
    admin = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ada', 'admin'))}"}
    editor = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ed', 'editor'))}"}
    made = desk.post("/api/v1/webhooks", headers=admin,
                     json={"url": receiver.url, "events": ["verdict.set", "verdict.published"]})
    assert made.status_code == 201, made.text
    secret = made.json()["secret"]
    desk.post(f"/api/v1/tickets/{ticket.id}/state", headers=editor,
              json={"to": "disputed", "rationale": WHY, "expected_version": 1, "rating": "False"})
    desk.post(f"/api/v1/tickets/{ticket.id}/publish", headers=editor, json={"expected_version": 2})
    receiver.wait_for(2)
    events = []
    for headers, body in receiver.received:
        assert verified(secret, headers, body)
        assert not verified("whsec_someone_else", headers, body)
        payload = json.loads(body)
        events.append(payload["event"])
        assert payload["data"]["ticket"]["id"] == ticket.id and headers["factcheck-event"] == payload["event"]
    assert sorted(events) == ["verdict.published", "verdict.set"]
    log = lambda: desk.get(f"/api/v1/webhooks/{made.json()['id']}/deliveries", headers=admin).json()  # noqa: E731
    eventually(lambda: {d["status"] for d in log()} == {"delivered"})
    assert all(d["last_status"] == 204 for d in log())


def test_a_failing_receiver_is_tried_again_and_the_log_says_so(desk, session, settings):
    receiver = Receiver(fail_first=2)
    ticket = ingest(session, settings).tickets[0]
    admin = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ada', 'admin'))}"}
    desk.post("/api/v1/webhooks", headers=admin, json={"url": receiver.url, "events": ["verdict.set"]})
    desk.post(f"/api/v1/tickets/{ticket.id}/state", headers=admin,
              json={"to": "corroborated", "rationale": WHY, "expected_version": 1})
    receiver.wait_for(1)

    def delivered():
        session.expire_all()
        return [(d.status, d.attempts) for d in session.exec(select(WebhookDelivery))]

    eventually(lambda: delivered() and delivered()[0][0] == "delivered")
    [(status, attempts)] = delivered()
    assert status == "delivered" and attempts >= 1


def test_only_admins_register_and_private_addresses_wait_until_allowed(client, session, settings):
    rita = {"Authorization": f"Bearer {make_token(session, make_user(session, 'rita'))}"}
    admin = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ada', 'admin'))}"}
    assert client.post("/api/v1/webhooks", headers=rita,
                       json={"url": "https://hooks.example.org/x", "events": ["verdict.set"]}).status_code == 403
    bad = client.post("/api/v1/webhooks", headers=admin, json={"url": "ftp://x", "events": ["verdict.set"]})
    assert bad.status_code == 422
    # With FACTCHECK_ALLOW_PRIVATE_URLS off (the default), a loopback receiver is refused at delivery.
    from factcheck.webhooks.delivery import Deliver, Outgoing
    from factcheck.engines.base import EngineError

    out = Outgoing(1, "verdict.set", "http://127.0.0.1:9/hook", "whsec_x", b"{}")
    with pytest.raises(EngineError, match="private|loopback|not allowed|public"):
        Deliver(settings).run(None, out)


def test_the_signature_is_over_the_timestamp_and_the_body():
    assert sign("s3cret", b'{"a":1}', 1700000000) == (
        "t=1700000000,v1=" + hmac.new(b"s3cret", b'1700000000.{"a":1}', hashlib.sha256).hexdigest())


def test_an_admin_registers_a_webhook_on_its_page(client, session):
    from tests.conftest import login

    make_user(session, "ada", "admin")
    csrf = login(client, "ada")
    refused = client.post("/webhooks", data={"csrf_token": csrf, "url": "https://hooks.example.org/x"})
    assert refused.status_code == 422 and "Choose events" in refused.text
    done = client.post("/webhooks", data={"csrf_token": csrf, "url": "https://hooks.example.org/x",
                                          "event": ["verdict.published", "verdict.corrected"]}, follow_redirects=False)
    assert done.status_code == 303
    page = client.get("/webhooks").text
    assert "https://hooks.example.org/x" in page and "whsec_" in page and "verdict.corrected" in page
