"""Plain ASGI middleware: security headers on every response, and the API's body rules.

Written against ASGI rather than with ``@app.middleware("http")``: that decorator wraps each
response in a streaming copy, which cost every request (the bare ``/healthz`` too) a few
milliseconds on the queue benchmark.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import itsdangerous
from starlette.middleware.sessions import SessionMiddleware

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds the security headers a response has not set itself."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in self.headers if k not in present),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


class CookieSession(SessionMiddleware):
    """Starlette's signed cookie, keyed when the app starts rather than when it is built: the
    desk's own key lives in its database (``core.instance``), which is not open before then.

    The cookie holds only a login's random key, the CSRF token and a one-time message; who is
    logged in is decided by the database (``auth.sessions``).
    """

    def __init__(self, app: ASGIApp, **options: Any) -> None:
        super().__init__(app, secret_key="set when the app starts", **options)
        self.signer: itsdangerous.TimestampSigner | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.signer is None and scope["type"] in ("http", "websocket"):
            self.signer = itsdangerous.TimestampSigner(scope["app"].state.cookie_secret)
        await super().__call__(scope, receive, send)


class ApiBodies:
    """API writes take JSON in UTF-8, of a bounded size; anything else is refused up front, with a
    message, before any route (or the database) sees it. ``limits`` gives some operations (by the
    path after the API's prefix) a limit of their own."""

    def __init__(self, app: ASGIApp, limit: int, limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.limits = limits or {}

    def _limit(self, path: str) -> int:
        for prefix in ("/api/v1", "/api"):
            if path.startswith(prefix + "/"):
                return self.limits.get(path[len(prefix) :], self.limit)
        return self.limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not scope["path"].startswith("/api")
            or scope["method"] not in ("POST", "PUT", "PATCH")
        ):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        limit = self._limit(scope["path"])
        too_large = f"The request body is larger than {limit:,} bytes."
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            await _error(send, 413, "too_large", too_large)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _error(send, 413, "too_large", too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if body.strip():
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                await _error(
                    send,
                    415,
                    "unsupported_media_type",
                    f"Send JSON (Content-Type: application/json), not {ctype or 'an untyped body'}.",
                )
                return
            try:
                body.decode("utf-8")
            except UnicodeDecodeError:
                await _error(send, 415, "unsupported_media_type", "The body is not valid UTF-8 JSON.")
                return
        replayed = False

        async def replay() -> Message:
            # The route reads the body we already read; after that, whatever the client sends next.
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _error(send: Send, status: int, code: str, message: str) -> None:
    payload = json.dumps({"error": {"code": code, "message": message, "details": {}}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": payload})
