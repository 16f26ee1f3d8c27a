"""What tests share besides data: the browser-side steps of the desk (log in, read a form's CSRF
token) and the files beside the project (``../shared``, skipped with a reason where absent)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.factories import PASSWORD

SHARED = Path(__file__).resolve().parents[2] / "shared"
POSTGRES_URL = os.environ.get("FACTCHECK_TEST_DATABASE_URL")


def shared_file(relative: str) -> Path:
    """A file from ../shared, or a skip saying why the test cannot run without it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs ../shared/{relative} beside the project (not present in this checkout)")
    return path


def csrf_from(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "page has no CSRF token"
    return m.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token."""
    page = client.get("/login")
    resp = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": csrf_from(page.text), "next": "/"},
        follow_redirects=False,
    )
    assert resp.status_code == 303, resp.text
    return csrf_from(client.get("/").text)
