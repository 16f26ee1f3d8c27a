"""Liveness and readiness, as a process manager or an orchestrator asks for them."""

from __future__ import annotations

import time

import sqlalchemy as sa
from fastapi.testclient import TestClient

from factcheck.app import create_app
from factcheck.jobs.worker import stop_in_process


def test_liveness_needs_no_database_and_no_login(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_ready_when_the_database_answers_and_its_schema_is_current(client):
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready" and body["database"] == "ok" and body["migrations"] == "current"
    assert body["this_process_worker"] == "none" and body["jobs_waiting_for_a_worker"] == 0


def test_not_ready_once_the_schema_is_not_the_codes(client, db):
    # Another deployment migrated the database past this code: this process must leave the pool.
    with db.begin() as conn:
        head = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    try:
        answer = client.get("/readyz")
    finally:  # the PostgreSQL test database is shared by the tests that follow
        with db.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    assert answer.status_code == 503
    assert answer.json()["status"] == "not ready" and answer.json()["migrations"].startswith("at 9999, code needs")


def test_the_process_worker_is_watched_and_reported_with_its_heartbeat(settings):
    app = create_app(settings.model_copy(update={"search_connectors": "wikipedia", "worker_poll_seconds": 0.05}))
    with TestClient(app) as c:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not c.get("/readyz").json()["workers"]:
            time.sleep(0.05)
        body = c.get("/readyz").json()
        assert body["this_process_worker"] == "running"
        # Its heartbeat, in the database for every process to see (on the shared PostgreSQL test
        # database a worker another test left stopping may still be listed beside it).
        assert app.state.worker.running.worker.name in {w["name"] for w in body["workers"]}
        stop_in_process(app.state.worker.running)
        stopped = c.get("/readyz")
        assert stopped.status_code == 503 and stopped.json()["this_process_worker"].startswith("stopped")


def test_the_desk_has_an_icon_where_browsers_look_for_it(client):
    page = client.get("/login").text
    assert 'rel="icon"' in page
    moved = client.get("/favicon.ico", follow_redirects=False)
    assert moved.status_code == 301
    icon = client.get(moved.headers["location"])
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
