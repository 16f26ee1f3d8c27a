"""Whatever a client sends, the desk answers with a 4xx and a message, stores nothing half-way, and
keeps the connection usable; what goes wrong on our side is still the desk's own error, not a
bare 500."""

from __future__ import annotations

import base64
import json
import socket
from urllib.parse import urlsplit

import pytest
import sqlalchemy.exc as sa_exc
from sqlmodel import func, select

from factcheck.models import Article, DraftItem, Note
from tests.factories import ingest, make_token, make_user
from tests.helpers import login


@pytest.fixture
def api(client, session, settings):
    token = make_token(session, make_user(session, "ed", "admin"))
    ticket = ingest(session, settings).tickets[0]
    session.commit()
    client.headers["Authorization"] = f"Bearer {token}"
    return client, ticket


def raw_json(client, path: str, body: str):
    """JSON as bytes on the wire: the only way to send a lone surrogate escape."""
    return client.post(path, content=body.encode(), headers={"Content-Type": "application/json"})


def refused(resp, status: int, *words: str) -> None:
    assert resp.status_code == status, resp.text
    message = resp.json()["error"]["message"]
    assert all(w in message for w in words), message


def test_unstorable_characters_in_any_field_are_refused_by_name_and_nothing_is_stored(api, session):
    client, ticket = api
    notes_before = session.exec(select(func.count()).select_from(Note)).one()
    drafts_before = session.exec(select(func.count()).select_from(DraftItem)).one()
    refused(
        raw_json(
            client,
            f"/api/v1/tickets/{ticket.id}/notes",
            '{"text": "Minutes", "url": "https://council.example/\\ud800"}',
        ),
        422,
        "url",
        "surrogate",
    )
    refused(
        raw_json(client, f"/api/v1/tickets/{ticket.id}/drafts", '{"kind": "question", "text": "Who \\udfff voted?"}'),
        422,
        "text",
        "surrogate",
    )
    refused(
        raw_json(
            client,
            f"/api/v1/tickets/{ticket.id}/drafts",
            '{"kind": "source", "text": "Minutes", "search_query": "vote \\ud83d"}',
        ),
        422,
        "surrogate",
    )
    refused(client.post(f"/api/v1/tickets/{ticket.id}/notes", json={"text": "nul \x00 here"}), 422, "NUL")
    refused(
        client.post("/api/v1/articles", json={"text": "The council voted 7-2 on May 3, 2025.\n", "title": "Vote\x00"}),
        422,
        "title",
        "NUL",
    )
    session.expire_all()
    assert session.exec(select(func.count()).select_from(Note)).one() == notes_before
    assert session.exec(select(func.count()).select_from(DraftItem)).one() == drafts_before


def test_an_articles_control_characters_are_dropped_and_a_surrogate_is_refused_by_name(api, session):
    client, _ = api
    resp = raw_json(
        client,
        "/api/v1/articles",
        '{"text": "The Marlow ferry carried 81,000 passengers\\u0000 in 2024,\\u0007 the port said.\\n"}',
    )
    assert resp.status_code == 201, resp.text
    assert "81,000 passengers in 2024, the port said." in session.get(Article, resp.json()["article_id"]).text
    refused(
        raw_json(client, "/api/v1/articles", '{"text": "The ferry carried \\ud800 81,000 people in 2024."}'),
        422,
        "text",
        "not valid Unicode text",
    )


def test_the_command_line_refuses_unstorable_text_in_one_line(session, settings, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app as cli_app
    from factcheck.core.config import get_settings

    ticket = ingest(session, settings).tickets[0]
    make_user(session, "rita", "reviewer")
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    try:
        # A byte the terminal could not decode reaches Python as a lone surrogate (\udcff).
        result = CliRunner().invoke(cli_app, ["--as", "rita", "tickets", "note", str(ticket.id), "minutes \udcff"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code != 0 and "surrogate" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    session.expire_all()
    assert session.exec(select(func.count()).select_from(Note)).one() == 0


def cursor(*parts) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "sort,parts",
    [
        ("score", ["after", "score", 0.5, True]),  # a boolean is not a ticket id
        ("score", ["after", "score", True, 3]),
        ("score", ["after", "score", float("nan"), 3]),
        ("score", ["after", "score", 1e308, 3]),
        ("score", ["after", "score", 0.5, 2**70]),
        ("updated", ["after", "updated", "9999-12-31T23:59:59.999999-14:00", 3]),  # past the calendar in UTC
        ("updated", ["before", "updated", "0001-01-01T00:00:00+14:00", 3]),
        ("updated", ["after", "updated", "tomorrow", 3]),
        ("score", ["sideways", "score", 0.5, 3]),
        ("score", {"after": 1}),
    ],
)
def test_a_tampered_page_link_is_refused(api, sort, parts):
    client, _ = api
    link = cursor(*parts) if isinstance(parts, list) else base64.urlsafe_b64encode(json.dumps(parts).encode()).decode()
    refused(client.get(f"/api/v1/tickets?sort={sort}&cursor={link}"), 422, "page link is not valid")
    login(client, "ed")
    page = client.get(f"/?sort={sort}&cursor={link}")
    assert page.status_code == 422 and "page link is not valid" in page.text


def test_a_wrong_method_says_which_methods_the_address_takes(api):
    client, ticket = api
    resp = client.delete(f"/api/v1/tickets/{ticket.id}/notes")
    assert resp.status_code == 405 and resp.headers["allow"] == "GET, POST"
    assert resp.json()["error"]["message"] == "That method is not allowed here."


def _add_failing_route(app, path: str, failures: list[BaseException]) -> list[int]:
    """An API route whose first calls raise the given errors, then answer; returns its call count."""
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return {"ok": True}

    app.add_api_route(path, flaky, methods=["POST"])
    return calls


class FakePgError(Exception):
    def __init__(self, sqlstate: str, text: str) -> None:
        super().__init__(text)
        self.sqlstate = sqlstate


def db_error(kind=sa_exc.OperationalError, sqlstate: str = "", text: str = "") -> sa_exc.DBAPIError:
    return kind("UPDATE ticket_tally …", {}, FakePgError(sqlstate, text))


def test_a_deadlock_is_tried_once_more_and_then_reported_as_a_conflict(app, api):
    client, _ = api
    once = _add_failing_route(app, "/api/v1/_test/once", [db_error(sqlstate="40P01", text="deadlock detected")])
    assert client.post("/api/v1/_test/once", json={}).json() == {"ok": True} and len(once) == 2
    twice = _add_failing_route(app, "/api/v1/_test/twice", [db_error(sqlstate="40001", text="could not serialize")] * 2)
    refused(client.post("/api/v1/_test/twice", json={}), 409, "Someone else changed", "Nothing of yours was saved")
    assert len(twice) == 2


@pytest.mark.parametrize(
    "error,status,words",
    [
        (db_error(text="database or disk is full"), 503, ("disk is full",)),
        (db_error(sqlstate="53100", text="could not extend file"), 503, ("disk is full",)),
        (db_error(text="server closed the connection unexpectedly"), 503, ("could not be reached",)),
        (db_error(sa_exc.IntegrityError, text="UNIQUE constraint failed"), 409, ("clashes",)),
        (db_error(sa_exc.DataError, sqlstate="22021", text="invalid byte sequence"), 422, ("cannot store",)),
        (RuntimeError("a bug"), 500, ("Something went wrong on our side (reference ",)),
    ],
)
def test_every_failure_answers_with_the_error_json(app, api, error, status, words):
    client, _ = api
    _add_failing_route(app, "/api/v1/_test/fails", [error])
    refused(client.post("/api/v1/_test/fails", json={}), status, *words)


def test_a_page_that_fails_is_still_a_page(app, client):
    def broken():
        raise RuntimeError("a bug")

    app.add_api_route("/_test/broken", broken, methods=["GET"])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(client, "raise_server_exceptions", False, raising=False)
        resp = client.get("/_test/broken")
    assert resp.status_code == 500 and resp.headers["content-type"].startswith("text/html")
    assert "Something went wrong on our side" in resp.text


def _exchange(sock: socket.socket, host: str, path: str) -> tuple[int, dict[str, str]]:
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        "Content-Length: 2\r\n\r\n{}".encode()
    )
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    while len(body) < int(headers.get("content-length", 0)):
        body += sock.recv(65536)
    return int(lines[0].split()[1]), headers


def test_after_a_failure_the_same_connection_serves_the_next_request(app, live_desk):
    _add_failing_route(app, "/api/v1/_test/boom", [RuntimeError("a bug")])
    url = urlsplit(live_desk)
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        status, headers = _exchange(sock, url.netloc, "/api/v1/_test/boom")
        assert status == 500 and headers.get("connection", "").lower() != "close"
        assert _exchange(sock, url.netloc, "/api/v1/_test/boom")[0] == 200  # the route answers the second time
