"""Commands for articles: ingest one, find its claims again."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from sqlmodel import Session

from factcheck.articles import pages
from factcheck.articles import service as articles
from factcheck.articles.service import group as article_group
from factcheck.cli.common import actor, database, fail, print_json, unit_of_work
from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import FactcheckError
from factcheck.core.webpages import decode
from factcheck.engines import get_engine
from factcheck.engines.base import Engine
from factcheck.flows import ingest as flows_ingest
from factcheck.flows import tasks
from factcheck.jobs import service as jobs
from factcheck.jobs.worker import Worker
from factcheck.models import utcnow
from factcheck.tickets.schemas import TicketBrief


def _read_source(source: str) -> dict:
    if source.startswith(("http://", "https://")):
        return {"url": source, "fetch_url": True}
    if source == "-":
        return {"text": decode(sys.stdin.buffer.read())}
    path = Path(source)
    if not path.is_file():
        raise FactcheckError(f"No such file: {source}")
    raw = decode(path.read_bytes())
    return {"html": raw} if path.suffix.lower() in (".html", ".htm") else {"text": raw}


def ingest(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="A file, a URL, or - for standard input.")],
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tickets as JSON.")] = False,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait/--no-wait",
            help="With a language model: find the claims and draft them now, or leave that to `factcheck worker`.",
        ),
    ] = True,
) -> None:
    """Ingest an article: its check-worthy claims become tickets with drafts."""
    settings = get_settings()
    try:
        pub = date.fromisoformat(published) if published else None
        fields = _read_source(source)
    except ValueError:
        fail("--published must be a date like 2025-11-24.")
    except FactcheckError as exc:
        fail(exc.message)
    if url and "url" not in fields:
        fields["url"] = url
    db = database()
    engine = get_engine(settings, db)
    with unit_of_work(db) as session:
        result = flows_ingest.ingest(
            session,
            engine=engine,
            settings=settings,
            actor=actor(ctx, session),
            req=articles.IngestRequest(title=title, outlet=outlet, published=pub, **fields),
        )
        article_id, created = result.article.id, result.created
    if wait:
        drain(db, engine, settings, article_id)
    with Session(db) as session:
        detail = pages.detail(session, article_id, created=created)
    _report(detail, as_json)


def _report(detail, as_json: bool) -> None:
    article = detail.article
    if as_json:
        print_json(
            {
                "article_id": article.id,
                "created": detail.created,
                "extraction_status": article.extraction_status.value,
                "extraction_summary": detail.extraction_summary,
                "tickets": [t.model_dump(mode="json", include=set(TicketBrief.model_fields)) for t in detail.tickets],
                "rejected_claims": [r.model_dump() for r in detail.rejected_claims],
            }
        )
    else:
        typer.echo(f"{'Ingested' if detail.created else 'Already ingested'} article {article.id}: {article.title}")
        if article.extraction_status == "pending":
            typer.echo(
                f"  its claims will be found by `factcheck worker` (or `factcheck serve`)"
                f"{': ' + article.extraction_error if article.extraction_error else '.'}"
            )
        if detail.extraction_summary:
            typer.echo(f"  {detail.extraction_summary}")
        for t in detail.tickets:
            typer.echo(f"  #{t.id} [{t.score:.2f}] {t.claim}")
    if article.extraction_status == "failed":
        fail(
            f"article {article.id} is stored, but {article.extraction_error} "
            f"(try again: factcheck extract {article.id})"
        )
    if article.extraction_status == "pending" and article.extraction_error:
        fail(f"article {article.id} is stored, but its claims are not found yet: {article.extraction_error}")


def extract(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(help="The article whose claims to find again.")],
) -> None:
    """Find the claims of an article again, after finding them failed."""
    settings = get_settings()
    db = database()
    engine = get_engine(settings, db)
    with unit_of_work(db) as session:
        flows_ingest.retry_extraction(
            session, engine=engine, actor=actor(ctx, session), article_id=article_id, settings=settings
        )
    drain(db, engine, settings, article_id)
    with Session(db) as session:
        _report(pages.detail(session, article_id), as_json=False)


def drain(db: sa.Engine, engine: Engine, settings: Settings, article_id: int) -> int:
    """Do one article's jobs (its claims, then their drafts and searches) in this process, as many at
    once as FACTCHECK_LLM_CONCURRENCY allows, waiting out failures' backoff for up to
    FACTCHECK_CLI_MAX_WAIT seconds; other articles' jobs, and what is left, go to the workers. With
    an engine that needs no queue there is usually nothing to do, and nothing is said."""
    worker = Worker(
        db,
        tasks.registry(engine, settings),
        concurrency=settings.llm_concurrency,
        lease_seconds=settings.job_lease_seconds,
        backoff_start=settings.job_retry_start,
    )
    deadline = time.monotonic() + settings.cli_max_wait
    tries = 0
    while True:
        tries += worker.run_until_idle(group=article_group(article_id))
        with Session(db) as session:
            next_try = jobs.next_try(session, article_group(article_id))
        if next_try is None:
            break
        pause = max(0.0, (next_try - utcnow()).total_seconds())
        if time.monotonic() + pause > deadline:
            typer.echo(
                f"jobs: still waiting (next try {next_try:%H:%M:%S} UTC); `factcheck worker` finishes them.", err=True
            )
            break
        typer.echo(f"jobs: {tries} tries so far; the next try is in {pause:.0f} s", err=True)
        _wait(worker, pause)
    if tries:
        with Session(db) as session:
            ended = jobs.group_counts(session, article_group(article_id))
        typer.echo("jobs: " + ", ".join(f"{n} {status}" for status, n in ended.items() if n), err=True)
    return tries


def _wait(worker: Worker, seconds: float) -> None:
    """Wait out a backoff, but no longer than the endpoint stays down: the worker's probe every few
    seconds notices its return and the waiting jobs run at once."""
    until = time.monotonic() + seconds
    while (left := until - time.monotonic()) > 0:
        time.sleep(min(left, worker.probe_seconds))
        if worker.probe_once():
            return
