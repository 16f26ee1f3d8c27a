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
from tests.factories import ingest, make_token, make_user

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
    """What a receiver does: parse t and every v1, recompute over "t.id.body" with the delivery id
    it was sent, compare in constant time, check freshness."""
    pairs = [p.split("=", 1) for p in headers["factcheck-signature"].split(",")]
    t = dict(pairs)["t"]
    signed = f"{t}.{headers['factcheck-delivery']}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return (
        any(k == "v1" and hmac.compare_digest(expected, v) for k, v in pairs) and abs(time.time() - int(t)) < tolerance
    )


@pytest.fixture
def desk(settings, db):
    from factcheck.app import create_app

    app = create_app(
        settings.model_copy(update={"allow_private_urls": True, "worker_poll_seconds": 0.1, "job_retry_start": 0.2})
    )
    with TestClient(app) as client:
        yield client


def test_a_verdict_is_delivered_signed_to_the_receiver(desk, session, settings):
    receiver = Receiver()
    ticket = ingest(session, settings).tickets[0]
    admin = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ada', 'admin'))}"}
    editor = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ed', 'editor'))}"}
    made = desk.post(
        "/api/v1/webhooks", headers=admin, json={"url": receiver.url, "events": ["verdict.set", "verdict.published"]}
    )
    assert made.status_code == 201, made.text
    secret = made.json()["secret"]
    desk.post(
        f"/api/v1/tickets/{ticket.id}/state",
        headers=editor,
        json={"to": "disputed", "rationale": WHY, "expected_version": 1, "rating": "False"},
    )
    desk.post(f"/api/v1/tickets/{ticket.id}/publish", headers=editor, json={"expected_version": 2})
    receiver.wait_for(2)
    events = []
    for headers, body in receiver.received:
        assert verified(secret, headers, body)
        assert not verified("whsec_someone_else", headers, body)
        forged = {**headers, "factcheck-delivery": str(int(headers["factcheck-delivery"]) + 1)}
        assert not verified(secret, forged, body)  # the delivery id is signed too
        payload = json.loads(body)
        assert payload["id"] == int(headers["factcheck-delivery"])
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
    desk.post(
        f"/api/v1/tickets/{ticket.id}/state",
        headers=admin,
        json={"to": "corroborated", "rationale": WHY, "expected_version": 1},
    )
    receiver.wait_for(1)

    def delivered():
        session.expire_all()
        return [(d.status, d.attempts) for d in session.exec(select(WebhookDelivery))]

    eventually(lambda: delivered() and delivered()[0][0] == "delivered")
    [(status, attempts)] = delivered()
    assert status == "delivered" and attempts >= 1


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://localhost:8443/x",
        "https://[::1]/hook",
        "https://169.254.169.254/latest",
        "http://hooks.example.org/x",
    ],
)
def test_only_admins_register_and_only_public_https_receivers(client, session, settings, url):
    rita = {"Authorization": f"Bearer {make_token(session, make_user(session, 'rita'))}"}
    admin = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ada', 'admin'))}"}
    assert (
        client.post(
            "/api/v1/webhooks", headers=rita, json={"url": "https://hooks.example.org/x", "events": ["verdict.set"]}
        ).status_code
        == 403
    )
    bad = client.post("/api/v1/webhooks", headers=admin, json={"url": "ftp://x", "events": ["verdict.set"]})
    assert bad.status_code == 422
    refused = client.post("/api/v1/webhooks", headers=admin, json={"url": url, "events": ["verdict.set"]})
    assert refused.status_code == 422
    assert "https://" in refused.json()["error"]["message"] or "not a public" in refused.json()["error"]["message"]
    assert client.get("/api/v1/webhooks", headers=admin).json() == []


def test_a_delivery_into_a_private_network_is_a_refusal_not_a_wait(settings):
    # Registered while private addresses were allowed, delivered after they no longer are.
    from factcheck.core.errors import RetryableError
    from factcheck.webhooks.tasks import Deliver, Outgoing

    out = Outgoing(1, "verdict.set", "http://127.0.0.1:9/hook", ["whsec_x"], b"{}")
    with pytest.raises(RetryableError, match="not a public") as refused:
        Deliver(settings).run(out)
    assert refused.value.transient is False  # a few tries, then failed: never retried for ever


def test_the_signature_is_over_the_timestamp_the_delivery_id_and_the_body():
    assert sign(["s3cret"], 42, b'{"a":1}', 1700000000) == (
        "t=1700000000,v1=" + hmac.new(b"s3cret", b'1700000000.42.{"a":1}', hashlib.sha256).hexdigest()
    )
    both = sign(["new", "old"], 42, b"{}", 1700000000).split(",")
    assert both[0] == "t=1700000000" and len(both) == 3 and all(p.startswith("v1=") for p in both[1:])


def test_the_secret_is_shown_once_and_a_rotated_one_keeps_signing_for_a_grace_period(desk, session, settings):
    receiver = Receiver()
    ticket = ingest(session, settings).tickets[0]
    admin = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ada', 'admin'))}"}
    made = desk.post("/api/v1/webhooks", headers=admin, json={"url": receiver.url, "events": ["verdict.set"]}).json()
    old = made["secret"]
    listed = desk.get("/api/v1/webhooks", headers=admin).json()
    assert "secret" not in listed[0] and listed[0]["secret_hint"] == "…" + old[-4:]
    assert old not in desk.get("/webhooks", headers=admin).text
    rotated = desk.post(f"/api/v1/webhooks/{made['id']}/rotate-secret", headers=admin).json()
    new = rotated["secret"]
    assert new != old and rotated["previous_secret_until"]
    desk.post(
        f"/api/v1/tickets/{ticket.id}/state",
        headers=admin,
        json={"to": "corroborated", "rationale": WHY, "expected_version": 1},
    )
    receiver.wait_for(1)
    headers, body = receiver.received[0]
    assert verified(new, headers, body) and verified(old, headers, body)  # either key checks it, for now


def test_a_test_event_reaches_the_receiver_and_a_removed_webhook_is_gone(desk, session):
    receiver = Receiver()
    admin = {"Authorization": f"Bearer {make_token(session, make_user(session, 'ada', 'admin'))}"}
    made = desk.post("/api/v1/webhooks", headers=admin, json={"url": receiver.url, "events": ["verdict.set"]}).json()
    assert desk.post(f"/api/v1/webhooks/{made['id']}/test", headers=admin).status_code == 202
    receiver.wait_for(1)
    headers, body = receiver.received[0]
    assert headers["factcheck-event"] == "ping" and verified(made["secret"], headers, body)
    assert desk.delete(f"/api/v1/webhooks/{made['id']}", headers=admin).status_code == 204
    assert desk.get("/api/v1/webhooks", headers=admin).json() == []


def test_an_admin_registers_a_webhook_on_its_page(client, session):
    from tests.helpers import login

    make_user(session, "ada", "admin")
    csrf = login(client, "ada")
    refused = client.post("/webhooks", data={"csrf_token": csrf, "url": "https://hooks.example.org/x"})
    assert refused.status_code == 422 and "Choose events" in refused.text
    done = client.post(
        "/webhooks",
        data={
            "csrf_token": csrf,
            "url": "https://hooks.example.org/x",
            "event": ["verdict.published", "verdict.corrected"],
        },
        follow_redirects=False,
    )
    assert done.status_code == 200 and "shown this once" in done.text and "whsec_" in done.text
    assert done.headers["cache-control"] == "no-store"
    page = client.get("/webhooks").text
    assert "https://hooks.example.org/x" in page and "whsec_" not in page and "verdict.corrected" in page
