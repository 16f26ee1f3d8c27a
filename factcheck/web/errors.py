"""One handler per kind of error: a page for people, ``{"error": {code, message, details}}`` for the API."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from factcheck.core.errors import FactcheckError, NotAuthenticated, PasswordChangeRequired, SecondFactorRequired
from factcheck.core.schemas import PATTERN_MEANINGS


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_json(
    status: int, code: str, message: str, details: dict | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, "details": details or {}}},
        status_code=status,
        headers=headers,
    )


def error_page(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "user": None, "csrf": ""},
        status_code=status,
        headers=headers,
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(FactcheckError)
    async def factcheck_error(request: Request, exc: FactcheckError):
        wait = exc.details.get("retry_after_seconds")
        headers = {"Retry-After": str(wait)} if isinstance(wait, int) else None
        if wants_json(request):
            return error_json(exc.status_code, exc.code, exc.message, exc.details, headers=headers)
        if isinstance(exc, NotAuthenticated):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
        if isinstance(exc, PasswordChangeRequired):
            request.session["flash"] = exc.message
            return RedirectResponse("/account", status_code=303)
        if isinstance(exc, SecondFactorRequired):
            request.session["flash"] = exc.message
            return RedirectResponse("/account#two-factor", status_code=303)
        return error_page(request, exc.status_code, exc.message, headers=headers)

    @app.exception_handler(OverflowError)
    async def out_of_range(request: Request, exc: Exception):
        # A number too large for the database (a page URL typed by hand, say): the request's
        # fault, and nothing was written (the request's transaction is rolled back).
        message = "A number in the request is out of range."
        if wants_json(request):
            return error_json(422, "out_of_range", message)
        return error_page(request, 422, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = [_describe(err) for err in exc.errors()]
        message = "The request is not valid: " + "; ".join(problems)
        if wants_json(request):
            return error_json(422, "invalid_request", message, {"errors": problems})
        return error_page(request, 422, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404:
            message = "There is nothing at this address."
        if exc.status_code == 405:
            message = "That method is not allowed here."
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names the methods of the first route with this path; GET and POST of one
            # address are often two routes.
            headers["Allow"] = ", ".join(_allowed_methods(request))
        if wants_json(request):
            return error_json(exc.status_code, "http_error", message, headers=headers)
        return error_page(request, exc.status_code, message, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    routes = request.app.router.routes
    return [
        method
        for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
        if any(route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes)
    ]


def _describe(err: dict) -> str:
    """One validation problem as a person can act on it: where, and what is wrong with the value."""
    where = ".".join(str(p) for p in err["loc"] if p != "body")
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERN_MEANINGS:
        return f"{where}: {PATTERN_MEANINGS[ctx['pattern']]}"
    if kind == "string_unicode":
        return f"{where}: is not valid Unicode text (it holds an unpaired surrogate such as \\ud800)"
    if kind in ("literal_error", "enum"):
        return f"{where}: {err.get('input')!r} is not one of {ctx.get('expected', 'the allowed values')}"
    return f"{where}: {err['msg']}"
