"""Commands that run the desk: migrations, the web server, workers, the demo."""

from __future__ import annotations

import os
import secrets
import signal
import threading
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.cli.common import database, fail, unit_of_work
from factcheck.core.config import get_settings
from factcheck.core.db import make_engine, migration_status, upgrade
from factcheck.core.errors import FactcheckError
from factcheck.engines import get_engine
from factcheck.flows import ingest, tasks
from factcheck.jobs.doorbell import DOORBELL
from factcheck.jobs.worker import Worker
from factcheck.users import service as users

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "riverton_water.txt"
DEMO_USER = "demo"

db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Create or migrate the database to the latest schema."""
    upgrade(get_settings().database_url, revision)
    typer.echo(f"Database at {get_settings().database_url} is up to date.")


@db_app.command("current")
def db_current() -> None:
    """Show the database's migration revision."""
    current, heads = migration_status(make_engine(get_settings()))
    typer.echo(f"current: {current or 'none'}; latest: {', '.join(sorted(heads))}")


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes (uvicorn's process manager restarts one that dies). Each takes "
            "FACTCHECK_MAX_CONCURRENT_REQUESTS requests at once; for more than one, PostgreSQL "
            "is the database to use.",
        ),
    ] = 1,
) -> None:
    """Run the web desk (and, with a language model, a worker for its jobs)."""
    settings = get_settings()
    database()
    # proxy_headers off: uvicorn would otherwise believe X-Forwarded-For from any local peer; the
    # app believes only FACTCHECK_TRUSTED_PROXIES.
    # An idle keep-alive connection is kept 65 s (uvicorn's default is 5): a client that reuses it
    # just as the server closes it gets a connection reset; 65 s outlasts the usual 60 s of proxies.
    options = dict(
        host=host or settings.host,
        port=port or settings.port,
        log_level="info",
        proxy_headers=False,
        timeout_keep_alive=65,
    )
    if workers > 1:
        # Each process builds its own app from the environment (the settings this one read).
        uvicorn.run("factcheck.app:create_app", factory=True, workers=workers, **options)
        return
    from factcheck.app import create_app

    uvicorn.run(create_app(settings), **options)


def worker(
    once: Annotated[bool, typer.Option("--once", help="Do the jobs that are ready, then exit.")] = False,
) -> None:
    """Run a worker: takes queued jobs until stopped (Ctrl-C or SIGTERM).

    Run several, on several machines, against one PostgreSQL database; on SQLite one is enough.
    """
    settings = get_settings()
    db = database()
    try:
        engine = get_engine(settings, db)
    except FactcheckError as exc:
        fail(exc.message)
    w = Worker(
        db,
        tasks.registry(engine, settings),
        concurrency=settings.llm_concurrency,
        lease_seconds=settings.job_lease_seconds,
        poll_seconds=settings.worker_poll_seconds,
        backoff_start=settings.job_retry_start,
    )
    if once:
        typer.echo(f"{w.run_until_idle()} jobs done.")
        return
    stop = threading.Event()

    def _stop(*_):
        stop.set()
        DOORBELL.ring()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    typer.echo(f"worker {w.name} taking jobs (engine: {engine.name}); Ctrl-C stops it.", err=True)
    w.run_forever(stop)


def demo(
    serve_after: Annotated[bool, typer.Option("--serve/--no-serve", help="Start the server afterwards.")] = True,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
) -> None:
    """Set up a demo desk: migrated database, a sample article, a demo user; then serve it."""
    settings = get_settings()
    upgrade(settings.database_url)
    db = database()
    # A fresh password each run, printed below: a fixed one would be an admin password anyone
    # who read this file knows, on a desk that may well be reachable by others.
    password = "-".join(secrets.token_hex(3) for _ in range(4))
    with unit_of_work(db) as session:
        try:
            demo_user = users.by_name(session, DEMO_USER)
            users.change_password(session, actor=CONSOLE, user_id=demo_user.id, new_password=password)
        except FactcheckError:
            users.create_user(session, actor=CONSOLE, name=DEMO_USER, role="admin", password=password)
        result = ingest.ingest(
            session,
            engine=get_engine(settings, db),
            settings=settings,
            actor=CONSOLE,
            req=articles.IngestRequest(
                text=SAMPLE.read_text(encoding="utf-8"), outlet="Riverton Ledger (sample)", published=date(2025, 3, 4)
            ),
        )
        article_id, count = result.article.id, len(result.tickets)
    port = port or settings.port
    typer.echo(f"Demo article {article_id} has {count} tickets.")
    typer.echo(f"Log in at http://{settings.host}:{port}/ as {DEMO_USER} with the password {password}")
    if "example.org" in settings.org_url or not settings.public_url:
        # ClaimReview needs a publisher's address and the page it is on: the demo desk is both,
        # so a newcomer can try it.
        local = f"http://{settings.host}:{port}/"
        if "example.org" in settings.org_url:
            os.environ["FACTCHECK_ORG_URL"] = local
        os.environ.setdefault("FACTCHECK_PUBLIC_URL", local)
        get_settings.cache_clear()
        typer.echo(
            f"ClaimReview names this demo desk ({local}) as the publisher and the fact-checks' address; set "
            "FACTCHECK_ORG_URL, FACTCHECK_ORG_NAME and FACTCHECK_PUBLIC_URL before publishing for real."
        )
    if serve_after:
        serve(host=settings.host, port=port)
