"""Pages link by route name (``path('ticket_detail', ticket_id=7)``), never by a spelled-out URL:
a route renamed or removed fails here, not on a reader's click."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from factcheck.app import page_router
from factcheck.core.templating import TEMPLATE_DIR

LINK = re.compile(r'(?:href|action|hx-get|hx-post|src)="/')
NAMED = re.compile(r"path\('(\w+)'")


def _page_routes() -> list[tuple[str, str]]:
    found = []

    def walk(router):
        for route in router.routes:
            if hasattr(route, "original_router"):
                walk(route.original_router)
            elif hasattr(route, "methods"):
                found.append((route.name, route.path))

    walk(page_router())
    return found


def _templates() -> list[Path]:
    # The exported report is a standalone file: its links are to the outside world.
    return [p for p in Path(TEMPLATE_DIR).rglob("*.html") if p.name != "report.html"]


def test_no_page_spells_out_a_link_to_the_desk():
    spelled = [
        f"{p.relative_to(TEMPLATE_DIR)}: {m.group(0)}" for p in _templates() for m in LINK.finditer(p.read_text())
    ]
    assert spelled == []


def test_every_route_a_page_names_exists_and_names_one_route():
    names = Counter(name for name, _ in _page_routes())
    assert [n for n, c in names.items() if c > 1] == []
    used = {m.group(1) for p in _templates() for m in NAMED.finditer(p.read_text())}
    assert used and used - set(names) == set()
