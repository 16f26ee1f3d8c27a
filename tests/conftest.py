"""Shared fixtures: every test gets its own migrated SQLite file (or the CI's PostgreSQL)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from factcheck.core.config import Settings
from factcheck.core.db import make_engine, upgrade
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.models import User
from factcheck.users import service as users

SHARED = Path(__file__).resolve().parents[2] / "shared"
PASSWORD = "correct-horse-battery"


def shared_file(relative: str) -> Path:
    """A file from ../shared, or a skip saying why the test cannot run without it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs ../shared/{relative} beside the project (not present in this checkout)")
    return path


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for an empty database: a fresh SQLite file, or the CI's PostgreSQL wiped clean."""
    url = os.environ.get("FACTCHECK_TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.db'}"
    if not url.startswith("sqlite"):
        _reset_postgres(url)
    return Settings(database_url=url, env="test", org_name="Test Desk", org_url="https://desk.example/")


@pytest.fixture
def db(settings):
    upgrade(settings.database_url)
    engine = make_engine(settings)
    yield engine
    engine.dispose()


def _reset_postgres(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def session(db) -> Iterator[Session]:
    with Session(db, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def engine() -> OfflineEngine:
    return OfflineEngine()


def make_user(session: Session, name: str = "rita", role: str = "reviewer") -> User:
    user = users.create_user(session, name=name, role=role, password=PASSWORD)
    session.commit()
    return user


@pytest.fixture
def app(settings, db):
    from factcheck.web.app import create_app

    return create_app(settings)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def csrf_from(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "page has no CSRF token"
    return m.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token."""
    page = client.get("/login")
    resp = client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_from(page.text),
                                       "next": "/"}, follow_redirects=False)
    assert resp.status_code == 303, resp.text
    return csrf_from(client.get("/").text)
