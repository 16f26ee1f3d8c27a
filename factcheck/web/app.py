"""The FastAPI application: pages for people, /api for automation."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from factcheck import __version__
from factcheck.core.config import Settings, get_settings
from factcheck.core.db import ensure_migrated, make_engine
from factcheck.core.errors import FactcheckError, NotAuthenticated
from factcheck.core.templating import STATIC_DIR, make_templates
from factcheck.engines import get_engine
from factcheck.jobs import service as jobs
from factcheck.jobs.worker import start_in_process
from factcheck.users.throttle import LoginThrottle, RateLimit
from factcheck.web.middleware import ApiBodies, SecurityHeaders

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Built here, not at import, so tests and the CLI choose the database.
        app.state.db = make_engine(settings)
        ensure_migrated(app.state.db)
        app.state.engine = get_engine(settings, app.state.db)
        worker = stop = None
        if settings.worker and not app.state.engine.inline:
            worker, stop = start_in_process(app.state.db, app.state.engine,
                                            lease_seconds=settings.job_lease_seconds,
                                            poll_seconds=settings.worker_poll_seconds)
        yield
        if stop is not None:
            stop.set()
            jobs.work_available.set()
            # A job cut short here is not lost: its lease runs out and the next worker takes it.
            worker.join(timeout=10)
        app.state.db.dispose()

    app = FastAPI(
        title="factcheck",
        version=__version__,
        description="A fact-check desk: articles become claim tickets that reviewers verify.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.login_throttle = LoginThrottle()
    app.state.ingest_limit = RateLimit(settings.ingest_per_minute, 60, what="articles ingested")
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key.get_secret_value(),
        session_cookie="factcheck_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.secure_cookies,
    )

    # Added last, so outermost: the headers go on every answer, refusals of bad bodies included.
    app.add_middleware(ApiBodies, limit=settings.max_article_chars * 4 + 65_536)  # UTF-8: ≤ 4 bytes a character
    app.add_middleware(SecurityHeaders, headers={
        "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
    })

    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    from factcheck.web import api, pages

    app.include_router(api.router, prefix="/api/v1")
    # /api is the short, stable alias of the current version.
    app.include_router(api.router, prefix="/api", include_in_schema=False)
    app.include_router(pages.router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict:
        """Liveness for load balancers (and the benchmarks' bare baseline): no database, no auth."""
        return {"status": "ok"}

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error_json(status: int, code: str, message: str, details: dict | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, "details": details or {}}}, status_code=status
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(FactcheckError)
    async def factcheck_error(request: Request, exc: FactcheckError):
        if _wants_json(request):
            return _error_json(exc.status_code, exc.code, exc.message, exc.details)
        if isinstance(exc, NotAuthenticated):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
        return _error_page(request, exc.status_code, exc.message)

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def out_of_range(request: Request, exc: Exception):
        # A number too large for the database (a page URL typed by hand, say): the request's
        # fault, and nothing was written (the request's transaction is rolled back).
        message = "A number in the request is out of range."
        if _wants_json(request):
            return _error_json(422, "out_of_range", message)
        return _error_page(request, 422, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = [
            f"{'.'.join(str(p) for p in err['loc'] if p != 'body')}: {err['msg']}" for err in exc.errors()
        ]
        message = "The request is not valid: " + "; ".join(problems)
        if _wants_json(request):
            return _error_json(422, "invalid_request", message, {"errors": problems})
        return _error_page(request, 422, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404:
            message = "There is nothing at this address."
        if exc.status_code == 405:
            message = "That method is not allowed here."
        if _wants_json(request):
            return _error_json(exc.status_code, "http_error", message)
        return _error_page(request, exc.status_code, message)


def _error_page(request: Request, status: int, message: str):
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "user": None, "csrf": ""},
        status_code=status,
    )
