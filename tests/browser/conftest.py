"""A real desk in a real browser: uvicorn on a loopback port, Debian's Chromium through Playwright.

The server runs on its own SQLite file whatever FACTCHECK_TEST_DATABASE_URL says: these tests are
about the pages, and the database paths are covered by the rest of the suite on both databases.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlmodel import Session

from factcheck.auth.permissions import CONSOLE
from factcheck.core.config import Settings
from factcheck.core.db import make_engine, upgrade
from factcheck.users import service as users

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct-horse-battery"
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"

playwright_sync = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(autouse=True)
def _once_in_the_sqlite_pass() -> None:
    if os.environ.get("FACTCHECK_TEST_DATABASE_URL"):
        pytest.skip(
            "run once, in the SQLite pass: the desk these tests start keeps its own SQLite file whatever the database"
        )


@dataclass
class Desk:
    url: str
    settings: Settings
    engine: object
    made: set = field(default_factory=set)

    def user(self, name: str, role: str) -> str:
        if name not in self.made:
            with Session(self.engine) as session:
                users.create_user(session, actor=CONSOLE, name=name, role=role, password=PASSWORD)
                session.commit()
            self.made.add(name)
        return name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def desk(tmp_path_factory) -> Iterator[Desk]:
    import uvicorn

    from factcheck.app import create_app

    tmp = tmp_path_factory.mktemp("browser-desk")
    settings = Settings(
        database_url=f"sqlite:///{tmp / 'desk.db'}",
        org_name="Browser Desk",
        org_url="https://desk.example/",
        public_url="https://checks.desk.example",
    )
    upgrade(settings.database_url)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    engine = make_engine(settings)
    yield Desk(url=f"http://127.0.0.1:{port}", settings=settings, engine=engine)
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


# Package scope: Playwright's sync API keeps an event loop running in the main thread while it is
# open, and tests after the browser tests run asyncio in that thread.
@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did that it should not: dialogs opened, requests to anywhere but the desk."""

    dialogs: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser, desk):
    context = browser.new_context(base_url=desk.url, viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    watch = Watch()

    def on_dialog(dialog):
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "request",
        lambda r: None if r.url.startswith((desk.url, "data:", "about:")) else watch.foreign_requests.append(r.url),
    )
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    page.watch = watch
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, name: str) -> None:
    page.goto("/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login**")


def ingest(page, text: str, title: str) -> int:
    page.goto("/articles/new")
    page.locator("#text").fill(text)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Published").fill("2025-03-04")
    page.get_by_role("button", name="Find the claims").click()
    # Not "**/articles/*": the form's own /articles/new would match before the answer arrives.
    page.wait_for_url(re.compile(r"/articles/\d+$"), wait_until="load")
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """axe-core's findings on the current page at the given impacts, one line each."""
    # Evaluated through the DevTools protocol, which the page's CSP (no inline script) does not
    # govern; a <script> tag would be refused, as it should be.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]
