"""Search connectors: real clients of real APIs, each turning a query into candidate documents.

- ``wikipedia``: the MediaWiki Action API, ``action=query&list=search`` (no key; a descriptive
  User-Agent, as Wikimedia's policy asks).
- ``factchecktools``: Google Fact Check Tools ``claims:search`` (an API key): fact-checks already
  published, with their publisher, rating and date.
- ``searxng``: a self-hosted SearXNG instance's JSON API (``/search?format=json``).
- ``internal``: the desk's own tickets with a verdict and their evidence notes (always on, offline).

Each call goes through the desk's guarded client (one deadline, a size cap), under a per-connector
rate limit and with a cache of recent queries, both shared through the database; a failure says
which connector and why, and whether waiting would help (``transient``).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Protocol
from urllib.parse import quote, urlsplit

import sqlalchemy as sa
from limits import RateLimitItemPerMinute
from sqlmodel import Session, col, select

from factcheck import __version__
from factcheck.core import netguard
from factcheck.core.config import Settings
from factcheck.core.errors import FactcheckError, TooLarge
from factcheck.core.limits import shared_limits
from factcheck.core.urls import found_url
from factcheck.models import SearchCacheEntry, Ticket, TicketState, utcnow
from factcheck.models.columns import table_of

USER_AGENT = f"factcheck/{__version__} (fact-check desk; https://github.com/factcheck-desk) httpx"
_TAG = re.compile(r"<[^>]+>")
# A search API's answer for a handful of results is a few kilobytes; this is far past any of them.
MAX_ANSWER_BYTES = 2_000_000


@dataclass(frozen=True)
class Result:
    connector: str
    query: str
    url: str
    title: str
    snippet: str = ""
    publisher: str | None = None
    published: str | None = None
    rating: str | None = None
    why: str | None = None  # a model's sentence on why it bears on the claim


class ConnectorError(Exception):
    def __init__(self, connector: str, message: str, *, transient: bool):
        super().__init__(f"{connector}: {message}")
        self.connector, self.message, self.transient = connector, message, transient


class Connector(Protocol):
    """What every connector is: a name (in results, limits, the cache and settings) and a search
    that returns at most ``limit`` results or raises ``ConnectorError``."""

    name: str

    def search(self, query: str, limit: int) -> list[Result]: ...


# The external connectors by the name FACTCHECK_SEARCH_CONNECTORS uses; each registers itself.
EXTERNAL: dict[str, Callable[[Settings], Connector]] = {}


def connector(cls: type[_Http]) -> type[_Http]:
    EXTERNAL[cls.name] = cls
    return cls


def _text(value: object, limit: int = 500) -> str:
    """An API's text as plain text: entities decoded first, then tags stripped (stripping first let
    "&lt;/results&gt;" arrive as a real closing tag), spaces collapsed (no line of its own)."""
    return " ".join(_TAG.sub(" ", html.unescape(str(value or ""))).split())[:limit]


def _http_url(value: object) -> str | None:
    return found_url(str(value or "")[:2000])


class _Http:
    """What every external connector shares: one GET with a timeout, errors sorted into the
    connector's fault, the caller's, or the network's."""

    name = ""

    def __init__(self, settings: Settings):
        self.timeout = settings.search_timeout

    def _get(self, url: str, params: dict) -> dict:
        # Through the desk's guarded client: one deadline for the whole call (a server that drips
        # its answer is cut off) and a cap on the answer's size. The address is the operator's
        # configuration, not a user's, so a SearXNG on the newsroom's own network is allowed.
        try:
            resp = netguard.exchange(
                "GET",
                url,
                netguard.Limits(
                    timeout=self.timeout,
                    max_bytes=MAX_ANSWER_BYTES,
                    allow_private=True,
                    accept=None,
                    user_agent=USER_AGENT,
                    follow_redirects=False,
                    refuse_errors=False,
                ),
                params=params,
            )
        except FactcheckError as exc:
            if isinstance(exc, TooLarge):
                raise ConnectorError(
                    self.name, f"the answer is larger than {MAX_ANSWER_BYTES:,} bytes", transient=False
                ) from None
            if "did not answer" in exc.message:
                raise ConnectorError(self.name, f"no answer within {self.timeout:g} s", transient=True) from None
            raise ConnectorError(self.name, f"unreachable ({exc.message})", transient=True) from None
        if resp.status in (429,) or resp.status >= 500:
            raise ConnectorError(self.name, f"HTTP {resp.status}", transient=True)
        if resp.status in (401, 403):
            raise ConnectorError(self.name, f"HTTP {resp.status}: the key or the instance refused us", transient=False)
        if resp.status >= 400:
            raise ConnectorError(self.name, f"HTTP {resp.status}", transient=False)
        try:
            data = json.loads(resp.body)
        except ValueError:
            raise ConnectorError(self.name, "the answer is not JSON", transient=True) from None
        if not isinstance(data, dict):
            raise ConnectorError(self.name, "the answer is not a JSON object", transient=True)
        return data


@connector
class Wikipedia(_Http):
    name = "wikipedia"

    def __init__(self, settings: Settings):
        super().__init__(settings)
        self.api = settings.wikipedia_api_url
        parts = urlsplit(self.api)
        self.wiki = f"{parts.scheme}://{parts.netloc}/wiki/"

    def search(self, query: str, limit: int) -> list[Result]:
        data = self._get(
            self.api,
            {
                "action": "query",
                "list": "search",
                "srsearch": query,
                "srlimit": limit,
                "format": "json",
                "formatversion": 2,
                "utf8": 1,
            },
        )
        hits = (data.get("query") or {}).get("search") or []
        return [
            Result(
                self.name,
                query,
                self.wiki + quote(str(h.get("title", "")).replace(" ", "_")),
                _text(h.get("title"), 300),
                _text(h.get("snippet")),
                "Wikipedia",
                str(h.get("timestamp") or "")[:10] or None,
            )
            for h in hits
            if isinstance(h, dict) and h.get("title")
        ][:limit]


@connector
class FactCheckTools(_Http):
    name = "factchecktools"

    def __init__(self, settings: Settings):
        super().__init__(settings)
        if settings.factchecktools_key is None:
            raise ConnectorError(self.name, "FACTCHECK_FACTCHECKTOOLS_KEY is not set", transient=False)
        self.key = settings.factchecktools_key.get_secret_value()
        self.url = settings.factchecktools_url

    def search(self, query: str, limit: int) -> list[Result]:
        data = self._get(self.url, {"query": query, "key": self.key, "pageSize": limit, "languageCode": "en"})
        out = []
        for claim in data.get("claims") or []:
            if not isinstance(claim, dict):
                continue
            for review in claim.get("claimReview") or []:
                url = _http_url(review.get("url")) if isinstance(review, dict) else None
                if not url:
                    continue
                publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
                out.append(
                    Result(
                        self.name,
                        query,
                        url,
                        _text(review.get("title") or claim.get("text"), 300),
                        _text(claim.get("text")),
                        _text(publisher.get("name") or publisher.get("site"), 300) or None,
                        str(review.get("reviewDate") or "")[:10] or None,
                        _text(review.get("textualRating"), 200) or None,
                    )
                )
        return out[:limit]


@connector
class SearXNG(_Http):
    name = "searxng"

    def __init__(self, settings: Settings):
        super().__init__(settings)
        if not settings.searxng_url:
            raise ConnectorError(self.name, "FACTCHECK_SEARXNG_URL is not set", transient=False)
        self.url = settings.searxng_url.rstrip("/") + "/search"

    def search(self, query: str, limit: int) -> list[Result]:
        data = self._get(self.url, {"q": query, "format": "json"})
        out = []
        for r in data.get("results") or []:
            url = _http_url(r.get("url")) if isinstance(r, dict) else None
            if url:
                out.append(
                    Result(
                        self.name,
                        query,
                        url,
                        _text(r.get("title"), 300) or url,
                        _text(r.get("content")),
                        urlsplit(url).hostname,
                        str(r.get("publishedDate") or "")[:10] or None,
                    )
                )
        return out[:limit]


class Internal:
    """The desk's own earlier verdicts: a claim checked before is the best source there is."""

    name = "internal"

    def __init__(self, session: Session, exclude_ticket: int | None = None):
        self.session, self.exclude = session, exclude_ticket

    def search(self, query: str, limit: int) -> list[Result]:
        words = sorted({w for w in re.findall(r"[\w']{5,}", query.lower())}, key=len, reverse=True)[:3]
        if not words:
            return []
        stmt = select(Ticket).where(
            col(Ticket.state).in_([TicketState.corroborated, TicketState.disputed]),
            col(Ticket.dismissed_reason).is_(None),
            *[sa.func.lower(Ticket.claim).contains(w) for w in words[:2]],
        )
        if self.exclude:
            stmt = stmt.where(Ticket.id != self.exclude)
        return [
            Result(
                self.name,
                query,
                f"/tickets/{t.id}",
                f"Ticket {t.id}: {t.claim[:200]}",
                t.claim[:500],
                "this desk",
                t.resolved_at.date().isoformat() if t.resolved_at else None,
                t.rating or t.state,
            )
            for t in self.session.exec(stmt.order_by(col(Ticket.id).desc()).limit(limit))
        ]


def external(settings: Settings) -> list[Connector]:
    """The configured external connectors; an unknown name is refused, saying which there are."""
    names = [n.strip().lower() for n in settings.search_connectors.split(",") if n.strip()]
    made = []
    for name in names:
        cls = EXTERNAL.get(name)
        if cls is None:
            raise ConnectorError(
                name, f"unknown connector (choose among {', '.join(sorted(EXTERNAL))})", transient=False
            )
        made.append(cls(settings))
    return made


class Throttle:
    """Per-connector calls a minute, and a cache of recent answers, in the desk's database: every
    worker process counts against one limit and reuses one cache."""

    def search(self, connector, query: str, limit: int, settings: Settings) -> list[Result]:
        shared = shared_limits(settings.database_url)
        key = hashlib.sha256(f"{limit}\n{' '.join(query.lower().split())}".encode()).hexdigest()
        if settings.search_cache_seconds and (hit := _cached(shared.engine, connector.name, key)) is not None:
            return hit
        if not shared.take(RateLimitItemPerMinute(settings.search_per_minute), "search", connector.name):
            raise ConnectorError(
                connector.name, f"more than {settings.search_per_minute} searches a minute; waiting", transient=True
            )
        results = connector.search(query, limit)
        if settings.search_cache_seconds:
            _keep(shared.engine, connector.name, key, results, settings.search_cache_seconds)
        return results


_CACHE = table_of(SearchCacheEntry)


def _cached(engine: sa.Engine, connector: str, key: str) -> list[Result] | None:
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(_CACHE.c.results).where(
                _CACHE.c.connector == connector, _CACHE.c.query_hash == key, _CACHE.c.expires_at > utcnow()
            )
        ).first()
    return [Result(**r) for r in json.loads(row[0])] if row else None


def _keep(engine: sa.Engine, connector: str, key: str, results: list[Result], seconds: int) -> None:
    now = utcnow()
    with engine.begin() as conn:
        conn.execute(
            _CACHE.delete().where(
                sa.or_(_CACHE.c.expires_at <= now, sa.and_(_CACHE.c.connector == connector, _CACHE.c.query_hash == key))
            )
        )
        conn.execute(
            _CACHE.insert().values(
                connector=connector,
                query_hash=key,
                results=json.dumps([asdict(r) for r in results]),
                expires_at=now + timedelta(seconds=seconds),
            )
        )


THROTTLE = Throttle()
