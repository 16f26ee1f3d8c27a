"""Admission: at most a fixed number of requests at work at once; the rest wait their turn.

Why it exists: FastAPI runs the desk's synchronous dependencies and routes in anyio's thread pool
(40 threads). A request holds a database connection from its first query to its commit, and
between those it hops threads several times (the session dependency, the user, the route, the
commit). With more requests in flight than pool connections, every thread could end up waiting
for a connection that only a queued hop of another request could give back: the server wedged
for the pool's 30 s time-out and answered 500 (measured: 100 concurrent clients, 40 × 500 and 60
time-outs).

Here a request waits in the event loop, holding no thread and no connection, until one of
``limit`` places is free. ``limit`` is kept below both the pool (``core.db.make_engine``) and the
thread limiter (``raise_thread_limit``), so an admitted request always gets both: under load the
desk answers more slowly, never with a 500. Only a wait longer than ``wait_seconds``, or more than
``max_waiting`` requests queued, is answered 503 with Retry-After.

Liveness (``/healthz``), readiness and static files skip the queue: they touch no database.
"""

from __future__ import annotations

import asyncio
import logging

import anyio.to_thread
from starlette.requests import Request

from factcheck.web.errors import error_json, error_page, wants_json
from factcheck.web.middleware import ASGIApp, Receive, Scope, Send

log = logging.getLogger("factcheck.web")

EXEMPT = ("/healthz", "/readyz", "/static/", "/favicon.ico")


class Admission:
    def __init__(self, app: ASGIApp, *, limit: int, wait_seconds: float, max_waiting: int) -> None:
        self.app = app
        self.limit = limit
        self.wait_seconds = wait_seconds
        self.max_waiting = max_waiting
        self.places = asyncio.Semaphore(limit)
        self.waiting = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        if self.waiting >= self.max_waiting:
            await self._busy(scope, receive, send, "queue full")
            return
        self.waiting += 1
        try:
            async with asyncio.timeout(self.wait_seconds):
                await self.places.acquire()
        except TimeoutError:
            await self._busy(scope, receive, send, f"waited {self.wait_seconds:g} s")
            return
        finally:
            self.waiting -= 1
        scope.setdefault("state", {})["admission"] = self
        try:
            await self.app(scope, receive, send)
        finally:
            self.places.release()

    async def _busy(self, scope: Scope, receive: Receive, send: Send, why: str) -> None:
        log.warning(
            "503 for %s %s: %s (%d at work, %d waiting)", scope["method"], scope["path"], why, self.limit, self.waiting
        )
        retry = str(max(1, round(self.wait_seconds / 3)))
        message = (
            "The desk is answering more requests than it can right now; nothing was done. "
            f"Try again in {retry} seconds."
        )
        request = Request(scope, receive)
        headers = {"Retry-After": retry}
        if wants_json(request):
            response = error_json(503, "busy", message, {"retry_after_seconds": int(retry)}, headers=headers)
        else:
            response = error_page(request, 503, message, headers=headers)
        await response(scope, receive, send)


async def wait_aside(scope: Scope, seconds: float) -> None:
    """Sleep ``seconds`` without holding the request's place (a throttled login's wait): the
    request holds no thread and no connection while it sleeps, and takes its turn again after."""
    if seconds <= 0:
        return
    admission: Admission | None = scope.get("state", {}).get("admission")
    if admission is None:
        await asyncio.sleep(seconds)
        return
    admission.places.release()
    try:
        await asyncio.sleep(seconds)
    finally:
        await admission.places.acquire()


def raise_thread_limit(admitted: int, others: int = 8) -> None:
    """Give anyio's thread pool room for every admitted request plus a few for work outside
    admission (health checks, static files, streamed exports' iterators)."""
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = max(limiter.total_tokens, admitted + others)
