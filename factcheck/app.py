"""The FastAPI application, assembled: every domain's pages for people and its API for automation."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlmodel import Session
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from factcheck import __version__, health
from factcheck.articles import api as article_api
from factcheck.articles import views as article_views
from factcheck.auth.throttle import LoginThrottle
from factcheck.core.config import Settings, get_settings
from factcheck.core.db import ensure_migrated, make_engine
from factcheck.core.instance import cookie_secret
from factcheck.core.limits import shared_limits
from factcheck.core.templating import STATIC_DIR
from factcheck.dashboard import views as dashboard_views
from factcheck.drafts import api as draft_api
from factcheck.drafts import views as draft_views
from factcheck.engines import get_engine
from factcheck.exports import api as export_api
from factcheck.exports import views as export_views
from factcheck.flows import listeners, tasks
from factcheck.flows.pipeline import Pipeline
from factcheck.jobs.worker import InProcess, start_in_process, stop_in_process
from factcheck.matching import api as matching_api
from factcheck.matching import tasks as embedding
from factcheck.matching import views as matching_views
from factcheck.public import views as public_views
from factcheck.search import api as search_api
from factcheck.search import views as search_views
from factcheck.tickets import api as ticket_api
from factcheck.tickets import forms as ticket_forms
from factcheck.tickets import published
from factcheck.tickets import views as ticket_views
from factcheck.tips import api as tip_api
from factcheck.tips import views as tip_views
from factcheck.trackrecord import api as track_api
from factcheck.trackrecord import views as track_views
from factcheck.users import account_views, login_views
from factcheck.users import api as user_api
from factcheck.users import views as user_views
from factcheck.web import errors, openapi
from factcheck.web.admission import Admission, raise_thread_limit
from factcheck.web.containment import Contain
from factcheck.web.middleware import ApiBodies, CookieSession, SecurityHeaders
from factcheck.web.render import make_templates
from factcheck.webhooks import api as webhook_api
from factcheck.webhooks import service as webhooks
from factcheck.webhooks import views as webhook_views

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def api_router() -> APIRouter:
    router = APIRouter()
    for module in (
        article_api,
        ticket_api,
        draft_api,
        matching_api,
        search_api,
        export_api,
        user_api,
        webhook_api,
        tip_api,
        track_api,
    ):
        router.include_router(module.router)
    return router


def page_router() -> APIRouter:
    router = APIRouter()
    for module in (
        login_views,
        account_views,
        user_views,
        ticket_views,
        ticket_forms,
        draft_views,
        matching_views,
        search_views,
        published,
        public_views,
        tip_views,
        track_views,
        article_views,
        export_views,
        dashboard_views,
        webhook_views,
    ):
        router.include_router(module.router)
    return router


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(
        CookieSession,
        session_cookie="factcheck_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    # Inside Contain, which has read the body by then: a request waits for its place with its body
    # in hand, so a client that drips its body never holds a place.
    app.add_middleware(
        Admission,
        limit=settings.max_concurrent_requests,
        wait_seconds=settings.request_queue_seconds,
        max_waiting=settings.request_queue_max,
    )
    # Outside the cookie session (a second try reads the cookie afresh), inside the rest.
    app.add_middleware(Contain, body_seconds=settings.request_body_seconds)
    # Added last, so outermost: the headers go on every answer, refusals of bad bodies included.
    app.add_middleware(
        ApiBodies,
        limit=settings.max_article_chars * 4 + 65_536,  # UTF-8: ≤ 4 bytes a character
        limits={"/factchecks/import": settings.import_max_bytes},
    )
    app.add_middleware(
        SecurityHeaders,
        headers={
            "Content-Security-Policy": CSP,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
            "X-Frame-Options": "DENY",
        },
    )
    proxies = [p.strip() for p in settings.trusted_proxies.split(",") if p.strip()]
    if proxies:
        # Outermost: every layer (the login throttle's address among them) sees the real client.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=proxies)


def _claims_to_encode(db: Any, settings: Settings) -> bool:
    with Session(db) as session, session.begin():
        return embedding.schedule_if_needed(session, settings)


def _webhooks_registered(db) -> bool:
    with Session(db) as session:
        return webhooks.any_active(session)


class ProcessWorker:
    """This process's job worker, started once it is needed: for a model's jobs, a search connector
    or as soon as a webhook needs deliveries sent (with the offline engine nothing else needs one)."""

    def __init__(self, app: FastAPI, settings: Settings) -> None:
        self.app, self.settings = app, settings
        self.running: InProcess | None = None
        self.lock = threading.Lock()

    def ensure(self) -> None:
        state, settings = self.app.state, self.settings
        with self.lock:
            if settings.worker and self.running is None:
                self.running = start_in_process(
                    state.db,
                    tasks.registry(state.engine, settings),
                    concurrency=settings.llm_concurrency,
                    lease_seconds=settings.job_lease_seconds,
                    poll_seconds=settings.worker_poll_seconds,
                    backoff_start=settings.job_retry_start,
                )

    def stop(self) -> None:
        if self.running is not None:
            stop_in_process(self.running)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    listeners.install()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Built here, not at import, so tests and the CLI choose the database.
        app.state.db = make_engine(settings)
        ensure_migrated(app.state.db)
        raise_thread_limit(settings.max_concurrent_requests)
        app.state.limits = shared_limits(settings.database_url)
        app.state.login_throttle.use(app.state.limits.storage)
        app.state.cookie_secret = cookie_secret(app.state.db, settings)
        app.state.engine = get_engine(settings, app.state.db)
        app.state.flows = Pipeline()
        app.state.worker = ProcessWorker(app, settings)
        app.state.ensure_worker = app.state.worker.ensure
        if (
            not app.state.engine.inline
            or settings.search_connectors.strip()
            or settings.smtp_host
            or _webhooks_registered(app.state.db)
            or _claims_to_encode(app.state.db, settings)
        ):
            app.state.worker.ensure()
        yield
        app.state.worker.stop()
        app.state.db.dispose()

    app = FastAPI(
        title="factcheck",
        version=__version__,
        description="A fact-check desk: articles become claim tickets that reviewers verify.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,  # /docs is openapi.install's, under the desk's CSP
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    # The ticket page, which forms of every domain show again after a refusal (web.forms.act).
    app.state.ticket_page = ticket_views.show_ticket
    app.state.login_throttle = LoginThrottle()
    _add_middleware(app, settings)
    errors.install(app)
    openapi.install(app)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    api = api_router()
    app.include_router(api, prefix="/api/v1")
    # /api is the short, stable alias of the current version.
    app.include_router(api, prefix="/api", include_in_schema=False)
    app.state.pages = page_router()
    app.include_router(app.state.pages, include_in_schema=False)  # pages are for people; the API is documented

    health.install(app)
    return app
