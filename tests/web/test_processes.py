"""Several server processes on one database are one desk: a limit counted in one process holds in
the others, and `factcheck serve --workers N` runs N of them behind one address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from factcheck.auth.throttle import ADDRESS_FAILURES
from tests.helpers import csrf_from


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serving(settings, *args: str) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "FACTCHECK_DATABASE_URL": settings.database_url, "FACTCHECK_WORKER": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--port", str(port), *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.2)
        else:
            raise AssertionError("the server did not become ready within 60 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _fail_login(base: str, name: str) -> int:
    # A new connection (and browser) each time: with several processes, any of them may answer.
    with httpx.Client(base_url=base, timeout=30) as c:
        token = csrf_from(c.get("/login").text)
        return c.post("/login", data={"name": name, "password": "wrong", "csrf_token": token}).status_code


def test_failed_logins_are_counted_once_for_the_whole_desk_across_processes(settings):
    with _serving(settings) as first, _serving(settings) as second:
        # Every attempt names another account (no per-account wait); all come from 127.0.0.1.
        codes = [_fail_login(first if i % 2 else second, f"guess{i}") for i in range(ADDRESS_FAILURES)]
        assert codes == [401] * ADDRESS_FAILURES
        assert _fail_login(first, "one-more") == 429
        assert _fail_login(second, "and-another") == 429


def test_serve_with_several_workers_answers_and_shares_its_limits(settings):
    with _serving(settings, "--workers", "2") as base:
        answers = [httpx.get(f"{base}/healthz", timeout=10).status_code for _ in range(20)]
        assert answers == [200] * 20
        ready = httpx.get(f"{base}/readyz", timeout=10).json()
        assert ready["status"] == "ready" and ready["migrations"] == "current"
        codes = [_fail_login(base, f"guess{i}") for i in range(ADDRESS_FAILURES + 1)]
        assert codes == [401] * ADDRESS_FAILURES + [429]
