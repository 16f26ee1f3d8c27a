"""Liveness and readiness, for a process manager, a load balancer or an orchestrator.

- ``/healthz``: the process answers (no database, no login, no queue): restart it if not.
- ``/readyz``: it can do the desk's work: the database answers, its schema is the code's, and the
  job worker this process runs (if it runs one) is going round. 503 names what is wrong. It also
  says which workers the desk has (from their heartbeats, wherever they run) and how many jobs
  have waited with nobody taking them.

Both skip the request queue (web/admission.py): a desk that is busy is alive and ready.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from sqlmodel import Session

from factcheck.core.db import migration_status
from factcheck.jobs import service as jobs


def readiness(request: Request) -> tuple[bool, dict]:
    app = request.app
    settings = app.state.settings
    checks: dict = {}
    ready = True
    try:
        current, heads = migration_status(app.state.db)
        checks["database"] = "ok"
        checks["migrations"] = (
            "current" if current in heads else f"at {current or 'none'}, code needs {', '.join(heads)}"
        )
        ready = current in heads
        with Session(app.state.db) as session:
            lease = timedelta(seconds=settings.job_lease_seconds)
            checks["workers"] = [
                {"name": b.name, "seen_at": b.seen_at.isoformat()} for b in jobs.workers_seen(session, within=lease)
            ]
            checks["jobs_waiting_for_a_worker"] = jobs.ready_jobs_waiting(session, older_than=lease)
    except sa.exc.SQLAlchemyError as exc:
        checks["database"] = f"unreachable ({exc.__class__.__name__})"
        ready = False
    running = app.state.worker.running
    if running is not None:
        stale = max(30.0, 5 * settings.worker_poll_seconds)
        alive = running.alive(stale)
        checks["this_process_worker"] = "running" if alive else f"stopped or stuck (no round in {stale:g} s)"
        ready = ready and alive
    else:
        checks["this_process_worker"] = "none"
    return ready, checks


def install(app: FastAPI) -> None:
    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict:
        """Liveness (and the benchmarks' bare baseline): no database, no login, and no thread, so
        it answers even while every worker thread is busy."""
        return {"status": "ok"}

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> RedirectResponse:
        """Browsers ask for it on every page whatever the page's icon link says: not a 404."""
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.get("/readyz", include_in_schema=False)
    def readyz(request: Request) -> JSONResponse:
        ready, checks = readiness(request)
        return JSONResponse({"status": "ready" if ready else "not ready", **checks}, status_code=200 if ready else 503)
