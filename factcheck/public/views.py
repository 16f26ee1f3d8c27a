"""The public pages' routes: no login, cacheable, only what was published."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from factcheck.core.errors import NotFound
from factcheck.public import feeds, pages, service
from factcheck.public.links import DeskLinks
from factcheck.web.deps import SessionDep, SettingsDep

router = APIRouter()

# Readers and crawlers may keep a page five minutes: a correction reaches them within that.
CACHE = "public, max-age=300"


def _cached(request: Request, body: bytes | str, media_type: str) -> Response:
    """The answer with an ETag of its bytes: a client that has them gets 304 and no body."""
    data = body.encode() if isinstance(body, str) else body
    tag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    headers = {"Cache-Control": CACHE, "ETag": tag}
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(data, media_type=media_type, headers=headers)


def _env(request: Request):
    return request.app.state.templates.env


@router.get("/factchecks")
def factchecks_index(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    q: str | None = None,
    rating: str | None = None,
    page: int = 1,
):
    listing = service.listing(session, rating=rating or None, q=q, page=page)
    links = DeskLinks(settings.site_url)
    return _cached(
        request, pages.index_page(_env(request), listing, links, settings, q, rating), "text/html; charset=utf-8"
    )


@router.get("/factchecks.atom")
def factchecks_feed(request: Request, session: SessionDep, settings: SettingsDep):
    body = feeds.checks_atom(service.every_check(session), DeskLinks(settings.site_url), settings)
    return _cached(request, body, "application/atom+xml; charset=utf-8")


@router.get("/sitemap.xml")
def sitemap(request: Request, session: SessionDep, settings: SettingsDep):
    return _cached(
        request, feeds.sitemap(service.every_check(session), DeskLinks(settings.site_url)), "application/xml"
    )


@router.get("/robots.txt")
def robots(settings: SettingsDep):
    """Crawlers are welcome on the public pages and nowhere else on the desk."""
    lines = ["User-agent: *", "Allow: /factchecks", "Allow: /corrections", "Disallow: /", ""]
    lines.append(f"Sitemap: {settings.site_url}/sitemap.xml")
    return Response("\n".join(lines) + "\n", media_type="text/plain")


def _found(session: SessionDep, key: str) -> service.PublicCheck:
    number = key.split("-", 1)[0]
    if not number.isdigit() or len(number) > 12:
        raise NotFound("There is no fact-check at this address.")
    return service.check(session, int(number))


@router.get("/factchecks/{key}", response_class=HTMLResponse)
def factcheck_page(request: Request, key: str, session: SessionDep, settings: SettingsDep):
    """``/factchecks/12`` or any old slug answers with a permanent redirect to the current address."""
    found = _found(session, key)
    links = DeskLinks(settings.site_url)
    if links.page(found) != request.url.path:
        return RedirectResponse(links.page(found), status_code=301)
    return _cached(request, pages.factcheck_page(_env(request), found, links, settings), "text/html; charset=utf-8")


@router.get("/factchecks/{key}/archive/{sha256}", response_class=HTMLResponse)
def archived_source(request: Request, key: str, sha256: str, session: SessionDep, settings: SettingsDep):
    found = _found(session, key)
    source, text = service.archived_copy(session, found, sha256)
    links = DeskLinks(settings.site_url)
    return _cached(
        request, pages.archive_page(_env(request), found, source, text, links, settings), "text/html; charset=utf-8"
    )
