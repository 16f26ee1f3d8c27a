"""The last line of the request path: no exception leaves the app as a bare 500.

An exception that no handler turned into an answer would reach Starlette's error middleware,
which answers in plain text and lets the server drop the keep-alive connection unannounced, so
the client's next request failed too. Here it becomes the desk's own error (JSON for the API, a
page for people), the connection stays usable, and a deadlock or serialization failure, which
PostgreSQL resolves by undoing one side, is tried once more before it is reported as a conflict.
"""

from __future__ import annotations

import asyncio
import logging
import secrets

from starlette.requests import Request

from factcheck.core import dberrors
from factcheck.web.errors import error_json, error_page, wants_json
from factcheck.web.middleware import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("factcheck.web")

# A body bigger than this is not kept for a second try (the API refuses larger ones anyway).
REPLAY_LIMIT = 4 * 1024 * 1024


class Contain:
    def __init__(self, app: ASGIApp, body_seconds: float = 30.0) -> None:
        self.app = app
        self.body_seconds = body_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            # One deadline for the whole body: a client that sends a byte now and then is cut off,
            # not given a fresh time-out per read.
            async with asyncio.timeout(self.body_seconds):
                body, complete = await _read_body(scope, receive)
        except TimeoutError:
            log.warning("%s %s: the body did not arrive within %g s", scope["method"], scope["path"], self.body_seconds)
            problem = dberrors.Problem(
                408,
                "request_timeout",
                f"The request's body did not arrive within {self.body_seconds:g} seconds; "
                "nothing was done. Check the connection and send it again.",
            )
            await _answer(scope, receive, send, None, problem)
            return
        for attempt in (1, 2):
            started = False

            async def watch(message: Message) -> None:
                nonlocal started
                if message["type"] == "http.response.start":
                    started = True
                await send(message)

            try:
                await self.app(scope, _replay(body, complete, receive), watch)
                return
            except Exception as exc:  # noqa: BLE001 - this is the boundary that answers for all of them
                if started:
                    raise  # half an answer was sent: only dropping the connection tells the client
                problem = dberrors.classify(exc)
                if problem and problem.retryable and attempt == 1 and complete:
                    log.info("retrying %s %s after a %s", scope["method"], scope["path"], exc.__class__.__name__)
                    continue
                await _answer(scope, receive, send, exc, problem)
                return


async def _read_body(scope: Scope, receive: Receive) -> tuple[bytes | None, bool]:
    """The request body, read whole so it can be given to the app twice; (None, True) for a
    method without one, and (what was read, False) when it is too big to keep."""
    if scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
        return None, True
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks), True
        chunk = message.get("body", b"")
        size += len(chunk)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), True
        if size > REPLAY_LIMIT:
            return b"".join(chunks), False  # the app reads the rest as it comes, and gets one try


def _replay(body: bytes | None, complete: bool, receive: Receive) -> Receive:
    if body is None:
        return receive
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": not complete}
        return await receive()

    return replay


async def _answer(
    scope: Scope, receive: Receive, send: Send, exc: Exception | None, problem: dberrors.Problem | None
) -> None:
    request = Request(scope, receive)
    if problem is None:
        reference = secrets.token_hex(4)
        log.exception("unexpected error %s in %s %s", reference, scope["method"], scope["path"], exc_info=exc)
        problem = dberrors.Problem(
            500,
            "internal_error",
            f"Something went wrong on our side (reference {reference}); nothing was "
            "saved. Try again, and if it happens again tell whoever runs the desk.",
        )
    elif exc is not None:
        log.warning("%s %s: %s", scope["method"], scope["path"], exc.__class__.__name__)
    if wants_json(request):
        response = error_json(problem.status, problem.code, problem.message)
    else:
        response = error_page(request, problem.status, problem.message)
    await response(scope, receive, send)
