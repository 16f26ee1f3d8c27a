"""Where the public pages link to: on the desk (``/factchecks/12-slug``), or in a static export
meant for the newsroom's own site (``12-slug.html``, every file in one folder). Templates ask
``links`` and never spell an address themselves, so one set of templates serves both."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from factcheck.core.urls import factcheck_path
from factcheck.public.service import PublicCheck


@dataclass(frozen=True)
class DeskLinks:
    """``site``: the desk's public address (Settings.site_url), for what must be absolute."""

    site: str
    export: bool = False

    def page(self, found: PublicCheck) -> str:
        return factcheck_path(found.ticket_id, found.pub.claim)

    def archive(self, found: PublicCheck, sha256: str) -> str:
        return f"{self.page(found)}/archive/{sha256}"

    def index(self, **params: str | int | None) -> str:
        query = urlencode({k: v for k, v in params.items() if v not in (None, "", 1)})
        return "/factchecks" + (f"?{query}" if query else "")

    def feed(self) -> str:
        return "/factchecks.atom"

    def corrections(self) -> str | None:
        return "/corrections"

    def tips(self) -> str | None:
        return "/tips/new"

    def static(self, name: str) -> str:
        return f"/static/{name}"

    def absolute(self, link: str) -> str:
        return self.site + link


@dataclass(frozen=True)
class ExportLinks:
    """``site``: where the exported folder will be published (its index is ``{site}/index.html``)."""

    site: str
    export: bool = True

    def page(self, found: PublicCheck) -> str:
        return f"{found.ticket_id}-{found.slug}.html"

    def archive(self, found: PublicCheck, sha256: str) -> str:
        return f"{found.ticket_id}-archive-{sha256[:16]}.html"

    def index(self, **params: str | int | None) -> str:
        return "index.html"

    def feed(self) -> str:
        return "feed.atom"

    def corrections(self) -> str | None:
        return None  # the corrections are on each page; the log stays on the desk

    def tips(self) -> str | None:
        return None  # the export has no forms: nothing on it talks to the desk

    def static(self, name: str) -> str:
        return f"static/{name}"

    def absolute(self, link: str) -> str:
        return f"{self.site}/{link}"


Links = DeskLinks | ExportLinks
